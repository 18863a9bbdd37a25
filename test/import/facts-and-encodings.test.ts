/**
 * npm run import on pages written as other CMSs write them (Sitevision, WordPress, Optimizely,
 * Drupal, an old hand-made site in windows-1252, a migrated page with mojibake): the facts they
 * keep in fact boxes, definition lists, tables and sentences come out in the drafts' front matter,
 * the report says where each came from, and the drafts pass `check` once `draft: true` is removed.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ImportReport } from "../../src/import/report.ts";
import { buildSite, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";
import { IMPORT_FIXTURES, startFixtureServer } from "./fixture-server.ts";

const workspace = temporaryWorkspace();

interface Imported {
  readonly content: string;
  readonly report: ImportReport;
  /** Every text file written, by its path in the content folder. */
  readonly files: Record<string, string>;
}

/** Imports a fixture with the real command (--json), and reads back what it wrote. */
async function importFixture(fixture: string): Promise<Imported> {
  const content = path.join(workspace.dir, fixture);
  const result = await runCli("import", [path.join(IMPORT_FIXTURES, `${fixture}.html`), `--out=${content}`, "--offline", "--json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const names = (await readdir(content, { recursive: true })).filter((name) => name.endsWith(".md") || name.endsWith(".yaml"));
  const files = Object.fromEntries(await Promise.all(names.map(async (name) => [name.split(path.sep).join("/"), await readFile(path.join(content, name), "utf8")] as const)));
  return { content, report: JSON.parse(result.stdout) as ImportReport, files };
}

/** A content file's front matter as data (dates stay as they are written). */
const frontMatter = (text: string | undefined): Record<string, unknown> => {
  expect(text).toBeDefined();
  return parseYaml(text!.split(/^---$/m)[1]!) as Record<string, unknown>;
};
const bodyOf = (text: string | undefined) => text!.split(/^---$/m).slice(2).join("---").trim();
const fileReportOf = (imported: Imported, file: string) => imported.report.files.find((report) => report.file === file)!;

/** Takes `draft: true` out of every project, as an editor does once a draft is read, and runs check. */
async function checkPublished(imported: Imported): Promise<void> {
  for (const [file, text] of Object.entries(imported.files).filter(([name]) => name.startsWith("projekt/"))) {
    await writeFile(path.join(imported.content, file), text.replace("draft: true\n", ""));
  }
  const check = await runCli("check", [imported.content]);
  expect(check.stderr).toBe("");
  expect(check.stdout).toMatch(/^\d+ projekt, \d+ kontakt(?:er)?: inga fel/);
  expect(check.code).toBe(0);
}

/** No text written holds a C1 control character (what Node 20's TextDecoder makes of windows-1252's dashes) or mojibake. */
function expectCleanText(imported: Imported): void {
  for (const [file, text] of Object.entries(imported.files)) {
    expect(text, file).not.toMatch(/[\u0080-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/);
    expect(text, file).not.toMatch(/Ã|Â|â€/);
  }
}

describe("an old hand-made page in windows-1252 (declared iso-8859-1), with soft hyphens and zero-width spaces", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("gammal-sida-windows-1252");
  });

  it("is really windows-1252: its en dashes are the byte 0x96", async () => {
    const bytes = await readFile(path.join(IMPORT_FIXTURES, "gammal-sida-windows-1252.html"));
    expect(bytes.includes(Buffer.from("2006\x962007", "latin1"))).toBe(true);
  });

  it("reads the en dashes and quotes, so the period is read, and the title makes a whole slug", () => {
    expectCleanText(imported);
    const bokprat = frontMatter(imported.files["projekt/bokprat-i-storvik.md"]);
    expect(bokprat).toMatchObject({ title: "Bokprat i Storvik", period: { start: "2006", end: "2007" }, funders: [{ name: "Statens kulturråd" }] });
    expect(bokprat.summary).toContain("alla mellanstadieklasser i kommunen");
    expect(bokprat.summary).toContain("Projektet pågick 2006–2007 och följdes av en ”bokpratsdag” på biblioteket.");
    expect(bokprat.goals).toEqual(["Fler barn ska låna böcker – även pojkar", "Lärare och bibliotekarier ska samarbeta"]);
    expect(fileReportOf(imported, "projekt/bokprat-i-storvik.md").guessed).toContainEqual({ field: "period", value: "2006–2007", from: "Projektet pågick 2006–2007 och följdes av en ”bokpratsdag” på biblioteket." });
    expect(imported.report.dropped).toContainEqual(expect.objectContaining({ what: "mjukt bindestreck", text: expect.stringContaining("Bokprat") }));
    expect(imported.report.dropped).toContainEqual(expect.objectContaining({ what: "osynligt tecken", text: "mellanstadieklasser", reason: expect.stringMatching(/^U\+200B/) }));
  });

  it("reads a two-column table of labels as facts, and keeps the rest of it as label lines", () => {
    const sagor = imported.files["projekt/sagor-pa-finska.md"];
    expect(frontMatter(sagor)).toMatchObject({
      period: { start: "2005", end: "2006" },
      funders: [{ name: "Länsstyrelsen i Storviks län" }],
      partners: [{ name: "Sverigefinska riksförbundet" }, { name: "Storviks finska förening" }],
    });
    expect(bodyOf(sagor)).toContain("- **Plats:** Storviks bibliotek, barnavdelningen");
    expect(bodyOf(sagor)).not.toContain("Projekttid");
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ generatedPages: { reviewed: "2007-05-14", contentOwner: "gunnel-ek" } });
  });

  it("passes check, and builds into a page that shows the dash", async () => {
    await checkPublished(imported);
    const built = await buildSite(imported.content, path.join(workspace.dir, "gammal-sida-site"), ["--skip-search"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const page = await readPage(built.output, "projekt/bokprat-i-storvik/");
    expect(textOf(page.querySelector("h1"))).toBe("Bokprat i Storvik");
    expect(textOf(page.querySelector("main"))).toContain("Projektet pågick 2006–2007");
  });
});

