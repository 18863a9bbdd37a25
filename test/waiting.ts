/**
 * What a test is waiting for, so that a test vitest stops on time says which step it was in.
 *
 * The slow steps of the tests (a command of the project, a site built and served, Chromium
 * starting, Sveltia CMS loading) are wrapped in {@link waitingFor}. When vitest stops a test on its
 * time limit, or a file ends with a step still running (a hook that timed out), the steps still in
 * progress are printed with how long each has run. This file is a vitest setup file
 * (vitest.config.ts), so every test file has the hooks.
 *
 * With PROJEKTARKIV_TEST_STEPS=FILE, every step's kind and seconds are appended to FILE as a line
 * of JSON, which is how docs/testing.md's time per kind was measured.
 */
import { appendFileSync } from "node:fs";
import { afterAll, beforeEach } from "vitest";

const STEP_LOG = process.env.PROJEKTARKIV_TEST_STEPS;

const inProgress = new Map<number, { what: string; since: number }>();
let nextStep = 0;

/** Runs `work`, remembering while it runs that the test is waiting for `what`. */
export async function waitingFor<T>(what: string, work: Promise<T> | (() => Promise<T>)): Promise<T> {
  const id = nextStep++;
  inProgress.set(id, { what, since: performance.now() });
  try {
    return await (typeof work === "function" ? work() : work);
  } finally {
    const seconds = (performance.now() - inProgress.get(id)!.since) / 1000;
    inProgress.delete(id);
    if (STEP_LOG) appendFileSync(STEP_LOG, `${JSON.stringify({ kind: /^npm run \S+/.exec(what)?.[0] ?? what, seconds })}\n`);
  }
}

/** One line per step in progress, oldest first. */
export function stepsInProgress(): string[] {
  const now = performance.now();
  return [...inProgress.values()].map((step) => `${step.what} (for ${((now - step.since) / 1000).toFixed(1)} s)`);
}

function report(heading: string): void {
  const steps = stepsInProgress();
  console.error(`${heading}\n${steps.length > 0 ? steps.map((step) => `  waiting for ${step}`).join("\n") : "  waiting for no step the tests name"}`);
}

beforeEach(({ signal, task }) => {
  signal.addEventListener("abort", () => report(`"${task.name}" was stopped on its time limit.`), { once: true });
});

afterAll(() => {
  if (inProgress.size > 0) report("The file ended with steps still running (a hook stopped on its time limit?):");
});
