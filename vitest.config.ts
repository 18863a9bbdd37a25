import { defineConfig } from "vitest/config";

/** Tests that start Chromium. */
const BROWSER = ["test/browser/**/*.test.ts"];
/**
 * Tests that run a pipeline end to end: the CI jobs and publishing (test/ci/), the site served by
 * Debian's Apache and nginx (test/servers/), the benchmark (build, check, preview, harvest and the
 * national build in one run), and the proof that the suite ran on another archive
 * (test/run-suite.mjs).
 */
const PIPELINE = ["test/ci/**/*.test.ts", "test/servers/**/*.test.ts", "test/cli/bench.test.ts", "test/independence.test.ts"];

export default defineConfig({
  test: {
    // Build, browser and pipeline tests mostly wait on child processes (the compiled commands,
    // Chromium, Apache, nginx, sshd, gitlab-ci-local), so four files at a time keep both cores busy
    // (three left a third of them idle once the server and guide tests came: 383 s against 315 s).
    maxWorkers: 4,
    // Worker threads start faster than processes; the tests' own work is in the commands they start.
    pool: "threads",
    // Limits are for a test that hangs, not for a slow machine: every wait inside a test is on an
    // event, and a machine whose cores are busy with other work takes several times as long.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    setupFiles: ["test/waiting.ts"],
    globalSetup: ["test/global-setup.ts"],
    projects: [
      // `npm run test:quick`: everything but the browser and the pipelines.
      { extends: true, test: { name: "quick", include: ["test/**/*.test.ts"], exclude: [...BROWSER, ...PIPELINE] } },
      { extends: true, test: { name: "browser", include: BROWSER, testTimeout: 600_000 } },
      { extends: true, test: { name: "pipeline", include: PIPELINE, testTimeout: 600_000 } },
    ],
  },
});
