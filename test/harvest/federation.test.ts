/**
 * A national archive built from three archives' open data, served from a local server: the bundled
 * example, the documentation fixture, and a third made here (Region Dalarna), which publishes
 * Vinna Vinna too and has one broken record. Harvested, then built, as `npm run harvest` and
 * `npm run build` do it.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../../src/bench/source-server.ts";
import { validateArchive } from "../../src/harvest/load.ts";
import { overduePages } from "../../src/content/archive/review.ts";
import { externalLinks } from "../../src/links/collect.ts";
import { fixtureSite } from "../fixture-sites.ts";
import { buildSite, contentTree, FIXTURES, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

const DALARNA = "https://www.regiondalarna.se/bibliotek/avslutade-projekt/";

const nationalSite = (origin: string) => `name: Avslutade projekt i Sverige
organisation: Kungliga biblioteket
url: https://projekt.example.se/
contacts:
  - anna-berg
generatedPages:
  reviewed: 2020-01-02
  contentOwner: anna-berg
  publishedBy: bo-ek
sources:
  - url: ${origin}/orebro/projekt.json
    organisation: Regionbibliotek Örebro-Västmanland
    organisationNumber: 232100-0164
  - url: ${origin}/dokumentation/projekt.json
    organisation: Testbiblioteket
    organisationNumber: 212000-0019
  - url: ${origin}/dalarna/projekt.json
    organisation: Region Dalarna
    organisationNumber: 232100-0180
`;

let server: SourceServer;
let content: string;
let first: Awaited<ReturnType<typeof runCli>>;
let site: string;

/** Every file of content/_harvest/ with its bytes and modification time. */
async function harvestFolder(): Promise<Map<string, string>> {
  const folder = path.join(content, "_harvest");
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, `${(await stat(path.join(folder, name))).mtimeMs}:${await readFile(path.join(folder, name), "utf8")}`] as const)));
}

