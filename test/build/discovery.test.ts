import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";

const SITE_URL = "https://www.regionorebrolan.se/regionbiblioteket/avslutade-projekt/";

let site: string;
const read = (file: string) => readFile(path.join(site, file), "utf8");

beforeAll(async () => {
  const result = await fixtureSite("bundled");
  expect(result.code, result.stderr).toBe(0);
  site = result.output;
});

/** Every HTML page the build wrote, as site paths ("/", "/projekt/vinna-vinna/", "/404.html"). */
async function htmlPages(): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

describe("the Atom feed", () => {
  it("lists the projects newest first, each with title, summary, link and date", async () => {
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(await read("feed.xml")).feed;
    expect(feed.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(feed.link.find((link: { rel: string }) => link.rel === "self").href).toBe(`${SITE_URL}feed.xml`);
    expect(feed.entry.map((entry: { title: string }) => entry.title)).toEqual([
      "Vinna Vinna – fortbildningsprojekt med folkbildningen",
      "Rom for dannelse - Rum för bildning",
    ]);
    expect(feed.entry[0]).toMatchObject({
      link: { href: `${SITE_URL}projekt/vinna-vinna/`, rel: "alternate" },
      id: `${SITE_URL}projekt/vinna-vinna/`,
      published: "2011-04-05T00:00:00Z",
      updated: "2018-07-04T00:00:00Z",
      summary: expect.stringMatching(/^En gemensam fortbildningsserie/),
    });
  });

  it("is linked from every page", async () => {
    for (const url of await htmlPages()) {
      const link = (await readPage(site, url)).querySelector('link[rel="alternate"][type="application/atom+xml"]');
      expect(link?.getAttribute("href"), url).toBe("/feed.xml");
    }
  });
});

describe("the sitemap and robots.txt", () => {
  it("lists every public page, with lastmod from its review date", async () => {
    const parsed = new XMLParser().parse(await read("sitemap.xml")).urlset.url as { loc: string; lastmod: string }[];
    const listed = parsed.map((entry) => entry.loc.replace(SITE_URL, "/")).sort();
    expect(listed).toEqual((await htmlPages()).filter((url) => url !== "/404.html"));
    expect(parsed.find((entry) => entry.loc === `${SITE_URL}projekt/vinna-vinna/`)!.lastmod).toBe("2018-07-04");
    expect(parsed.find((entry) => entry.loc === `${SITE_URL}tillganglighet/`)!.lastmod).toBe("2026-11-25");
  });

  it("is pointed to by robots.txt, which keeps crawlers out of the web editor", async () => {
    const admin = new URL("admin/", SITE_URL).pathname;
    expect(admin).toBe("/regionbiblioteket/avslutade-projekt/admin/");
    expect(await read("robots.txt")).toBe(`User-agent: *\nDisallow: ${admin}\nAllow: /\n\nSitemap: ${SITE_URL}sitemap.xml\n`);
  });
});

describe("open data", () => {
  it("projekt.json validates against projekt.schema.json, generated from the zod schema", async () => {
    const schema = JSON.parse(await read("projekt.schema.json"));
    const data = JSON.parse(await read("projekt.json"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // The schema is strict: a key that is not in the content model fails.
    expect(validate([{ ...data[0], reviwed: "2018-07-04" }])).toBe(false);
  });

  it("carries every project's front matter, with its absolute URL and its contacts resolved", async () => {
    const [vinna, rom] = JSON.parse(await read("projekt.json"));
    expect(vinna).toMatchObject({
      slug: "vinna-vinna",
      url: `${SITE_URL}projekt/vinna-vinna/`,
      title: "Vinna Vinna",
      period: { start: "2008", end: "2011-04-05" },
      funders: [{ name: "Statens kulturråd", url: "https://www.kulturradet.se/" }],
      events: [{ date: "2011-04-05", title: "Inspirationskonferens som avslutade projektet" }],
      contacts: [{ id: "peter-alsbjer", name: "Peter Alsbjer", title: "Regionbibliotekarie" }],
      related: ["rom-for-dannelse"],
      reviewed: "2018-07-04",
      contentOwner: { id: "sandra-spjuth", name: "Sandra Spjuth", title: "Utvecklingsledare - bibliotek" },
    });
    expect(vinna.goals).toHaveLength(6);
    // The reference page states no results or lessons, so the example has none.
    expect([vinna.themes, vinna.results, vinna.lessons]).toEqual([["kompetensutveckling", "folkbildning och samverkan"], [], []]);
    expect(rom.themes).toEqual(["folkbildning och samverkan"]);
    expect(rom.partners[0]).toEqual({ name: "VOFO (Voksenopplæringsforbundet)", country: "NO", roles: ["owner", "coordinator"], lang: "nb" });
    expect(rom.partners).toHaveLength(12);
  });
});

describe("browsing pages", () => {
  it("list the projects per theme, per funder, per end year and per partner country", async () => {
    const titles = async (url: string) => (await readPage(site, url)).querySelectorAll(".project-summary h2").map(textOf);
    expect(await titles("/amne/folkbildning-och-samverkan/")).toEqual(["Vinna Vinna", "Rom for dannelse - Rum för bildning"]);
    expect(await titles("/amne/kompetensutveckling/")).toEqual(["Vinna Vinna"]);
    expect(textOf((await readPage(site, "/amne/kompetensutveckling/")).querySelector("h1"))).toBe("Projekt om kompetensutveckling");
    expect(await titles("/finansiar/statens-kulturrad/")).toEqual(["Vinna Vinna"]);
    expect(await titles("/finansiar/nordplus-horisontal/")).toEqual(["Rom for dannelse - Rum för bildning"]);
    expect(await titles("/ar/2011/")).toEqual(["Vinna Vinna"]);
    expect(await titles("/land/se/")).toEqual(["Vinna Vinna", "Rom for dannelse - Rum för bildning"]);
    expect(await titles("/land/no/")).toEqual(["Rom for dannelse - Rum för bildning"]);
    expect(textOf((await readPage(site, "/land/no/")).querySelector("h1"))).toBe("Projekt med partner i Norge");
  });

  it("are linked from the index, and a funder's page is one click from its projects", async () => {
    const index = await readPage(site, "/");
    expect(index.querySelectorAll(".browse a").map((link) => link.getAttribute("href"))).toEqual([
      "/amne/folkbildning-och-samverkan/",
      "/amne/kompetensutveckling/",
      "/finansiar/nordplus-horisontal/",
      "/finansiar/statens-kulturrad/",
      "/ar/2011/",
      "/land/dk/",
      "/land/no/",
      "/land/se/",
    ]);
    const project = await readPage(site, "/projekt/vinna-vinna/");
    const funder = project.querySelector("section[aria-labelledby=finansiering] a")!;
    expect([textOf(funder), funder.getAttribute("href")]).toEqual(["Statens kulturråd", "/finansiar/statens-kulturrad/"]);
  });
});

describe("rich metadata", () => {
  it("gives every page a description, Open Graph title and description, and a canonical URL", async () => {
    for (const url of (await htmlPages()).filter((page) => page !== "/404.html")) {
      const page = await readPage(site, url);
      const meta = (selector: string) => page.querySelector(selector)?.getAttribute("content");
      expect(meta('meta[name="description"]'), url).toBeTruthy();
      expect(meta('meta[property="og:description"]'), url).toBe(meta('meta[name="description"]'));
      expect(meta('meta[property="og:title"]'), url).toBe(textOf(page.querySelector("h1")));
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href"), url).toBe(`${SITE_URL}${url.slice(1)}`);
    }
  });

  it("describes a project page as a schema.org Project in JSON-LD", async () => {
    const page = await readPage(site, "/projekt/vinna-vinna/");
    const scripts = page.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]!.textContent);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Project",
      name: "Vinna Vinna",
      description: expect.stringMatching(/^En gemensam fortbildningsserie/),
      startDate: "2008",
      endDate: "2011-04-05",
      funder: [{ "@type": "Organization", name: "Statens kulturråd", url: "https://www.kulturradet.se/" }],
      keywords: ["kompetensutveckling", "folkbildning och samverkan"],
    });
    expect(data.member).toHaveLength(4);
    expect(data.member[0]).toEqual({ "@type": "Organization", name: "Länsbiblioteket i Dalarna", address: { "@type": "PostalAddress", addressCountry: "SE" } });
  });
});

describe("the search index", () => {
  it("is written by the build, in Swedish, for the projects and the contact directory", async () => {
    const entry = JSON.parse(await read("pagefind/pagefind-entry.json"));
    expect(Object.keys(entry.languages)).toEqual(["sv"]);
    expect(entry.languages.sv.page_count).toBe(3);
    const searchable = [];
    for (const url of await htmlPages()) {
      if ((await readPage(site, url)).querySelector("[data-pagefind-body]")) searchable.push(url);
    }
    expect(searchable).toEqual(["/kontakt/", "/projekt/rom-for-dannelse/", "/projekt/vinna-vinna/"]);
  });
});
