/**
 * The colour `check` suggests for a colour that fails passes where it is used: the bundled site is
 * built with each suggestion and axe's rules that a colour decides (contrast, links told apart from
 * text) run on every page it has, the cookie notice open: grey panels (contact cards, the notice),
 * buttons and links. The other rules, which no colour changes, run on every page kind in
 * accessibility.test.ts.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveStatic } from "../../src/cli/static-server.ts";
import { buildSite, contentTree, runCli, temporaryWorkspace } from "../helpers.ts";
import { axeRuleViolations, COLOUR_RULES } from "./axe.ts";
import { describeInBrowser, launchChromium } from "./chromium.ts";

const workspace = temporaryWorkspace();

describeInBrowser("the suggested site colour", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["#3e8082", "#777777", "#7aa6d6", "#e07000"])("for %s passes axe's colour rules (contrast, links told apart from text) on every page of the bundled site", async (colour) => {
    const dir = path.join(workspace.dir, colour.slice(1));
    const withColour = (value: string) => ({ "_data/site.yaml": (text: string) => `${text.replace(/^colour:.*\n/m, "")}colour: "${value}"\n` });
    const failing = await contentTree(dir, "exempel", withColour(colour));
    const checked = await runCli("check", [failing]);
    expect(checked.code).toBe(1);
    const suggested = /(#[0-9a-f]{6}) är samma färgton och når kravet mot alla bakgrunder/.exec(checked.stderr)![1]!;
    const content = await contentTree(path.join(dir, "foreslagen"), "exempel", withColour(suggested));
    const built = await buildSite(content, path.join(dir, "_site"), ["--skip-search"]);
    expect(built.code, built.stderr).toBe(0);
    const server = await serveStatic(built.output, {});
    try {
      // Every page the site has, each with the cookie notice open over it.
      const pages = (await readdir(built.output, { recursive: true }))
        .filter((file) => file.endsWith(".html"))
        .map((file) => file.split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1"));
      expect(pages.length).toBeGreaterThan(10);
      // One page for all: the notice stays open, since nothing is chosen in it.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const sitePath of pages) {
        await page.goto(server.url + sitePath);
        expect(await page.locator("[data-consent-notice]").isVisible()).toBe(true);
        expect(await axeRuleViolations(page, COLOUR_RULES), `${suggested} on /${sitePath}`).toEqual([]);
      }
      await context.close();
    } finally {
      await server.close();
    }
  });
});
