/**
 * The axe helper finds what axe finds, on a page whose policy forbids inline scripts as the site's
 * pages do, and in a frame as the web editor's preview has one: a check that finds nothing proves
 * nothing.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { axeRuleViolations, axeViolations, COLOUR_RULES, WCAG_TAGS } from "./axe.ts";
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

  it.each([
    ["without frames", ""],
    ["with a frame", `<iframe title="Förhandsvisning" srcdoc="${BROKEN.replaceAll('"', "&quot;")}"></iframe>`],
  ])("runs only the rules of the tags asked for, %s", async (_case, frame) => {
    const page = await (await browser.newContext()).newPage();
    // Text outside every landmark breaks the best-practice rule "region", no WCAG rule.
    await page.setContent(`<!doctype html><html lang="sv"><head><title>Test</title></head><body><p>Utanför</p><main><h1>Ram</h1>${frame}</main></body></html>`);
    if (frame) await page.frames()[1]!.waitForSelector("img");
    const all = await axeViolations(page);
    expect(all).toEqual(expect.arrayContaining([expect.stringMatching(/^region \(moderate\): .* at p$/)]));
    if (frame) expect(all).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt .* at iframe img$/)]));
    expect((await axeViolations(page, WCAG_TAGS)).filter((line) => line.startsWith("region"))).toEqual([]);
    await page.context().close();
  });

  it("runs only the colour rules when asked: the grey text is found, the missing alt is not, and a link told apart by colour alone", async () => {
    const page = await (await browser.newContext()).newPage();
    const link = `<p style="color:#000">Läs <a href="/x" style="color:#222;text-decoration:none">mer här</a> om projektet.</p>`;
    await page.setContent(`<!doctype html><html lang="sv"><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>Test</title></head><body>${BROKEN.replace("</main>", `${link}</main>`)}</body></html>`);
    expect((await axeRuleViolations(page, COLOUR_RULES)).sort()).toEqual([expect.stringMatching(/^color-contrast \(serious\): .* at p:nth-child\(2\)$/), expect.stringMatching(/^link-in-text-block \(serious\): .* at a$/)]);
    await page.context().close();
  });
});
