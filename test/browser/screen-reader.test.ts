/**
 * What a screen reader announces on the bundled site's pages, read from top to bottom by a virtual
 * screen reader in Chromium (screen-reader.ts): the landmarks with their names and the headings
 * with their levels, in order, and the page information at the end of the main content.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, searchDrawn } from "./chromium.ts";
import { between, headings, landmarks, outline, readAloud } from "./screen-reader.ts";
import { browserAndSites } from "./site-server.ts";

/** The cookie notice, shown on a first visit, and the site's header: the same on every page. */
const PAGE_TOP = ["region, Inga spårande kakor", "heading, Inga spårande kakor, level 2", "banner", "search, Sök i arkivet", "navigation, Du är här", "main"];
/** The page information and the site's footer: the same on every page. */
const PAGE_END = ["region, Sidinformation", "heading, Sidinformation, level 2", "contentinfo", "navigation, Om webbplatsen"];

const PROJECT_OUTLINE = [
  ...PAGE_TOP,
  "heading, Vinna Vinna, level 1",
  "heading, Förnyat och fördjupat samarbete, level 2",
  "region, Mål",
  "heading, Mål, level 2",
  "region, Partner",
  "heading, Partner, level 2",
  "heading, Sverige, level 3",
  "region, Finansiering",
  "heading, Finansiering, level 2",
  "region, Händelser",
  "heading, Händelser, level 2",
  "region, Relaterade projekt",
  "heading, Relaterade projekt, level 2",
  "region, Kontakt",
  "heading, Kontakt, level 2",
  "heading, Peter Alsbjer, level 3",
  ...PAGE_END,
];

/** The start page's map of partner countries is a picture only (alt=""): its alternative is the table after the heading. */
const MAP_ALTERNATIVE = [
  "heading, Efter land där partner finns, level 3",
  "table, Kartans uppgifter: antal projekt med partner i varje land",
  "caption, Kartans uppgifter: antal projekt med partner i varje land",
  "rowgroup",
  "row, Land Antal projekt",
  "columnheader, Land",
  "columnheader, Antal projekt",
  "end of row, Land Antal projekt",
  "end of rowgroup",
  "rowgroup",
  ...[
    ["Danmark", 1],
    ["Norge", 1],
    ["Sverige", 2],
  ].flatMap(([country, count]) => [`row, ${country} ${count}`, `cell, ${country}`, `link, ${country}`, `end of cell, ${country}`, `cell, ${count}`, `end of row, ${country} ${count}`]),
  "end of rowgroup",
  "end of table, Kartans uppgifter: antal projekt med partner i varje land",
];

/** What is announced from the heading of the countries to the end of the first table after it. */
const mapAlternative = (phrases: readonly string[]) => between(phrases, MAP_ALTERNATIVE[0]!, /^end of table/);

