/**
 * `npm run screenshots [-- --input=DIR]`
 *
 * Builds the site, serves it on loopback, and writes a full-page PNG of every page kind at a
 * desktop and a phone width to screenshots/: the first screen with the cookie notice open as a
 * visitor first sees it, then the whole page once the notice is dismissed.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium, PAGE_KINDS } from "./browser.ts";
import { parseCommandLine, reportFailure } from "./command-line.ts";
import { buildWithEleventy } from "./eleventy-build.ts";
import { serveStatic } from "./static-server.ts";

const WIDTHS = [1280, 375];

const { values: options } = parseCommandLine("screenshots", {
  input: { type: "string", default: "content" },
  output: { type: "string", default: "screenshots" },
});

const site = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-bilder-"));
try {
  await buildWithEleventy(path.resolve(options.input), site);
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const folder = path.resolve(options.output);
  await mkdir(folder, { recursive: true });
  for (const [kind, sitePath] of Object.entries(PAGE_KINDS)) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(server.url + sitePath, { waitUntil: "networkidle" });
      await page.screenshot({ path: path.join(folder, `${kind}-${width}.png`) });
      await page.locator("[data-consent-notice] button").first().click();
      await page.screenshot({ path: path.join(folder, `${kind}-${width}-utan-kakmeddelande.png`), fullPage: true });
      await page.close();
    }
  }
  await browser.close();
  await server.close();
  console.log(`Skrev ${Object.keys(PAGE_KINDS).length * WIDTHS.length * 2} bilder till ${path.relative(process.cwd(), folder)}/.`);
} catch (error) {
  reportFailure("Bilderna kunde inte tas", error);
} finally {
  await rm(site, { recursive: true, force: true });
}
