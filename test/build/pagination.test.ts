import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticArchive } from "../../src/bench/synthetic-archive.ts";
import { buildSite, readPage, temporaryFolder, textOf } from "../helpers.ts";

/**
 * A synthetic archive large enough that every list is paginated: 1,100 projects give 22 index
 * pages, and a pool of 55 people gives two directory pages and people named on many pages.
 */
const PROJECTS = 1100;

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let site: string;
/** The projects in the archive's order, from the open data file, with site-relative URLs. */
let projects: { url: string; funders: { name: string }[] }[];

beforeAll(async () => {
  folder = await temporaryFolder();
  const content = path.join(folder.dir, "content");
  await writeSyntheticArchive(content, PROJECTS);
  const result = await buildSite(content, path.join(folder.dir, "site"), ["--skip-search"]);
  expect(result.code, result.stderr).toBe(0);
  site = result.output;
  const openData: typeof projects = JSON.parse(await readFile(path.join(site, "projekt.json"), "utf8"));
  projects = openData.map((project) => ({ ...project, url: new URL(project.url).pathname }));
});
afterAll(() => folder.remove());

const projectLinks = (page: HTMLElement) => page.querySelectorAll(".project-list .project-summary h2 a, .project-list .project-summary h3 a").map((link) => link.getAttribute("href"));
const navigation = (page: HTMLElement) => page.querySelector('nav.pagination[aria-label="Sidor i listan"]');

/** Every page of a list, followed through the "Nästa" links from the first. */
async function followPages(firstUrl: string): Promise<{ url: string; page: HTMLElement }[]> {
  const pages = [];
  for (let url: string | undefined = firstUrl; url; ) {
    const page = await readPage(site, url);
    pages.push({ url, page });
    url = navigation(page)?.querySelector('a[rel="next"]')?.getAttribute("href");
  }
  return pages;
}

describe("the paginated index", () => {
  it("lists every project exactly once, 50 to a page, in the archive's order", async () => {
    const pages = await followPages("/");
    expect(pages.map(({ url }) => url)).toEqual(["/", ...Array.from({ length: 21 }, (_, index) => `/sida/${index + 2}/`)]);
    for (const { page } of pages.slice(0, -1)) expect(projectLinks(page)).toHaveLength(50);
    expect(pages.flatMap(({ page }) => projectLinks(page))).toEqual(projects.map((project) => project.url));
  });

  it("gives each page its own title, a numbered list that continues, and an accessible navigation", async () => {
    const second = await readPage(site, "/sida/2/");
    expect(textOf(second.querySelector("title"))).toBe("Avslutade projekt, sida 2 av 22 – Avslutade projekt");
    expect(textOf(second.querySelector("h1"))).toBe("Avslutade projekt, sida 2 av 22");
    expect(second.querySelector(".project-list")!.getAttribute("start")).toBe("51");
    expect(second.querySelector(".breadcrumbs a")!.getAttribute("href")).toBe("/");
    expect(second.querySelector(".browse")).toBeNull();
    const nav = navigation(second)!;
    expect(textOf(nav.querySelector("p"))).toBe("Visar projekt 51–100 av 1100, sida 2 av 22.");
    expect(nav.querySelector('a[aria-current="page"]')!.getAttribute("href")).toBe("/sida/2/");
    expect(textOf(nav.querySelector('a[aria-current="page"]'))).toBe("Sida 2");
    expect(nav.querySelector('a[rel="prev"]')!.getAttribute("href")).toBe("/");
    expect(nav.querySelectorAll("li > a").map((link) => textOf(link))).toEqual([
      "Föregående sida",
      "Sida 1",
      "Sida 2",
      "Sida 3",
      "Sida 4",
      "Sida 22",
      "Nästa sida",
    ]);
    expect(nav.querySelectorAll(".pagination-gap")).toHaveLength(1);

    const first = await readPage(site, "/");
    expect(textOf(first.querySelector("h1"))).toBe("Avslutade projekt");
    expect(first.querySelector(".browse")).not.toBeNull();
    expect(navigation(first)!.querySelector('a[rel="prev"]')).toBeNull();
    const last = await readPage(site, "/sida/22/");
    expect(projectLinks(last)).toHaveLength(PROJECTS - 21 * 50);
    expect(navigation(last)!.querySelector('a[rel="next"]')).toBeNull();
  });
});