describe("a page fetched from a server whose charset is wrong", () => {
  it("checks the answer's charset against the bytes: windows-1252 sent as utf-8, UTF-8 sent as iso-8859-1", async () => {
    const server = await startFixtureServer();
    try {
      server.answers.set("/gammal.html", { type: "text/html; charset=iso-8859-1", body: Buffer.from("<main><h2>Läsfrämjande för alla</h2><p>Projektet pågick 2006–2007.</p></main>") });
      const imports = await Promise.all(
        [`${server.origin}/sida/gammal-sida-windows-1252.html`, `${server.origin}/gammal.html`].map((address, index) =>
          runCli("import", [address, `--out=${path.join(workspace.dir, `fel-charset-${index}`)}`, "--dry-run", "--json"]),
        ),
      );
      const [lying, utf8] = imports.map((result) => JSON.parse(result.stdout) as ImportReport);
      expect(lying!.warnings[0]).toMatch(/^sidan anger teckenkodningen utf-8 i svaret från webbservern, men är inte skriven i UTF-8: den lästes som windows-1252/);
      expect(lying!.files.find((file) => file.file === "projekt/bokprat-i-storvik.md")!.guessed).toContainEqual(expect.objectContaining({ field: "period", value: "2006–2007" }));
      expect(utf8!.warnings[0]).toMatch(/^sidan anger teckenkodningen iso-8859-1 i svaret från webbservern, men är skriven i UTF-8/);
      expect(utf8!.files.map((file) => file.file)).toContain("projekt/lasframjande-for-alla.md");
    } finally {
      await server.close();
    }
  });
});

