import { copyFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { contentTree, FIXTURES, PROJECT_ROOT, runCli, temporaryFolder } from "../helpers.ts";
import { describeInBrowser, launchChromium } from "./chromium.ts";
import { startDevServer, type DevServer } from "./dev-server.ts";

/** Fetches a page until it satisfies `ready`, as the dev server rebuilds after a save. */
async function pageWhen(url: string, ready: (html: string, status: number) => boolean): Promise<string> {
  const deadline = Date.now() + 240_000; // a hang, not a slow machine
  let last = "";
  while (Date.now() < deadline) {
    const response = await fetch(url);
    last = await response.text();
    if (ready(last, response.status)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never became ready; last response:\n${last.slice(0, 500)}`);
}

describeInBrowser("the live preview (npm start)", () => {
  let browser: Browser;
  let server: DevServer;
  let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
  let content: string;

  beforeAll(async () => {
    workspace = await temporaryFolder();
    content = await contentTree(workspace.dir, "minimal");
    [browser, server] = await Promise.all([launchChromium(), startDevServer(content)]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
    await workspace?.remove();
  });

  it("shows a project made with npm run new at once, marked as a draft", async () => {
    expect((await runCli("new", [`--input=${content}`, "Nytt för i år"])).code).toBe(0);
    const index = await pageWhen(server.url, (html) => html.includes("Nytt för i år"));
    expect(index).toContain('<a href="/projekt/nytt-for-i-ar/">Nytt för i år</a> <span class="draft-label">(utkast)</span>');
    const page = await pageWhen(`${server.url}projekt/nytt-for-i-ar/`, (_html, status) => status === 200);
    expect(page).toContain("Sidan syns bara i förhandsgranskningen.");
    // Said for the form's users as well as for the file's.
    expect(page).toContain("stäng av <strong>Utkast</strong> i formuläret, eller ta bort raden <code>draft: true</code> i filen");
  });

  it("serves the web editor at /admin/ for the local folder, without the live reload that would restart it after each save", async () => {
    const liveReloadScripts = (page: Page) => page.locator('script[src*="reload-client"]');
    const start = await browser.newPage();
    await start.goto(server.url);
    // The rebuild after the test before's save may still end, and reload this page as it does: the
    // script is looked for in the page that is there.
    await liveReloadScripts(start).waitFor({ state: "attached" });
    await start.close();
    // A rebuild rewriting /admin/ does not matter either: it is served whole, as it was built.
    const page = await browser.newPage();
    await page.goto(`${server.url}admin/`);
    expect(await page.locator('script[src="cms.js"]').count()).toBe(1);
    expect(await liveReloadScripts(page).count()).toBe(0);
    await page.close();
    const config = parse(await (await fetch(`${server.url}admin/config.yml`)).text());
    expect(config.backend.repo).toBe(`lokalt/${path.basename(PROJECT_ROOT)}`);
    expect((await fetch(`${server.url}admin/cms.js`)).status).toBe(200);
  });

  it("shows a content error in the browser, naming the file and field, and recovers when it is fixed", async () => {
    const file = path.join(content, "projekt/alfa.md");
    const good = await readFile(file, "utf8");
    const page = await browser.newPage();
    await page.goto(`${server.url}projekt/alfa/`);
    expect(await page.locator("main h1").textContent()).toBe("Alfa");

    await writeFile(file, good.replace("reviewed: 2020-01-02", "reviewed: 2020-13-02"));
    await page.locator("h1", { hasText: "Innehållet har 1 fel" }).waitFor();
    // writeFile truncates before it writes, and the watcher may rebuild in between ("filen är tom");
    // the save that follows rebuilds again, so wait for the page to name the field.
    await page.locator("li", { hasText: "reviewed:" }).waitFor();
    const error = await page.locator("li").textContent();
    expect(error).toBe(`${file}:13reviewed: ogiltigt datum "2020-13-02" (skriv ÅÅÅÅ-MM-DD)`);
    // The web editor stays usable, so that the error can be fixed there.
    const admin = await fetch(`${server.url}admin/`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('rel="cms-config-url"');
    expect(server.output()).toContain(`${file}:13  reviewed: ogiltigt datum "2020-13-02" (skriv ÅÅÅÅ-MM-DD)`);
    expect(server.output()).not.toMatch(/^\s*(\[11ty\]\s+)?at .+:\d+/m);

    await writeFile(file, good);
    await page.locator("main h1", { hasText: "Alfa" }).waitFor();
    await page.close();
  });

  it("rebuilds when a project is deleted, with nothing else saved, and its page goes too", async () => {
    await pageWhen(server.url, (html) => html.includes('href="/projekt/nytt-for-i-ar/"'));
    expect((await fetch(`${server.url}projekt/nytt-for-i-ar/`)).status).toBe(200);
    await rm(path.join(content, "projekt/nytt-for-i-ar.md"));
    const index = await pageWhen(server.url, (html) => html.includes('href="/projekt/alfa/"') && !html.includes('href="/projekt/nytt-for-i-ar/"'));
    expect(index).toContain('href="/projekt/beta/"');
    expect((await fetch(`${server.url}projekt/nytt-for-i-ar/`)).status).toBe(404);
  });

  it("serves a picture put into filer/ after the preview started, which had no filer/ folder", async () => {
    expect(await readdir(path.join(content))).toContain("filer");
    await copyFile(path.join(FIXTURES, "dokumentation/filer/lasframjande/karta.png"), path.join(content, "filer/karta.png"));
    await pageWhen(`${server.url}filer/karta.png`, (_html, status) => status === 200);
  });
});
