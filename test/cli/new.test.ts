import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { todayInSweden } from "../../src/format/date.ts";
import { PLACEHOLDERS } from "../../src/content/model/placeholders.ts";
import { buildSite, contentTree, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** The commented example of a field, `# field:` and the `#   ` lines under it, with the # taken away as an editor would. */
function uncomment(text: string, field: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(`# ${field}:`);
  if (start < 0) throw new Error(`no example of ${field}`);
  for (let index = start; index === start || lines[index]?.startsWith("#   "); index++) lines[index] = lines[index]!.slice(2);
  return lines.join("\n");
}

describe("npm run new", () => {
  it("writes a draft project named with a Swedish slug, every field commented, reviewed today", async () => {
    const content = await contentTree(path.join(workspace.dir, "project"), "minimal");
    const result = await runCli("new", [`--input=${content}`, "Rum för bildning"]);
    const file = path.join(content, "projekt/rum-for-bildning.md");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`Skapade ${file}`);
    expect(result.stdout).toContain("npm start");
    expect(result.stdout).toContain("npm run check");
    const text = await readFile(file, "utf8");
    expect(text).toContain('title: "Rum för bildning"');
    expect(text).toContain(`reviewed: ${todayInSweden()}`);
    expect(text).toMatch(/^draft: true$/m);
    for (const field of ["subtitle", "summary", "period", "themes", "goals", "results", "lessons", "partners", "funders", "events", "contacts", "related", "contentOwner", "publishedBy"]) {
      expect(text, field).toMatch(new RegExp(`^(# )?\\s*${field}:`, "m"));
    }
    // A fresh draft is valid as it stands, so the preview shows it at once.
    expect((await runCli("check", [content])).stdout).toBe("2 projekt (och 1 utkast), 2 kontakter: inga fel\n2 avslutade projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar dem\n");
  });

  it("shows every field of a grant, and examples that check accepts once the # is taken away: a related project the archive has, themes from the site's list, results and lessons", async () => {
    const content = await contentTree(path.join(workspace.dir, "grants"), "minimal");
    expect((await runCli("new", [`--input=${content}`, "Läsande Norden"])).code).toBe(0);
    const file = path.join(content, "projekt/lasande-norden.md");
    const text = await readFile(file, "utf8");
    for (const field of ["programme", "caseNumber", "amount", "currency", "year"]) expect(text, field).toMatch(new RegExp(`^#\\s+${field}: `, "m"));
    // The newest project of the archive, not one that the example site had.
    expect(text).toMatch(/^# related:\n#   - beta$/m);
    // The site's own list of themes, named in full above the example.
    expect(text).toContain("# Webbplatsens ämnen: läsfrämjande, digital delaktighet,");
    expect(text).toMatch(/^# themes:\n#   - läsfrämjande\n#   - digital delaktighet$/m);
    expect(text).toMatch(/^#     category: slutrapport$/m);
    await writeFile(file, ["funders", "related", "themes", "results", "lessons"].reduce(uncomment, text));
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toBe("2 projekt (och 1 utkast), 2 kontakter: inga fel\n2 avslutade projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar dem\n");
    // The draft is checked as the preview shows it.
    const { validateContent } = await import("../../src/content/archive/load.ts");
    const draft = (await validateContent(content, { includeDrafts: true })).archive!.projects.find((project) => project.slug === "lasande-norden")!;
    expect(draft.themes.map((theme) => theme.name)).toEqual(["läsfrämjande", "digital delaktighet"]);
    expect([draft.results.length, draft.lessons.length]).toEqual([2, 2]);
    expect(await readFile(file, "utf8")).toContain("    currency: EUR\n");
  });

  it("names no project that is not there when the archive has none, and check explains the example if it is left in", async () => {
    const content = await contentTree(path.join(workspace.dir, "no-projects"), "minimal", { "projekt/alfa.md": null, "projekt/beta.md": null });
    expect((await runCli("new", [`--input=${content}`, "Första projektet"])).code).toBe(0);
    const file = path.join(content, "projekt/forsta-projektet.md");
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^# related:\n#   - filnamnet-pa-ett-annat-projekt$/m);
    // Published, so that its references are checked.
    await writeFile(file, uncomment(text, "related").replace("draft: true\n", "").replace(PLACEHOLDERS.summary, "Det första projektet."));
    const check = await runCli("check", [content]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('related[0]: okänt projekt "filnamnet-pa-ett-annat-projekt": det finns ingen fil projekt/filnamnet-pa-ett-annat-projekt.md');
  });

  it("never overwrites an existing file", async () => {
    const content = await contentTree(path.join(workspace.dir, "existing"), "minimal");
    const result = await runCli("new", [`--input=${content}`, "Alfa"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Filen ${path.join(content, "projekt/alfa.md")} finns redan och skrivs inte över. Öppna den, eller välj ett annat namn.\n`);
    expect(await readFile(path.join(content, "projekt/alfa.md"), "utf8")).toContain("title: Alfa");
  });

  it("writes a person with --contact, whose example title must be replaced", async () => {
    const content = await contentTree(path.join(workspace.dir, "contact"), "minimal");
    const result = await runCli("new", [`--input=${content}`, "--contact", "Åsa Öberg"]);
    expect(result.code).toBe(0);
    const file = path.join(content, "kontakter/asa-oberg.md");
    expect(await readFile(file, "utf8")).toMatch(/^name: "Åsa Öberg"$/m);
    const check = await runCli("check", [content]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${file}:6  title: byt ut exempeltexten mot personens titel`);
  });

  it("refuses a name that check would refuse, writing nothing, and cuts a long file name", async () => {
    const content = await contentTree(path.join(workspace.dir, "refused"), "minimal");
    const before = (await readdir(path.join(content, "projekt"))).sort();
    const reversed = await runCli("new", [`--input=${content}`, "Rum \u202efdp.exe"]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toBe("npm run new: namnet har ett osynligt styrtecken (U+202E, en riktningsmarkör, som vänder texten); skriv det utan.\n");
    const stars = await runCli("new", [`--input=${content}`, "★★★"]);
    expect(stars.code).toBe(2);
    expect(stars.stderr).toBe('npm run new: "★★★" ger inget filnamn; använd bokstäver eller siffror.\n');
    const person = await runCli("new", [`--input=${content}`, "--contact", "Anna ".repeat(50)]);
    expect(person.code).toBe(2);
    expect(person.stderr).toBe("npm run new: namnet är 249 tecken långt; högst 200 går.\n");
    expect((await readdir(path.join(content, "projekt"))).sort()).toEqual(before);

    const long = await runCli("new", [`--input=${content}`, "Läsfrämjande ".repeat(20)]);
    expect(long.code).toBe(0);
    const written = (await readdir(path.join(content, "projekt"))).filter((file) => !before.includes(file));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^lasframjande-(?:lasframjande-)+[0-9a-f]{8}\.md$/);
    expect(written[0]!.length).toBeLessThanOrEqual(80 + ".md".length);
    expect((await runCli("check", [content])).code).toBe(0);
  });

  it("asks for a name when none is given", async () => {
    const result = await runCli("new", []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run new -- "Rum för bildning"');
  });
});

describe("the editor guide's path: new, fill in, check, publish", () => {
  it("ends with the project on the built site", async () => {
    const content = await contentTree(path.join(workspace.dir, "guide"), "minimal");
    expect((await runCli("new", [`--input=${content}`, "Läslust i länet"])).code).toBe(0);
    const file = path.join(content, "projekt/laslust-i-lanet.md");

    // Publishing with the example summary still in place is refused, and says where.
    const unfinished = (await readFile(file, "utf8")).replace(/^draft: true\n/m, "");
    await writeFile(file, unfinished);
    const refused = await runCli("check", [content]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}:9  summary: byt ut exempeltexten mot en riktig sammanfattning innan projektet publiceras`);

    await writeFile(
      file,
      unfinished
        .replace(/^summary: .*$/m, "summary: Ett projekt om läslust för barn i länets bibliotek.")
        .replace("# contacts:\n#   - anna-berg", "contacts:\n  - anna-berg"),
    );
    expect(await runCli("check", [content])).toEqual({ code: 0, stdout: "3 projekt, 2 kontakter: inga fel\n2 avslutade projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar dem\n", stderr: "" });
    const built = await buildSite(content, path.join(workspace.dir, "guide", "_site"));
    expect(built.code).toBe(0);
    const page = await readPage(built.output, "/projekt/laslust-i-lanet/");
    expect(textOf(page.querySelector("h1"))).toBe("Läslust i länet");
    expect(page.querySelector(".draft-notice")).toBeNull();
    expect(textOf(page.querySelector(".contact-name"))).toBe("Anna Berg");
  });
});
