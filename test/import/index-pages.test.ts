import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import { Pacer } from "../../src/import/crawl.ts";
import { runCli, temporaryWorkspace, type CommandResult } from "../helpers.ts";
import { IMPORT_FIXTURES, useFixtureServer } from "./fixture-server.ts";

const workspace = temporaryWorkspace();
const server = useFixtureServer();

const INDEX_FOLDER = path.join(IMPORT_FIXTURES, "sitevision-index");
const INDEX_PATH = "/kultur/bibliotek/avslutade-projekt.html";
const PROJECT_PAGES = ["bokstart", "lasombud", "sagostunder-pa-meankieli", "digital-delaktighet"].map((name) => `/kultur/bibliotek/avslutade-projekt/${name}.html`);
const TITLES = ["Bokstart i Exempelby", "Digital delaktighet för äldre", "Läsombud i hemtjänsten", "Sagostunder på meänkieli"];
/** robots.txt as the municipality's site has it: the project group's room is closed to robots. */
const ROBOTS = "User-agent: *\nDisallow: /kultur/bibliotek/avslutade-projekt/arbetsrum.html\nDisallow: /sok\n";

async function projectsOf(content: string) {
  const { archive, errors } = await validateContent(content, { includeDrafts: true });
  expect(errors).toEqual([]);
  return archive!.projects;
}

