import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll } from "vitest";
import { waitingFor } from "./waiting.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures");

/**
 * The example archive as the tests know it: a copy of the bundled content/ as it was shipped
 * (Regionbibliotek Örebro-Västmanland's two projects). The tests read this, never content/, which
 * is the library's own archive once it is taken into use; content/ is tested only for passing
 * check and building (test/build/own-content.test.ts).
 */
export const EXAMPLE_CONTENT = path.join(FIXTURES, "exempel");

const run = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one of the project's command-line tools (src/cli/NAME.ts) the way npm does, compiled by src/cli/launch.mjs. */
export async function runCli(
  name: string,
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string } = {},
): Promise<CommandResult> {
  const launcher = path.join(PROJECT_ROOT, "src/cli/launch.mjs");
  try {
    const running = run(process.execPath, [launcher, name, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...process.env, ...options.env },
    });
    // What a person would type, line by line; without it the command reads an empty input.
    running.child.stdin?.end(options.input ?? "");
    const { stdout, stderr } = await waitingFor(`npm run ${[name, ...args].join(" ")}`, running);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A new empty temporary folder, removed by the returned function. */
export async function temporaryFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-test-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A temporary folder for the tests of the calling file: made before they run and removed after.
 * Read `dir` inside a test or hook.
 */
export function temporaryWorkspace(): { readonly dir: string } {
  let folder: Awaited<ReturnType<typeof temporaryFolder>> | undefined;
  beforeAll(async () => {
    folder = await temporaryFolder();
  });
  afterAll(async () => {
    await folder?.remove();
  });
  return {
    get dir() {
      if (!folder) throw new Error("the temporary workspace is made in beforeAll; read it in a test or hook");
      return folder.dir;
    },
  };
}

/**
 * Copies a fixture tree into `dir/content` and applies edits: a string replaces a file's text,
 * a function rewrites it, and null deletes the file.
 */
export async function contentTree(
  dir: string,
  fixture: string,
  edits: Record<string, string | null | ((text: string) => string)> = {},
): Promise<string> {
  const content = path.join(dir, "content");
  await cp(path.join(FIXTURES, fixture), content, { recursive: true });
  for (const [relative, edit] of Object.entries(edits)) {
    const file = path.join(content, relative);
    if (edit === null) {
      await rm(file);
    } else {
      await mkdir(path.dirname(file), { recursive: true });
      const text = typeof edit === "function" ? edit(await readFile(file, "utf8")) : edit;
      await writeFile(file, text);
    }
  }
  return content;
}

/** Builds a content tree with the real command and returns the result and the output folder. */
export async function buildSite(input: string, output: string, extraArgs: readonly string[] = [], env?: Record<string, string>) {
  const result = await runCli("build", [`--input=${input}`, `--output=${output}`, ...extraArgs], env ? { env } : {});
  return { ...result, output };
}

/** Reads and parses one page of a built site, as a visitor's browser receives it. */
export async function readPage(site: string, urlPath: string): Promise<HTMLElement> {
  const file = urlPath.endsWith(".html") ? urlPath : path.join(urlPath, "index.html");
  return parse(await readFile(path.join(site, file), "utf8"));
}

/** The text of an element with white space collapsed, as a screen reader would read it. */
export function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * The minimal fixture whose project alfa has a portrait lead photo, 600 × 900 as a phone takes one
 * upright (red above, blue below), with other `edits` besides.
 */
export async function contentWithPortraitLead(dir: string, edits: Parameters<typeof contentTree>[2] = {}): Promise<string> {
  const content = await contentTree(dir, "minimal", edits);
  const alfa = path.join(content, "projekt/alfa.md");
  await writeFile(alfa, (await readFile(alfa, "utf8")).replace("contacts:", "image:\n  file: portratt.jpg\n  alt: En bibliotekarie vid hyllan med nya böcker.\ncontacts:"));
  const { default: sharp } = await import("sharp");
  const half = { width: 600, height: 450, channels: 3, background: "#c04020" } as const;
  const photo = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#2050a0" } }).composite([{ input: { create: half }, top: 0, left: 0 }]).jpeg().toBuffer();
  await mkdir(path.join(content, "filer"), { recursive: true });
  await writeFile(path.join(content, "filer/portratt.jpg"), photo);
  return content;
}
