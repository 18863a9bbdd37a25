import { createHash } from "node:crypto";
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { siteSchema } from "../../src/content/model/schema.ts";
import { EXAMPLE_FILES } from "../../src/setup/setup.ts";
import { buildSite, EXAMPLE_CONTENT, FIXTURES, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** The answers of a regional library in Dalarna, as flags. */
const ANSWERS = [
  "--organisation",
  "Region Dalarna, Kultur och bildning",
  "--url",
  "https://kultur.example.se/projekt/",
  "--organisation-number",
  "232100-0180",
  "--counties",
  "Dalarnas län",
  "--colour",
  "#3a797b",
  "--contact-name",
  "Åsa Lindqvist",
  "--contact-title",
  "Biblioteksutvecklare",
  "--contact-email",
  "asa.lindqvist@example.se",
  "--contact-phone",
  "023-77 50 00",
  "--repo",
  "regiondalarna/avslutade-projekt",
];

/** A copy of the bundled example content, as a fresh clone has it. */
async function freshContent(name: string): Promise<string> {
  const content = path.join(workspace.dir, name, "content");
  await cp(EXAMPLE_CONTENT, content, { recursive: true });
  return content;
}

/** Every file of a folder by its path there, with its SHA-256 and modification time. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = `${createHash("sha256").update(await readFile(file)).digest("hex")} ${(await stat(file)).mtimeMs}`;
  }
  return files;
}

describe("npm run setup", () => {
  it("holds the example's hashes to the bundled example as shipped", async () => {
    for (const [relative, hash] of Object.entries(EXAMPLE_FILES)) {
      expect(createHash("sha256").update(await readFile(path.join(EXAMPLE_CONTENT, relative))).digest("hex"), relative).toBe(hash);
    }
  });

  it("takes a fresh clone into use: the example out, the answers in, a valid site with no Örebro text, and a list of what is left", async () => {
    const content = await freshContent("ny");
    const logo = path.join(FIXTURES, "dokumentation/filer/logo.png");
    const result = await runCli("setup", ["--input", content, ...ANSWERS, "--logo", logo, "--logo-alt", "Region Dalarna"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Tog bort exemplet projekt/vinna-vinna.md");
    expect(result.stdout).toContain("Kontrollen: 0 projekt, 1 kontakt: inga fel.");
    const remaining = result.stdout.slice(result.stdout.indexOf("Kvar att göra för hand:")).split("\n\n")[0]!.split("\n").slice(1);
    expect(remaining).toEqual([
      "  index.md: skriv inledningen på startsidan med era egna ord",
      "  tillganglighet.md: kontrollera redogörelsen, vem man kontaktar om brister (feedback), hur och när webbplatsen bedömdes (method, assessed) och listan över brister",
    ]);

    expect((await readdir(path.join(content, "projekt"))).sort()).toEqual([]);
    expect((await readdir(path.join(content, "kontakter"))).sort()).toEqual(["asa-lindqvist.md"]);
    expect(await readFile(path.join(content, "kontakter/asa-lindqvist.md"), "utf8")).toBe(
      '---\nname: "Åsa Lindqvist"\ntitle: "Biblioteksutvecklare"\nphones:\n  - "023-77 50 00"\nemail: asa.lindqvist@example.se\n---\n',
    );
    expect((await readdir(path.join(content, "filer"))).sort()).toEqual([".gitkeep", "logotyp.png"]);

    // site.yaml names every setting of the schema: in use, or commented with an example.
    const settings = await readFile(path.join(content, "_data/site.yaml"), "utf8");
    for (const key of Object.keys(siteSchema.shape)) expect(settings, key).toMatch(new RegExp(`^(?:# )?${key}:`, "m"));
    expect(parse(settings)).toMatchObject({
      organisation: "Region Dalarna, Kultur och bildning",
      organisationNumber: "232100-0180",
      url: "https://kultur.example.se/projekt/",
      counties: ["Dalarnas län"],
      logo: { file: "logotyp.png", alt: "Region Dalarna" },
      colour: "#3a797b",
      contacts: ["asa-lindqvist"],
      generatedPages: { contentOwner: "asa-lindqvist", publishedBy: "asa-lindqvist" },
      cms: { repo: "regiondalarna/avslutade-projekt" },
    });
    expect(settings).toMatch(/^# dcat: true$/m);

    // npm run check and the build accept it; no page says Örebro, Västmanland or an 019 number.
    const check = await runCli("check", [content]);
    expect(check).toMatchObject({ code: 0, stdout: "0 projekt, 1 kontakt: inga fel\n" });
    const { code, output } = await buildSite(content, path.join(workspace.dir, "ny", "_site"));
    expect(code).toBe(0);
    const pages = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html") && !file.startsWith("admin"));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(await readFile(path.join(output, page), "utf8"), page).not.toMatch(/Örebro|Västmanland|regionorebrolan|019-/);
    const index = await readPage(output, "");
    expect(textOf(index.querySelector("main p"))).toBe("Här finns dokumentationen från projekt som Region Dalarna, Kultur och bildning har drivit och avslutat: mål, partner, rapporter och kontaktpersoner.");
    expect(index.querySelector("header img")?.getAttribute("alt")).toBe("Region Dalarna");
    const statement = textOf((await readPage(output, "tillganglighet/")).querySelector("main"));
    expect(statement).toContain("asa.lindqvist@example.se");
    expect(statement).toContain("023-77 50 00");
  });

  it("changes nothing when run again, with the same flags or with none", async () => {
    const content = await freshContent("tva-ganger");
    expect((await runCli("setup", ["--input", content, ...ANSWERS])).code).toBe(0);
    const first = await snapshot(content);
    const again = await runCli("setup", ["--input", content, ...ANSWERS]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Ingenting att ändra i ${content}.`);
    expect(await snapshot(content)).toEqual(first);
    // Without flags the current answers are kept.
    expect((await runCli("setup", ["--input", content, "--yes"])).stdout).toContain("Ingenting att ändra");
    expect(await snapshot(content)).toEqual(first);
  });

  it("asks for what the flags do not give, refuses an answer with the schema's message, and takes the next", async () => {
    const content = await freshContent("fragor");
    const typed = ["Kulturförvaltningen i Testkommun", "", "inte en adress", "https://kultur.example.se/", "", "", "", "#777777", "#6f6f6f", "Bo Berg", "Bibliotekarie", "bo@example.se", "", ""];
    const result = await runCli("setup", ["--input", content, "--ask"], { input: `${typed.join("\n")}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Webbplatsens namn [Avslutade projekt]: ");
    expect(result.stdout).toContain("\n  måste vara en webbadress som börjar med https:// eller http:// följt av webbplatsens namn, till exempel https://www.region.se/\n");
    expect(result.stdout).toMatch(/färgen #777777 har kontrasten 4,0:1 mot de grå rutorna .*#6f6f6f är samma färgton/);
    expect(parse(await readFile(path.join(content, "_data/site.yaml"), "utf8"))).toMatchObject({
      organisation: "Kulturförvaltningen i Testkommun",
      name: "Avslutade projekt",
      url: "https://kultur.example.se/",
      colour: "#6f6f6f",
      contacts: ["bo-berg"],
    });
    expect(result.stdout).toContain("_data/site.yaml: skriv arkivets namn på GitHub under cms:");
  });

  it("refuses a colour that is readable only on white, with the shade that passes everywhere, and changes nothing", async () => {
    const content = await freshContent("farg");
    const before = await snapshot(content);
    const flags = [...ANSWERS];
    flags[flags.indexOf("--colour") + 1] = "#3e8082";
    const result = await runCli("setup", ["--input", content, ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--colour "#3e8082": färgen #3e8082 har kontrasten 4,1:1 mot de grå rutorna');
    expect(result.stderr).toContain("#3a797b är samma färgton och når kravet mot alla bakgrunder på webbplatsen");
    expect(await snapshot(content)).toEqual(before);
  });

  it("keeps the organisation's own projects and an example it has changed, and lists what still names Örebro", async () => {
    const content = await freshContent("egna");
    await writeFile(
      path.join(content, "projekt/lasfrukost.md"),
      "---\ntitle: Läsfrukost\nsummary: Frukost med böcker i Falun.\nreviewed: 2026-10-01\ncontentOwner: sandra-spjuth\npublishedBy: sandra-spjuth\n---\n",
    );
    const vinna = path.join(content, "projekt/vinna-vinna.md");
    await writeFile(vinna, (await readFile(vinna, "utf8")).replace("title: Vinna Vinna", "title: Vinna Vinna i Dalarna"));
    const result = await runCli("setup", ["--input", content, ...ANSWERS]);
    expect((await readdir(path.join(content, "projekt"))).sort()).toEqual(["lasfrukost.md", "vinna-vinna.md"]);
    expect(result.stdout).toContain("projekt/vinna-vinna.md är ett av exemplen, men ändrat; ta bort filen om den inte är er");
    expect(result.stdout).toMatch(/projekt\/vinna-vinna\.md:\d+: .*Örebro/);
    // The changed example names people setup removed: the check says so, on the file's lines.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lasfrukost\.md:5 +contentOwner: .*sandra-spjuth/);
  });
});