describe("npm run import of an index's address: the project pages it links to are followed", () => {
  let content: string;
  let result: CommandResult;
  let asked: string[];

  beforeAll(async () => {
    server.answers.set("/robots.txt", { type: "text/plain", body: ROBOTS });
    content = path.join(workspace.dir, "foljd");
    const before = server.requests.length;
    result = await runCli("import", [`${server.origin}${INDEX_PATH}`, `--out=${content}`, "--delay=0"]);
    asked = server.requests.slice(before).map((request) => request.path);
  });

  it("makes one project per linked page, and none of the index or of a page's sections", async () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((await projectsOf(content)).map((project) => project.title).sort()).toEqual(TITLES);
    const files = await readdir(path.join(content, "projekt"));
    for (const section of ["bakgrund.md", "mal.md", "resultat.md", "dokument.md", "avslutade-projekt.md", "projekt.md"]) expect(files).not.toContain(section);
    expect(await readFile(path.join(content, "index.md"), "utf8")).toContain("Här finns de projekt som har avslutats, vart och ett på en egen sida.");
  });

  it("reads robots.txt once, first, never asks for a page it disallows, and asks within the site only", () => {
    expect(asked[0]).toBe(INDEX_PATH);
    expect(asked[1]).toBe("/robots.txt");
    expect(asked.filter((asked) => asked === "/robots.txt")).toHaveLength(1);
    expect(asked).toEqual(expect.arrayContaining(PROJECT_PAGES));
    expect(asked).not.toContain("/kultur/bibliotek/avslutade-projekt/arbetsrum.html");
    expect(server.otherRequests).toEqual([]);
    for (const request of server.requests) expect(request.userAgent).toBe("projektarkiv-lankkontroll/1.0");
    expect(result.stdout).toContain(`Projektgruppens arbetsrum (${server.origin}/kultur/bibliotek/avslutade-projekt/arbetsrum.html): webbplatsens robots.txt tillåter inte att sidan hämtas`);
    expect(result.stdout).toContain(`Bokstart i Exempelby (${server.origin}/kultur/bibliotek/avslutade-projekt/bokstart.html) → projekt/bokstart-i-exempelby.md`);
  });

  it("takes the documents of a page's link list as the project's documents, and keeps its sections as sections", async () => {
    const projects = await projectsOf(content);
    const bokstart = projects.find((project) => project.title === "Bokstart i Exempelby")!;
    expect(bokstart.documents.map((document) => document.title)).toEqual(["Slutrapport Bokstart", "Projektplan Bokstart"]);
    expect(bokstart.goals).toEqual(["Alla familjer med barn födda 2019 ska få ett hembesök", "Fler småbarnsfamiljer ska låna böcker på biblioteket"]);
    expect(bokstart.body).toMatch(/^## Bakgrund$/m);
    // Two pages with a "Dokument" section: each keeps its own documents, in its own folder.
    const lasombud = projects.find((project) => project.title === "Läsombud i hemtjänsten")!;
    expect(lasombud.documents.map((document) => document.title)).toEqual(["Utvärdering av läsombuden"]);
    expect(await readdir(path.join(content, "filer/lasombud-i-hemtjansten"))).toEqual(["lasombud-utvardering.pdf"]);
    expect(result.stdout).not.toContain("menyer och länklistor hör till den gamla webbplatsen\n    - dokument");
  });

  it("moves the text under Resultat and Lärdomar into results and lessons, and reads the documents' categories and the page's keywords", async () => {
    const projects = await projectsOf(content);
    const bokstart = projects.find((project) => project.title === "Bokstart i Exempelby")!;
    expect(bokstart.results).toEqual([
      "Bibliotekarierna gjorde 212 hembesök tillsammans med barnavårdscentralen. Utlåningen av bilderböcker ökade med en femtedel under projekttiden, och arbetssättet lever kvar i bibliotekets ordinarie verksamhet.",
      "Vid hembesöken hade bibliotekarien med sig en väska med pekböcker, rim och ramsor och böcker på flera språk. Familjen fick behålla en bok, och bibliotekarien visade hur man kan läsa med ett barn som ännu inte förstår orden: peka, benämna, härma ljud och låta barnet bläddra själv.",
      "Många föräldrar berättade att de inte hade vetat att man kan läsa för så små barn, eller att biblioteket har böcker på deras eget språk. Efter besöket bjöds familjen in till en babyträff på biblioteket, och ungefär hälften av familjerna kom. Där träffade de andra föräldrar och fick låna hem fler böcker.",
      "Barnavårdscentralen och biblioteket har efter projektet skrivit en överenskommelse om att fortsätta samarbetet. Sjuksköterskorna berättar om biblioteket vid sexmånadersbesöket, och biblioteket bjuder in till babyträffar fyra gånger om året. Hembesöken görs nu i mindre skala, till familjer som själva ber om det.",
    ]);
    expect(bokstart.lessons).toEqual([]);
    // Not kept twice; what the paragraph under Resultat said of the whole project stays in the body, before where the heading stood.
    expect(bokstart.body).not.toMatch(/Resultat|212 hembesök/);
    expect(bokstart.body).toMatch(/svenska hemma\.\n\nProjektet pågick 2019–2021\. Projektet har haft stöd av Statens kulturråd\.\n?$/);
    expect(bokstart.themes.map((theme) => theme.name)).toEqual(["läsfrämjande", "barn och unga"]);
    expect(bokstart.documents.map((document) => [document.title, document.category])).toEqual([
      ["Slutrapport Bokstart", "slutrapport"],
      ["Projektplan Bokstart", undefined],
    ]);
    const lasombud = projects.find((project) => project.title === "Läsombud i hemtjänsten")!;
    expect(lasombud.results).toEqual([
      "Ett hundratal äldre lånade böcker genom läsombuden. Flera av dem sade att samtalen om böckerna var lika viktiga som böckerna själva.",
      "De äldre lånade framför allt romaner, deckare och böcker om trakten de bodde i. Ljudböcker blev populära hos dem som hade svårt att se eller att hålla en bok. Flera läsombud berättade att samtalen om böckerna gav dem en ny kontakt med de äldre, och att arbetet kändes mer meningsfullt.",
    ]);
    expect(lasombud.lessons).toEqual([
      "Projektet visade också att det behövs en bibliotekarie som håller samman arbetet. När hemtjänsten hade hög personalomsättning under sommaren minskade utlåningen tydligt. Kommunen har därför gjort läsombuden till en del av bibliotekets uppsökande verksamhet, med en bibliotekarie som ansvarar för dem.",
    ]);
    expect(lasombud.body).not.toMatch(/Resultat|Lärdomar|hundratal|personalomsättning/);
    expect(lasombud.documents.map((document) => document.category)).toEqual(["utvärdering"]);
    expect(lasombud.themes).toEqual([]);
    expect(result.stdout).toContain("results (2) ← ”texten under Resultat”");
    expect(result.stdout).toContain("rubrik ”Lärdomar”: rubriken för erfarenheterna; texten under den står i fältet lessons, och projektsidan visar en egen rubrik");
    expect(result.stdout).toContain("themes (läsfrämjande) ← ”sidans ämnesord ”Läsfrämjande””");
    expect(result.stdout).toContain("sidans ämnesord ”Bokstart” finns inte bland webbplatsens ämnen");
    expect(result.stdout).toContain("documents: Slutrapport Bokstart, category: ”slutrapport”, läst ur ”länktexten ”Slutrapport Bokstart””");
  });

  it("passes npm run check", async () => {
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });
});

