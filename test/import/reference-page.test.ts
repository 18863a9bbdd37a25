import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import type { Archive } from "../../src/content/model/model.ts";
import { parse } from "node-html-parser";
import { startDevServer } from "../browser/dev-server.ts";
import { EXAMPLE_CONTENT, runCli, temporaryWorkspace, textOf, type CommandResult } from "../helpers.ts";
import { IMPORT_FIXTURES } from "./fixture-server.ts";

const workspace = temporaryWorkspace();
const REFERENCE = path.join(IMPORT_FIXTURES, "avslutade-projekt.html");

async function archiveOf(content: string): Promise<Archive> {
  const result = await validateContent(content, { includeDrafts: true });
  expect(result.errors).toEqual([]);
  return result.archive!;
}

/** Every file under a folder with a hash of its bytes, to tell whether a command changed anything. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const hashes = await Promise.all(files.map(async (file) => [path.relative(folder, file), createHash("sha256").update(await readFile(file)).digest("hex")] as const));
  return Object.fromEntries(hashes.sort());
}

describe("npm run import on the reference page (Regionbibliotek Örebro-Västmanland, saved from Sitevision)", () => {
  let content: string;
  let first: CommandResult;
  let imported: Archive;
  let bundled: Archive;

  beforeAll(async () => {
    content = path.join(workspace.dir, "content");
    first = await runCli("import", [REFERENCE, `--out=${content}`, "--offline"]);
    [imported, bundled] = await Promise.all([archiveOf(content), archiveOf(EXAMPLE_CONTENT)]);
  });

  it("writes every project as a draft and reports where each piece went", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(imported.projects.map((project) => project.draft)).toEqual([true, true]);
    expect(first.stdout).toContain("projekt/vinna-vinna.md");
    expect(first.stdout).toMatch(/goals \(6\) ← ”listan under Mål”/);
    expect(first.stdout).toMatch(/funders: ”Statens kulturråd”, läst ur ”Projektet har haft stöd av Statens kulturråd\.”/);
    expect(first.stdout).toMatch(/kakmeddelande ”Den här webbplatsen använder kakor/);
  });

  it("gives the bundled archive's projects: titles, subtitle, goals and funders", () => {
    const bySlug = (archive: Archive, title: string) => archive.projects.find((project) => project.title === title)!;
    for (const project of bundled.projects) {
      const found = bySlug(imported, project.title);
      expect(found, project.title).toBeDefined();
      expect(found.subtitle).toBe(project.subtitle);
      expect(found.goals).toEqual(project.goals);
      expect(found.funders.map((funder) => funder.name)).toEqual(project.funders.map((funder) => funder.name));
    }
  });

  it("groups Rom for dannelse's partners by country, with VOFO as owner and coordinator", () => {
    const rom = (archive: Archive) => archive.projects.find((project) => project.title.startsWith("Rom for dannelse"))!;
    const byCountry = (archive: Archive) =>
      Object.fromEntries(rom(archive).partnerGroups.filter((group) => group.country).map((group) => [group.country, group.partners.map((partner) => partner.name).filter((name) => !name.startsWith("VOFO"))]));
    expect(byCountry(imported)).toEqual(byCountry(bundled));
    const vofo = rom(imported).partnerGroups.flatMap((group) => group.partners).find((partner) => partner.name.startsWith("VOFO"))!;
    expect(vofo.name).toBe("VOFO (Voksenopplæringsforbundet)");
    expect([...vofo.roles].sort()).toEqual(["coordinator", "owner"]);
    // The page does not say VOFO's country: the report asks for it rather than guessing.
    expect(first.stdout).toContain("partnern VOFO (Voksenopplæringsforbundet) har inget land");
  });

  it("gives the five contacts with their numbers, in the page's order", () => {
    const people = (archive: Archive) => archive.site.contacts.map((person) => ({ id: person.id, name: person.name, title: person.title, phones: person.phones.map((phone) => phone.e164) }));
    expect(people(imported)).toEqual(people(bundled));
    expect(imported.site.contacts).toHaveLength(5);
  });

  it("reads the page information: reviewed 2018-07-04, and Sandra Spjuth as owner and publisher despite the page's misspelling", () => {
    for (const page of [...imported.projects, imported.pages.index]) {
      expect(page.responsibility.reviewed).toBe("2018-07-04");
      expect(page.responsibility.contentOwner.id).toBe("sandra-spjuth");
      expect(page.responsibility.publishedBy.id).toBe("sandra-spjuth");
    }
    expect(first.stdout).toMatch(/sidan skriver ”Sandra Spjut” \(Publicerad av Sandra Spjut\), som lästes som sandra-spjuth/);
    expect(imported.site.name).toBe("Avslutade projekt");
    expect(imported.pages.index.body).toContain("Vi har några projekt som vi vill dela med oss våra erfarenheter av");
  });

  it("passes npm run check", async () => {
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toMatch(/^0 projekt \(och 2 utkast\), 5 kontakter: inga fel/);
    expect(check.code).toBe(0);
  });

  it("shows the drafts in the preview (npm start), each with its draft notice", async () => {
    const server = await startDevServer(content);
    try {
      const index = parse(await (await fetch(server.url)).text());
      expect(index.querySelectorAll(".draft-label")).toHaveLength(2);
      const response = await fetch(new URL("projekt/vinna-vinna/", server.url));
      expect(response.status).toBe(200);
      const page = parse(await response.text());
      expect(textOf(page.querySelector("h1"))).toContain("Vinna Vinna");
      expect(textOf(page.querySelector(".draft-notice"))).toMatch(/^Utkast\./);
      expect(page.querySelectorAll("main li").map((item) => textOf(item))).toEqual(expect.arrayContaining([...bundled.projects.find((project) => project.title === "Vinna Vinna")!.goals]));
    } finally {
      await server.stop();
    }
  });

  it("is safe to run twice: existing files are left alone and named, --force writes them again", async () => {
    const before = await snapshot(content);
    const second = await runCli("import", [REFERENCE, `--out=${content}`, "--offline"]);
    expect(second.code).toBe(0);
    expect(await snapshot(content)).toEqual(before);
    expect(second.stdout).toContain("Skrev 0 filer.");
    // Every file but the cookie page and the statement, which are only started where the folder has none.
    expect(second.stdout).toContain(`Lämnade ${Object.keys(before).length - 2} befintliga filer orörda (skriv över med --force):`);
    expect(second.stdout).toContain("  - projekt/vinna-vinna.md");

    const vinna = path.join(content, "projekt/vinna-vinna.md");
    await writeFile(vinna, (await readFile(vinna, "utf8")).replace("Utveckla folkbiblioteken som mötesplats", "Ändrad av en redaktör"));
    const kept = await runCli("import", [REFERENCE, `--out=${content}`, "--offline"]);
    expect(kept.code).toBe(0);
    expect(await readFile(vinna, "utf8")).toContain("Ändrad av en redaktör");
    const forced = await runCli("import", [REFERENCE, `--out=${content}`, "--offline", "--force"]);
    expect(forced.code).toBe(0);
    expect(await snapshot(content)).toEqual(before);
  });

  it("writes nothing with --dry-run, and prints the same report", async () => {
    const empty = path.join(workspace.dir, "provkorning");
    const dry = await runCli("import", [REFERENCE, `--out=${empty}`, "--offline", "--dry-run"]);
    expect(dry.code).toBe(0);
    await expect(readdir(empty)).rejects.toThrow();
    expect(dry.stdout).toContain("Provkörning (--dry-run): ingenting skrevs. 11 filer skulle skrivas.");
    expect(dry.stdout.split("\n\nProvkörning")[0]).toBe(first.stdout.split("\n\nSkrev")[0]);
  });

  it("gives the same report as data with --json", async () => {
    const json = await runCli("import", [REFERENCE, `--out=${path.join(workspace.dir, "json")}`, "--offline", "--dry-run", "--json"]);
    const report = JSON.parse(json.stdout);
    expect(report.sitevision).toBe(true);
    expect(report.contentArea).toBe("pagecontent");
    const vinna = report.files.find((file: { file: string }) => file.file === "projekt/vinna-vinna.md");
    expect(vinna.guessed).toContainEqual({ field: "period.end", value: "2011-04-05", from: "Projektet avslutades med en inspirationskonferens den 5 april 2011." });
    expect(vinna.dropped).toContainEqual({ what: "rubrik", text: "Mål", reason: "rubriken för målen; sidan visar en egen" });
  });
});

describe("npm run import into a folder whose site.yaml has the organisation number", () => {
  it("gives each project its lasting id, and keeps the number in the site.yaml it writes", async () => {
    const content = path.join(workspace.dir, "med-organisationsnummer");
    await mkdir(path.join(content, "_data"), { recursive: true });
    await writeFile(path.join(content, "_data/site.yaml"), "organisationNumber: 232100-0164\n");
    const imported = await runCli("import", [REFERENCE, `--out=${content}`, "--offline", "--force"]);
    expect(imported.code).toBe(0);
    const archive = await archiveOf(content);
    expect(archive.projects.map((project) => [project.slug, project.id])).toEqual([
      ["vinna-vinna", "SE-ORGNR-2321000164-vinna-vinna"],
      ["rom-for-dannelse-rum-for-bildning", "SE-ORGNR-2321000164-rom-for-dannelse-rum-for-bildning"],
    ]);
    expect(archive.site.organisationNumber).toBe("2321000164");
  });
});

describe("npm run import on every fixture", () => {
  it.each(["avslutade-projekt", "lasframjande", "wordpress", "fientlig"])("%s.html imports into a folder that passes npm run check", async (fixture) => {
    const content = path.join(workspace.dir, `varje-${fixture}`);
    const imported = await runCli("import", [path.join(IMPORT_FIXTURES, `${fixture}.html`), `--out=${content}`, "--offline"]);
    expect(imported.code).toBe(0);
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/inga fel/);
  });

  it("warns when a page is not Sitevision, and reads it by the same rules", async () => {
    const imported = await runCli("import", [path.join(IMPORT_FIXTURES, "wordpress.html"), `--out=${path.join(workspace.dir, "wp")}`, "--offline", "--dry-run", "--json"]);
    const report = JSON.parse(imported.stdout);
    expect(report.sitevision).toBe(false);
    expect(report.contentArea).toBe("main");
    expect(report.warnings).toEqual([expect.stringMatching(/^sidan är inte gjord i Sitevision/)]);
    expect(report.files.map((file: { file: string }) => file.file).filter((file: string) => file.startsWith("projekt/"))).toEqual(["projekt/bokbuss-i-fjallen.md", "projekt/meankieli-i-biblioteket.md"]);
    const bokbuss = report.files.find((file: { file: string }) => file.file === "projekt/bokbuss-i-fjallen.md");
    expect(bokbuss.guessed).toContainEqual({ field: "partners: Norrbottens museum, roles", value: "owner", from: "Norrbottens museum var projektägare." });
    expect(bokbuss.dropped).toContainEqual(expect.objectContaining({ what: "dokument", text: "Rapport om bokbussen" }));
  });
});

describe("npm run import's mistakes", () => {
  it("says what is wrong in Swedish, with no stack trace, for a missing file or a bad option", async () => {
    const missing = await runCli("import", [path.join(workspace.dir, "finns-inte.html"), "--offline"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^npm run import: filen .*finns-inte\.html finns inte\n$/);
    const none = await runCli("import", []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("npm run import: ange en sparad sida eller en adress");
    const offline = await runCli("import", ["https://www.example.se/avslutade-projekt/", "--offline"]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain("--offline hämtar ingenting");
  });
});
