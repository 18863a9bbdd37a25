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

  it.each(["projekt/vinna-vinna/", "projekt/rom-for-dannelse/"])("%s: HTML, CSS and JS together fit in 14 KB gzip", async (sitePath) => {
    const htmlFile = path.join(sites.bundled.output, sitePath, "index.html");
    const html = await readFile(htmlFile);
    const root = parse(html.toString());
    const assets = [
      ...root.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute("href")!),
      ...root.querySelectorAll("script[src]").map((script) => script.getAttribute("src")!),
    ];
    expect(assets).toEqual(["/assets/style.css", "/assets/consent.js"]);
    const files = [html, ...(await Promise.all(assets.map((asset) => readFile(path.join(sites.bundled.output, asset)))))];
    const gzipped = files.reduce((total, file) => total + gzipSync(file, { level: 9 }).length, 0);
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
