/**
 * The axe helper finds what axe finds, on a page whose policy forbids inline scripts as the site's
 * pages do, and in a frame as the web editor's preview has one: a check that finds nothing proves
 * nothing.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { describeInBrowser, launchChromium } from "./chromium.ts";

const BROKEN = `<main><h1>Rubrik</h1><p style="color:#aaa;background:#fff">Grå text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>`;

describeInBrowser("axeViolations", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("names each violation and element on a page under a strict Content-Security-Policy, twice in a row", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(`<!doctype html><html lang="sv"><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>Test</title></head><body>${BROKEN}</body></html>`);
    const expected = [expect.stringMatching(/^color-contrast \(serious\): .* at p$/), expect.stringMatching(/^image-alt \(critical\): .* at img$/)];
    expect((await axeViolations(page)).sort()).toEqual(expected);
    expect((await axeViolations(page)).sort()).toEqual(expected);
    await page.context().close();
  });

  it("looks inside frames", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(`<!doctype html><html lang="sv"><head><title>Test</title></head><body><main><h1>Ram</h1><iframe title="Förhandsvisning" srcdoc="${BROKEN.replaceAll('"', "&quot;")}"></iframe></main></body></html>`);
    await page.frames()[1]!.waitForSelector("img");
    expect(await axeViolations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt .* at iframe img$/)]));
    await page.context().close();
  });
});