describe("a UTF-8 page with mojibake from a migration (WordPress classic)", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("wordpress-mojibake");
  });

  it("repairs the mojibake and says how much it repaired", () => {
    expectCleanText(imported);
    expect(imported.report.warnings[0]).toMatch(/^\d+ ställen med trasiga tecken lagades \(”Ã¶” blev ”ö” 10 gånger, ”Ã¤” blev ”ä” 10 gånger/);
    const lasning = frontMatter(imported.files["projekt/lasformaga-i-fjallbyarna.md"]);
    expect(lasning).toMatchObject({ title: "Läsförmåga i fjällbyarna", period: { start: "2012", end: "2013" }, funders: [{ name: "Statens kulturråd" }, { name: "Region Västerbotten" }] });
    expect(lasning.goals).toEqual(["Tio läsecirklar i fem byar", "“Läsning för alla” som bibliotekens motto"]);
    expect(frontMatter(imported.files["projekt/oversatt-litteratur.md"])).toMatchObject({ title: "Översatt litteratur", period: { start: "2014", end: "2014" } });
  });

  it("keeps a picture's caption a caption, never the summary", () => {
    const text = imported.files["projekt/lasformaga-i-fjallbyarna.md"];
    expect(frontMatter(text).summary).toMatch(/^Biblioteken i Storuman och Sorsele/);
    expect(bodyOf(text)).toMatch(/^\*Bokbussen i Ammarnäs, våren 2013\.\*$/m);
  });

  it("ends the contact block at the page information: the date is the review date, not a phone number", () => {
    expect(frontMatter(imported.files["kontakter/lena-lindgren.md"])).toEqual({ name: "Lena Lindgren", title: "Bibliotekschef", phones: ["0951-140 00"] });
    expect(Object.keys(imported.files).filter((file) => file.startsWith("kontakter/"))).toEqual(["kontakter/lena-lindgren.md"]);
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ contacts: ["lena-lindgren"], generatedPages: { reviewed: "2021-03-02" } });
  });

  it("passes check", async () => {
    await checkPublished(imported);
  });
});

describe("a Sitevision page with a fact box, a bold Mål, partners by country and a project's contact", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("sitevision-faktaruta");
  });

  it("reads the fact box's lines as fields, and leaves the other lines in the body", () => {
    const bokprat = imported.files["projekt/bokprat-i-storvik.md"];
    expect(frontMatter(bokprat)).toMatchObject({
      period: { start: "2020", end: "2022" },
      funders: [{ name: "Statens kulturråd" }],
      goals: ["Alla elever i årskurs sex ska få ett bokprat", "Fler lån av skönlitteratur bland unga"],
      partners: [
        { name: "Storviks skolor", country: "SE" },
        { name: "Deichman Grünerløkka", country: "NO", lang: "nb" },
      ],
    });
    expect(bodyOf(bokprat)).toContain("## Fakta om projektet\n\n**Målgrupp:** Elever i årskurs sex");
    expect(bodyOf(bokprat)).not.toMatch(/Projekttid|Finansiär|Kontaktperson|\*\*Mål\*\*/);
    expect(bodyOf(bokprat)).toContain("*Bokprat i klass 6B på Norrskolan.*");
    const report = fileReportOf(imported, "projekt/bokprat-i-storvik.md");
    expect(report.placed).toContainEqual({ field: "period (2020–2022)", from: "Projekttid: 2020–2022" });
    expect(report.dropped).toContainEqual({ what: "fakta", text: "Finansiär: Statens kulturråd", reason: "står i fältet funders" });
  });

  it("gives the project its own contacts: the one it names, and the page's person named in its text", () => {
    expect(frontMatter(imported.files["projekt/bokprat-i-storvik.md"]).contacts).toEqual(["anna-berg", "eva-lund"]);
    expect(frontMatter(imported.files["kontakter/anna-berg.md"])).toEqual({ name: "Anna Berg", title: "projektledare", phones: ["070-123 45 67"] });
    expect(fileReportOf(imported, "projekt/bokprat-i-storvik.md").guessed).toContainEqual({ field: "contacts", value: "eva-lund", from: "namnet Eva Lund står i projektets text" });
    expect(frontMatter(imported.files["projekt/lasombud-pa-aldreboenden.md"]).contacts).toBeUndefined();
  });

  it("reads page information from an HTML portlet, and ends the contact block before it", () => {
    expect(frontMatter(imported.files["kontakter/eva-lund.md"])).toEqual({ name: "Eva Lund", title: "Bibliotekschef", phones: ["0321-55 10 20"], email: "eva.lund@storvik.example" });
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ contacts: ["eva-lund"], generatedPages: { reviewed: "2024-03-14", contentOwner: "eva-lund" } });
    expect(Object.keys(imported.files).filter((file) => file.startsWith("kontakter/")).sort()).toEqual(["kontakter/anna-berg.md", "kontakter/eva-lund.md"]);
  });

  it("reads start and end from a sentence, and funders split at och", () => {
    expect(frontMatter(imported.files["projekt/lasombud-pa-aldreboenden.md"])).toMatchObject({
      period: { start: "2018-03", end: "2019-12" },
      goals: ["Högläsning varje vecka på alla boenden"],
      funders: [{ name: "Region Storvik" }, { name: "Allmänna arvsfonden" }],
    });
  });

  it("passes check", async () => {
    await checkPublished(imported);
  });
});

