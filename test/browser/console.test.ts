import { expect, it } from "vitest";
import { describeInBrowser, PAGE_KINDS } from "./chromium.ts";
import { browserAndSites } from "./site-server.ts";

describeInBrowser("the browser console", () => {
  const sites = browserAndSites(["bundled"]);

  it.each(Object.entries(PAGE_KINDS))("stays free of errors on the %s page, and every resource loads", async (kind, sitePath) => {
    const page = await sites.browser.newPage();
    const problems: string[] = [];
    const url = sites.bundled.url(sitePath);
    page.on("console", (message) => {
      // The 404 page is answered with status 404, as it must be; Chromium logs that status.
      const isOwnStatus = kind === "notFound" && message.location().url === url && message.text().includes("status of 404");
      if ((message.type() === "error" || message.type() === "warning") && !isOwnStatus) problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("response", (response) => {
      const isPage = response.request().isNavigationRequest();
      if (response.status() >= 400 && !isPage) problems.push(`${response.status()}: ${response.url()}`);
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(kind === "notFound" ? 404 : 200);
    expect(await page.locator('link[rel="icon"]').getAttribute("href")).toBe("/assets/favicon.svg");
    expect(problems).toEqual([]);
    await page.close();
  });
});
