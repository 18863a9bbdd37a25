/**
 * Hostile sources: what a national archive harvests is data, never markup, and a source cannot
 * make the harvest hang, fill the memory or fetch from elsewhere, nor the build fetch anything.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../../src/bench/source-server.ts";
import { withCheckDigit } from "../../src/format/organisation-number.ts";
import { boundedSlug } from "../../src/format/slug.ts";
import { nameKey } from "../../src/content/archive/facets.ts";
import { buildSite, contentTree, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

const HOME = "https://fientlig.example.se/";
const someone = { id: "x", name: "X", title: "Y" };
const record = (slug: string, fields: Record<string, unknown>) => ({
  slug,
  url: `${HOME}projekt/${slug}/`,
  publisher: { name: "Fientliga biblioteket", url: HOME },
  title: slug,
  summary: "Sammanfattning.",
  reviewed: "2024-01-01",
  contentOwner: someone,
  publishedBy: someone,
  ...fields,
});

const HOSTILE = [
  record("skript", {
    title: '<script>alert("titel")</script>Skript i titeln',
    subtitle: '"><img src=x onerror=alert(1)>',
    summary: '<img src="https://spårare.example/pixel.gif" onerror="alert(2)">Sammanfattning med HTML.',
    goals: ['<b onmouseover="alert(3)">fet</b>', "[klicka](javascript:alert(4))", "![bild](https://spårare.example/bild.png)"],
    partners: [{ name: "</li><script>alert(5)</script>", roles: ["partner"] }],
    funders: [{ name: "<i>Fond</i>", programme: "<u>Program</u>" }],
    contentOwner: { ...someone, name: "<script>alert(6)</script>" },
  }),
  record("javascript-lank", { url: "javascript:alert(7)" }),
  record("javascript-partner", { partners: [{ name: "P", url: "javascript:alert(8)", roles: ["partner"] }] }),
  record("javascript-dokument", { documents: [{ title: "Rapport", url: "javascript:alert(9)", format: "PDF", size: 1, shortcomings: [] }] }),
  record("javascript-kontakt", { contacts: [{ ...someone, url: "javascript:alert(10)" }] }),
  record("styrtecken", { title: "Titel med \u001b[31mfärg\u001b[0m" }),
  { ...record("../../../etc/passwd", {}) },
];

/** The national site's own organisation, and the honest source beside the hostile one. */
const SITE = { name: "Testbiblioteket", organisationNumber: "212000-0019" };
const DALARNA = { name: "Region Dalarna", organisationNumber: "232100-0180" };
const FIENTLIG = { name: "Fientliga biblioteket", organisationNumber: "802000-0009" };
const DALARNAS_ID = "SE-ORGNR-2321000180-lasambassadorer";
const LONG_SLUG = `${"mycket-".repeat(41)}langt-projekt`;
const LONG_NAME = "Regionbibliotek ".repeat(19);
const AMPERSANDS = "& ".repeat(99).trim();

/** Records that speak for others, or that would stop a build, after the hostile ones above. */
const SPEAKING_FOR_OTHERS = [
  record("for-webbplatsen", { title: "För webbplatsen", publisher: { name: SITE.name, url: HOME } }),
  record("for-dalarna", { title: "För Dalarna", publisher: { ...DALARNA, url: "https://fientlig.example.se/dalarna/" } }),
  record("kyrilliskt", { title: "Kyrilliskt o", publisher: { name: "Regi\u043en Dalarna", url: "https://fientlig.example.se/" } }),
  record("stulet-id", { id: DALARNAS_ID, title: "Stulen titel", summary: "Fel innehåll." }),
  record("eget-alfa", { title: "Alfa", period: { start: "2019-03", end: "2019-12-31" } }),
  record("webbplatsens-id", { id: "SE-ORGNR-2120000019-alfa", title: "Webbplatsens id" }),
  record("okand-agare", { id: "SE-ORGNR-2321000164-vinna-vinna", title: "Någon annans id" }),
  record(LONG_SLUG, { title: "Lång slug" }),
  record("langt-utgivarnamn", { publisher: { name: LONG_NAME, url: HOME } }),
  record("langt-finansiarsnamn", { funders: [{ name: LONG_NAME }] }),
  record("stjarnor", { funders: [{ name: "★★★" }] }),
  record("ampersander", { title: "Och och och", funders: [{ name: AMPERSANDS }] }),
  // A project run together with Region Dalarna, which lists this source as a partner: its id is Dalarna's.
  record("gemensamt", { id: "SE-ORGNR-2321000180-gemensamt", title: "Vår version" }),
];

