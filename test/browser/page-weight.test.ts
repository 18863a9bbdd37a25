import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import { expect, it } from "vitest";
import { describeInBrowser, PAGE_KINDS } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

/** The first TCP round trip: ten segments of about 1.4 KB. */
const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

describeInBrowser("page weight and reading without scripts", () => {
  const sites = browserAndSites(["bundled"]);

  /** The stylesheets and scripts a page links to, and the gzipped size of its HTML and those together. */
  async function weightOf(sitePath: string): Promise<{ assets: string[]; gzipped: number }> {
    const html = await readFile(path.join(sites.bundled.output, sitePath, "index.html"));
    const root = parse(html.toString());
    const assets = [
      ...root.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute("href")!),
      ...root.querySelectorAll("script[src]").map((script) => script.getAttribute("src")!),
    ];
    const files = [html, ...(await Promise.all(assets.map((asset) => readFile(path.join(sites.bundled.output, asset)))))];
    return { assets, gzipped: files.reduce((total, file) => total + gzipSync(file, { level: 9 }).length, 0) };
  }

  it.each(["projekt/vinna-vinna/", "projekt/rom-for-dannelse/"])("%s: HTML, CSS and JS together fit in 14 KB gzip", async (sitePath) => {
    const { assets, gzipped } = await weightOf(sitePath);
    expect(assets).toEqual(["/assets/style.css", "/assets/consent.js"]);
    expect(gzipped).toBeLessThanOrEqual(FIRST_ROUND_TRIP_BYTES);
  });

  // Pagefind's own library, index and WebAssembly load after the page, as does the list of
  // projects that the CSV download fetches when asked.
  it("sok/: its own HTML, CSS and JS together fit in 14 KB gzip", async () => {
    const { assets, gzipped } = await weightOf("sok/");
    expect(assets).toEqual(["/assets/style.css", "/assets/search.css", "/assets/consent.js", "/assets/search.js"]);
    expect(gzipped).toBeLessThanOrEqual(FIRST_ROUND_TRIP_BYTES);
  });

  // Search is the one function that needs JavaScript; without it the page says so (search.test.ts).
  const contentPages = Object.entries(PAGE_KINDS).filter(([kind]) => kind !== "search");

  it.each(contentPages)("%s: the content reads the same without JavaScript", async (_kind, sitePath) => {
    const readMain = async (javaScriptEnabled: boolean) => {
      const context = await sites.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(sites.bundled.url(sitePath));
      const text = await page.locator("main").innerText();
      await context.close();
      return text;
    };
    const [withScripts, withoutScripts] = await Promise.all([readMain(true), readMain(false)]);
    expect(withoutScripts.length).toBeGreaterThan(60);
    expect(withoutScripts).toBe(withScripts);
  });
});
