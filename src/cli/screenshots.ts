/**
 * `npm run screenshots [-- --input=DIR] [--guide]`
 *
 * Builds the site, serves it on loopback, and writes a full-page PNG of every page kind at a
 * desktop and a phone width to screenshots/: the first screen with the cookie notice open as a
 * visitor first sees it, then the whole page once the notice is dismissed. The fixture site with
 * documents, pictures, a logo and a colour (test/fixtures/dokumentation) follows: its archive,
 * a project page and the accessibility statement's generated lists. Then it shows the web
 * editor at /admin/ as an editor meets it: signing in, the list of projects, and a new project's
 * form. With --guide it writes only the pictures of the web editor, into docs/bilder/, where the
 * editor guide shows them.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { copyWithWebEditor, formField, revealField, signInToLocalRepository, useRepositoryInBrowserStorage } from "./admin-session.ts";
import { launchChromium, PAGE_KINDS } from "./browser.ts";
import { parseCommandLine, reportFailure } from "./command-line.ts";
import { buildWithEleventy } from "./eleventy-build.ts";
import { PROJECT_ROOT } from "../eleventy/plugin.ts";
import { serveStatic } from "./static-server.ts";

const WIDTHS = [1280, 375];

const { values: options } = parseCommandLine("screenshots", {
  input: { type: "string", default: "content" },
  output: { type: "string", default: "screenshots" },
  guide: { type: "boolean", default: false },
});

/** Every page kind at each width, with the cookie notice open and dismissed. */
async function pageKinds(browser: Browser, siteUrl: string, folder: string): Promise<number> {
  for (const [kind, sitePath] of Object.entries(PAGE_KINDS)) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(siteUrl + sitePath, { waitUntil: "networkidle" });
      await page.screenshot({ path: path.join(folder, `${kind}-${width}.png`) });
      await page.locator("[data-consent-notice] button").first().click();
      await page.screenshot({ path: path.join(folder, `${kind}-${width}-utan-kakmeddelande.png`), fullPage: true });
      await page.close();
    }
  }
  return Object.keys(PAGE_KINDS).length * WIDTHS.length * 2;
}

/** The documentation fixture's pages: a logo and a colour, pictures, documents, the statement's lists. */
async function documentation(browser: Browser, folder: string): Promise<number> {
  const site = path.join(workspace, "dokumentation");
  await buildWithEleventy(path.join(PROJECT_ROOT, "test/fixtures/dokumentation"), site);
  const server = await serveStatic(site);
  const pages = { arkiv: "", projekt: "projekt/lasframjande/", tillganglighet: "tillganglighet/" };
  for (const [name, sitePath] of Object.entries(pages)) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(server.url + sitePath, { waitUntil: "networkidle" });
      await page.locator("[data-consent-notice] button").first().click();
      // Lazy pictures load once scrolled to.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      await page.screenshot({ path: path.join(folder, `dokumentation-${name}-${width}.png`), fullPage: true });
      await page.close();
    }
  }
  await server.close();
  return Object.keys(pages).length * WIDTHS.length;
}

/** The web editor in a Swedish browser: the sign-in page, the projects, and a new project's form. */
async function webEditor(browser: Browser, siteUrl: string, content: string, folder: string): Promise<number> {
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 1280, height: 800 } });
  await useRepositoryInBrowserStorage(context);
  const page = await context.newPage();
  await page.goto(`${siteUrl}admin/`);
  await page.getByRole("button", { name: /Arbeta med lokalt repository/ }).waitFor();
  // The sign-in page fades in.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await page.screenshot({ path: path.join(folder, "redigera-logga-in.png") });
  await signInToLocalRepository(page, `${siteUrl}admin/`, content);
  // The list, once its rows are drawn and the splash screen has faded out.
  await page.getByRole("row").nth(1).waitFor();
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await page.screenshot({ path: path.join(folder, "redigera-projekt.png") });
  await page.getByRole("button", { name: "Skapa ny post" }).first().click();
  await page.getByRole("status").filter({ hasText: /Du skapar nu en ny post/ }).waitFor();
  await formField(page, "title").getByRole("textbox").fill("Läsfrämjande på Åland och i Örebro");
  await formField(page, "summary").getByRole("textbox").fill("Ett nordiskt samarbete om läsfrämjande för unga.");
  // The preview beside the form has caught up with the title.
  await page.frameLocator("iframe").first().getByRole("heading", { level: 1, name: "Läsfrämjande på Åland och i Örebro" }).waitFor();
  await page.screenshot({ path: path.join(folder, "redigera-nytt-projekt.png") });
  await revealField(page, "draft");
  await page.screenshot({ path: path.join(folder, "redigera-utkast.png") });
  await context.close();
  return 4;
}

const workspace = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-bilder-"));
try {
  const content = await copyWithWebEditor(path.resolve(options.input), path.join(workspace, "content"));
  const site = path.join(workspace, "_site");
  await buildWithEleventy(content, site);
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const folder = path.resolve(options.guide ? "docs/bilder" : options.output);
  await mkdir(folder, { recursive: true });
  const written =
    (options.guide ? 0 : (await pageKinds(browser, server.url, folder)) + (await documentation(browser, folder))) +
    (await webEditor(browser, server.url, content, folder));
  await browser.close();
  await server.close();
  console.log(`Skrev ${written} bilder till ${path.relative(process.cwd(), folder)}/.`);
} catch (error) {
  reportFailure("Bilderna kunde inte tas", error);
} finally {
  await rm(workspace, { recursive: true, force: true });
}
