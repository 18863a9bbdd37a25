import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXAMPLE_CONTENT } from "../helpers.ts";
import { describeInBrowser, launchChromium } from "./chromium.ts";
import { startDevServer, type DevServer } from "./dev-server.ts";

/** Reads a vCard with a real parser: name, title and phone numbers. */
function parseVCard(text: string) {
  const card = new ICAL.Component(ICAL.parse(text));
  return {
    kind: card.name,
    name: card.getFirstPropertyValue("fn"),
    structuredName: card.getFirstPropertyValue("n"),
    title: card.getFirstPropertyValue("title"),
    phones: card.getAllProperties("tel").map((phone) => phone.getFirstValue()),
  };
}

describeInBrowser("the contact directory in use", () => {
  let browser: Browser;
  let server: DevServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startDevServer(EXAMPLE_CONTENT)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });

  it("links every phone number as E.164", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}kontakt/`);
    const phones = await page.locator('a[href^="tel:"]').evaluateAll((links) =>
      links.map((link) => [link.textContent, link.getAttribute("href")]),
    );
    expect(phones).toHaveLength(9);
    for (const [text, href] of phones) {
      expect(href).toMatch(/^tel:\+46\d{9}$/);
      expect(href).toBe(`tel:+46${text!.replace(/\D/g, "").slice(1)}`);
    }
    await page.close();
  });

  it("serves each vCard as text/vcard, and the download parses back", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}kontakt/`);
    const cards = await page.locator(".vcard-link a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    expect(cards).toHaveLength(5);
    for (const href of cards) {
      const response = await page.request.get(new URL(href, server.url).href);
      expect(response.headers()["content-type"], href).toBe("text/vcard; charset=utf-8");
    }

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Spara Eva Carlbom i adressboken/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("eva-carlbom.vcf");
    const card = parseVCard(await readFile((await download.path())!, "utf8"));
    expect(card).toEqual({
      kind: "vcard",
      name: "Eva Carlbom",
      structuredName: ["Carlbom", "Eva", "", "", ""],
      title: "Utvecklingsledare - bibliotek, barn, unga",
      phones: ["+46196027290", "+46720835797"],
    });
    await context.close();
  });
});
