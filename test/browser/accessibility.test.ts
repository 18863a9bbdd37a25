import { expect, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { describeInBrowser, PAGE_KINDS, searchDrawn } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

describeInBrowser("accessibility with axe-core (WCAG 2.0/2.1 A and AA, best practice)", () => {
  const sites = browserAndSites(["bundled", "consent", "paginated", "documentation", "national"]);

  const cases = Object.entries(PAGE_KINDS).flatMap(([kind, sitePath]) =>
    [1280, 375].flatMap((width) => (["open", "dismissed"] as const).map((notice) => ({ kind, sitePath, width, notice }))),
  );

  it.each(cases)("$kind at $width px with the cookie notice $notice has no violations", async ({ sitePath, width, notice }) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(sites.bundled.url(sitePath));
    if (sitePath.includes("?q=")) await searchDrawn(page); // the search page with its filters and results
    const banner = page.locator("[data-consent-notice]");
    await expect(banner.isVisible()).resolves.toBe(true);
    if (notice === "dismissed") {
      await banner.getByRole("button").click();
      await expect(banner.isHidden()).resolves.toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  const paginatedCases = ["sida/2/", "sida/3/", "kontakt/person-1/"].flatMap((sitePath) =>
    [1280, 375].map((width) => ({ sitePath, width })),
  );

  it.each(paginatedCases)("the paginated list $sitePath at $width px has no violations", async ({ sitePath, width }) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(sites.paginated.url(sitePath));
    await expect(page.locator(".pagination a[aria-current=page]").count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  const documentationCases = ["", "projekt/lasframjande/", "tillganglighet/"].flatMap((sitePath) => [1280, 375].map((width) => ({ sitePath, width })));

  it.each(documentationCases)("the documentation fixture's /$sitePath at $width px (logo, colour, pictures, documents) has no violations", async ({ sitePath, width }) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(sites.documentation.url(sitePath), { waitUntil: "networkidle" });
    await expect(page.locator(".site-name img").count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("[data-consent-notice] button").first().click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  const nationalCases = ["", "projekt/region-dalarna/vinna-vinna/", "projekt/region-dalarna/lasambassadorer/", "organisation/region-dalarna/", "lan/orebro-lan/"].flatMap((sitePath) =>
    [1280, 375].map((width) => ({ sitePath, width })),
  );

  it.each(nationalCases)("the national site's /$sitePath at $width px (harvested projects, organisations, counties) has no violations", async ({ sitePath, width }) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const response = await page.goto(sites.national.url(sitePath));
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([1280, 375])("the consent notice with Godkänn and Avvisa at %i px has no violations", async (width) => {
    const context = await sites.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const sitePath of ["", "kakor/"]) {
      await page.goto(sites.consent.url(sitePath));
      await expect(page.locator("[data-consent-notice]").isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    }
    await context.close();
  });
});
