/**
 * Every XML file a build writes is well-formed XML 1.0, read by Chromium's XML parser (libxml2),
 * which refuses what lenient JavaScript parsers let through, such as Word's U+000B.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { describeInBrowser } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

describeInBrowser("XML outputs, read by a strict XML parser", () => {
  const sites = browserAndSites(["bundled", "documentation", "national"]);

  /** The parser's error for a text, or null when it is well-formed. */
  async function xmlError(text: string): Promise<string | null> {
    const page = await sites.browser.newPage();
    try {
      return await page.evaluate((xml) => {
        const parsed = new DOMParser().parseFromString(xml, "application/xml");
        return parsed.getElementsByTagName("parsererror")[0]?.textContent ?? null;
      }, text);
    } finally {
      await page.close();
    }
  }

  it("refuses what the content now refuses: a feed with Word's line break", async () => {
    expect(await xmlError('<?xml version="1.0" encoding="utf-8"?><feed><summary>a\u000bb</summary></feed>')).toMatch(/error/i);
  });

  it.each(["bundled", "documentation", "national"] as const)("finds every XML file of the %s site well-formed", async (name) => {
    const output = sites[name].output;
    const files = (await readdir(output, { recursive: true })).filter((file) => /\.(xml|rdf)$/.test(file));
    expect(files).toEqual(expect.arrayContaining(["feed.xml", "sitemap.xml"]));
    for (const file of files) expect(await xmlError(await readFile(path.join(output, file), "utf8")), file).toBeNull();
  });
});