describeInBrowser("what a screen reader announces", () => {
  const sites = browserAndSites(["bundled"]);

  async function openPage(sitePath: string): Promise<Page> {
    const page = await sites.browser.newPage();
    await page.goto(sites.bundled.url(sitePath));
    return page;
  }

  it("the project page: its landmarks and headings in order, then who answers for it and when it was reviewed", async () => {
    const page = await openPage("projekt/vinna-vinna/");
    const phrases = await readAloud(page);
    expect(outline(phrases)).toEqual(PROJECT_OUTLINE);
    const pageInformation = between(phrases, "region, Sidinformation", "end of region, Sidinformation");
    expect(pageInformation).toEqual([
      "region, Sidinformation",
      "heading, Sidinformation, level 2",
      "paragraph",
      "Sidan granskades den",
      "time",
      "4 juli 2018",
      "end of time",
      "end of paragraph",
      "paragraph",
      "Innehållsansvarig:",
      "link, Sandra Spjuth",
      "end of paragraph",
      "paragraph",
      "Publicerad av",
      "link, Sandra Spjuth",
      "end of paragraph",
      "end of region, Sidinformation",
    ]);
    // After the project's article, as the last part of the main content.
    expect(phrases.indexOf("region, Sidinformation")).toBe(phrases.indexOf("end of article") + 1);
    expect(phrases[phrases.indexOf("end of region, Sidinformation") + 1]).toBe("end of main");
    await page.close();
  });

  it("the start page: the projects, the ways to browse and the contacts, each a named region under the page's heading", async () => {
    const page = await openPage("");
    expect(outline(await readAloud(page))).toEqual([
      ...PAGE_TOP,
      "heading, Avslutade projekt, level 1",
      "region, Projekten",
      "heading, Projekten, level 2",
      "heading, Vinna Vinna, level 3",
      "heading, Rom for dannelse - Rum för bildning, level 3",
      "region, Bläddra i arkivet",
      "heading, Bläddra i arkivet, level 2",
      "heading, Efter ämne, level 3",
      "heading, Efter finansiär, level 3",
      "heading, Efter år då projektet avslutades, level 3",
      "heading, Efter land där partner finns, level 3",
      "region, Kontakt",
      "heading, Kontakt, level 2",
      "heading, Peter Alsbjer, level 3",
      "heading, Sylvia Blomberg, level 3",
      "heading, Eva Carlbom, level 3",
      "heading, Sandra Spjuth, level 3",
      "heading, Linda Berg Ottoson, level 3",
      ...PAGE_END,
    ]);
    await page.close();
  });

  it("the start page: not the map of partner countries, but its alternative, the table of countries and projects, in order; without the table, not that", async () => {
    const page = await openPage("");
    const phrases = await readAloud(page);
    expect(mapAlternative(phrases)).toEqual(MAP_ALTERNATIVE);
    expect(await page.locator('.partner-map img[src$="/kartor/partnerlander.svg"]').getAttribute("alt")).toBe("");
    expect(phrases.filter((phrase) => phrase.startsWith("img"))).toEqual([]);
    // Removed, the table is missed: the same check fails.
    await page.evaluate(() => document.querySelector(".partner-map table")!.remove());
    const withoutTable = await readAloud(page);
    expect(mapAlternative(withoutTable)).not.toEqual(MAP_ALTERNATIVE);
    expect(withoutTable.filter((phrase) => phrase.startsWith("row, "))).toEqual([]);
    await page.close();
  });

  it("the search page: the field with its words, each filter with its values' state and counts, how many pages were found, and a link to each", async () => {
    const page = await openPage("sok/?q=bibliotek&land=Norge");
    await searchDrawn(page);
    const phrases = await readAloud(page);
    expect(outline(phrases)).toEqual([
      ...PAGE_TOP,
      "heading, Sök i arkivet, level 1",
      "search, Sökord och filter",
      "heading, Filtrera, level 2",
      "region, Träffar",
      "heading, Träffar, level 2",
      "heading, Rom for dannelse - Rum för bildning, level 3",
      ...PAGE_END,
    ]);
    const form = between(phrases, "search, Sökord och filter", "end of search, Sökord och filter");
    expect(form.filter((phrase) => /^(searchbox|button|link|group|checkbox), /.test(phrase))).toEqual([
      "searchbox, Sökord, bibliotek",
      "button, Sök",
      "link, Till träffarna",
      "group, Ämne",
      "checkbox, folkbildning och samverkan (1), not checked",
      "checkbox, kompetensutveckling (0), not checked",
      "group, Finansiär",
      "checkbox, Nordplus Horisontal (1), not checked",
      "checkbox, Statens kulturråd (0), not checked",
      "group, År då projektet avslutades",
      "checkbox, 2011 (0), not checked",
      "group, Land",
      "checkbox, Danmark (1), not checked",
      "checkbox, Norge (1), checked",
      "checkbox, Sverige (1), not checked",
    ]);
    const results = between(phrases, "region, Träffar", "end of region, Träffar");
    expect(results.slice(0, 5)).toEqual(["region, Träffar", "heading, Träffar, level 2", "status", "1 träff", "end of status"]);
    expect(results.filter((phrase) => /^(link|button), /.test(phrase))).toEqual(["button, Ladda ner träffarna som CSV", "link, Rom for dannelse - Rum för bildning"]);
    await page.close();
  });

  it("hears the difference when a landmark loses its name and a heading is removed", async () => {
    const page = await openPage("projekt/vinna-vinna/");
    await page.evaluate(() => {
      document.querySelector("nav.breadcrumbs")!.removeAttribute("aria-label");
      document.getElementById("partner")!.remove();
    });
    const phrases = await readAloud(page);
    expect(landmarks(phrases)).toEqual(
      landmarks(PROJECT_OUTLINE)
        .map((phrase) => (phrase === "navigation, Du är här" ? "navigation" : phrase))
        .filter((phrase) => phrase !== "region, Partner"),
    );
    expect(headings(phrases)).toEqual(headings(PROJECT_OUTLINE).filter((phrase) => phrase !== "heading, Partner, level 2"));
    expect(outline(phrases)).not.toEqual(PROJECT_OUTLINE);
    await page.close();
  });
});
