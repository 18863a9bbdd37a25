import path from "node:path";
import sharp from "sharp";
import { expect, it } from "vitest";
import { serveStatic } from "../../src/cli/static-server.ts";
import { buildSite, contentWithPortraitLead, temporaryWorkspace } from "../helpers.ts";
import { describeInBrowser } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

/** The sum of layout shifts the page has had, as Chromium measures them (Cumulative Layout Shift). */
const CUMULATIVE_LAYOUT_SHIFT = () =>
  new Promise<number>((resolve) => {
    let total = 0;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) total += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 100);
  });

describeInBrowser("pictures in the browser", () => {
  const sites = browserAndSites(["documentation"]);
  const workspace = temporaryWorkspace();

  /** The site with a portrait lead photo, built once for both screen sizes. */
  let portrait: Promise<string> | undefined;
  const portraitSite = () =>
    (portrait ??= (async () => {
      const content = await contentWithPortraitLead(path.join(workspace.dir, "portratt"));
      const built = await buildSite(content, path.join(workspace.dir, "portratt-site"), ["--skip-search"]);
      expect(built.code, built.stderr).toBe(0);
      return built.output;
    })());

  it.each([
    [1280, 800],
    [375, 600],
  ])("shows a portrait lead photo whole and no higher than 36rem or three quarters of the screen (%i × %i px)", async (width, height) => {
    const server = await serveStatic(await portraitSite(), {});
    const context = await sites.browser.newContext({ viewport: { width, height } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}projekt/alfa/`);
      await page.locator("[data-consent-notice] button").first().click();
      const lead = page.locator(".lead-picture img");
      await lead.evaluate((image: HTMLImageElement) => image.decode());
      await lead.scrollIntoViewIfNeeded();
      const box = (await lead.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(Math.min(36 * 16, 0.75 * height) + 0.5);
      // At the column's full width (600 × 900 shown 1.5 times as high as wide) it would be far higher.
      expect(box.height).toBeLessThan(box.width * 1.5 - 10);
      // Whole, not cropped: the red top and the blue bottom are both drawn, and at 1280 px the
      // narrower picture stands in the middle of the column with the page's white beside it.
      const { data, info } = await sharp(await page.screenshot()).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [...data.subarray((Math.round(y) * info.width + Math.round(x)) * info.channels, (Math.round(y) * info.width + Math.round(x)) * info.channels + 3)];
      const [top, bottom] = [pixel(box.x + box.width / 2, box.y + 4), pixel(box.x + box.width / 2, box.y + box.height - 4)];
      expect(top[0]).toBeGreaterThan(150);
      expect(top[2]).toBeLessThan(100);
      expect(bottom[2]).toBeGreaterThan(120);
      expect(bottom[0]).toBeLessThan(100);
      if (width === 1280) expect(pixel(box.x + 4, box.y + box.height / 2)).toEqual([255, 255, 255]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it.each([1280, 375])("nothing moves while the pictures load, even when they arrive late (%i px)", async (width) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    // Every picture arrives 400 ms after the page, as on a slow connection: a picture without
    // width and height would push the text down when it comes.
    await context.route("**/bilder/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(sites.documentation.url("projekt/lasframjande/"));
    await page.locator("[data-consent-notice] button").first().click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    expect(await page.evaluate(CUMULATIVE_LAYOUT_SHIFT)).toBe(0);
    await context.close();
  });

  it("shows the AVIF file that fits the width, and the small one in the list", async () => {
    const context = await sites.browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
    let page = await context.newPage();
    await page.goto(sites.documentation.url("projekt/lasframjande/"));
    const lead = page.locator(".lead-picture img");
    await expect(lead.evaluate((image: HTMLImageElement) => image.decode().then(() => image.currentSrc))).resolves.toMatch(/-720\.avif$/);
    await context.close();
    // A fresh browser, since one that has the larger file would show it in the list too.
    const fresh = await sites.browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 });
    page = await fresh.newPage();
    await page.goto(sites.documentation.url(""));
    const thumbnail = page.locator(".project-thumbnail img");
    await thumbnail.scrollIntoViewIfNeeded();
    await expect(thumbnail.evaluate((image: HTMLImageElement) => image.decode().then(() => image.currentSrc))).resolves.toMatch(/-320\.avif$/);
    await fresh.close();
  });

  it("loads the logo and the pictures under the site's security policy, without errors", async () => {
    const context = await sites.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("requestfailed", (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(sites.documentation.url("projekt/lasframjande/"), { waitUntil: "networkidle" });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    const sizes = await page.evaluate(() => [...document.images].map((image) => [image.alt, image.naturalWidth > 0, Math.round(image.getBoundingClientRect().height)] as const));
    expect(sizes.map(([alt, loaded]) => [alt, loaded])).toEqual([
      ["Testbiblioteket", true],
      ["Gröna kullar med tre träd under en disig sol.", true],
      ["Karta över de deltagande biblioteken på Åland och i Örebro län.", true],
    ]);
    // The logo is 3rem high in the header.
    expect(sizes[0]![2]).toBe(48);
    expect(problems).toEqual([]);
    // The site's colour is used for links and the header rule.
    const colours = await page.evaluate(() => [getComputedStyle(document.querySelector(".site-header")!).borderBottomColor, getComputedStyle(document.querySelector(".project-body a, main a")!).color]);
    expect(colours[0]).toBe("rgb(29, 107, 58)");
    await context.close();
  });

  it.each([1280, 375])("screenshots show the header rule in the site's colour and the pictures drawn (%i px)", async (width) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(sites.documentation.url("projekt/lasframjande/"), { waitUntil: "networkidle" });
    await page.locator("[data-consent-notice] button").first().click();
    // Dismissing the notice moves focus to the content; the header is what is looked at here.
    await page.evaluate(() => window.scrollTo(0, 0));
    const rule = await page.locator(".site-header").evaluate((header) => Math.floor(header.getBoundingClientRect().bottom) - 2);
    const lead = await page.locator(".lead-picture img").boundingBox();
    const png = await page.screenshot();
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(5, rule)).toEqual([29, 107, 58]);
    // The lead picture is drawn: points across it are neither white nor one flat colour.
    const samples = [
      [0.2, 0.2],
      [0.5, 0.5],
      [0.3, 0.8],
    ].map(([x, y]) => pixel(Math.round(lead!.x + lead!.width * x!), Math.round(lead!.y + lead!.height * y!)).join(","));
    expect(samples).not.toContain("255,255,255");
    expect(new Set(samples).size).toBeGreaterThan(1);
    await context.close();
  });
});
