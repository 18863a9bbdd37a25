import { expect, it } from "vitest";
import { describeInBrowser, PAGE_KINDS } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

describeInBrowser("the Content-Security-Policy", () => {
  const sites = browserAndSites(["bundled","consent"]);

  it.each([
    ["the bundled site", "bundled"],
    ["the consent site, after Godkänn", "consent"],
  ] as const)("is never violated on %s, on any page kind", async (_name, which) => {
    const site = which === "bundled" ? sites.bundled : sites.consent;
    const context = await sites.browser.newContext();
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    if (which === "consent") {
      await page.goto(site.url());
      await page.getByRole("button", { name: "Godkänn" }).click();
    }
    const maps: string[] = [];
    for (const sitePath of Object.values(PAGE_KINDS)) {
      await page.goto(site.url(sitePath), { waitUntil: "networkidle" });
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(policy, sitePath).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(await page.evaluate(() => window.cspViolations), sitePath).toEqual([]);
      // The maps of partner countries, files of the site's own, are shown (img-src 'self').
      const shown = await page.evaluate(() => [...document.images].filter((image) => image.getAttribute("src")!.startsWith("/kartor/")).map((image) => ({ src: image.getAttribute("src")!, shown: image.complete && image.naturalWidth > 0 })));
      expect(shown.filter((image) => !image.shown), sitePath).toEqual([]);
      maps.push(...shown.map((image) => image.src));
    }
    if (which === "bundled") expect(maps).toEqual(["/kartor/partnerlander.svg", "/kartor/land-se.svg"]);
    await context.close();
  });

  it("blocks an inline script that found its way into a page", async () => {
    const context = await sites.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    });
    await page.goto(sites.bundled.url("projekt/vinna-vinna/"));
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.title = 'injected'";
      document.body.appendChild(script);
    });
    expect(await page.title()).not.toBe("injected");
    expect(violations.length).toBeGreaterThan(0);
    await context.close();
  });
});
