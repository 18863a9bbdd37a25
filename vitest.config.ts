import { defineConfig } from "vitest/config";

/** Tests that start Chromium, and those that run the project's pipelines and the proof of test/run-suite.mjs. */
const BROWSER = ["test/browser/**/*.test.ts"];
const PIPELINE = ["test/ci/**/*.test.ts", "test/independence.test.ts"];

export default defineConfig({
  test: {
    // Build and browser tests mostly wait on child processes (the compiled commands, Chromium), so
    // two files at a time keep both cores busy.
    maxWorkers: 2,
    // Limits are for a test that hangs, not for a slow machine: every wait inside a test is on an
    // event, and a machine whose cores are busy with other work takes several times as long.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    setupFiles: ["test/waiting.ts"],
    projects: [
      // `npm run test:quick`: everything but the browser and the pipelines.
      { extends: true, test: { name: "quick", include: ["test/**/*.test.ts"], exclude: [...BROWSER, ...PIPELINE] } },
      { extends: true, test: { name: "browser", include: BROWSER, testTimeout: 600_000 } },
      { extends: true, test: { name: "pipeline", include: PIPELINE, testTimeout: 600_000 } },
    ],
  },
});
