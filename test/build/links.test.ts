import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { buildSite, contentTree, temporaryWorkspace } from "../helpers.ts";

/**
 * Every internal href and src in a built site, checked against the files the build wrote,
 * including #fragment targets. Returns one line per broken link.
 */
async function brokenLinks(site: string, prefix: string): Promise<{ checked: number; broken: string[] }> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  const pages = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).map((entry) => path.join(entry.parentPath, entry.name));
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!idsByFile.has(file)) {
      const root = parse(await readFile(file, "utf8"));
      idsByFile.set(file, new Set(root.querySelectorAll("[id]").map((element) => element.id)));
    }
    return idsByFile.get(file)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of pages) {
    const relativePage = path.relative(site, file).split(path.sep).join("/");
    const pageUrl = new URL(prefix + relativePage.replace(/(^|\/)index\.html$/, "$1"), "http://site.invalid");
    const root = parse(await readFile(file, "utf8"));
    const addresses = root.querySelectorAll("a[href], link[href], script[src], img[src], source[src], img[srcset], source[srcset]").flatMap((element) => {
      const single = element.getAttribute("href") ?? element.getAttribute("src");
      const candidates = element.getAttribute("srcset")?.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!) ?? [];
      return [...(single ? [single] : []), ...candidates].map((raw) => ({ element, raw }));
    });
    for (const { element, raw } of addresses) {
      const target = new URL(raw, pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      checked++;
      const where = `${relativePage}: ${element.tagName.toLowerCase()} ${raw}`;
      if (!target.pathname.startsWith(prefix)) {
        broken.push(`${where} (outside the path prefix ${prefix})`);
        continue;
      }
      const sitePath = decodeURIComponent(target.pathname.slice(prefix.length));
      let targetFile = path.join(site, sitePath);
      const info = await stat(targetFile).catch(() => undefined);
      if (info?.isDirectory()) targetFile = path.join(targetFile, "index.html");
      else if (!info) {
        broken.push(`${where} (no file ${sitePath || "/"})`);
        continue;
      }
      if (!(await stat(targetFile).catch(() => undefined))) {
        broken.push(`${where} (no file ${path.relative(site, targetFile)})`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !(await idsOf(targetFile)).has(fragment)) broken.push(`${where} (no element with id "${fragment}")`);
    }
  }
  return { checked, broken };
}

const workspace = temporaryWorkspace();

describe("internal links", () => {
  it.each([
    ["without a path prefix", "/"],
    ["with the path prefix /avslutade-projekt/", "/avslutade-projekt/"],
  ])("all resolve in the bundled site built %s", async (_name, prefix) => {
    const result = await fixtureSite("bundled", prefix === "/" ? {} : { pathPrefix: prefix });
    expect(result.code, result.stderr).toBe(0);
    const { checked, broken } = await brokenLinks(result.output, prefix);
    expect(broken).toEqual([]);
    // Seven pages with a dozen or so internal links each: the check must have looked at them.
    expect(checked).toBeGreaterThan(80);
  });

  it("all resolve in the documentation fixture, every picture size and document included", async () => {
    const content = await contentTree(path.join(workspace.dir, "dokumentation"), "dokumentation");
    const result = await buildSite(content, path.join(workspace.dir, "dokumentation", "_site"), ["--pathprefix=/arkiv/"]);
    expect(result.code, result.stderr).toBe(0);
    const { checked, broken } = await brokenLinks(result.output, "/arkiv/");
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
