import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, launchChromium, RESULT_LINKS, searchDrawn } from "./chromium.ts";
import { buildAndServe, type ServedSite } from "./site-server.ts";

/** Waits for Pagefind's results and returns each page's title and link (not the sections within). */
async function results(page: Page): Promise<{ title: string; href: string }[]> {
  await searchDrawn(page);
  return page.locator(RESULT_LINKS).evaluateAll((links) =>
    links.map((link) => ({ title: link.textContent!.trim(), href: link.getAttribute("href")! })),
  );
}

describeInBrowser("search with Pagefind", () => {
  let browser: Browser;
  let bundled: ServedSite;
  let prefixed: ServedSite;

  beforeAll(async () => {
    [browser, bundled, prefixed] = await Promise.all([
      launchChromium(),
      buildAndServe("bundled"),
      buildAndServe("bundled", { pathPrefix: "/avslutade-projekt/" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), bundled?.close(), prefixed?.close()]);
  });

  it("finds the one project whose body mentions a word, in Swedish", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("sok/?q=inspirationskonferens"));
    expect(await results(page)).toEqual([{ title: "Vinna Vinna", href: "/projekt/vinna-vinna/" }]);
    expect(await page.locator(".pagefind-ui__message").textContent()).toBe("inspirationskonferens gav 1 träff");
    await page.close();
  });

  it("stems Swedish words, and searches the contact directory", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("sok/?q=regionbibliotekarien"));
    expect((await results(page)).map((result) => result.href)).toContain("/kontakt/");
    await page.close();
  });

  it("is reached from the search box in the site header", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("projekt/vinna-vinna/"));
    await page.getByRole("searchbox", { name: "Sök" }).fill("Nordplus");
    await page.getByRole("searchbox", { name: "Sök" }).press("Enter");
    await page.waitForURL(/\/sok\/\?q=Nordplus$/);
    expect((await results(page)).map((result) => result.title)).toContain("Rom for dannelse - Rum för bildning");
    await page.close();
  });

  it("works under a path prefix", async () => {
    const page = await browser.newPage();
    await page.goto(prefixed.url("sok/?q=inspirationskonferens"));
    expect(await results(page)).toEqual([{ title: "Vinna Vinna", href: "/avslutade-projekt/projekt/vinna-vinna/" }]);
    await page.close();
  });

  it("says plainly without JavaScript that search needs it, and links to the full list", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(bundled.url("sok/"));
    const main = page.locator("main");
    expect(await main.innerText()).toContain("Sökningen behöver JavaScript.");
    expect(await main.getByRole("link", { name: "listan över avslutade projekt" }).getAttribute("href")).toBe("/");
    await context.close();
  });
});
