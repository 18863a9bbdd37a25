import { expect, it } from "vitest";
import { describeInBrowser } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

describeInBrowser("printing", () => {
  const sites = browserAndSites(["bundled"]);

  it("hides the navigation and the cookie notice, and leaves internal links as they are", async () => {
    const page = await sites.browser.newPage();
    await page.goto(sites.bundled.url("projekt/vinna-vinna/"));
    expect(await page.locator("[data-consent-notice]").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [".skip-link", "[data-consent-notice]", "nav.breadcrumbs", "footer nav"].map((selector) => [
        selector,
        getComputedStyle(document.querySelector(selector)!).display,
      ]),
    );
    expect(hidden).toEqual([
      [".skip-link", "none"],
      ["[data-consent-notice]", "none"],
      ["nav.breadcrumbs", "none"],
      ["footer nav", "none"],
    ]);
    const internal = page.getByRole("link", { name: "Rom for dannelse - Rum för bildning" });
    expect(await internal.evaluate((link) => getComputedStyle(link, "::after").content)).toBe("none");
    expect(await page.locator("main h1").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });

  it("prints the address of an external link after it", async () => {
    const page = await sites.browser.newPage();
    await page.goto(sites.bundled.url("finansiar/statens-kulturrad/"));
    await page.emulateMedia({ media: "print" });
    const website = page.getByRole("link", { name: "Statens kulturråds webbplats" });
    expect(await website.evaluate((link) => getComputedStyle(link, "::after").content)).toBe('" (https://www.kulturradet.se/)"');
    await page.close();
  });
});
