/**
 * `node src/cli/launch.mjs COMMAND [ARGUMENTS]`: runs the command src/cli/COMMAND.ts, compiled.
 *
 * Run through tsx, every module Node loads passes through tsx's loader hooks in a separate
 * thread; Eleventy and its dependencies are hundreds of modules, which costs close to a second
 * before a command starts working. Here esbuild, the compiler tsx itself uses, bundles src/ and
 * .eleventy.ts into plain ES modules (packages stay imports from node_modules) whenever a source
 * file has changed, in about a tenth of a second, and Node runs the result directly. The dev
 * server (`npm start`) and the tests' own imports still go through tsx.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COMMANDS = ["build", "check", "new", "review", "links", "bench", "screenshots", "import", "ids", "harvest", "setup"];
const CACHE = path.join(ROOT, "node_modules", ".cache", "projektarkiv");
/**
 * Packages loaded from node_modules when a command runs, not bundled into it: those that find
 * their own files, load native code or start programs, and yaml, which is imported on demand (a
 * bundled CommonJS package imported on demand has no named exports).
 */
const EXTERNAL_PACKAGES = ["@11ty/*", "sharp", "pdfjs-dist", "pdfjs-dist/*", "esbuild", "pagefind", "@sveltia/cms", "@sveltia/cms/*", "rdflib", "playwright-core", "tsx", "tsx/*", "yaml"];

/** A fingerprint of every source file and of the installed packages: path, size and modification time. */
function sourceVersion() {
  const sources = readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
    .map((file) => path.join("src", file))
    .concat(".eleventy.ts", "package.json", "package-lock.json")
    .filter((file) => /\.(ts|mjs|json)$/.test(file))
    .sort();
  const hash = createHash("sha256");
  for (const file of sources) {
    const info = statSync(path.join(ROOT, file));
    if (info.isFile()) hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The folder of compiled commands for the current sources, compiled now if need be. */
async function compiledCommands() {
  const folder = path.join(CACHE, sourceVersion());
  if (existsSync(path.join(folder, "complete"))) return folder;
  // Compile into a folder of our own and move it into place, so that commands started at the same
  // time (parallel tests) never see a half-written folder.
  const staging = `${folder}.${process.pid}`;
  const { build } = await import("esbuild");
  await build({
    entryPoints: {
      ...Object.fromEntries(COMMANDS.map((name) => [name, path.join(ROOT, "src/cli", `${name}.ts`)])),
      "eleventy.config": path.join(ROOT, ".eleventy.ts"),
      // The thread that writes the downloads (src/eleventy/downloads.ts) loads it by this name.
      "downloads-worker": path.join(ROOT, "src/open-data/downloads-worker.ts"),
    },
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Packages are bundled too: Node then reads a few files instead of hundreds, which was most of
    // a short command's start (`npm run check` on a small tree: 0.22 s, now 0.15 s).
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS packages call require(); in an ES module it has to be made.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    sourcemap: true,
    logLevel: "warning",
  });
  writeFileSync(path.join(staging, "complete"), "");
  try {
    renameSync(staging, folder);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another command compiled the same sources first
  }
  return folder;
}

const [command, ...args] = process.argv.slice(2);
if (!command || !COMMANDS.includes(command)) {
  console.error(`Okänt kommando "${command ?? ""}". Kommandona är: ${COMMANDS.join(", ")}.`);
  process.exit(2);
}
// `npm run build | head -1` closes the pipe before the command has said everything. What is left
// to print has no reader, which is not a failure of the command: its exit code stays its own.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
const folder = await compiledCommands();
if (process.env.DEBUG) process.setSourceMapsEnabled(true);
process.env.PROJEKTARKIV_ELEVENTY_CONFIG = path.join(folder, "eleventy.config.mjs");
// Validation results are kept on disk for the next command of the same code (validation-cache.ts).
process.env.PROJEKTARKIV_CODE_VERSION = path.basename(folder);
process.env.PROJEKTARKIV_CACHE_DIR = CACHE;
process.argv = [process.argv[0], path.join(ROOT, "src/cli", `${command}.ts`), ...args];
await import(pathToFileURL(path.join(folder, `${command}.mjs`)).href);
