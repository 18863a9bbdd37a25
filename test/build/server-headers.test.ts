import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { headersFromFile as netlifyHeaders, type Headers } from "../servers/headers-file.ts";

let site: string;
const PREFIX = "/regionbiblioteket/avslutade-projekt";

beforeAll(async () => {
  // The bundled content with web editing on, so that /admin/ has rules of its own: built once for the run.
  site = (await fixtureSite("editable")).output;
});

const read = (file: string) => readFile(path.join(site, file), "utf8");

/** Apache's reading: the .htaccess of the root, then of the page's folder, and the FilesMatch of a file type. */
function apacheHeaders(files: Record<string, string>, urlPath: string): Headers {
  const headers: Headers = {};
  const unquote = (value: string) => value.slice(1, -1).replace(/\\(["\\])/g, "$1");
  const folders = ["/", ...urlPath.split("/").slice(1, -1).map((_, index, parts) => `/${parts.slice(0, index + 1).join("/")}/`)];
  for (const folder of folders) {
    const text = files[folder];
    if (!text) continue;
    for (const [, name, value] of text.matchAll(/^Header always set ([\w-]+) (".*")$/gm)) headers[name!] = unquote(value!);
    for (const [, pattern, type] of text.matchAll(/^<FilesMatch "(.*)">\n {2}ForceType (".*")\n<\/FilesMatch>$/gm)) {
      if (new RegExp(pattern!).test(urlPath)) headers["Content-Type"] = unquote(type!);
    }
  }
  return headers;
}

/** nginx's reading: the server's add_header lines, unless a location matches, whose own lines then replace them all. */
function nginxHeaders(snippet: string, urlPath: string): Headers {
  const unquote = (value: string) => value.slice(1, -1).replace(/\\(["\\])/g, "$1");
  const lines = (text: string) => Object.fromEntries([...text.matchAll(/^\s*add_header ([\w-]+) (".*") always;$/gm)].map(([, name, value]) => [name!, unquote(value!)]));
  const locations = [...snippet.matchAll(/^location (\^~|~) (\S+) \{\n([\s\S]*?)\n\}$/gm)];
  const matched =
    locations.find(([, kind, pattern]) => kind === "^~" && urlPath.startsWith(pattern!)) ?? locations.find(([, kind, pattern]) => kind === "~" && new RegExp(pattern!).test(urlPath));
  if (!matched) return lines(snippet.split("\nlocation ")[0]!);
  const type = /default_type (".*");/.exec(matched[3]!)?.[1];
  return { ...lines(matched[3]!), ...(type ? { "Content-Type": unquote(type) } : {}) };
}

describe("the response headers for Netlify and Cloudflare, Apache and nginx", () => {
  it("are the same for every kind of address, on each host", async () => {
    const headers = await read("_headers");
    const apache = Object.fromEntries(await Promise.all(["/", "/sok/", "/pagefind/", "/admin/"].map(async (folder) => [folder, await read(`${folder.slice(1)}.htaccess`)])));
    const nginx = await read("_nginx.conf");
    for (const urlPath of ["/", "/projekt/vinna-vinna/", "/sok/", "/pagefind/pagefind-worker.js", "/admin/", "/admin/config.yml", "/kontakt/peter-alsbjer.vcf", "/kontakt/"]) {
      const expected = netlifyHeaders(headers, urlPath);
      expect(Object.keys(expected), urlPath).toContain("Content-Security-Policy");
      expect(expected["Permissions-Policy"], urlPath).toMatch(/^accelerometer=\(\), .*camera=\(\), .*geolocation=\(\), .*microphone=\(\), .*payment=\(\), .*usb=\(\)/);
      expect(apacheHeaders(apache, urlPath), urlPath).toEqual(expected);
      // nginx serves the site under its path prefix, as site.yaml's url says.
      expect(nginxHeaders(nginx, `${PREFIX}${urlPath}`), urlPath).toEqual(expected);
    }
    // Pagefind's worker takes the policy of its own response, and compiles WebAssembly as the search page does.
    const searchPolicy = netlifyHeaders(headers, "/sok/")["Content-Security-Policy"];
    expect(searchPolicy).toContain("'wasm-unsafe-eval'");
    expect(netlifyHeaders(headers, "/pagefind/pagefind-worker.js")["Content-Security-Policy"]).toBe(searchPolicy);
    expect(netlifyHeaders(headers, "/projekt/vinna-vinna/")["Content-Security-Policy"]).not.toContain("'wasm-unsafe-eval'");
    // Without mod_headers, Apache must fail loudly rather than skip the rules (test/servers/).
    for (const file of Object.values(apache)) expect(file).not.toContain("IfModule");
    expect(netlifyHeaders(headers, "/admin/")["X-Robots-Tag"]).toBe("noindex");
    expect(netlifyHeaders(headers, "/kontakt/peter-alsbjer.vcf")["Content-Type"]).toBe("text/vcard; charset=utf-8");
  });

  it("repeat the policy each page carries in its meta tag, with frame-ancestors added", async () => {
    const page = await read("projekt/vinna-vinna/index.html");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!.replace(/&#39;/g, "'");
    expect(netlifyHeaders(await read("_headers"), "/projekt/vinna-vinna/")["Content-Security-Policy"]).toBe(`${meta}; frame-ancestors 'self'`);
  });
});
