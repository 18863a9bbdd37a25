import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countryCodeOfName } from "../../src/format/country.ts";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";
import { readMap } from "../maps/map-file.ts";

/** At most this much per map, gzip-compressed (issue 34). */
const MAX_GZIP_BYTES = 40 * 1024;

/** The start page's table of countries: each row's country, link and count. */
async function countryTable(site: string) {
  const page = await readPage(site, "/");
  return page.querySelectorAll(".partner-map tbody tr").map((row) => {
    const [country, count] = row.querySelectorAll("td");
    return { name: textOf(country), href: country!.querySelector("a")!.getAttribute("href")!, count: Number(textOf(count)) };
  });
}

/** The map an HTML page shows at `selector`: the img's attributes and the file it names, read. */
async function shownMap(site: string, urlPath: string, selector: string) {
  const image = (await readPage(site, urlPath)).querySelector(selector);
  if (!image) return undefined;
  const src = image.getAttribute("src")!;
  return { src, alt: image.getAttribute("alt"), width: Number(image.getAttribute("width")), height: Number(image.getAttribute("height")), map: readMap(await readFile(path.join(site, src), "utf8")) };
}

describe("maps of partner countries", () => {
  it("the start page shows a map shaded by the number of projects in each country, beside a table of the same facts", async () => {
    const site = (await fixtureSite("bundled")).output;
    const table = await countryTable(site);
    expect(table).toEqual([
      { name: "Danmark", href: "/land/dk/", count: 1 },
      { name: "Norge", href: "/land/no/", count: 1 },
      { name: "Sverige", href: "/land/se/", count: 2 },
    ]);
    // The rows are the country facets: each links the country's page, which lists as many projects.
    for (const row of table) {
      const facetPage = await readPage(site, row.href);
      expect(facetPage.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(`${row.count} projekt i arkivet.`);
    }
    const page = await readPage(site, "/");
    expect(textOf(page.querySelector(".partner-map caption"))).toBe("Kartans uppgifter: antal projekt med partner i varje land");

    const shown = (await shownMap(site, "/", ".partner-map img"))!;
    expect(shown).toMatchObject({ src: "/kartor/partnerlander.svg", alt: "", width: shown.map.width, height: shown.map.height });
    // Exactly the countries of the table, each in the step of its count.
    expect(Object.fromEntries([...shown.map.countries].map(([code, shade]) => [code, shade.className]))).toEqual({ dk: "steg-1", no: "steg-1", se: "steg-2" });
    expect(shown.map.legend).toEqual(["1 projekt", "2 projekt"]);
    expect(shown.map.countries.get("dk")!.fill).toBe(shown.map.countries.get("no")!.fill);
    expect(shown.map.countries.get("se")!.fill).toBe("#0b4f8a");
    expect(shown.map.gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });

  it("a project page marks exactly the countries its partner headings name, on the archive's frame, in a file shared by every project with the same countries", async () => {
    const site = (await fixtureSite("paginated")).output;
    const projects = (await readdir(path.join(site, "projekt"))).map((slug) => `/projekt/${slug}/`);
    expect(projects).toHaveLength(120);
    const files = new Set<string>();
    const sizes = new Set<string>();
    for (const urlPath of projects) {
      const page = await readPage(site, urlPath);
      const headings = page.querySelectorAll("section.partners h3").map((heading) => countryCodeOfName(textOf(heading))!.toLowerCase());
      const shown = (await shownMap(site, urlPath, "section.partners img"))!;
      expect([...shown.map.countries.keys()].sort(), urlPath).toEqual(headings.sort());
      expect(shown.src).toBe(`/kartor/land-${headings.sort().join("-")}.svg`);
      expect(shown).toMatchObject({ alt: "", width: shown.map.width, height: shown.map.height });
      expect(shown.map.gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES);
      files.add(shown.src);
      sizes.add(`${shown.width}×${shown.height}`);
    }
    // Every project's map shows the same land, framed on all the archive's partner countries.
    expect(sizes.size).toBe(1);
    // One file per set of countries (five Nordic countries make at most 31), and the start page's.
    expect(files.size).toBeLessThanOrEqual(31);
    expect((await readdir(path.join(site, "kartor"))).sort()).toEqual([...[...files].map((src) => path.basename(src)), "partnerlander.svg"].sort());
  });

  it("the national site's map and table count its own and harvested projects alike", async () => {
    const site = (await fixtureSite("national")).output;
    const table = await countryTable(site);
    expect(table.length).toBeGreaterThanOrEqual(2);
    const shown = (await shownMap(site, "/", ".partner-map img"))!;
    expect([...shown.map.countries.keys()].sort()).toEqual(table.map((row) => row.href.split("/")[2]).sort());
  });

  it("a site whose partners name no country has neither map nor table", async () => {
    const site = (await fixtureSite("consent")).output;
    expect((await readPage(site, "/")).querySelector(".partner-map")).toBeNull();
    expect(existsSync(path.join(site, "kartor"))).toBe(false);
  });
});
