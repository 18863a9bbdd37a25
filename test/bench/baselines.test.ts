import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeBaselines } from "../../src/bench/baselines.ts";
import { temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

describe("the benchmark's baselines", () => {
  it("carry each project's title and body to the bare Eleventy and Hugo copies", async () => {
    const content = path.join(workspace.dir, "titlar", "content");
    await mkdir(path.join(content, "projekt"), { recursive: true });
    await writeFile(path.join(content, "projekt/alfa.md"), '---\ntitle: "Alfa: läsning"\nsummary: Om läsning.\n---\nAlfa handlar om läsning.\n');
    const { bare, hugo } = await writeBaselines(content, path.join(workspace.dir, "titlar", "baslinjer"));
    expect(await readFile(path.join(bare, "alfa.md"), "utf8")).toBe('---\nlayout: bare.njk\ntitle: "Alfa: läsning"\n---\nAlfa handlar om läsning.\n');
    expect(await readFile(path.join(hugo, "content/alfa.md"), "utf8")).toBe('---\ntitle: "Alfa: läsning"\n---\nAlfa handlar om läsning.\n');
  });

  it("read the projects through the content reader: JavaScript front matter never runs, and the reader's message stops the benchmark", async () => {
    const content = path.join(workspace.dir, "javascript", "content");
    const marker = path.join(workspace.dir, "javascript", "ran");
    await mkdir(path.join(content, "projekt"), { recursive: true });
    await writeFile(path.join(content, "projekt/alfa.md"), `---js\n({ title: process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran") })\n---\nText.\n`);
    await expect(writeBaselines(content, path.join(workspace.dir, "javascript", "baslinjer"))).rejects.toThrow(
      /projekt\/alfa\.md:1 +filen ska börja med en rad med bara --- följd av fälten \(front matter\)/,
    );
    expect(await stat(marker).catch(() => undefined), "the file's JavaScript ran").toBeUndefined();
  });
});