beforeAll(async () => {
  const dir = workspace.dir;
  // The two archives as their own builds publish them.
  const [orebro, documentation] = await Promise.all([fixtureSite("bundled"), fixtureSite("documentation")]);
  server = await startSourceServer();
  server.serve("/orebro/projekt.json", await readFile(path.join(orebro.output, "projekt.json")));
  server.serve("/dokumentation/projekt.json", await readFile(path.join(documentation.output, "projekt.json")));
  // The third archive: Vinna Vinna as Region Dalarna publishes it, one project of its own, and a broken record.
  server.serve("/dalarna/projekt.json", await readFile(path.join(FIXTURES, "kallor/region-dalarna.json")));
  content = await contentTree(path.join(dir, "nationellt"), "minimal", { "_data/site.yaml": nationalSite(server.origin) });
  first = await runCli("harvest", [content]);
  const built = await buildSite(content, path.join(dir, "nationellt-site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

afterAll(() => server?.close());

describe("a national archive from three archives", () => {
  it("harvests every source politely and reports the broken record and the merge", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("3 nya versioner, 0 oförändrade, 0 misslyckades");
    // The broken record: source, project and field.
    expect(first.stdout).toMatch(/period\.end: Region Dalarna: projekt nr 3 "Trasigt projekt" hoppades över: ogiltigt datum "2019-13-01"/);
    expect(first.stdout).toContain('"Vinna Vinna": Regionbibliotek Örebro-Västmanland och Region Dalarna (samma titel och period)');
    // The site's own Beta and the documentation fixture's have the same title and period, and no ids:
    // a source's copy is never joined to the site's own project that way, and the report proposes how.
    expect(first.stdout).not.toMatch(/"Beta": Kungliga biblioteket och Testbiblioteket/);
    expect(first.stdout).toMatch(
      /Testbiblioteket: projekt nr 1 "Beta": liknar ert eget projekt "Beta" \([^)]*projekt\/beta\.md, samma titel och period\) men visas för sig; om det är samma projekt, ge ert projekt ett id \(skriv organisationNumber: i site\.yaml och kör npm run ids\), lägg till Testbiblioteket som partner i det och be dem publicera det med samma id/,
    );
    expect(server.requests.every((request) => request.userAgent.startsWith("projektarkiv-skordare/1.0 (+https://projekt.example.se/)"))).toBe(true);
    expect(server.mostAtOnce).toBeLessThanOrEqual(4);
  });

  it("lists every project once, the site's own beside the harvested ones", async () => {
    const index = await readPage(site, "/");
    const titles = index.querySelectorAll(".project-list h3 a").map((link) => textOf(link));
    // Two Betas: the site's own, and Testbiblioteket's, which only looks like it.
    expect([...titles].sort()).toEqual(
      ["Alfa", "Beta", "Beta", "Läsambassadörer i Dalarna", "Läsfrämjande på Åland och i Örebro", "Rom for dannelse - Rum för bildning", "Vinna Vinna"].sort(),
    );
    expect(textOf((await readPage(site, "/projekt/beta/")).querySelector(".homes"))).not.toContain("Testbiblioteket");
    expect(textOf((await readPage(site, "/projekt/testbiblioteket/beta/")).querySelector(".homes"))).toBe("Från arkivet hos Testbiblioteket.");
    expect(titles.filter((title) => title === "Vinna Vinna")).toHaveLength(1);
    expect(titles).not.toContain("Trasigt projekt");
    await expect(stat(path.join(site, "projekt/region-dalarna/trasigt"))).rejects.toThrow();
  });

  it("shows the shared project once, naming and linking both organisations, with its first home as the canonical address", async () => {
    const page = await readPage(site, "/projekt/regionbibliotek-orebro-vastmanland/vinna-vinna/");
    const homes = page.querySelector(".homes")!;
    expect(textOf(homes)).toBe("Från arkivet hos Regionbibliotek Örebro-Västmanland och Region Dalarna.");
    expect(homes.querySelectorAll("a").map((link) => link.getAttribute("href"))).toEqual([
      "https://www.regionorebrolan.se/regionbiblioteket/avslutade-projekt/projekt/vinna-vinna/",
      `${DALARNA}projekt/vinna-vinna/`,
    ]);
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe("https://www.regionorebrolan.se/regionbiblioteket/avslutade-projekt/projekt/vinna-vinna/");
    // Page information from the record: owner, with their organisation, and review date.
    expect(textOf(page.querySelector(".page-info"))).toContain("Innehållsansvarig: Sandra Spjuth, Regionbibliotek Örebro-Västmanland");
    expect(page.querySelector(".page-info time")!.getAttribute("datetime")).toBe("2018-07-04");
    await expect(stat(path.join(site, "projekt/region-dalarna/vinna-vinna"))).rejects.toThrow();
    // Related projects from both archives: Örebro's Rom for dannelse, and Dalarna's Läsambassadörer.
    expect(page.querySelectorAll("#relaterade + ul a").map((link) => [textOf(link), link.getAttribute("href")])).toEqual([
      ["Läsambassadörer i Dalarna", "/projekt/region-dalarna/lasambassadorer/"],
      ["Rom for dannelse - Rum för bildning", "/projekt/regionbibliotek-orebro-vastmanland/rom-for-dannelse/"],
    ]);
    // Searchable with the rest of the site.
    expect(page.querySelector("main")!.hasAttribute("data-pagefind-body")).toBe(true);
  });

  it("gives every harvested page its home page as canonical address, and the site's own pages their own", async () => {
    const canonical = async (url: string) => (await readPage(site, url)).querySelector('link[rel="canonical"]')!.getAttribute("href");
    expect(await canonical("/projekt/region-dalarna/lasambassadorer/")).toBe(`${DALARNA}projekt/lasambassadorer/`);
    expect(await canonical("/projekt/testbiblioteket/lasframjande/")).toBe("https://arkiv.example.se/projekt/lasframjande/");
    expect(await canonical("/projekt/alfa/")).toBe("https://projekt.example.se/projekt/alfa/");
  });

  it("browses by organisation, county, funder, programme and year across every archive", async () => {
    const index = await readPage(site, "/");
    const browse = textOf(index.querySelector(".browse"));
    for (const heading of ["Efter organisation", "Efter län", "Efter finansiär", "Efter bidragsprogram", "Efter år då projektet avslutades"]) expect(browse).toContain(heading);
    const listed = async (url: string) => (await readPage(site, url)).querySelectorAll(".project-list h2 a").map((link) => textOf(link));
    expect(await listed("/organisation/region-dalarna/")).toEqual(["Läsambassadörer i Dalarna", "Vinna Vinna"]);
    expect(await listed("/lan/dalarnas-lan/")).toEqual(["Läsambassadörer i Dalarna", "Vinna Vinna"]);
    expect(await listed("/lan/orebro-lan/")).toEqual(["Vinna Vinna", "Rom for dannelse - Rum för bildning"]);
    expect(await listed("/program/starkta-bibliotek/")).toEqual(["Läsambassadörer i Dalarna"]);
    expect(await listed("/finansiar/statens-kulturrad/")).toContain("Vinna Vinna");
  });

  it("publishes only its own projects as open data and in the sitemap", async () => {
    const records = JSON.parse(await readFile(path.join(site, "projekt.json"), "utf8")) as { title: string; publisher: { name: string } }[];
    expect(records.map((record) => record.title).sort()).toEqual(["Alfa", "Beta"]);
    expect(records[0]!.publisher.name).toBe("Kungliga biblioteket");
    const sitemap = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("https://projekt.example.se/projekt/alfa/");
    expect(sitemap).not.toContain("/projekt/region-dalarna/");
  });

  it("leaves the harvested projects' reviews, links and open data to their own archives", async () => {
    const { archive } = await validateArchive(content);
    expect(archive!.projects).toHaveLength(7);
    expect(archive!.ownProjects().map((project) => project.title)).toEqual(["Beta", "Alfa"]);
    // Vinna Vinna was last reviewed in 2018, but in Örebro's archive: not this site's to review.
    const overdue = overduePages(archive!, "2026-12-05", 12).flatMap((owner) => owner.pages.map((page) => page.title));
    expect(overdue).toContain("Alfa");
    expect(overdue).not.toContain("Vinna Vinna");
    expect(externalLinks(archive!).filter((link) => link.file.includes("_harvest"))).toEqual([]);
  });

  it("has npm run check count the harvested projects apart, and warn of the broken record as the harvest did", async () => {
    const checked = await runCli("check", [content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain("2 projekt, 5 hämtade från 3 källor, 2 kontakter: inga fel");
    expect(checked.stdout).toMatch(/period\.end: Region Dalarna: projekt nr 3 "Trasigt projekt" hoppades över/);
    expect(checked.stdout).toMatch(/Testbiblioteket: projekt nr 1 "Beta": liknar ert eget projekt "Beta"/);
  });

  it("asks again only conditionally, and writes nothing, when no source changed", async () => {
    const before = await harvestFolder();
    const asked = server.requests.length;
    const again = await runCli("harvest", [content]);
    expect(again.code, again.stderr).toBe(0);
    const requests = server.requests.slice(asked);
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => request.ifNoneMatch !== undefined && request.ifModifiedSince !== undefined && request.status === 304)).toBe(true);
    expect(again.stdout).toContain("0 nya versioner, 3 oförändrade, 0 misslyckades");
    expect(await harvestFolder()).toEqual(before);
  });

  it("keeps the copies, and says which sources failed, when the server is gone", async () => {
    const before = await harvestFolder();
    await server.close();
    const offline = await runCli("harvest", [content, "--timeout", "5"]);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toContain("0 nya versioner, 0 oförändrade, 3 misslyckades");
    for (const source of ["orebro", "dokumentation", "dalarna"]) {
      expect(offline.stdout).toMatch(new RegExp(`misslyckades: [^\\n]*/${source}/projekt\\.json\\): [^\\n]*; den senaste kopian, hämtad [0-9]+ [a-z]+ 20[0-9]{2}, används`));
    }
    expect(await harvestFolder()).toEqual(before);
    // And the site still builds from the copies.
    const rebuilt = await buildSite(content, path.join(workspace.dir, "nationellt-igen"), ["--skip-search"]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(textOf((await readPage(rebuilt.output, "/projekt/region-dalarna/lasambassadorer/")).querySelector("h1"))).toBe("Läsambassadörer i Dalarna");
  });
});
