/**
 * A virtual screen reader (@guidepup/virtual-screen-reader) in a real page in Chromium: what a
 * screen reader would announce, phrase by phrase, when its user reads the page from top to bottom.
 *
 * The package is an ES module for DOM environments. It is bundled with esbuild, once per test file
 * that reads a page aloud, into a script that puts `virtual` on `window`, and evaluated through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy (script-src 'self') does not govern:
 * the policy stays on, and its violations stay visible to the page.
 */
import type { Page } from "playwright-core";

declare global {
  interface Window {
    /** The virtual screen reader, put here by {@link readAloud}. */
    virtual: typeof import("@guidepup/virtual-screen-reader").virtual;
  }
}

let bundled: Promise<string> | undefined;

/** The package bundled into one classic script that sets `window.virtual`; bundled on first use. */
function screenReaderScript(): Promise<string> {
  bundled ??= import("esbuild").then(async ({ build }) => {
    const result = await build({
      stdin: { contents: 'import { virtual } from "@guidepup/virtual-screen-reader"; window.virtual = virtual;', resolveDir: import.meta.dirname },
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      logLevel: "warning",
    });
    return result.outputFiles[0]!.text;
  });
  return bundled;
}

/** The virtual screen reader's last phrase on a page: moving on from it starts over at the top. */
const END_OF_DOCUMENT = "end of document";
/** A page longer than this many items is an error rather than a hang. */
const MAX_STEPS = 5000;

/**
 * Every phrase the virtual screen reader speaks while it reads the page's body from the first item
 * to the end, one `next()` at a time, in order; live regions announced meanwhile are among them.
 */
export async function readAloud(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "virtual" in window))) await page.evaluate(await screenReaderScript());
  return page.evaluate(
    async ({ end, maxSteps }) => {
      const { virtual } = window;
      await virtual.start({ container: document.body });
      try {
        for (let step = 0; (await virtual.lastSpokenPhrase()) !== end; step++) {
          if (step === maxSteps) throw new Error(`The virtual screen reader did not reach "${end}" in ${maxSteps} steps`);
          await virtual.next();
        }
        return await virtual.spokenPhraseLog();
      } finally {
        await virtual.stop();
      }
    },
    { end: END_OF_DOCUMENT, maxSteps: MAX_STEPS },
  );
}

/** The ARIA landmark roles a screen reader lets its user jump between. */
const LANDMARK_ROLES = ["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];

/** True for the phrase said on entering a landmark: its role, then its name when it has one ("navigation, Du är här"). */
function isLandmark(phrase: string): boolean {
  return LANDMARK_ROLES.some((role) => phrase === role || phrase.startsWith(`${role}, `));
}

/** True for a heading's phrase, "heading, <text>, level <n>". */
function isHeading(phrase: string): boolean {
  return /^heading, .*, level \d$/s.test(phrase);
}

/** The landmarks announced, in order, as said on entering each one. */
export function landmarks(phrases: readonly string[]): string[] {
  return phrases.filter(isLandmark);
}

/** The headings announced, in order, as "heading, <text>, level <n>". */
export function headings(phrases: readonly string[]): string[] {
  return phrases.filter(isHeading);
}

/** The landmarks and headings together, in the order announced: the page's outline as a screen reader user moves through it. */
export function outline(phrases: readonly string[]): string[] {
  return phrases.filter((phrase) => isLandmark(phrase) || isHeading(phrase));
}

/** The phrases from the first one that `from` matches up to the first one after it that `to` matches, both included. */
export function between(phrases: readonly string[], from: string | RegExp, to: string | RegExp): string[] {
  const matches = (pattern: string | RegExp, phrase: string) => (typeof pattern === "string" ? phrase === pattern : pattern.test(phrase));
  const start = phrases.findIndex((phrase) => matches(from, phrase));
  if (start === -1) return [];
  const end = phrases.findIndex((phrase, index) => index > start && matches(to, phrase));
  return phrases.slice(start, end === -1 ? phrases.length : end + 1);
}
