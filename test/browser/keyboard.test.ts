import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, PAGE_KINDS, searchDrawn } from "./chromium.ts";
import { browserAndSites, type ServedSite } from "./site-server.ts";

declare global {
  interface Window {
    /** The properties a focus indicator can change, as one string; injected by {@link lookHelper}. */
    focusLook(element: Element): string;
  }
}

/** Runs in the page before its own scripts. */
function lookHelper() {
  window.focusLook = (element) => {
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none";
    return [outline, style.boxShadow, style.backgroundColor, style.color].join(" | ");
  };
}

/** The focused element's key and look, or null when nothing is focused. */
async function focusLook(page: Page): Promise<{ key: string; look: string } | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    return { key: element.getAttribute("data-focus-key") ?? element.outerHTML.slice(0, 80), look: window.focusLook(element) };
  });
}

/** Marks every visible link, button and field (the search page's checkboxes too), and records how each looks without focus. */
async function focusTargets(page: Page): Promise<Map<string, string>> {
  const entries = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, input")]
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden")
      .map((element, index) => {
        const key = `${index}: ${element.tagName.toLowerCase()} "${element.textContent?.trim()}"`;
        element.setAttribute("data-focus-key", key);
        return [key, window.focusLook(element)] as const;
      }),
  );
  return new Map(entries);
}

/** Presses Tab until the element with this text has focus, at most `limit` times. */
async function tabTo(page: Page, text: string, limit: number): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent)) === text) return;
  }
  throw new Error(`"${text}" was not reached in ${limit} presses of Tab`);
}

describeInBrowser("keyboard use", () => {
  const sites = browserAndSites(["bundled","consent"]);

  async function openPage(site: ServedSite, sitePath: string): Promise<Page> {
    const page = await sites.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(lookHelper);
    // Every link, button and field is in the page's HTML, except the search page's filters and
    // results, which its script draws after the page has loaded: wait for those.
    await page.goto(site.url(sitePath));
    if (sitePath.includes("?q=")) await searchDrawn(page);
    return page;
  }

  it.each(Object.entries(PAGE_KINDS))("%s: the skip link is the first Tab stop and moves focus to main", async (_kind, sitePath) => {
    const page = await openPage(sites.bundled, sitePath);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, href: element.getAttribute("href"), visible: box.top >= 0 && box.height > 0 };
    });
    expect(skip).toEqual({ text: "Till innehållet", href: "#innehall", visible: true });
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("innehall");
    await page.close();
  });

  it.each(Object.entries(PAGE_KINDS))("%s: Tab reaches every link, button and field, each with a visible focus indicator", async (_kind, sitePath) => {
    const page = await openPage(sites.bundled, sitePath);
    const unfocused = await focusTargets(page);
    const reached = new Set<string>();
    const withoutIndicator: string[] = [];
    for (let press = 0; press < unfocused.size + 3; press++) {
      await page.keyboard.press("Tab");
      const focused = await focusLook(page);
      if (!focused) continue;
      reached.add(focused.key);
      if (unfocused.get(focused.key) === focused.look) withoutIndicator.push(focused.key);
    }
    expect([...unfocused.keys()].filter((key) => !reached.has(key))).toEqual([]);
    expect(withoutIndicator).toEqual([]);
    await page.close();
  });

  it("the cookie notice is dismissed with the keyboard alone, and focus moves to the content", async () => {
    const page = await openPage(sites.bundled, "projekt/vinna-vinna/");
    await tabTo(page, "Stäng meddelandet", 5);
    await page.keyboard.press("Enter");
    expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("innehall");
    await page.close();
  });

  it("Avvisa and Godkänn are operated with the keyboard alone", async () => {
    for (const [button, key] of [["Avvisa", "Space"], ["Godkänn", "Enter"]] as const) {
      const context = await sites.browser.newContext();
      const page = await context.newPage();
      await page.goto(sites.consent.url());
      await tabTo(page, button, 6);
      await page.keyboard.press(key);
      expect(await page.locator("[data-consent-notice]").isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("innehall");
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("projektarkiv-samtycke") ?? "null"));
      expect(stored).toEqual({ categories: { statistik: button === "Godkänn" } });
      await context.close();
    }
  });
});
