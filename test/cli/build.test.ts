import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/eleventy/plugin.ts";
import { buildSite, contentTree, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** A stack trace line, as Node prints it. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

describe("npm run build with broken content", () => {
  let result: Awaited<ReturnType<typeof buildSite>>;
  let content: string;

  beforeAll(async () => {
    const dir = path.join(workspace.dir, "broken");
    content = await contentTree(dir, "minimal", {
      "projekt/alfa.md": (text) => text.replace("reviewed: 2020-01-02", "reviewed: 2018-13-01").replace("title: Alfa", "title: Alfa\nreviwed: 2020-01-01"),
      "projekt/beta.md": (text) => text.replace("contentOwner: bo-ek", "contentOwner: bo-eek"),
      "kontakter/anna-berg.md": (text) => text.replace("019-602 72 54", "019-60"),
      "kakor.md": (text) => text.replace("title: Vad är kakor?", "title: [Vad är kakor?"),
    });
    result = await buildSite(content, path.join(dir, "_site"));
  });

  it("exits with code 1 and writes nothing", async () => {
    expect(result.code).toBe(1);
    await expect(readdir(result.output)).rejects.toThrow(/ENOENT/);
    expect((await readdir(path.dirname(result.output))).sort()).toEqual(["content"]);
  });

  it("lists every error of every file, with path, line and field, and no stack trace", () => {
    const relative = content; // outside the working folder, so shown absolute
    expect(result.stderr.trim().split("\n")).toEqual([
      "Innehållet har 5 fel:",
      `  ${relative}/kakor.md:2  ogiltig YAML: en lista inom [ ] saknar sitt avslutande ]; skriv raden så här: title: [Vad är kakor?], eller om det är text och inte en lista: title: "[Vad är kakor?"`,
      `  ${relative}/kontakter/anna-berg.md:5  phones[0]: ogiltigt telefonnummer "019-60"`,
      `  ${relative}/projekt/alfa.md:3  reviwed: okänt fält (menade du reviewed?)`,
      `  ${relative}/projekt/alfa.md:14  reviewed: ogiltigt datum "2018-13-01" (skriv ÅÅÅÅ-MM-DD)`,
      `  ${relative}/projekt/beta.md:8  contentOwner: okänd kontakt "bo-eek": det finns ingen fil kontakter/bo-eek.md (menade du bo-ek?)`,
    ]);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).not.toMatch(STACK_LINE);
  });
});

describe("npm run build keeps the last good site", () => {
  it("leaves the previous output untouched when the content breaks", async () => {
    const dir = path.join(workspace.dir, "atomic");
    const content = await contentTree(dir, "minimal");
    const output = path.join(dir, "_site");
    expect((await buildSite(content, output)).code).toBe(0);
    const before = await readFile(path.join(output, "projekt/alfa/index.html"), "utf8");
    await writeFile(path.join(content, "projekt/alfa.md"), "---\ntitle: Alfa\n");
    const failed = await buildSite(content, output);
    expect(failed.code).toBe(1);
    expect(await readFile(path.join(output, "projekt/alfa/index.html"), "utf8")).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(["_site", "content"]);
  });

  it("replaces the output on success, dropping pages that no longer exist", async () => {
    const dir = path.join(workspace.dir, "replace");
    const content = await contentTree(dir, "minimal");
    const output = path.join(dir, "_site");
    await mkdir(path.join(output, "gammalt"), { recursive: true });
    await writeFile(path.join(output, "gammalt/index.html"), "gammal sida");
    const result = await buildSite(content, output);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Byggde 2 projekt, \d+ filer, till .+ på [\d,]+ s\.$/m);
    expect(await readdir(output)).not.toContain("gammalt");
    expect(await readdir(output)).toContain("index.html");
  });

  it("finishes without a stack trace when its reader has stopped reading (npm run build | head -1)", async () => {
    const dir = path.join(workspace.dir, "head");
    const content = await contentTree(dir, "minimal");
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "src/cli/launch.mjs"), "build", `--input=${content}`, `--output=${path.join(dir, "_site")}`]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // As head does once it has its line: close the pipe. Closed now, every line the build prints finds it closed.
    child.stdout.destroy();
    const [code] = (await once(child, "close")) as [number];
    expect(stderr).not.toMatch(STACK_LINE);
    expect(code).toBe(0);
    expect(await readdir(path.join(dir, "_site"))).toContain("index.html");
  });

  it("refuses an unknown option with a Swedish message and exit code 2", async () => {
    const result = await buildSite("content", path.join(workspace.dir, "x"), ["--utdata=y"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Möjliga val: --input, --output, --pathprefix");
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
