/**
 * Themes, results, lessons and document categories as visitors and data users receive them, on
 * the shared fixture sites: the documentation fixture (two projects with themes, one with results,
 * lessons and a categorised document, and a theme that site.yaml adds) and the national site,
 * whose sources write their themes their own way.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";

let documentation: string;
let national: string;

beforeAll(async () => {
  const sites = await Promise.all([fixtureSite("documentation"), fixtureSite("national")]);
  for (const site of sites) expect(site.code, site.stderr).toBe(0);
  [documentation, national] = sites.map((site) => site.output) as [string, string];
});

const PROJECT = "/projekt/lasframjande/";
const listed = async (site: string, url: string) => (await readPage(site, url)).querySelectorAll(".project-list h2 a").map(textOf);

describe("a project page", () => {
  it("names its themes near the top, as the vocabulary writes them, each a link to its page", async () => {
    const page = await readPage(documentation, PROJECT);
    const themes = page.querySelector(".project-header .themes")!;
    // The editor wrote "Kompetensutveckling"; the vocabulary writes it in small letters.
    expect(textOf(themes)).toBe("Ämnen: läsfrämjande, kompetensutveckling");
    expect(themes.querySelectorAll("a").map((link) => link.getAttribute("href"))).toEqual(["/amne/lasframjande/", "/amne/kompetensutveckling/"]);
    expect(textOf((await readPage(documentation, "/projekt/beta/")).querySelector(".themes"))).toBe("Ämnen: skrivande, läsfrämjande");
  });

  it("has sections Resultat and Erfarenheter, with inline Markdown, before the documents", async () => {
    const page = await readPage(documentation, PROJECT);
    expect(page.querySelectorAll("article > section > h2").map(textOf)).toEqual(["Resultat", "Erfarenheter", "Dokumentation", "Kontakt"]);
    expect(page.querySelectorAll("section[aria-labelledby=resultat] li").map((item) => item.innerHTML)).toEqual([
      "24 bibliotekarier på Åland och i Örebro län gick fortbildningen",
      "En <em>metodbok</em> om bokprat, som biblioteken fortfarande använder",
    ]);
    expect(page.querySelectorAll("section[aria-labelledby=erfarenheter] li").map(textOf)).toEqual([
      "Bokpratet fungerade bäst när skolbiblioteket var med från början",
      "Planera uppföljningen i förväg; efter ett år hade hälften av läsgrupperna upphört",
    ]);
    // A project with neither has neither heading.
    expect((await readPage(documentation, "/projekt/beta/")).querySelectorAll("h2").map(textOf)).not.toContain("Resultat");
  });

  it("puts a document's category before its link, outside the link's text, which stays the document's own", async () => {
    const items = (await readPage(documentation, PROJECT)).querySelectorAll("section[aria-labelledby=dokumentation] li");
    expect(items.map((item) => textOf(item).replace(/\s*Dokumentet är inte.*$/, ""))).toEqual([
      expect.stringMatching(/^Slutrapport \(PDF, [^)]+\), publicerad 1 september 2021$/),
      expect.stringMatching(/^Presentation: Conference report \(PDF, [^)]+\), publicerad 14 maj 2020$/),
      expect.stringMatching(/^Projektplan \(PDF/),
      expect.stringMatching(/^Budget \(Word/),
    ]);
    expect(textOf(items[1]!.querySelector("a"))).toMatch(/^Conference report \(PDF/);
    // The accessibility statement lists the document by its title alone.
    expect(textOf((await readPage(documentation, "/tillganglighet/")).querySelector("main"))).not.toContain("Presentation:");
  });

  it("has its results and lessons inside the part that search indexes", async () => {
    const main = (await readPage(documentation, PROJECT)).querySelector("main[data-pagefind-body]")!;
    for (const words of ["metodbok om bokprat", "när skolbiblioteket var med"]) expect(textOf(main)).toContain(words);
    expect(main.querySelector("[data-pagefind-ignore] #resultat, [data-pagefind-ignore] #erfarenheter")).toBeNull();
  });

  it("gives its themes to the JSON-LD as keywords", async () => {
    const data = JSON.parse((await readPage(documentation, PROJECT)).querySelector('script[type="application/ld+json"]')!.textContent);
    expect(data.keywords).toEqual(["läsfrämjande", "kompetensutveckling"]);
  });
});

describe("theme pages", () => {
  it("list exactly the projects with the theme, one added by site.yaml too, and no page for a theme no project has", async () => {
    expect(await listed(documentation, "/amne/lasframjande/")).toEqual(["Beta", "Läsfrämjande på Åland och i Örebro"]);
    expect(await listed(documentation, "/amne/kompetensutveckling/")).toEqual(["Läsfrämjande på Åland och i Örebro"]);
    expect(await listed(documentation, "/amne/skrivande/")).toEqual(["Beta"]);
    expect(textOf((await readPage(documentation, "/amne/lasframjande/")).querySelector("h1"))).toBe("Projekt om läsfrämjande");
    await expect(stat(path.join(documentation, "amne/hallbarhet"))).rejects.toThrow();
  });

  it("are the first way of browsing on the index, with their counts", async () => {
    const browse = (await readPage(documentation, "/")).querySelector(".browse")!;
    expect(textOf(browse.querySelector("h3"))).toBe("Efter ämne");
    expect(browse.querySelector("ul")!.querySelectorAll("li").map(textOf)).toEqual(["kompetensutveckling (1)", "läsfrämjande (2)", "skrivande (1)"]);
  });

  it("join a harvested theme with the site's own by its label, however the source writes it, and keep a source's own theme", async () => {
    // Region Dalarna writes "Läsfrämjande" and "Barn och unga"; Testbiblioteket "läsfrämjande" and its own "skrivande".
    expect(await listed(national, "/amne/lasframjande/")).toEqual(["Beta", "Läsfrämjande på Åland och i Örebro", "Läsambassadörer i Dalarna", "Alfa"]);
    expect(textOf((await readPage(national, "/amne/lasframjande/")).querySelector("h1"))).toBe("Projekt om läsfrämjande");
    expect(textOf((await readPage(national, "/projekt/region-dalarna/lasambassadorer/")).querySelector(".themes"))).toBe("Ämnen: läsfrämjande, barn och unga");
    expect(await listed(national, "/amne/skrivande/")).toEqual(["Beta"]);
    const harvested = await readPage(national, "/projekt/region-dalarna/lasambassadorer/");
    expect(harvested.querySelector("section[aria-labelledby=erfarenheter] li")!.innerHTML).toBe("Ambassadörerna behövde en <em>fast</em> tid i veckan på biblioteket");
  });
});

describe("open data and the feed", () => {
  it("carry themes, results, lessons and each document's category in projekt.json, which its schema describes", async () => {
    const [, project] = JSON.parse(await readFile(path.join(documentation, "projekt.json"), "utf8"));
    expect(project.themes).toEqual(["läsfrämjande", "kompetensutveckling"]);
    expect(project.results).toEqual(["24 bibliotekarier på Åland och i Örebro län gick fortbildningen", "En *metodbok* om bokprat, som biblioteken fortfarande använder"]);
    expect(project.lessons).toHaveLength(2);
    expect(project.documents.map((document: { category?: string }) => document.category ?? null)).toEqual([null, "presentation", null, null]);
    const schema = JSON.parse(await readFile(path.join(documentation, "projekt.schema.json"), "utf8"));
    const properties = schema.items.properties;
    expect(properties.themes).toMatchObject({ type: "array", maxItems: 3 });
    for (const key of ["results", "lessons"]) expect(properties[key]).toMatchObject({ type: "array", items: { type: "string" } });
    expect(properties.documents.items.properties.category.enum).toEqual(["slutrapport", "utvärdering", "metodmaterial", "presentation", "annat"]);
  });

  it("sums up results and lessons as text in the feed", async () => {
    const feed = new XMLParser().parse(await readFile(path.join(documentation, "feed.xml"), "utf8")).feed;
    const entry = feed.entry.find((candidate: { title: string }) => candidate.title === "Läsfrämjande på Åland och i Örebro");
    expect(entry.summary).toBe(
      "Ett fortbildningsprojekt om läsfrämjande, med rapporter, en konferens och bilder. " +
        "Resultat: 24 bibliotekarier på Åland och i Örebro län gick fortbildningen. En metodbok om bokprat, som biblioteken fortfarande använder. " +
        "Erfarenheter: Bokpratet fungerade bäst när skolbiblioteket var med från början. Planera uppföljningen i förväg; efter ett år hade hälften av läsgrupperna upphört.",
    );
  });
});