describe("a WordPress block theme: funders in sentences, a partner table, a caption first, page information on one line", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("wordpress-finansiarer");
  });

  it("cuts funders where the name ends, and reads the period from the same sentence", () => {
    expect(frontMatter(imported.files["projekt/granslos-lasning.md"])).toMatchObject({ funders: [{ name: "Interreg Nord" }], period: { start: "2019", end: "2022" } });
    expect(frontMatter(imported.files["projekt/lasframjande-for-nyanlanda.md"])).toMatchObject({ funders: [{ name: "Allmänna arvsfonden" }], period: { start: "2020", end: "2022" } });
    expect(fileReportOf(imported, "projekt/granslos-lasning.md").guessed).toContainEqual({ field: "funders", value: "Interreg Nord", from: "Projektet finansierades av Interreg Nord och pågick från 2019 till 2022." });
  });

  it("reads partners from i samarbete med and from a table with a Land column, in Swedish, Norwegian and Finnish", () => {
    const granslos = imported.files["projekt/granslos-lasning.md"];
    expect(frontMatter(granslos).partners).toEqual([
      { name: "Umeå universitet" },
      { name: "Nord universitet" },
      { name: "Region Västerbotten", country: "SE" },
      { name: "Nordland fylkesbibliotek", country: "NO", lang: "nb" },
      { name: "Lapin maakuntakirjasto", country: "FI" },
    ]);
    expect(bodyOf(granslos)).not.toContain("| Land |");
    expect(frontMatter(granslos).goals).toEqual(["Barnböcker på minoritetsspråk i alla deltagande bibliotek", "Tjugo läsestunder per år"]);
  });

  it("keeps the caption before the first paragraph out of the summary", () => {
    const granslos = imported.files["projekt/granslos-lasning.md"];
    expect(frontMatter(granslos).summary).toMatch(/^Biblioteken i Västerbotten och Nordland/);
    expect(bodyOf(granslos)).toMatch(/^\*Läsning i Hemavan, foto: Maja Sten\.\*$/m);
  });

  it("moves the list and paragraphs under Vad blev resultatet? and Det här tar vi med oss, a Resultat: line and a bold Lärdomar into results and lessons", () => {
    const granslos = imported.files["projekt/granslos-lasning.md"];
    expect(frontMatter(granslos).results).toEqual(["Omkring 600 nya barnböcker på *nordsamiska*, *meänkieli* och finska", "42 läsestunder, varav 18 i Norge"]);
    expect(frontMatter(granslos).lessons).toEqual([
      "Läsestunderna blev bäst när en förälder läste på sitt eget språk och en bibliotekarie på svenska eller norska.",
      "Beställ böcker på minoritetsspråk tidigt: det tog ett halvår att få dem. Läs mer på [sidan om inköp](https://bibliotek.vasterbotten.example/projekt/granslos-lasning/inkop/).",
    ]);
    expect(bodyOf(granslos)).not.toMatch(/resultatet|tar vi med oss|600 nya|halvår/);
    const nyanlanda = imported.files["projekt/lasframjande-for-nyanlanda.md"];
    expect(frontMatter(nyanlanda).results).toEqual(["85 deltagare, varav 30 lånade böcker för första gången."]);
    expect(frontMatter(nyanlanda).lessons).toEqual(["Språkcaféerna behöver en fast tid och plats.", "Lättlästa böcker ska stå nära entrén."]);
    expect(bodyOf(nyanlanda)).toBe("Språkcaféer och lättlästa böcker för nyanlända vuxna på fyra bibliotek. Projektet fick stöd från Allmänna arvsfonden under tre år, 2020–2022.");
    const report = fileReportOf(imported, "projekt/granslos-lasning.md");
    expect(report.placed).toContainEqual({ field: "results (2)", from: "texten under Vad blev resultatet?" });
    expect(report.dropped).toContainEqual({ what: "rubrik", text: "Det här tar vi med oss", reason: "rubriken för erfarenheterna; texten under den står i fältet lessons, och projektsidan visar en egen rubrik" });
    expect(fileReportOf(imported, "projekt/lasframjande-for-nyanlanda.md").placed).toContainEqual({ field: "results (1)", from: "Resultat: 85 deltagare, varav 30 lånade böcker för första gången." });
  });

  it("reads page information written on one line with a separator, and leaves it out of the last project", () => {
    expect(bodyOf(imported.files["projekt/lasframjande-for-nyanlanda.md"])).not.toMatch(/Senast uppdaterad|Sidansvarig|Tid:/);
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ generatedPages: { reviewed: "2024-03-14", contentOwner: "maja-sten" } });
    expect(fileReportOf(imported, "_data/site.yaml").guessed).toContainEqual({ field: "reviewed", value: "2024-03-14", from: "Senast uppdaterad: 14 mars 2024" });
    // The page's content owner is named in a caption: that makes her no project's contact.
    expect(frontMatter(imported.files["projekt/granslos-lasning.md"]).contacts).toBeUndefined();
  });

  it("passes check", async () => {
    await checkPublished(imported);
  });
});

