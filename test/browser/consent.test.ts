import type { BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, PAGE_KINDS } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

declare global {
  interface Window {
    statistikLaddad?: number;
    layoutShift?: number;
  }
}

describeInBrowser("cookie consent, end to end", () => {
  const sites = browserAndSites(["consent","bundled"]);

  /** A fresh visitor, with every request for the consent script recorded. */
  async function visitor(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; scriptRequests: string[] }> {
    const context = await sites.browser.newContext(options);
    const scriptRequests: string[] = [];
    context.on("request", (request) => {
      if (request.url().endsWith("/filer/statistik.js")) scriptRequests.push(request.url());
    });
    return { context, page: await context.newPage(), scriptRequests };
  }

  async function cookieNames(context: BrowserContext): Promise<string[]> {
    return (await context.cookies()).map((cookie) => cookie.name);
  }

  it("loads nothing before a choice, and stores nothing", async () => {
    const { context, page, scriptRequests } = await visitor();
    for (const sitePath of ["", "projekt/alfa/", "kakor/"]) {
      await page.goto(sites.consent.url(sitePath), { waitUntil: "networkidle" });
      expect(await page.locator("[data-consent-notice]").isVisible()).toBe(true);
    }
    expect(scriptRequests).toEqual([]);
    expect(await page.evaluate(() => window.statistikLaddad)).toBeUndefined();
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await context.close();
  });

  it("loads the script after Godkänn, and remembers the choice after a reload", async () => {
    const { context, page, scriptRequests } = await visitor();
    await page.goto(sites.consent.url(), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Godkänn" }).click();
    await page.waitForFunction(() => window.statistikLaddad === 1);
    expect(scriptRequests).toHaveLength(1);
    expect(await cookieNames(context)).toEqual(["_pk_id"]);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
    await page.waitForFunction(() => window.statistikLaddad === 1);
    expect(scriptRequests).toHaveLength(2);
    await context.close();
  });

  it("never loads the script after Avvisa, and the choice can be changed on /kakor/", async () => {
    const { context, page, scriptRequests } = await visitor();
    await page.goto(sites.consent.url(), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Avvisa" }).click();
    expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
    await page.reload({ waitUntil: "networkidle" });
    await page.goto(sites.consent.url("projekt/alfa/"), { waitUntil: "networkidle" });
    expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
    expect(scriptRequests).toEqual([]);
    expect(await cookieNames(context)).toEqual([]);

    await page.goto(sites.consent.url("kakor/"), { waitUntil: "networkidle" });
    const settings = page.locator("[data-consent-settings]");
    expect(await settings.locator("[data-consent-status]").textContent()).toBe("Du har avvisat alla kakor som kräver samtycke.");
    await settings.getByRole("button", { name: "Godkänn" }).click();
    await page.waitForFunction(() => window.statistikLaddad === 1);
    expect(await settings.locator("[data-consent-status]").textContent()).toBe("Du har godkänt kakor för statistik.");
    expect(await cookieNames(context)).toEqual(["_pk_id"]);

    // Withdrawing is as easy as giving, and removes the declared cookie.
    await settings.getByRole("button", { name: "Avvisa" }).click();
    expect(await cookieNames(context)).toEqual([]);
    await page.goto(sites.consent.url(), { waitUntil: "networkidle" });
    expect(scriptRequests).toHaveLength(1);
    await context.close();
  });

  it("without JavaScript, every page is readable and nothing that needs consent loads", async () => {
    const { context, page, scriptRequests } = await visitor({ javaScriptEnabled: false });
    for (const site of [sites.consent, sites.bundled]) {
      for (const sitePath of Object.values(PAGE_KINDS)) {
        // Without JavaScript, nothing can ask for more once the page has loaded.
        await page.goto(site.url(sitePath));
        const heading = page.locator("main h1");
        expect(await heading.isVisible()).toBe(true);
        expect((await heading.textContent())?.trim()).not.toBe("");
        expect((await page.locator("main").innerText()).length).toBeGreaterThan(60);
        expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
      }
    }
    expect(scriptRequests).toEqual([]);
    expect(await cookieNames(context)).toEqual([]);
    await context.close();
  });

  it.each([
    ["the bundled site", 1280],
    ["the bundled site", 375],
    ["the consent site", 1280],
    ["the consent site", 375],
  ] as const)("the notice causes no layout shift on %s at %i px (CLS < 0.01)", async (name, width) => {
    const site = name === "the bundled site" ? sites.bundled : sites.consent;
    const context = await sites.browser.newContext({ viewport: { width, height: 700 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) window.layoutShift! += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    // The search page without a query: Pagefind fills in its results progressively, which moves
    // results within the list; that is the answer to a query, not the notice.
    for (const sitePath of Object.values(PAGE_KINDS).map((kindPath) => kindPath.replace(/\?q=.*$/, ""))) {
      await page.goto(site.url(sitePath));
      expect(await page.locator("[data-consent-notice]").isVisible()).toBe(true);
      // A shift is reported with the frame that draws it: wait for two more frames.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await page.evaluate(() => window.layoutShift), sitePath).toBeLessThan(0.01);
    }
    await context.close();
  });
});