describe("npm run import of an index's address within limits", () => {
  it("follows at most --max-pages pages, and names the rest", async () => {
    server.answers.set("/robots.txt", { type: "text/plain", body: ROBOTS });
    const before = server.requests.length;
    const content = path.join(workspace.dir, "max-sidor");
    const result = await runCli("import", [`${server.origin}${INDEX_PATH}`, `--out=${content}`, "--delay=0", "--max-pages=2"]);
    expect(result.code).toBe(0);
    const pages = server.requests.slice(before).map((request) => request.path).filter((asked) => asked.endsWith(".html"));
    expect(pages).toEqual([INDEX_PATH, ...PROJECT_PAGES.slice(0, 2)]);
    expect((await projectsOf(content)).map((project) => project.title).sort()).toEqual(["Bokstart i Exempelby", "Läsombud i hemtjänsten"]);
    expect(result.stdout).toContain(`Sagostunder på meänkieli (${server.origin}/kultur/bibliotek/avslutade-projekt/sagostunder-pa-meankieli.html): fler än 2 sidor; --max-pages ger fler`);
  });

  it("follows no link when robots.txt cannot be read, and every link when there is none", async () => {
    server.answers.set("/robots.txt", { type: "text/plain", body: "Tillfälligt fel", status: 503 });
    const before = server.requests.length;
    const unreadable = await runCli("import", [`${server.origin}${INDEX_PATH}`, `--out=${path.join(workspace.dir, "robots-fel")}`, "--delay=0", "--dry-run"]);
    expect(unreadable.code).toBe(0);
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([INDEX_PATH, "/robots.txt"]);
    expect(unreadable.stdout).toContain(`Varning: ${server.origin}/robots.txt svarade 503, så ingen sida hämtades av dem sidan länkar till`);
    server.answers.delete("/robots.txt");
    const missing = await runCli("import", [`${server.origin}${INDEX_PATH}`, `--out=${path.join(workspace.dir, "utan-robots")}`, "--delay=0", "--dry-run"]);
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain("→ projekt/bokstart-i-exempelby.md");
  });

  it("takes several addresses of one site, one project per page", async () => {
    const content = path.join(workspace.dir, "flera-adresser");
    const result = await runCli("import", [...PROJECT_PAGES.slice(0, 2).map((page) => `${server.origin}${page}`), `--out=${content}`, "--delay=0"]);
    expect(result.code).toBe(0);
    expect((await projectsOf(content)).map((project) => project.title).sort()).toEqual(["Bokstart i Exempelby", "Läsombud i hemtjänsten"]);
  });

  it("refuses a --max-pages or --delay that is not a number, and addresses of two sites", async () => {
    const out = `--out=${path.join(workspace.dir, "fel")}`;
    const pages = await runCli("import", [`${server.origin}${INDEX_PATH}`, out, "--max-pages=många"]);
    expect(pages.code).toBe(2);
    expect(pages.stderr).toContain('--max-pages ska vara ett heltal, 0 eller större, inte "många"');
    const delay = await runCli("import", [`${server.origin}${INDEX_PATH}`, out, "--delay=-1"]);
    expect(delay.code).toBe(2);
    expect(delay.stderr).toContain('--delay ska vara ett antal sekunder, 0 eller större, inte "-1"');
    const sites = await runCli("import", [`${server.origin}${INDEX_PATH}`, `${server.otherOrigin}/sida.html`, out]);
    expect(sites.code).toBe(2);
    expect(sites.stderr).toContain("adresserna ska vara på samma webbplats");
    expect(server.otherRequests).toEqual([]);
  });
});