describe("an Optimizely page with definition lists", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("optimizely-definitionslista");
  });

  it("takes known labels as facts and writes the others as label lines, never glued", () => {
    const lasombud = imported.files["projekt/lasombud-i-jamtland.md"];
    expect(frontMatter(lasombud)).toMatchObject({
      period: { start: "2020", end: "2022" },
      funders: [{ name: "Statens kulturråd" }, { name: "Region Jämtland Härjedalen" }],
      partners: [
        { name: "Östersunds kommun", country: "SE" },
        { name: "Trøndelag fylkesbibliotek", country: "NO", lang: "nb" },
      ],
      contacts: ["karin-os"],
    });
    expect(bodyOf(lasombud)).toBe("Läsombud på äldreboenden i åtta kommuner fick utbildning och boklådor från biblioteken.\n\n- **Målgrupp:** Äldre på boenden och deras personal");
    expect(frontMatter(imported.files["kontakter/karin-os.md"])).toEqual({ name: "Karin Ös", title: "utvecklare", email: "karin.os@regionjh.example" });
  });

  it("reads Resultat and Lärdomar in a definition list, and the text under Utvärdering, as results and lessons", () => {
    const lasombud = frontMatter(imported.files["projekt/lasombud-i-jamtland.md"]);
    expect(lasombud.results).toEqual(["96 utbildade läsombud", "Boklådor på 41 boenden, som biblioteken byter varannan månad"]);
    expect(lasombud.lessons).toEqual(["Läsombuden behöver en kontaktperson på biblioteket, inte bara boklådor; läs mer i [handledningen för läsombud](https://www.regionjh.example/kultur/bibliotek/lasombud/)."]);
    const berattarkvallar = imported.files["projekt/digitala-berattarkvallar.md"];
    expect(frontMatter(berattarkvallar).results).toEqual(["Kvällarna sågs av i genomsnitt 140 hushåll, de flesta i byar utan eget bibliotek."]);
    expect(frontMatter(berattarkvallar).lessons).toBeUndefined();
    expect(bodyOf(berattarkvallar)).toBe("Berättarkvällar som sändes från biblioteken i Strömsund och Krokom.\n\nProjektet genomfördes med stöd från Kulturrådet genom satsningen Stärkta bibliotek.");
  });

  it("reads Start and Slut, a project owner, and a funder's programme", () => {
    expect(frontMatter(imported.files["projekt/digitala-berattarkvallar.md"])).toMatchObject({
      period: { start: "2021-09", end: "2022-06" },
      partners: [{ name: "Strömsunds bibliotek", roles: ["owner"] }],
      funders: [{ name: "Kulturrådet", programme: "Stärkta bibliotek" }],
    });
  });

  it("reads page information separated by |", () => {
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ generatedPages: { reviewed: "2023-11-20", contentOwner: "per-holm" } });
    expect(Object.values(imported.files).join("\n")).not.toContain("Senast uppdaterad");
  });

  it("passes check", async () => {
    await checkPublished(imported);
  });
});