describe("the paginated browsing pages", () => {
  it("list every project of a funder exactly once across the funder's pages", async () => {
    const index = await readPage(site, "/");
    const funderLinks = index.querySelectorAll(".browse a").filter((link) => link.getAttribute("href")!.startsWith("/finansiar/"));
    expect(funderLinks.length).toBeGreaterThan(1);
    for (const link of funderLinks) {
      const name = textOf(link);
      const pages = await followPages(link.getAttribute("href")!);
      const funded = projects.filter((project) => project.funders.some((funder) => funder.name === name)).map((project) => project.url);
      expect(pages.length).toBe(Math.ceil(funded.length / 50));
      expect(pages.flatMap(({ page }) => projectLinks(page))).toEqual(funded);
    }
  });
});

describe("the paginated contact directory", () => {
  it("presents every person once, 50 to a page, and page information links to the right page", async () => {
    const pages = await followPages("/kontakt/");
    expect(pages.map(({ url }) => url)).toEqual(["/kontakt/", "/kontakt/sida/2/"]);
    const ids = pages.flatMap(({ page }) => page.querySelectorAll(".contact-directory > li").map((item) => item.id));
    expect(ids).toHaveLength(55);
    expect(new Set(ids).size).toBe(55);

    const secondPageIds = new Set(pages[1]!.page.querySelectorAll(".contact-directory > li").map((item) => item.id));
    const projectPages = projects.slice(0, 200).map((project) => project.url);
    const owners = await Promise.all(projectPages.map(async (url) => (await readPage(site, url)).querySelectorAll(".page-info a").map((link) => link.getAttribute("href")!)));
    const onSecondPage = owners.flat().filter((href) => secondPageIds.has(href.split("#")[1]!));
    expect(onSecondPage.length).toBeGreaterThan(0);
    for (const href of onSecondPage) expect(href).toMatch(/^\/kontakt\/sida\/2\/#person-\d+$/);
  });

  it("lists ten pages under a person and links to a paginated page with all of them", async () => {
    const directory = await readPage(site, "/kontakt/");
    const person = directory.querySelectorAll(".contact-directory > li").find((item) => item.querySelectorAll(".mention-list li").length === 10)!;
    const allLink = person.querySelectorAll("a").find((link) => textOf(link).startsWith("Alla "))!;
    const total = Number(/^Alla (\d+) projekt och sidor med /.exec(textOf(allLink))![1]);
    expect(total).toBeGreaterThan(50);
    expect(allLink.getAttribute("href")).toBe(`/kontakt/${person.id}/`);

    const pages = await followPages(`/kontakt/${person.id}/`);
    expect(pages.length).toBe(Math.ceil(total / 50));
    const mentions = pages.flatMap(({ page }) => page.querySelectorAll(".mention-list li a").map((link) => link.getAttribute("href")));
    expect(mentions).toHaveLength(total);
    expect(mentions.slice(0, 10)).toEqual(person.querySelectorAll(".mention-list li a").map((link) => link.getAttribute("href")));
    expect(textOf(pages[0]!.page.querySelector("h1"))).toBe(`Projekt och sidor med ${textOf(person.querySelector(".contact-name"))}`);
  });
});

describe("bounded output", () => {
  it("has no list on any page longer than a page of 50, and a feed of the 50 most recently reviewed", async () => {
    const files = (await readdir(site, { recursive: true })).filter((file) => file.endsWith(".html"));
    let longest = 0;
    for (const file of files) {
      const page = await readPage(site, file);
      for (const list of page.querySelectorAll(".project-list, .contact-directory, .mention-list")) longest = Math.max(longest, list.childNodes.filter((node) => "tagName" in node).length);
    }
    expect(longest).toBe(50);

    const feed = new XMLParser().parse(await readFile(path.join(site, "feed.xml"), "utf8")).feed;
    expect(feed.entry).toHaveLength(50);
    const reviewed = feed.entry.map((entry: { updated: string }) => entry.updated);
    expect(reviewed).toEqual([...reviewed].sort().reverse());
  });

  it("lists every paginated page in the sitemap", async () => {
    const sitemap = new XMLParser().parse(await readFile(path.join(site, "sitemap.xml"), "utf8")).urlset.url.map((entry: { loc: string }) => new URL(entry.loc).pathname);
    const pages = (await readdir(site, { recursive: true }))
      .filter((file) => file.endsWith("index.html"))
      .map((file) => `/${file.replace(/index\.html$/, "")}`);
    expect([...sitemap].sort()).toEqual([...pages].sort());
  });
});