const DALARNAS_RECORDS = [
  {
    ...record("lasambassadorer", { id: DALARNAS_ID, title: "Läsambassadörer i Dalarna" }),
    url: "https://www.regiondalarna.se/bibliotek/projekt/lasambassadorer/",
    publisher: { ...DALARNA, url: "https://www.regiondalarna.se/bibliotek/" },
  },
  {
    ...record("gemensamt", { id: "SE-ORGNR-2321000180-gemensamt", title: "Gemensamt projekt", partners: [{ name: "Fientliga bibliotekets läsfrämjare", organisationNumber: FIENTLIG.organisationNumber, roles: ["partner"] }] }),
    url: "https://www.regiondalarna.se/bibliotek/projekt/gemensamt/",
    publisher: { ...DALARNA, url: "https://www.regiondalarna.se/bibliotek/" },
  },
];

let server: SourceServer;
let otherServer: SourceServer;
let content: string;
let harvest: Awaited<ReturnType<typeof runCli>>;
let site: string;

beforeAll(async () => {
  server = await startSourceServer();
  otherServer = await startSourceServer();
  otherServer.serve("/projekt.json", JSON.stringify([record("annan", {})]));
  server.serve("/fientlig/projekt.json", JSON.stringify([...HOSTILE, ...SPEAKING_FOR_OTHERS]));
  server.serve("/dalarna/projekt.json", JSON.stringify(DALARNAS_RECORDS));
  // A source whose only record is bad.
  server.serve("/ensam/projekt.json", JSON.stringify([record("ensam", { reviewed: "i morgon" })]));
  // 50 MB, said in advance, and 50 MB that is not.
  const fifty = Buffer.alloc(50 * 1024 * 1024, " ");
  server.route("/stor/projekt.json", (_request, response) => response.writeHead(200, { "Content-Type": "application/json", "Content-Length": fifty.byteLength }).end(fifty));
  server.route("/stor-utan-langd/projekt.json", (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    for (let offset = 0; offset < fifty.byteLength; offset += 1024 * 1024) response.write(fifty.subarray(offset, offset + 1024 * 1024));
    response.end();
  });
  // An answer that never ends, a drop at a time, and one that never starts.
  server.route("/oandlig/projekt.json", (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write("[");
    const drip = setInterval(() => (response.destroyed ? clearInterval(drip) : response.write(" ")), 50);
  });
  server.route("/tyst/projekt.json", () => undefined);
  server.route("/omdirigerad/projekt.json", (_request, response) => response.writeHead(302, { Location: `${otherServer.origin}/projekt.json` }).end());
  server.serve("/inte-json/projekt.json", "<!DOCTYPE html><title>Logga in</title>");
  server.serve("/objekt/projekt.json", JSON.stringify({ projects: [] }));
  // A title nested 200,000 lists deep: valid JSON, and deeper than any walk through it may recurse.
  const deep = JSON.stringify([record("djup", { title: "DJUP" })]).replace('"DJUP"', `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
  server.serve("/djup/projekt.json", deep);

  // The hostile source first: order must not let it win.
  const sources = ["fientlig", "dalarna", "ensam", "stor", "stor-utan-langd", "oandlig", "tyst", "omdirigerad", "inte-json", "objekt", "djup"];
  const organisation = (name: string, index: number) =>
    name === "fientlig" ? FIENTLIG : name === "dalarna" ? DALARNA : { name: `Källan ${name}`, organisationNumber: withCheckDigit(`80200${String(index).padStart(4, "0")}`) };
  content = await contentTree(workspace.dir, "minimal", {
    "_data/site.yaml": (text) =>
      `${text.replace(/^url: .*$/m, "url: https://projekt.example.se/")}organisationNumber: ${SITE.organisationNumber}\nmarkdown:\n  allowHtml: true\nsources:\n${sources
        .map((name, index) => `  - url: ${server.origin}/${name}/projekt.json\n    organisation: ${organisation(name, index).name}\n    organisationNumber: ${organisation(name, index).organisationNumber}\n`)
        .join("")}`,
    "projekt/alfa.md": (text) => text.replace("---\n", "---\nid: SE-ORGNR-2120000019-alfa\n"),
  });
  harvest = await runCli("harvest", [content, "--timeout", "3"]);
  const built = await buildSite(content, path.join(workspace.dir, "site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

afterAll(async () => {
  await Promise.all([server?.close(), otherServer?.close()]);
});

describe("a hostile source", () => {
  it("is cut off at the size limit, the time limit and another site's address, and the others are still harvested", async () => {
    expect(harvest.code, harvest.stderr).toBe(0);
    const line = (name: string) => harvest.stdout.split("\n").find((text) => text.includes(`/${name}/projekt.json`)) ?? "";
    expect(line("stor")).toMatch(/misslyckades: .*är större än 32 MB, som är gränsen; det finns ingen tidigare kopia/);
    expect(line("stor-utan-langd")).toMatch(/misslyckades: .*är större än 32 MB, som är gränsen/);
    expect(line("oandlig")).toMatch(/misslyckades: .*svarade inte inom 3 s/);
    expect(line("tyst")).toMatch(/misslyckades: .*svarade inte inom 3 s/);
    expect(line("omdirigerad")).toMatch(/misslyckades: .*skickades vidare till en annan webbplats/);
    expect(otherServer.requests).toEqual([]);
    expect(line("inte-json")).toMatch(/misslyckades: .*filen är inte giltig JSON/);
    expect(line("objekt")).toMatch(/misslyckades: .*filen ska vara en lista med projekt/);
    expect(line("djup")).toMatch(/misslyckades: .*filen är nästlad djupare än 64 nivåer; det finns ingen tidigare kopia/);
    expect(harvest.stdout).toMatch(/Hämtade 11 källor på [0-9,]+ s: 3 nya versioner, 0 oförändrade, 8 misslyckades\./);
    expect(line("fientlig")).toMatch(/ny version: Fientliga biblioteket .*: 5 projekt, 15 hoppades över/);
    // Nothing but the copies of the three sources that sent a list of projects was written, and nothing temporary is left.
    expect((await readdir(path.join(content, "_harvest"))).filter((name) => !name.endsWith(".http.json"))).toHaveLength(3);
    expect((await readdir(path.join(content, "_harvest"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("has each bad record reported by field, and a control character never reaches the terminal", () => {
    for (const field of ["url", "partners[0].url", "documents[0].url", "contacts[0].url", "slug", "title"]) {
      expect(harvest.stdout).toMatch(new RegExp(`  ${field.replace(/[[\].]/g, "\\$&")}: Fientliga biblioteket: projekt nr \\d "[^"]*" hoppades över: `));
    }
    expect(harvest.stdout).toContain('title: Fientliga biblioteket: projekt nr 6 "Titel med  [31mfärg [0m" hoppades över: texten innehåller styrtecken');
    expect(harvest.stdout).not.toContain("\u001b");
  });

  it("shows its text as text: no script, attribute or link of its own reaches the page", async () => {
    const html = await readFile(path.join(site, "projekt/fientliga-biblioteket/skript/index.html"), "utf8");
    const page = await readPage(site, "/projekt/fientliga-biblioteket/skript/");
    expect(textOf(page.querySelector("h1"))).toBe('<script>alert("titel")</script>Skript i titeln');
    expect(textOf(page.querySelector(".subtitle"))).toBe('"><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script>alert|<img src=x|<img src="https:\/\/spårare|<b onmouseover|<i>Fond|<u>Program|<\/li><script>/);
    expect(page.querySelectorAll("script").map((script) => script.textContent).join("")).not.toContain("alert");
    expect(page.querySelectorAll("[href]").map((element) => element.getAttribute("href")!).filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    for (const element of page.querySelectorAll("*")) {
      for (const name of Object.keys(element.attributes)) expect(name.startsWith("on"), `${element.tagName} ${name}`).toBe(false);
    }
    // HTML in a goal stays text even on a site that allows HTML in its own Markdown.
    const goals = page.querySelectorAll("#mal + ul li").map((item) => item.innerHTML);
    expect(goals[0]).toBe("&lt;b onmouseover=&quot;alert(3)&quot;&gt;fet&lt;/b&gt;");
    expect(goals[1]).toBe("[klicka](javascript:alert(4))");
    expect(page.querySelectorAll("img").filter((image) => (image.getAttribute("src") ?? "").includes("spårare"))).toEqual([]);
    expect(textOf(page.querySelector(".page-info"))).toContain("Innehållsansvarig: <script>alert(6)</script>, Fientliga biblioteket");
  });

  it("leaves the build without any address to fetch: the pages load nothing from the source", async () => {
    const html = await readFile(path.join(site, "projekt/fientliga-biblioteket/skript/index.html"), "utf8");
    const page = await readPage(site, "/projekt/fientliga-biblioteket/skript/");
    const loaded = [...page.querySelectorAll("[src]").map((element) => element.getAttribute("src")!), ...page.querySelectorAll("link[href]").filter((link) => link.getAttribute("rel") !== "canonical").map((link) => link.getAttribute("href")!)];
    expect(loaded.filter((address) => /^(https?:)?\/\//.test(address))).toEqual([]);
    expect(html).toContain(`<link rel="canonical" href="${HOME}projekt/skript/">`);
    // No page for the records that were skipped, and none outside /projekt/.
    expect((await readdir(path.join(site, "projekt/fientliga-biblioteket"))).sort()).toEqual(["ampersander", "eget-alfa", boundedSlug(LONG_SLUG), "skript"].sort());
    await expect(stat(path.join(site, "etc"))).rejects.toThrow();
  });
});

describe("a source that speaks for others", () => {
  const line = (name: string) => harvest.stdout.split("\n").find((text) => text.includes(`/${name}/projekt.json`)) ?? "";
  const skipped = (number: number, title: string) => `Fientliga biblioteket: projekt nr ${number} "${title}" hoppades över: `;
  const listed = async (url: string) => (await readPage(site, url)).querySelectorAll(".project-list h2 a").map((link) => textOf(link));

  it("speaks only for its own organisation: a record naming the site's, another source's or a look-alike is skipped, and no organisation's page or link is taken", async () => {
    expect(harvest.stdout).toContain(`  publisher: ${skipped(8, "För webbplatsen")}utgivaren är Testbiblioteket, en annan organisation än källans; källan får bara tala för Fientliga biblioteket (802000-0009)`);
    expect(harvest.stdout).toContain(`  publisher: ${skipped(9, "För Dalarna")}utgivaren är Region Dalarna (232100-0180), en annan organisation än källans; källan får bara tala för Fientliga biblioteket (802000-0009)`);
    expect(harvest.stdout).toContain(`  publisher: ${skipped(10, "Kyrilliskt o")}utgivaren "Regi\u043en Dalarna" ser ut som Region Dalarna men är skriven med andra tecken (U+043E); källan får bara tala för Fientliga biblioteket (802000-0009)`);
    expect((await listed("/organisation/region-dalarna/")).sort()).toEqual(["Gemensamt projekt", "Läsambassadörer i Dalarna"]);
    expect(await listed("/organisation/testbiblioteket/")).toEqual(["Beta", "Alfa"]);
    const dalarna = await readPage(site, "/organisation/region-dalarna/");
    expect(dalarna.querySelectorAll("main a[href]").map((link) => link.getAttribute("href")!).filter((href) => href.includes("fientlig"))).toEqual([]);
    // The publisher's address is on another site than the source's, so the link is the source's site.
    expect(textOf(dalarna.querySelector("main p"))).toBe("Läs mer om Region Dalarna på Region Dalarnas webbplats.");
    expect(dalarna.querySelector("main p a")!.getAttribute("href")).toBe(`${server.origin}/`);
  });

  it("cannot take another archive's project by its id, even listed first: the owner's record makes the page, and the report calls it a conflict, not a merge", async () => {
    const page = await readPage(site, "/projekt/region-dalarna/lasambassadorer/");
    expect(textOf(page.querySelector("h1"))).toBe("Läsambassadörer i Dalarna");
    expect(textOf(page.querySelector(".homes"))).toBe("Från arkivet hos Region Dalarna.");
    expect(harvest.stdout).toContain(
      `  id: ${skipped(11, "Stulen titel")}har samma id, ${DALARNAS_ID}, som projektet "Läsambassadörer i Dalarna" hos Region Dalarna; id:t tillhör Region Dalarna (232100-0180), som inte listar Fientliga biblioteket (802000-0009) som partner i projektet, så projektet visas bara som Region Dalarna publicerar det`,
    );
    expect(harvest.stdout).toContain(`  id: ${skipped(13, "Webbplatsens id")}har samma id, SE-ORGNR-2120000019-alfa, som projektet "Alfa" hos Testbiblioteket; id:t tillhör Testbiblioteket (212000-0019)`);
    expect(harvest.stdout).toContain(`  id: ${skipped(14, "Någon annans id")}id:t SE-ORGNR-2321000164-vinna-vinna tillhör organisationsnummer 232100-0164, inte källans 802000-0009`);
    // The one merge is the project run together, below; the stolen id is none.
    expect(harvest.stdout).toContain('Samma projekt i flera arkiv, visas en gång (1):\n  "Gemensamt projekt": Region Dalarna och Fientliga biblioteket (samma id)\n');
  });

  it("is named on a project it ran with another archive, by the same id, when the owner lists it as a partner: with the owner's content", async () => {
    const page = await readPage(site, "/projekt/region-dalarna/gemensamt/");
    expect(textOf(page.querySelector("h1"))).toBe("Gemensamt projekt");
    expect(textOf(page.querySelector(".homes"))).toBe("Från arkivet hos Region Dalarna och Fientliga biblioteket.");
    expect(page.querySelectorAll(".homes a").map((link) => link.getAttribute("href"))).toEqual(["https://www.regiondalarna.se/bibliotek/projekt/gemensamt/", `${HOME}projekt/gemensamt/`]);
    expect(await listed("/organisation/fientliga-biblioteket/")).toContain("Gemensamt projekt");
  });

  it("never joins the site's own project by title and period: the page stays the site's, and the report proposes how to make them one", async () => {
    expect(textOf((await readPage(site, "/projekt/alfa/")).querySelector(".homes"))).toBe("Finns i arkivet hos Testbiblioteket.");
    expect(harvest.stdout).toMatch(
      /Fientliga biblioteket: projekt nr 12 "Alfa": liknar ert eget projekt "Alfa" \([^)]*projekt\/alfa\.md, samma titel och period\) men visas för sig; om det är samma projekt, lägg till Fientliga biblioteket som partner i ert projekt och be dem publicera det med ert id, SE-ORGNR-2120000019-alfa, så visas det en gång och nämner er båda/,
    );
  });

  it("refuses names over 200 characters and names without letters, cuts slugs over 80, and the build writes no name too long and no page at /finansiar//", async () => {
    expect(harvest.stdout).toMatch(new RegExp(`  publisher\\.name: ${skipped(16, "langt-utgivarnamn")}får vara högst 200 tecken \\(är 303\\)`));
    expect(harvest.stdout).toMatch(new RegExp(`  funders\\[0\\]\\.name: ${skipped(17, "langt-finansiarsnamn")}får vara högst 200 tecken \\(är 303\\)`));
    expect(harvest.stdout).toContain(`  funders[0].name: ${skipped(18, "stjarnor")}namnet har varken bokstäver eller siffror`);
    expect(textOf((await readPage(site, `/projekt/fientliga-biblioteket/${boundedSlug(LONG_SLUG)}/`)).querySelector("h1"))).toBe("Lång slug");
    // 99 ampersands make a slug of 395 characters ("and-and-…"): its page is cut to 80.
    const funderPage = `/finansiar/${nameKey(AMPERSANDS)}/`;
    expect(nameKey(AMPERSANDS).length).toBeLessThanOrEqual(80);
    expect(await listed(funderPage)).toEqual(["Och och och"]);
    await expect(stat(path.join(site, "finansiar/index.html"))).rejects.toThrow();
  });

  it("says which record, field and reason when a source's only record is bad, in the harvest's report and in check", async () => {
    expect(line("ensam")).toMatch(/ny version: Källan ensam \(.*\): 0 projekt, 1 hoppades över/);
    const reason = /  reviewed: Källan ensam: projekt nr 1 "ensam" hoppades över: \S.*/;
    expect(harvest.stdout).toMatch(reason);
    const checked = await runCli("check", [content]);
    expect(checked.stdout).toMatch(reason);
  });

  it("keeps the last good copy of a source that now sends only a bad record, and says which record, field and reason", async () => {
    server.serve("/dalarna/projekt.json", JSON.stringify([{ ...DALARNAS_RECORDS[0], reviewed: "i morgon" }]));
    const again = await runCli("harvest", [content, "--timeout", "3"]);
    const dalarna = again.stdout.split("\n").find((text) => text.includes("/dalarna/projekt.json")) ?? "";
    expect(dalarna).toMatch(/misslyckades: Region Dalarna \(.*\): inget av de 1 projekten i filen gick att läsa: projekt nr 1 "Läsambassadörer i Dalarna", reviewed: \S.*; den senaste kopian, hämtad .*, används/);
  });
});

describe("a site whose sources are not bound to who they are", () => {
  const workspace = temporaryWorkspace();
  const check = async (name: string, sources: string) => {
    const tree = await contentTree(path.join(workspace.dir, name), "minimal", { "_data/site.yaml": (text) => `${text}organisationNumber: 212000-0019\nsources:\n${sources}` });
    const checked = await runCli("check", [tree]);
    expect(checked.code).toBe(1);
    return `${checked.stdout}${checked.stderr}`.split("\n").filter((text) => text.includes("sources["));
  };

  it("is told by check exactly what to write for a source without organisation and organisation number, on the source's line", async () => {
    expect(await check("utan", "  - url: https://arkiv.example.se/projekt.json\n")).toEqual([
      expect.stringMatching(/site\.yaml:12  sources\[0\]\.organisation: skriv vilken organisation som publicerar källans arkiv, till exempel organisation: Region Dalarna; /),
      expect.stringMatching(/site\.yaml:12  sources\[0\]\.organisationNumber: skriv organisationens organisationsnummer, till exempel organisationNumber: 232100-0180; /),
    ]);
  });

  it("refuses a source that is the site's own organisation, a look-alike of a known one, or one name with two numbers", async () => {
    const source = (url: string, organisation: string, number: string) => `  - url: ${url}\n    organisation: ${organisation}\n    organisationNumber: ${number}\n`;
    expect(
      await check(
        "fel",
        source("https://a.example.se/projekt.json", "Region Dalarna", "232100-0180") +
          source("https://b.example.se/projekt.json", "Annat namn", "212000-0019") +
          source("https://c.example.se/projekt.json", "testbiblioteket", "802000-0009") +
          source("https://d.example.se/projekt.json", "Regi\u043en Dalarna", "232100-0164") +
          source("https://e.example.se/projekt.json", "Region  Dalarna", "232100-0164"),
      ),
    ).toEqual([
      expect.stringMatching(/:17  sources\[1\]\.organisationNumber: är webbplatsens egen organisation, Testbiblioteket \(212000-0019\); en källa kan bara publicera för en annan organisation/),
      expect.stringMatching(/:19  sources\[2\]\.organisation: är webbplatsens egen organisation, Testbiblioteket \(212000-0019\)/),
      expect.stringMatching(/:22  sources\[3\]\.organisation: "Regi\u043en Dalarna" ser ut som källa nr 1, Region Dalarna \(232100-0180\), men är skrivet med andra tecken/),
      expect.stringMatching(/:26  sources\[4\]\.organisationNumber: källa nr 1, Region Dalarna \(232100-0180\) har samma namn men ett annat organisationsnummer/),
    ]);
  });
});
