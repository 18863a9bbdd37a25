import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Build tests run the real command-line build, which takes a second or two each.
    testTimeout: 60_000,
    // Build and browser tests mostly wait on child processes (tsx, Chromium), so two files at a
    // time keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 120_000,
  },
});
