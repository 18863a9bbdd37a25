/**
 * The security headers as Debian's Apache and nginx really send them, from the site's own
 * `.htaccess` files and `_nginx.conf`, compared with what `_headers` lists for each path.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSite, type BuiltSite } from "../fixture-sites.ts";
import { headersFromFile } from "./headers-file.ts";
import { serveWithApache, serveWithNginx, webServersInstalled, type WebServer } from "./web-servers.ts";

/** The path of the bundled site's `url` in site.yaml, which its `_nginx.conf` names its locations by. */
const EDITABLE_PREFIX = "/regionbiblioteket/avslutade-projekt/";

/** The headers every response must carry, whatever the path. */
const SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"];

let editable: BuiltSite;
let documentation: BuiltSite;
/** Paths of each site (without its prefix) that exercise every rule: pages, /sok/, Pagefind, /admin/, files, a vCard, a missing page. */
const paths: Record<"editable" | "documentation", string[]> = { editable: [], documentation: [] };

/** Asks for every path, and returns each answer's status and headers. */
async function answers(server: WebServer, sitePaths: readonly string[]): Promise<{ sitePath: string; status: number; headers: Headers }[]> {
  return Promise.all(
    sitePaths.map(async (sitePath) => {
      const response = await fetch(server.url + sitePath.slice(1), { redirect: "manual" });
      await response.arrayBuffer();
      return { sitePath, status: response.status, headers: response.headers };
    }),
  );
}

/** Checks that each answer has exactly the headers `_headers` lists for its path, and the status a visitor should get. */
async function expectHeadersOfFile(server: WebServer, site: BuiltSite, sitePaths: readonly string[]): Promise<void> {
  const file = await readFile(path.join(site.output, "_headers"), "utf8");
  for (const { sitePath, status, headers } of await answers(server, sitePaths)) {
    expect(status, sitePath).toBe(sitePath.includes("finns-inte") ? 404 : 200);
    const expected = headersFromFile(file, sitePath);
    for (const name of SECURITY_HEADERS) expect(Object.keys(expected), `${sitePath}: _headers lists ${name}`).toContain(name);
    for (const [name, value] of Object.entries(expected)) expect(headers.get(name), `${sitePath}: ${name}`).toBe(value);
  }
}

const installed = webServersInstalled();

describe.runIf(installed)("the security headers on Debian's Apache and nginx, from the site's own files", () => {
  beforeAll(async () => {
    [editable, documentation] = await Promise.all([fixtureSite("editable"), fixtureSite("documentation")]);
    const pagefind = (await readdir(path.join(editable.output, "pagefind"))).filter((name) => /^pagefind-(worker\.js|entry\.json)$/.test(name));
    expect(pagefind).toHaveLength(2);
    const vcard = (await readdir(path.join(editable.output, "kontakt"))).find((name) => name.endsWith(".vcf"))!;
    const picture = (await readdir(path.join(documentation.output, "bilder"), { recursive: true })).find((name) => name.endsWith(".avif"))!;
    paths.editable = [
      "/",
      "/projekt/vinna-vinna/",
      "/sok/",
      ...pagefind.map((name) => `/pagefind/${name}`),
      "/admin/",
      "/admin/config.yml",
      "/assets/style.css",
      `/kontakt/${vcard}`,
      "/projekt/finns-inte/",
    ];
    paths.documentation = ["/", "/filer/lasframjande/slutrapport.pdf", `/bilder/${picture}`, "/feed.xml"];
  });

  describe("Apache with mod_headers", () => {
    const servers: WebServer[] = [];
    afterAll(() => Promise.all(servers.map((server) => server.stop())));

    it("sends every page, Pagefind's files, /admin/, a PDF, a picture and a missing page the headers that _headers lists for them", async () => {
      const [served, root] = await Promise.all([
        serveWithApache(editable.output, { pathPrefix: EDITABLE_PREFIX }),
        serveWithApache(documentation.output),
      ]);
      servers.push(served, root);
      await expectHeadersOfFile(served, editable, paths.editable);
      await expectHeadersOfFile(root, documentation, paths.documentation);
    });
  });

  describe("Apache without mod_headers, as Debian installs it", () => {
    let server: WebServer;
    afterAll(() => server?.stop());

    it("answers 500 for every address, and its error log names the missing module's command, rather than serve the site without its headers", async () => {
      server = await serveWithApache(editable.output, { pathPrefix: EDITABLE_PREFIX, modHeaders: false });
      for (const { sitePath, status, headers } of await answers(server, paths.editable)) {
        expect(status, sitePath).toBe(500);
        expect(headers.get("Content-Security-Policy"), sitePath).toBeNull();
      }
      expect(await server.errorLog()).toContain("Invalid command 'Header', perhaps misspelled or defined by a module not included in the server configuration");
    });
  });

  describe("nginx with _nginx.conf included in its server block", () => {
    const servers: WebServer[] = [];
    afterAll(() => Promise.all(servers.map((server) => server.stop())));

    it("sends the same headers as _headers lists, under the path prefix of site.yaml's url and at the root", async () => {
      const [served, root] = await Promise.all([serveWithNginx(editable.output, { pathPrefix: EDITABLE_PREFIX }), serveWithNginx(documentation.output)]);
      servers.push(served, root);
      await expectHeadersOfFile(served, editable, paths.editable);
      await expectHeadersOfFile(root, documentation, paths.documentation);
    });
  });
});
