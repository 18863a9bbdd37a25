import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readContentFile } from "../../../src/content/reading/source.ts";
import { PROJECT_ROOT } from "../../helpers.ts";

const read = (text: string) => readContentFile("/innehall/projekt/alfa.md", new TextEncoder().encode(text));

describe("splitting a content file into front matter and body", () => {
  it("starts the body on the line after the closing ---, and knows that line's number", () => {
    const source = read("---\ntitle: Alfa\nsummary: Om alfa.\n---\nFörsta stycket.\n\nAndra stycket.\n");
    expect(source.errors).toEqual([]);
    expect(source.data).toEqual({ title: "Alfa", summary: "Om alfa." });
    expect(source.body).toBe("Första stycket.\n\nAndra stycket.\n");
    expect(source.bodyLine).toBe(5);
    expect(source.locate(["summary"])).toBe(3);
  });

  it("reads Windows line endings, spaces after the closing ---, and a file that ends there", () => {
    const windows = read("---\r\ntitle: Alfa\r\n---\r\nText.\r\n");
    expect(windows.data).toEqual({ title: "Alfa" });
    expect(windows.body).toBe("Text.\n"); // line endings become \n when the file is read
    const spaces = read("---\ntitle: Alfa\n---   \nText.\n");
    expect(spaces.body).toBe("Text.\n");
    expect(spaces.bodyLine).toBe(4);
    expect(read("---\ntitle: Alfa\n---").body).toBe("");
  });

  it("reads front matter of comments only as no fields", () => {
    const source = read("---\n# Fyll i fälten nedan.\n---\nText.\n");
    expect(source.errors).toEqual([]);
    expect(source.data).toEqual({});
    expect(source.body).toBe("Text.\n");
  });
});

describe("one reader for content files", () => {
  it("refuses JavaScript front matter without running it", () => {
    const source = read('---js\n({ title: globalThis.ranFrontMatter = "ja" })\n---\nText.\n');
    expect((globalThis as { ranFrontMatter?: string }).ranFrontMatter).toBeUndefined();
    expect(source.data).toBeUndefined();
    expect(source.errors.map((error) => [error.line, error.message])).toEqual([[1, "filen ska börja med en rad med bara --- följd av fälten (front matter)"]]);
  });

  it("is the only module of src/ that calls gray-matter, whose default engines run code", async () => {
    const src = path.join(PROJECT_ROOT, "src");
    const callers: string[] = [];
    for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|mjs|js)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (/["']gray-matter["']/.test(await readFile(file, "utf8"))) callers.push(path.relative(src, file));
    }
    expect(callers).toEqual(["content/reading/source.ts"]);
  });
});
