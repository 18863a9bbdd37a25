import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterEach, describe } from "vitest";
import { CHROMIUM_PATH, launchChromium as launch } from "../../src/cli/browser.ts";
import { waitingFor } from "../waiting.ts";

export { PAGE_KINDS } from "../../src/cli/browser.ts";

/**
 * How long a browser action or a page load may take before it fails with what it was waiting for.
 * Playwright's 30 s is too short on a machine whose cores are busy with other work.
 */
const ACTION_TIMEOUT = 240_000;

/**
 * What the pages of an open context asked for and what went wrong in them, printed when a test
 * fails with the context still open: a wait that timed out then says which requests never got an
 * answer, which failed, and what the page threw, instead of only what it was waiting for.
 */
class PageTrail {
  private readonly open = new Map<Request, number>();
  private readonly problems: string[] = [];
  private readonly since = performance.now();

  private quiet: (() => void)[] = [];
  private watching = false;

  constructor(private readonly context: BrowserContext) {
    context.on("requestfailed", (request) => {
      this.answered(request);
      this.note(`request failed (${request.failure()?.errorText ?? "?"}): ${request.method()} ${request.url()}`);
    });
    context.on("page", (page) => {
      page.on("pageerror", (error) => this.note(`page error: ${error.message}`));
      page.on("crash", () => this.note(`page crashed: ${page.url()}`));
      page.on("console", (message) => {
        if (message.type() === "error") this.note(`console error: ${message.text()}`);
      });
    });
  }

  private answered(request: Request): void {
    this.open.delete(request);
    if (this.open.size > 0) return;
    for (const resolve of this.quiet.splice(0)) resolve();
  }

  /**
   * Keeps every request from now on until it is answered. Only for the tests that ask for it
   * ({@link watchRequests}): Playwright then sends each request's events to the test, which made
   * the browser tests about a tenth slower when every context did it.
   */
  watchRequests(): void {
    if (this.watching) return;
    this.watching = true;
    this.context.on("request", (request) => this.open.set(request, performance.now()));
    this.context.on("requestfinished", (request) => this.answered(request));
  }

  get watchesRequests(): boolean {
    return this.watching;
  }

  /** Resolves once every request the context's pages have made has been answered or has failed. */
  allAnswered(): Promise<void> {
    return this.open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.quiet.push(resolve));
  }

  private note(line: string): void {
    this.problems.push(`${this.seconds(this.since)} s: ${line.slice(0, 300)}`);
    if (this.problems.length > 40) this.problems.splice(0, 1);
  }

  private seconds(from: number): string {
    return ((performance.now() - from) / 1000).toFixed(1);
  }

  report(): string {
    const open = [...this.open].map(([request, since]) => `  ${request.method()} ${request.url()} (open for ${this.seconds(since)} s)`);
    return [
      this.watching ? `Requests without an answer: ${open.length === 0 ? "none" : `\n${open.join("\n")}`}` : "Requests without an answer: not watched (watchRequests)",
      `What went wrong in the pages (seconds since the context opened): ${this.problems.length === 0 ? "nothing" : `\n  ${this.problems.join("\n  ")}`}`,
    ].join("\n");
  }
}

/** The contexts the current file's tests have open, with their trails. */
const openContexts = new Map<BrowserContext, PageTrail>();

afterEach(({ task }) => {
  if (task.result?.state !== "fail" || openContexts.size === 0) return;
  const report = `${openContexts.size} browser context(s) were open:\n${[...openContexts.values()].map((trail) => trail.report()).join("\n")}`;
  // Into the failure's own message, which the summary at the end of the run prints.
  const error = task.result.errors?.[0];
  if (error) error.message = `${error.message}\n${report}`;
  else console.error(`"${task.name}" failed; ${report}`);
  openContexts.clear(); // reported once: a later failure names only its own
});

/**
 * Waits until a page has loaded, drawn its text in its fonts, and had an answer to every request it
 * made: what Playwright's "networkidle" is meant for, without its guess of half a second of quiet
 * (which, with requests routed through the test, can also never come). A request left without an
 * answer is named when the test fails on its time limit.
 */
export async function settled(page: Page): Promise<void> {
  const trail = openContexts.get(page.context());
  if (!trail?.watchesRequests) throw new Error("settled() needs a context of launchChromium()'s browser with watchRequests() called before the page opened");
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await waitingFor("the page's requests to be answered", trail.allAnswered());
}

/** Keeps the context's requests until they are answered: for {@link settled}, and named when a test fails. */
export function watchRequests(context: BrowserContext): void {
  const trail = openContexts.get(context);
  if (!trail) throw new Error("watchRequests() needs a context of a browser started by launchChromium()");
  trail.watchRequests();
}

/** Starts Chromium for a test: every context it opens (newPage opens one) waits up to {@link ACTION_TIMEOUT}. */
export async function launchChromium(): Promise<Browser> {
  const browser = await waitingFor("Chromium to start", launch());
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ACTION_TIMEOUT);
    openContexts.set(context, new PageTrail(context));
    context.on("close", () => openContexts.delete(context));
    return context;
  };
  return browser;
}

const INSTALL_HINT = "Install it with: apt-get update && apt-get install -y chromium";

/** True when Debian's Chromium is installed. Under CI=true its absence is an error, not a skip. */
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (process.env.CI === "true") {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}, and CI=true requires the browser tests. ${INSTALL_HINT}`);
  }
  console.warn(`\n*** SKIPPING the browser tests: no Chromium at ${CHROMIUM_PATH}. ${INSTALL_HINT} ***\n`);
}

/** `describe` when Chromium is there, `describe.skip` (after the loud line above) when it is not. */
export const describeInBrowser = hasChromium ? describe : describe.skip;

/** The search page's links to the pages found (layouts/assets/search.js). */
export const RESULT_LINKS = ".search-list a";

/**
 * Waits until the search page has answered what its form says, filters and results drawn: the
 * results are marked busy in the page's HTML and again from each change of the form (and of the
 * address with it) until the first results are in the list.
 */
export async function searchDrawn(page: Page): Promise<void> {
  await page.locator(".search-results:not([aria-busy])").waitFor();
}
