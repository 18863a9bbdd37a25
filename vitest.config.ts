import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Build tests run the real command-line build, which takes a second or two each.
    testTimeout: 60_000,
    // Build and browser tests mostly wait on child processes (tsx, Chromium), so two files at a
    // time keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "suite", include: ["test/**/*.test.ts"], exclude: ["test/other-archive.test.ts"], sequence: { groupOrder: 0 } } },
      // The whole suite again on another library's archive: after the rest, alone (test/other-archive.test.ts).
      { extends: true, test: { name: "annat-arkiv", include: ["test/other-archive.test.ts"], sequence: { groupOrder: 1 } } },
    ],
  },
});
