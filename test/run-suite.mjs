/**
 * `npm test`'s runner: the whole suite, once, on a copy of the project whose content/ is another
 * organisation's archive (test/fixtures/annat-arkiv, committed as an adopter commits it).
 *
 * content/ is the library's own archive once the project is taken into use, so no test may depend
 * on it: the tests read the example from test/fixtures/exempel. Running every test with another
 * archive in content/, one with its own people, numbers, logo, colour and warnings, proves that
 * by the outcome, whatever route a test or a command it starts takes to content/ (git ls-files,
 * rsync, a pipeline). The project's real content/ is checked and built by
 * test/build/own-content.test.ts, which is told where it is; test/independence.test.ts fails when
 * the suite is not run this way.
 *
 * The type check (tsc) runs beside the suite rather than before it: it keeps one core busy for
 * about 12 s, which left the other idle while the suite waited for it. A type error stops the suite
 * at once and is printed, as it stopped the suite from starting before.
 *
 * `node test/run-suite.mjs [vitest arguments]` (`npm test`); the exit code is tsc's when the types
 * are wrong, otherwise vitest's. The copy shares node_modules, and with it the compiled commands
 * and vitest's timings. PROJEKTARKIV_KEEP_COPY=1 keeps the copy for a look after a failure.
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ADOPTER_ARCHIVE = "test/fixtures/annat-arkiv";

const typeCheck = spawn(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
let typeCheckOutput = "";
for (const stream of [typeCheck.stdout, typeCheck.stderr]) stream.on("data", (chunk) => (typeCheckOutput += chunk));
/** tsc's exit code, once it has checked the working tree. */
const typeChecked = new Promise((resolve) => typeCheck.on("exit", (code) => resolve(code ?? 1)));

const workspace = mkdtempSync(path.join(os.tmpdir(), "projektarkiv-suite-"));
const copy = path.join(workspace, "projekt");
const remove = () => {
  if (process.env.PROJEKTARKIV_KEEP_COPY === "1") console.log(`The copy is kept at ${copy}`);
  else rmSync(workspace, { recursive: true, force: true });
};

// The project as the working tree has it: tracked files and new ones git does not ignore.
const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, maxBuffer: 64 << 20, encoding: "utf8" });
for (const file of listed.split("\0").filter(Boolean)) {
  if (file.startsWith("content/")) continue;
  mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
  try {
    cpSync(path.join(ROOT, file), path.join(copy, file), { verbatimSymlinks: true });
  } catch (error) {
    if (error.code !== "ENOENT") throw error; // deleted in the working tree, not yet in git
  }
}
cpSync(path.join(ROOT, ADOPTER_ARCHIVE), path.join(copy, "content"), { recursive: true });
const git = (...args) => execFileSync("git", ["-c", "user.name=Region Dalarna", "-c", "user.email=webb@kultur.example.se", ...args], { cwd: copy, stdio: "ignore" });
git("init", "-q", "-b", "main");
git("add", "-A");
git("commit", "-q", "-m", "Vårt arkiv över avslutade projekt");
// The installed packages are shared, and stay out of git as a node_modules folder would.
symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
appendFileSync(path.join(copy, ".git/info/exclude"), "/node_modules\n");

console.log(`The suite runs on a copy of the project whose content/ is ${ADOPTER_ARCHIVE} (${copy}).`);
const vitest = spawn(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)], {
  cwd: copy,
  stdio: "inherit",
  env: { ...process.env, PROJEKTARKIV_SUITE_ARCHIVE: ADOPTER_ARCHIVE, PROJEKTARKIV_OWN_CONTENT: path.join(ROOT, "content") },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    typeCheck.kill(signal);
    vitest.kill(signal);
  });
}
void typeChecked.then((code) => {
  if (code === 0) return;
  process.stderr.write(`\nThe type check (tsc -p .) failed:\n${typeCheckOutput}`);
  vitest.kill("SIGTERM");
});
vitest.on("exit", async (code, signal) => {
  const typeCode = await typeChecked;
  remove();
  process.exit(typeCode !== 0 ? typeCode : (code ?? (signal ? 1 : 0)));
});