describe("a Drupal page with field labels above their values", () => {
  let imported: Imported;
  beforeAll(async () => {
    imported = await importFixture("drupal-faltetiketter");
  });

  it("reads each label's values, and the page information below", () => {
    const sagostunder = imported.files["projekt/sagostunder-pa-fyra-sprak.md"];
    expect(frontMatter(sagostunder)).toMatchObject({
      period: { start: "2019-01-01", end: "2020-12-31" },
      funders: [{ name: "Länsstyrelsen Skåne" }, { name: "Region Skåne" }],
      partners: [
        { name: "Hässleholms bibliotek", country: "SE" },
        { name: "Kristianstads bibliotek", country: "SE", roles: ["owner"] },
        { name: "Bornholms Biblioteker", country: "DK", lang: "da" },
      ],
    });
    expect(bodyOf(sagostunder)).toMatch(/\n\n- \*\*Antal sagostunder:\*\* 64$/);
    expect(bodyOf(sagostunder)).not.toMatch(/Projekttid|Finansiärer|Partner|granskades/);
    expect(parseYaml(imported.files["_data/site.yaml"]!)).toMatchObject({ generatedPages: { reviewed: "2023-10-03" } });
  });

  it("reads the values under the field labels Resultat and Erfarenheter as results and lessons", () => {
    const sagostunder = imported.files["projekt/sagostunder-pa-fyra-sprak.md"];
    expect(frontMatter(sagostunder).results).toEqual([
      "Sammanlagt 1 150 besök på sagostunderna, två av tre av familjer som inte hade lånekort.",
      "Sagostunderna fortsätter på tre av språken i bibliotekens ordinarie program.",
    ]);
    expect(frontMatter(sagostunder).lessons).toEqual(["Föräldrarna kom när sagostunden låg direkt efter förskolan, inte på helgen.", "Berättare som själva talar språket hemma höll **bäst** i samtalen efteråt."]);
    expect(bodyOf(sagostunder)).not.toMatch(/Resultat|Erfarenheter|besök|efteråt/);
  });

  it("passes check", async () => {
    await checkPublished(imported);
  });
});
