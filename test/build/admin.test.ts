import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, type CommandResult } from "../helpers.ts";

const builds: Record<"withCms" | "withoutCms", CommandResult & { output: string }> = {} as never;

/** The site paths of every HTML page a build wrote, with the policy in its meta element. */
async function pagePolicies(site: string): Promise<Map<string, string>> {
  const policies = new Map<string, string>();
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    const policy = (await readPage(site, file)).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content");
    policies.set(file, policy ?? "");
  }
  return policies;
}

beforeAll(async () => {
  // The example archive with the web editor's settings (and a logo), and without them: both built once for the run.
  const [withCms, withoutCms] = await Promise.all([fixtureSite("editable"), fixtureSite("bundled")]);
  expect(withCms.code, withCms.stderr).toBe(0);
  expect(withoutCms.code, withoutCms.stderr).toBe(0);
  Object.assign(builds, { withCms, withoutCms });
});

describe("a build for a site with cms in site.yaml", () => {
  const read = (file: string) => readFile(path.join(builds.withCms.output, file), "utf8");

  it("writes /admin/ with the bundled CMS, its assets and the generated config, and says where saves go", async () => {
    expect(builds.withCms.stdout.match(/Webbredigeringen.*/g)).toEqual([
      "Webbredigeringen finns på /admin/ och sparar i regionbiblioteket/avslutade-projekt (grenen main).",
    ]);
    const config = parse(await read("admin/config.yml"));
    expect(config.backend).toMatchObject({ name: "github", repo: "regionbiblioteket/avslutade-projekt", branch: "main" });
    expect(config.collections.map((collection: { name: string }) => collection.name)).toEqual(["projekt", "kontakter", "sidor"]);
    const page = await readPage(builds.withCms.output, "admin/");
    expect(page.querySelector('link[rel="cms-config-url"]')?.getAttribute("href")).toBe("config.yml");
    const script = page.querySelector('script[type="module"]')?.getAttribute("src");
    expect(script).toBe("cms.js");
    expect((await stat(path.join(builds.withCms.output, "admin", script!))).size).toBeGreaterThan(100_000);
    const fonts = (await readdir(path.join(builds.withCms.output, "admin/assets"))).filter((file) => file.endsWith(".woff2"));
    expect(fonts).toHaveLength(3);
  });

  it("loads nothing from a CDN: the CMS's fonts point at its own copies", async () => {
    const scripts = (await readdir(path.join(builds.withCms.output, "admin"))).filter((file) => file.endsWith(".js"));
    const text = await Promise.all(scripts.map((file) => read(`admin/${file}`)));
    expect(text.filter((source) => source.includes("cdn.jsdelivr.net"))).toEqual([]);
    const main = await read("admin/cms.js");
    const fontUrls = [...main.matchAll(/url\((assets\/[^)]+\.woff2)\)/g)].map((match) => match[1]!);
    expect(fontUrls).toHaveLength(3);
    for (const url of fontUrls) expect((await stat(path.join(builds.withCms.output, "admin", url))).isFile()).toBe(true);
  });

  it("gives /admin/ a policy of its own and noindex, and leaves every public page's policy as it is without the CMS", async () => {
    const page = await readPage(builds.withCms.output, "admin/");
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex, nofollow");
    const adminPolicy = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(adminPolicy).toContain("script-src 'self';");
    expect(adminPolicy).toContain("style-src 'self' 'unsafe-inline'");
    expect(adminPolicy).toContain("connect-src 'self' blob: data: https://api.github.com https://*.githubusercontent.com;");
    expect(adminPolicy).not.toContain("'unsafe-eval'");
    expect(adminPolicy).not.toContain("githubstatus");

    const withCms = await pagePolicies(builds.withCms.output);
    const withoutCms = await pagePolicies(builds.withoutCms.output);
    expect(withCms.get("admin/index.html")).toBe(adminPolicy);
    withCms.delete("admin/index.html");
    expect(withCms).toEqual(withoutCms);
    for (const [file, policy] of withCms) {
      expect(policy, file).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(policy, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
    const headers = await read("_headers");
    expect(headers).toContain(`/admin/*\n  Content-Security-Policy: ${adminPolicy}; frame-ancestors 'none'\n  X-Robots-Tag: noindex\n`);
  });

  it("keeps /admin/ out of the sitemap, the feed, the search index and the open data, and robots.txt disallows it", async () => {
    for (const file of ["sitemap.xml", "feed.xml", "projekt.json"]) expect(await read(file), file).not.toContain("admin");
    expect(await read("robots.txt")).toContain("\nDisallow: /regionbiblioteket/avslutade-projekt/admin/\n");
    expect((await readPage(builds.withCms.output, "admin/")).querySelector("[data-pagefind-body]")).toBeNull();
    const entry = JSON.parse(await read("pagefind/pagefind-entry.json"));
    const searchable = [...(await pagePolicies(builds.withCms.output)).keys()];
    const marked = [];
    for (const file of searchable) if ((await readPage(builds.withCms.output, file)).querySelector("[data-pagefind-body]")) marked.push(file);
    expect(entry.languages.sv.page_count).toBe(marked.length);
    expect(marked.some((file) => file.startsWith("admin/"))).toBe(false);
  });
});

describe("a build for a site without cms in site.yaml", () => {
  it("leaves /admin/ out, and says so once", async () => {
    expect(builds.withoutCms.stdout.match(/Webbredigeringen.*/g)).toEqual([
      "Webbredigeringen /admin/ byggs inte, eftersom cms saknas i _data/site.yaml. Se redaktörsguiden, Redigera i webbläsaren.",
    ]);
    await expect(stat(path.join(builds.withoutCms.output, "admin"))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(builds.withoutCms.output, "_headers"), "utf8")).not.toContain("/admin/");
  });
});
