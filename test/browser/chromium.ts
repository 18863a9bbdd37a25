import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe } from "vitest";
import { CHROMIUM_PATH, launchChromium as launch } from "../../src/cli/browser.ts";
import { waitingFor } from "../waiting.ts";

export { PAGE_KINDS } from "../../src/cli/browser.ts";

/**
 * How long a browser action or a page load may take before it fails with what it was waiting for.
 * Playwright's 30 s is too short on a machine whose cores are busy with other work.
 */
const ACTION_TIMEOUT = 240_000;

/** Starts Chromium for a test: every context it opens (newPage opens one) waits up to {@link ACTION_TIMEOUT}. */
export async function launchChromium(): Promise<Browser> {
  const browser = await waitingFor("Chromium to start", launch());
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ACTION_TIMEOUT);
    return context;
  };
  return browser;
}

const INSTALL_HINT = "Install it with: apt-get update && apt-get install -y chromium";

/** True when Debian's Chromium is installed. Under CI=true its absence is an error, not a skip. */
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (process.env.CI === "true") {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}, and CI=true requires the browser tests. ${INSTALL_HINT}`);
  }
  console.warn(`\n*** SKIPPING the browser tests: no Chromium at ${CHROMIUM_PATH}. ${INSTALL_HINT} ***\n`);
}

/** `describe` when Chromium is there, `describe.skip` (after the loud line above) when it is not. */
export const describeInBrowser = hasChromium ? describe : describe.skip;

/** The search page's links to the pages found (layouts/assets/search.js). */
export const RESULT_LINKS = ".search-list a";

/**
 * Waits until the search page has answered what its form says, filters and results drawn: the
 * results are marked busy in the page's HTML and again from each change of the form (and of the
 * address with it) until the first results are in the list.
 */
export async function searchDrawn(page: Page): Promise<void> {
  await page.locator(".search-results:not([aria-busy])").waitFor();
}