describe("npm run import of saved pages: one project per page", () => {
  it("lists an index's pages when the index is imported alone, makes no project of it, and says how to import them", async () => {
    const content = path.join(workspace.dir, "bara-forteckningen");
    const result = await runCli("import", [path.join(INDEX_FOLDER, "avslutade-projekt.html"), `--out=${content}`, "--offline"]);
    expect(result.code).toBe(0);
    await expect(readdir(path.join(content, "projekt"))).rejects.toThrow(/ENOENT/);
    expect(result.stdout).toContain("avslutade-projekt.html är en förteckning: den länkar till 5 sidor på samma webbplats med ett projekt på varje, och gav inget projekt själv.");
    expect(result.stdout).toContain("npm run import -- https://www.exempelby.se/kultur/bibliotek/avslutade-projekt.html");
    expect(result.stdout).toContain("- Läsombud i hemtjänsten (https://www.exempelby.se/kultur/bibliotek/avslutade-projekt/lasombud.html): sidan angavs inte");
    expect(result.stdout).not.toContain("inga rubriker");
    expect((await runCli("check", [content])).code).toBe(0);
  });

  it("reads one project's page alone as one project, its headings as sections", async () => {
    const content = path.join(workspace.dir, "en-projektsida");
    const result = await runCli("import", [path.join(INDEX_FOLDER, "lasombud.html"), `--out=${content}`, "--offline"]);
    expect(result.code).toBe(0);
    expect(await readdir(path.join(content, "projekt"))).toEqual(["lasombud-i-hemtjansten.md"]);
    const [project] = await projectsOf(content);
    expect(project!.body).toMatch(/^## Genomförande$/m);
  });

  it("takes several saved pages at once, and a folder of them, as the same archive", async () => {
    const files = ["avslutade-projekt", "bokstart", "lasombud", "sagostunder-pa-meankieli", "digital-delaktighet"].map((name) => path.join(INDEX_FOLDER, `${name}.html`));
    const several = path.join(workspace.dir, "flera-filer");
    const fromFiles = await runCli("import", [...files, `--out=${several}`, "--offline"]);
    expect(fromFiles.code).toBe(0);
    expect((await projectsOf(several)).map((project) => project.title).sort()).toEqual(TITLES);
    expect(fromFiles.stdout).toContain("Läste 5 sidor:");
    expect(fromFiles.stdout).toContain("- Projektgruppens arbetsrum (https://www.exempelby.se/kultur/bibliotek/avslutade-projekt/arbetsrum.html): sidan fanns inte bland dem som angavs");
    // The documents are recognised as documents: a saved page names them as not fetched, with --origin to fetch them.
    expect(fromFiles.stdout).toMatch(/dokument ”Slutrapport Bokstart”: \/download\/.*hämtades inte/);

    const folder = path.join(workspace.dir, "sparade");
    await mkdir(folder);
    await cp(INDEX_FOLDER, folder, { recursive: true });
    const fromFolder = path.join(workspace.dir, "fran-mapp");
    const result = await runCli("import", [folder, `--out=${fromFolder}`, `--origin=${server.origin}`]);
    expect(result.code).toBe(0);
    const projects = await projectsOf(fromFolder);
    expect(projects.map((project) => project.title).sort()).toEqual(TITLES);
    expect(projects.find((project) => project.title === "Bokstart i Exempelby")!.documents).toHaveLength(2);
    expect((await runCli("check", [fromFolder])).code).toBe(0);
  });
});

describe("the pacer that keeps requests apart", () => {
  it("runs requests one at a time, each starting the pause after the last one ended", async () => {
    const pacer = new Pacer(40);
    const times: { start: number; end: number }[] = [];
    let running = 0;
    let most = 0;
    const request = async () => {
      running++;
      most = Math.max(most, running);
      const start = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      times.push({ start, end: performance.now() });
    };
    await Promise.all([pacer.pace(request), pacer.pace(request), pacer.pace(request)]);
    expect(most).toBe(1);
    for (let index = 1; index < times.length; index++) expect(times[index]!.start - times[index - 1]!.end).toBeGreaterThanOrEqual(39);
  });
});
