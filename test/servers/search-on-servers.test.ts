/**
 * Search on every server the docs name, with the site built under a path prefix: Debian's Apache
 * (with mod_headers) and nginx, using the site's own `.htaccess` files and `_nginx.conf`, the
 * preview (`npm start`) and a plain static server. Pagefind searches in a web worker, which takes
 * the policy of its own response: on a server that sends the site's headers, /pagefind/ needs
 * 'wasm-unsafe-eval' as /sok/ does, or the search stays at "Söker efter …".
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveStatic } from "../../src/cli/static-server.ts";
import { describeInBrowser, launchChromium, RESULT_LINKS, searchDrawn } from "../browser/chromium.ts";
import { startDevServer } from "../browser/dev-server.ts";
import { fixtureSite } from "../fixture-sites.ts";
import { EXAMPLE_CONTENT } from "../helpers.ts";
import { serveWithApache, serveWithNginx, webServersInstalled } from "./web-servers.ts";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** The path of the bundled site's `url` in site.yaml, which its `_nginx.conf` names its locations by. */
const PREFIX = "/regionbiblioteket/avslutade-projekt/";

/** A server that serves the site, and whether it sends the site's own headers. */
interface Served {
  readonly url: string;
  readonly sendsHeaders: boolean;
  stop(): Promise<void>;
}

type ServerName = "Apache with mod_headers" | "nginx" | "the preview (npm start)" | "a static server";

/** What went wrong on a page: CSP violations, errors in its console or its workers' consoles, and uncaught errors. */
function watchProblems(page: Page): { readonly list: string[]; readonly first: Promise<never> } {
  const list: string[] = [];
  let fail: (reason: Error) => void = () => {};
  const first = new Promise<never>((_, reject) => (fail = reject));
  first.catch(() => {});
  const add = (problem: string) => {
    list.push(problem);
    fail(new Error(`Sökningen misslyckades: ${problem}`));
  };
  const fromConsole = (where: string) => (message: { type(): string; text(): string }) => {
    if (message.type() === "error") add(`${where}: ${message.text()}`);
  };
  page.on("console", fromConsole("sidan"));
  page.on("worker", (worker) => worker.on("console", fromConsole(`arbetaren ${worker.url()}`)));
  page.on("pageerror", (error) => add(`pageerror: ${error.message}`));
  return { list, first };
}

describeInBrowser("search on every server the docs name, under a path prefix", () => {
  const withWebServers = webServersInstalled();
  let browser: Browser;
  const servers = new Map<ServerName, Served>();

  beforeAll(async () => {
    // Each server is listed as soon as it serves, so that afterAll stops it even when another fails to start.
    const serve = async (name: ServerName, sendsHeaders: boolean, started: Promise<{ url: string; stop(): Promise<void> }>) => {
      const { url, stop } = await started;
      servers.set(name, { url, stop, sendsHeaders });
    };
    const serveBuiltSite = async () => {
      const { output } = await fixtureSite("bundled", { pathPrefix: PREFIX });
      await Promise.all([
        withWebServers && serve("Apache with mod_headers", true, serveWithApache(output, { pathPrefix: PREFIX })),
        withWebServers && serve("nginx", true, serveWithNginx(output, { pathPrefix: PREFIX })),
        serve("a static server", false, serveStatic(output, { pathPrefix: PREFIX }).then((plain) => ({ url: plain.url, stop: plain.close }))),
      ]);
    };
    [browser] = await Promise.all([
      launchChromium(),
      serveBuiltSite(),
      serve("the preview (npm start)", false, startDevServer(EXAMPLE_CONTENT, { pathPrefix: PREFIX })),
    ]);
  });
  afterAll(() => Promise.all([browser?.close(), ...[...servers.values()].map((server) => server.stop())]));

  /** Searches on the named server, and checks what the page and Pagefind's worker report. */
  async function searchOn(name: ServerName): Promise<void> {
    const server = servers.get(name)!;
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const worker = page.waitForResponse((response) => response.url().endsWith("/pagefind/pagefind-worker.js"));
    const searchPage = await page.goto(`${server.url}sok/?q=inspirationskonferens`);
    // A blocked worker leaves the page at "Söker efter …"; its first error ends the wait.
    await Promise.race([searchDrawn(page), problems.first]);
    const results = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => ({ title: link.textContent!.trim(), href: link.getAttribute("href") })));
    expect(results).toEqual([{ title: "Vinna Vinna", href: `${PREFIX}projekt/vinna-vinna/` }]);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(problems.list).toEqual([]);
    // Apache and nginx send the worker the search page's policy; the preview and the static server
    // send no policy at all (the pages carry theirs in a meta tag, which a worker never reads).
    const workerPolicy = (await worker).headers()["content-security-policy"];
    if (server.sendsHeaders) {
      expect(workerPolicy).toContain("'wasm-unsafe-eval'");
      expect(workerPolicy).toBe(searchPage!.headers()["content-security-policy"]);
    } else expect(workerPolicy).toBeUndefined();
    await context.close();
  }

  it.runIf(withWebServers).each<ServerName>(["Apache with mod_headers", "nginx"])(
    "finds a project on %s, with the site's own headers and no CSP violation in the page or Pagefind's worker",
    searchOn,
  );
  it.each<ServerName>(["the preview (npm start)", "a static server"])("finds a project on %s, with no CSP violation in the page or Pagefind's worker", searchOn);
});
