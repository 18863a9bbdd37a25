import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { finishPageWriter, PageWriter, startPageWriter, stopPageWriter } from "../../src/eleventy/page-writer.ts";
import { temporaryFolder } from "../helpers.ts";

describe("writing pages on a second thread", () => {
  it("writes every page into its folder, byte for byte, waiting whenever too much text is unwritten", async () => {
    const workspace = await temporaryFolder();
    try {
      // 2 KB in flight at most: the main thread waits for the writer again and again.
      const writer = new PageWriter(2048);
      const pages = Array.from({ length: 300 }, (_, index) => ({
        file: path.join(workspace.dir, "projekt", `sida-${index}`, "index.html"),
        content: `<h1>Läsfrämjande ${index} – ${"å".repeat(index * 7)}</h1>\n`,
      }));
      for (const page of pages) writer.write(page.file, page.content);
      const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
      writer.write(path.join(workspace.dir, "filer", "binar.pdf"), bytes);
      // A file too large to copy to the thread (4 MB and more) is written at once, in its own folder
      const large = `[${'{"titel":"Läsfrämjande"},'.repeat(200_000)}{}]`;
      writer.write(path.join(workspace.dir, "data", "projekt.json"), large);
      expect(await writer.close()).toEqual({ written: 302 });
      expect(await readFile(path.join(workspace.dir, "data", "projekt.json"), "utf8")).toBe(large);
      for (const page of [pages[0]!, pages[150]!, pages[299]!]) expect(await readFile(page.file, "utf8")).toBe(page.content);
      expect(new Uint8Array(await readFile(path.join(workspace.dir, "filer", "binar.pdf")))).toEqual(bytes);
    } finally {
      await workspace.remove();
    }
  });

  it("fails the build naming the page it could not write", async () => {
    const workspace = await temporaryFolder();
    try {
      await writeFile(path.join(workspace.dir, "projekt"), "a file where a folder should be");
      const writer = new PageWriter();
      writer.write(path.join(workspace.dir, "index.html"), "<h1>Avslutade projekt</h1>");
      writer.write(path.join(workspace.dir, "projekt", "alfa", "index.html"), "<h1>Alfa</h1>");
      await expect(writer.close()).rejects.toThrow(`kunde inte skriva ${path.join(workspace.dir, "projekt", "alfa", "index.html")}`);
      expect(await readFile(path.join(workspace.dir, "index.html"), "utf8")).toBe("<h1>Avslutade projekt</h1>");
    } finally {
      await workspace.remove();
    }
  });

  it("writes an Eleventy build's pages and lets go of their text once they are handed over", async () => {
    const workspace = await temporaryFolder();
    try {
      const input = path.join(workspace.dir, "in");
      const output = path.join(workspace.dir, "ut");
      const template = "---\npagination: { data: titles, size: 1, alias: title }\npermalink: \"/sida-{{ pagination.pageNumber }}/\"\n---\n<h1>{{ title }}</h1>";
      await mkdir(input);
      await writeFile(path.join(input, "sida.njk"), template);
      const eleventy = new Eleventy(input, output, {
        quietMode: true,
        config: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => eleventyConfig.addGlobalData("titles", ["Vinna Vinna", "Rum för bildning"]),
      });
      await eleventy.init();
      expect(await startPageWriter()).toBe(true);
      const [, results] = (await eleventy.write()) as unknown as [unknown, { outputPath: string; content?: string }[]];
      expect(await finishPageWriter()).toEqual({ written: 2 });
      // Eleventy itself would keep every page's text in the result until the build ends.
      expect(results.map((result) => [path.relative(output, result.outputPath), result.content])).toEqual([
        [path.join("sida-0", "index.html"), undefined],
        [path.join("sida-1", "index.html"), undefined],
      ]);
      expect(await readFile(path.join(output, "sida-1", "index.html"), "utf8")).toBe("<h1>Rum för bildning</h1>");
    } finally {
      await stopPageWriter();
      await workspace.remove();
    }
  });

  it("takes over the writing of the installed Eleventy, and gives it back", async () => {
    // Eleventy has no setting for this; the writer replaces two methods of its FileSystemManager and
    // one of its Template.
    // If an upgrade renames them, builds still work but on one thread, and this test says so.
    expect(await startPageWriter()).toBe(true);
    expect(await finishPageWriter()).toEqual({ written: 0 });
    expect(await finishPageWriter()).toBeUndefined();
    await stopPageWriter();
  });
});
