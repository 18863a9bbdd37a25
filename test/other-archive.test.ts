/**
 * The whole test suite, once more, on a copy of the project whose content/ is another library's
 * archive (test/fixtures/annat-arkiv: Region Dalarna's people, projects and 023 numbers, made with
 * `npm run setup`). A library that takes the archive into use replaces content/ with its own; the
 * program's updates reach its site only if the tests pass then too, so they must not depend on
 * what content/ holds.
 *
 * vitest.config.ts runs this file after every other test file, alone, so that the two runs do not
 * compete for the machine. In the inner run it is skipped, which is how it does not run itself.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FIXTURES, PROJECT_ROOT, temporaryWorkspace } from "./helpers.ts";

const run = promisify(execFile);
const INNER = process.env.PROJEKTARKIV_OTHER_ARCHIVE === "1";
const OTHER_ARCHIVE = path.join(FIXTURES, "annat-arkiv");

interface SuiteResult {
  numFailedTests: number;
  numPassedTests: number;
  testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
}

const workspace = temporaryWorkspace();

describe.skipIf(INNER)("the whole suite on another library's archive", () => {
  it(
    "passes with content/ replaced by Region Dalarna's archive",
    async () => {
      // The project as the working tree has it (tracked files and new ones not ignored), as a
      // repository of its own, since the CI tests read it with git; node_modules is shared.
      const copy = path.join(workspace.dir, "projekt");
      await mkdir(copy);
      const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
      for (const file of stdout.split("\0").filter(Boolean)) {
        if (file.startsWith("content/")) continue;
        await cp(path.join(PROJECT_ROOT, file), path.join(copy, file), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error; // deleted in the working tree, not yet in git
        });
      }
      await cp(OTHER_ARCHIVE, path.join(copy, "content"), { recursive: true });
      await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
      const git = (...args: string[]) => run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.se", ...args], { cwd: copy });
      await git("init", "-q", "-b", "main");
      await git("add", "-A");
      await git("commit", "-q", "-m", "Region Dalarnas arkiv");

      const report = path.join(workspace.dir, "resultat.json");
      const suite = await run("npm", ["test", "--", "--reporter=json", `--outputFile=${report}`], {
        cwd: copy,
        env: { ...process.env, PROJEKTARKIV_OTHER_ARCHIVE: "1" },
        maxBuffer: 256 << 20,
      }).then(
        () => ({ code: 0, output: "" }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ""}${error.stderr ?? ""}` }),
      );
      const result = JSON.parse(await readFile(report, "utf8")) as SuiteResult;
      const failed = result.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === "failed").map((test) => `${path.relative(copy, file.name)}: ${test.fullName}`));
      expect(failed, suite.output.slice(-4000)).toEqual([]);
      expect(suite.code).toBe(0);

      // Every test file ran there, and the one about content/ read Region Dalarna's archive.
      const files = (await readdir(path.join(PROJECT_ROOT, "test"), { recursive: true })).filter((file) => file.endsWith(".test.ts")).map((file) => `test/${file}`);
      expect(result.testResults.map((file) => path.relative(copy, file.name)).sort()).toEqual(files.sort());
      expect(result.numPassedTests).toBeGreaterThan(500);
      const ownContent = result.testResults.find((file) => file.name.endsWith("own-content.test.ts"))!;
      expect(ownContent.assertionResults.map((test) => test.status)).toEqual(["passed", "passed"]);
      expect((await readdir(path.join(copy, "content/projekt"))).sort()).toEqual(["biblioteket-som-motesplats.md", "digitalt-forst.md", "lasambassadorer-i-dalarna.md"]);
      await rm(copy, { recursive: true, force: true });
    },
    40 * 60_000,
  );
});
