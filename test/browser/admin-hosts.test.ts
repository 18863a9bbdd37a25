import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse } from "yaml";
import { launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { siteSchema } from "../../src/content/model/schema.ts";
import { adminContentSecurityPolicy } from "../../src/eleventy/filters/security.ts";
import { buildSite, contentTree, runCli, temporaryWorkspace } from "../helpers.ts";
import { describeInBrowser, settled, watchRequests } from "./chromium.ts";

/**
 * The bundled site's web editor saving to each git host, with site.yaml's cms as `npm run setup`
 * writes it for the host's answers.
 */
const HOSTS = {
  github: ["--host", "github", "--repo", "regionbiblioteket/avslutade-projekt"],
  gitlab: ["--host", "gitlab", "--repo", "region/bibliotek/avslutade-projekt", "--app-id", "0a1b2c3d4e5f", "--publish", "gitlab-pages"],
  "self-managed gitlab": ["--host", "gitlab", "--repo", "bibliotek/avslutade-projekt", "--base-url", "https://gitlab.region.example", "--publish", "server"],
  forgejo: ["--host", "forgejo", "--repo", "bibliotek/avslutade-projekt", "--base-url", "https://git.region.example", "--app-id", "6f7e8d9c", "--publish", "server"],
} as const;

/** The rest of setup's answers, the same for every host. */
const ANSWERS = ["--organisation", "Region Dalarna", "--url", "https://kultur.example.se/projekt/", "--contact-name", "Åsa Lindqvist", "--contact-title", "Biblioteksutvecklare"];

/** The sign-in buttons each host's page offers before an editor has signed in. */
const SIGN_IN: Record<keyof typeof HOSTS, RegExp[]> = {
  github: [/Logga in med en Access Token/],
  gitlab: [/Logga in med \W?GitLab/, /Logga in med en Access Token/],
  "self-managed gitlab": [/Logga in med en Access Token/],
  forgejo: [/Logga in med \W?Gitea \/ Forgejo/, /Logga in med en Access Token/],
};

describeInBrowser("the web editor at /admin/ for each git host", () => {
  const workspace = temporaryWorkspace();
  let browser: Browser;
  const servers: Partial<Record<keyof typeof HOSTS, StaticServer>> = {};
  const written: Partial<Record<keyof typeof HOSTS, unknown>> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    for (const [host, flags] of Object.entries(HOSTS) as [keyof typeof HOSTS, readonly string[]][]) {
      const content = await contentTree(path.join(workspace.dir, host), "exempel");
      const setup = await runCli("setup", ["--input", content, ...ANSWERS, ...flags]);
      expect(setup.stderr).toBe("");
      written[host] = parse(await readFile(path.join(content, "_data/site.yaml"), "utf8")).cms;
      const built = await buildSite(content, path.join(workspace.dir, host, "_site"), ["--skip-search"]);
      expect(built.stderr).toBe("");
      servers[host] = await serveStatic(built.output);
    }
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), ...Object.values(servers).map((server) => server.close())]);
  });

  it.each(Object.keys(HOSTS) as (keyof typeof HOSTS)[])("%s: loads with its sign-in, asks no other site for anything, and names only the host's API in its policy", async (host) => {
    const server = servers[host]!;
    const context = await browser.newContext({ locale: "sv-SE" });
    watchRequests(context);
    const foreign: string[] = [];
    await context.route("**/*", (route) => {
      if (new URL(route.request().url()).origin === new URL(server.url).origin) return route.continue();
      foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    const violations: string[] = [];
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${server.url}admin/`);
    for (const name of SIGN_IN[host]) await page.getByRole("button", { name }).waitFor();
    // The sign-in page has settled: loaded, its fonts drawn, every request it made answered.
    await settled(page);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    const cms = siteSchema.shape.cms.parse(written[host]);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toBe(adminContentSecurityPolicy(cms));
    const config = parse(await (await fetch(`${server.url}admin/config.yml`)).text());
    for (const origin of [config.backend.api_root, config.backend.base_url].filter(Boolean)) {
      expect(policy).toContain(new URL(origin).origin);
    }
    await context.close();
  });

  it("is Swedish in an English browser, and keeps a language the editor chose in its settings", async () => {
    const server = servers.github!;
    const english = await browser.newContext({ locale: "en-US" });
    const page = await english.newPage();
    await page.goto(`${server.url}admin/`);
    await page.getByRole("button", { name: /Logga in med en Access Token/ }).waitFor();
    expect(await page.getByRole("button", { name: /Sign In/i }).count()).toBe(0);
    await english.close();

    const chosen = await browser.newContext({ locale: "sv-SE" });
    // As Sveltia CMS keeps an editor's choice of English in its settings.
    await chosen.addInitScript(() => localStorage.setItem("sveltia-cms.prefs", JSON.stringify({ locale: "en-US" })));
    const chosenPage = await chosen.newPage();
    await chosenPage.goto(`${server.url}admin/`);
    await chosenPage.getByRole("button", { name: /Sign In Using Access Token/i }).waitFor();
    await chosen.close();
  });
});
