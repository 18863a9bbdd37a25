/**
 * The search page's filters, as Pagefind reads them from the project pages: each project page
 * carries one filter value for every browsing page that lists it, named by that page's folder
 * (`amne`, `organisation`, `lan`, `finansiar`, `program`, `ar`, `land`) with the browsing page's
 * name as its value. So ticking "Norge" finds what /land/no/ lists.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";

/** Each project page's filters, as "name: value" lines, by the page's path. */
async function filtersOnProjectPages(site: string): Promise<Map<string, string[]>> {
  const pages = (await readdir(path.join(site, "projekt"), { recursive: true })).filter((file) => file.endsWith("index.html"));
  const filters = new Map<string, string[]>();
  for (const file of pages) {
    const page = await readPage(site, path.join("projekt", file));
    const values = page.querySelectorAll("[data-pagefind-filter]").map((element) => `${element.getAttribute("data-pagefind-filter")}: ${textOf(element)}`);
    filters.set(`/projekt/${path.dirname(file)}/`, values.sort());
  }
  return filters;
}

/** What the browsing pages say each project's filters should be: the folder and name of every browsing page that lists it, all its pages. */
async function filtersFromBrowsingPages(site: string): Promise<Map<string, string[]>> {
  const start = await readPage(site, "/");
  const filters = new Map<string, string[]>();
  // The start page links every browsing page: in lists, and the countries in the table beside their map.
  for (const link of start.querySelectorAll(".browse .facet-list a, .browse .partner-map a")) {
    const url = link.getAttribute("href")!;
    const filter = `${url.split("/")[1]}: ${textOf(link)}`;
    const pages = [url, ...(existsSync(path.join(site, url, "sida")) ? (await readdir(path.join(site, url, "sida"))).map((number) => `${url}sida/${number}/`) : [])];
    for (const pageUrl of pages) {
      for (const project of (await readPage(site, pageUrl)).querySelectorAll(".project-list .project-summary a")) {
        const href = project.getAttribute("href")!;
        filters.set(href, [...(filters.get(href) ?? []), filter].sort());
      }
    }
  }
  return filters;
}

describe("the search page's filters on the project pages", () => {
  it.each(["national", "paginated"] as const)("on the %s site, are the browsing pages that list each project, by folder and name", async (name) => {
    const { output } = await fixtureSite(name);
    const [onPages, fromBrowsing] = await Promise.all([filtersOnProjectPages(output), filtersFromBrowsingPages(output)]);
    const folders = new Set([...onPages.values()].flat().map((filter) => filter.split(":")[0]));
    expect([...folders].sort()).toEqual(name === "national" ? ["amne", "ar", "finansiar", "lan", "land", "organisation", "program"] : ["amne", "ar", "finansiar", "land"]);
    for (const [project, filters] of onPages) expect(filters, project).toEqual(fromBrowsing.get(project) ?? []);
  });
});
