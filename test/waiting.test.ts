/**
 * A test that vitest stops on its time limit says which step it was waiting for (test/waiting.ts),
 * and so does a file whose hook was stopped. The two files in test/fixtures/waiting/ wait for
 * steps that never end, under limits of a second, in a vitest of their own.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers.ts";

const run = promisify(execFile);

describe("a test stopped on its time limit", () => {
  it("prints the steps it was waiting for, and so does a file whose hook was stopped", async () => {
    const vitest = path.join(PROJECT_ROOT, "node_modules/vitest/vitest.mjs");
    const failed = await run(process.execPath, [vitest, "run", "--config", "test/fixtures/waiting/vitest.config.ts", "--reporter=verbose"], { cwd: PROJECT_ROOT }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const output = `${failed!.stdout}${failed!.stderr}`;
    expect(output).toMatch(/"waits for a step that never ends" was stopped on its time limit\.\n\s+waiting for a reply that never comes \(for \d+\.\d s\)/);
    expect(output).toMatch(/The file ended with steps still running \(a hook stopped on its time limit\?\):\n\s+waiting for a site that is never built \(for \d+\.\d s\)/);
  });
});
