import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, contentTree, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

/**
 * A catalogue of bad inputs. Each case is the minimal fixture with one thing broken; `npm run
 * check` must exit with 1 and name the file (and the field, where there is one), without a stack.
 */
interface BadCase {
  readonly name: string;
  /** Edits to the minimal fixture, as for contentTree. */
  readonly edits: Parameters<typeof contentTree>[2];
  /** Runs after the edits, for what contentTree cannot write (symlinks, raw bytes). */
  readonly setup?: (content: string) => Promise<void>;
  /** The file the error names, relative to the content folder. */
  readonly file: string;
  /** "line  field: message" or "message" after the path: what the editor sees. */
  readonly expected: RegExp;
}

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
};
const alfa = (from: string, to: string) => ({ "projekt/alfa.md": replace(from, to) });

/** Writes files into the content folder's filer/: a few bytes each, or a sparse file of a given size. */
const filer = (files: Record<string, number>) => async (content: string) => {
  for (const [name, size] of Object.entries(files)) {
    const file = path.join(content, "filer", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "x");
    await truncate(file, size);
  }
};
/** Alfa with documents (from line 9; the first file's line is 11, the second's 13) or a lead picture (line 9). */
const documents = (...files: string[]) => alfa("contacts:", `documents:\n${files.map((file, index) => `  - title: Dokument ${index + 1}\n    file: ${file}`).join("\n")}\ncontacts:`);
const leadPicture = (lines: string) => alfa("contacts:", `image:\n${lines}contacts:`);

const CASES: BadCase[] = [
  { name: "an empty file", edits: { "projekt/alfa.md": "" }, file: "projekt/alfa.md", expected: /^:1  filen är tom$/ },
  { name: "a file of only white space", edits: { "kontakter/bo-ek.md": "\n  \n" }, file: "kontakter/bo-ek.md", expected: /^:1  filen är tom$/ },
  { name: "front matter without a closing ---", edits: { "projekt/alfa.md": "---\ntitle: Alfa\n" }, file: "projekt/alfa.md", expected: /^:1  front matter saknar en avslutande rad med bara ---$/ },
  { name: "no front matter at all", edits: { "projekt/alfa.md": "Bara text.\n" }, file: "projekt/alfa.md", expected: /^:1  filen ska börja med en rad med bara ---/ },
  { name: "malformed YAML", edits: alfa("title: Alfa", "title: [Alfa"), file: "projekt/alfa.md", expected: /^:2  ogiltig YAML: en lista inom \[ \] saknar sitt avslutande \]$/ },
  { name: "an unclosed quote", edits: alfa("title: Alfa", 'title: "Alfa'), file: "projekt/alfa.md", expected: /^:2  ogiltig YAML: ett citattecken " saknar sitt avslutande "$/ },
  { name: "tabs in YAML", edits: alfa("  start: 2019-03", "\tstart: 2019-03"), file: "projekt/alfa.md", expected: /^:5  ogiltig YAML: tabbtecken/ },
  { name: "a key written twice", edits: alfa("summary:", "title: Alfa igen\nsummary:"), file: "projekt/alfa.md", expected: /^:3  ogiltig YAML: samma fält står två gånger$/ },
  { name: "front matter that is a list", edits: { "projekt/alfa.md": "---\n- title\n---\n" }, file: "projekt/alfa.md", expected: /^:1  fälten ska skrivas som namn: värde/ },
  { name: "a number for a title", edits: alfa("title: Alfa", "title: 42"), file: "projekt/alfa.md", expected: /^:2  title: ska vara text, inte talet 42$/ },
  { name: "an empty title", edits: alfa("title: Alfa", 'title: ""'), file: "projekt/alfa.md", expected: /^:2  title: får inte vara tomt$/ },
  { name: "a string for goals", edits: alfa("goals:\n  - Läsa *mer*", "goals: Läsa mer"), file: "projekt/alfa.md", expected: /^:7  goals: ska vara en lista, inte texten "Läsa mer"$/ },
  { name: "a string for partners", edits: alfa("contacts:", "partners: Länsbiblioteket\ncontacts:"), file: "projekt/alfa.md", expected: /^:9  partners: ska vara en lista/ },
  { name: "a string for draft", edits: alfa("reviewed:", "draft: ja\nreviewed:"), file: "projekt/alfa.md", expected: /^:13  draft: ska vara true eller false, inte texten "ja"$/ },
  { name: "an impossible date", edits: alfa("reviewed: 2020-01-02", "reviewed: 2018-02-30"), file: "projekt/alfa.md", expected: /^:13  reviewed: ogiltigt datum "2018-02-30"/ },
  { name: "an end before its start", edits: alfa("end: 2019-12-31", "end: 2018"), file: "projekt/alfa.md", expected: /^:6  period\.end: slutdatumet ligger före startdatumet$/ },
  { name: "a review date in the future", edits: alfa("reviewed: 2020-01-02", "reviewed: 2999-01-01"), file: "projekt/alfa.md", expected: /^:13  reviewed: datumet ligger i framtiden$/ },
  { name: "an unknown key", edits: alfa("reviewed:", "reviwed: 2020-01-01\nreviewed:"), file: "projekt/alfa.md", expected: /^:13  reviwed: okänt fält \(menade du reviewed\?\)$/ },
  { name: "an unknown nested key", edits: alfa("contacts:", "partners:\n  - name: X\n    contry: SE\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.contry: okänt fält \(menade du country\?\)$/ },
  { name: "a missing required field", edits: alfa("summary: Det första projektet.\n", ""), file: "projekt/alfa.md", expected: /^:2  summary: saknas, men måste finnas$/ },
  { name: "a reference to a missing contact", edits: alfa("  - anna-berg", "  - anna-borg"), file: "projekt/alfa.md", expected: /^:10  contacts\[0\]: okänd kontakt "anna-borg".*\(menade du anna-berg\?\)$/ },
  { name: "a reference to a missing project", edits: alfa("  - beta", "  - gamma"), file: "projekt/alfa.md", expected: /^:12  related\[0\]: okänt projekt "gamma"/ },
  { name: "a project related to itself", edits: alfa("  - beta", "  - alfa"), file: "projekt/alfa.md", expected: /^:12  related\[0\]: ett projekt kan inte vara relaterat till sig självt$/ },
  { name: "an invalid phone number", edits: { "kontakter/anna-berg.md": replace("019-602 72 54", "019-602") }, file: "kontakter/anna-berg.md", expected: /^:5  phones\[0\]: ogiltigt telefonnummer "019-602"$/ },
  { name: "an email without @", edits: { "kontakter/anna-berg.md": replace("anna.berg@example.se", "anna.berg.example.se") }, file: "kontakter/anna-berg.md", expected: /^:6  email: ska vara en e-postadress/ },
  { name: "a javascript: URL", edits: alfa("contacts:", "funders:\n  - name: X\n    url: javascript:alert(1)\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  funders\[0\]\.url: måste vara en webbadress som börjar med https:\/\/ eller http:\/\/$/ },
  { name: "a data: URL", edits: alfa("contacts:", "partners:\n  - name: X\n    url: data:text/html,<b>x</b>\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.url: måste vara en webbadress/ },
  { name: "a country code that does not exist", edits: alfa("contacts:", "partners:\n  - name: X\n    country: XX\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.country: ska vara en landskod/ },
  { name: "a language tag that is not BCP 47", edits: alfa("contacts:", "partners:\n  - name: X\n    lang: inte ett språk\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.lang: ska vara en språkkod/ },
  { name: "an unknown partner role", edits: alfa("contacts:", "partners:\n  - name: X\n    roles: [boss]\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.roles\[0\]: ska vara ett av "owner", "coordinator", "partner", inte texten "boss"$/ },
  { name: "a summary over 300 characters", edits: alfa("summary: Det första projektet.", `summary: ${"Lång text. ".repeat(30)}`), file: "projekt/alfa.md", expected: /^:3  summary: får vara högst 300 tecken \(är 329\)$/ },
  { name: "two files whose slugs collide once case is folded", edits: { "projekt/Alfa.md": "---\ntitle: A\n---\n" }, file: "projekt/Alfa.md", expected: /^  filen får samma adress som projekt\/alfa\.md/ },
  { name: "a file name with spaces", edits: { "projekt/rum för bildning.md": "---\n---\n" }, file: "projekt/rum för bildning.md", expected: /^  filnamnet får bara innehålla .* döp om filen till rum-for-bildning\.md$/ },
  { name: "a file name with capitals and å/ä/ö", edits: { "kontakter/Åsa-Öberg.md": "---\n---\n" }, file: "kontakter/Åsa-Öberg.md", expected: /döp om filen till asa-oberg\.md$/ },
  { name: "a file that is not Markdown", edits: { "projekt/gamma.txt": "text" }, file: "projekt/gamma.txt", expected: /^  bara \.md-filer läses här; döp om filen till gamma\.md$/ },
  {
    name: "a non-UTF-8 file",
    edits: {},
    setup: (content) => writeFile(path.join(content, "projekt/latin1.md"), Buffer.from("---\ntitle: R\xe4ksm\xf6rg\xe5s\n---\n", "latin1")),
    file: "projekt/latin1.md",
    expected: /^  filen är inte sparad som UTF-8/,
  },
  {
    name: "a 5 MB file",
    edits: {},
    setup: (content) => writeFile(path.join(content, "projekt/stor.md"), `---\ntitle: Stor\n---\n${"x".repeat(5 * 1024 * 1024)}`),
    file: "projekt/stor.md",
    expected: /^  filen är för stor \(5 MB\); högst 1 MB är tillåtet$/,
  },
  {
    name: "a symlink that points outside content/",
    edits: {},
    setup: (content) => symlink("/etc/passwd", path.join(content, "projekt/lank.md")),
    file: "projekt/lank.md",
    expected: /^  länken pekar på en fil utanför innehållsmappen/,
  },
  { name: "an unknown file at the top", edits: { "om-oss.md": "---\n---\n" }, file: "om-oss.md", expected: /^  okänd fil/ },
  { name: "a missing required file", edits: { "tillganglighet.md": null }, file: "tillganglighet.md", expected: /^  filen saknas, men måste finnas$/ },
  { name: "a site.yaml missing a required key", edits: { "_data/site.yaml": replace("name: Testarkivet\n", "") }, file: "_data/site.yaml", expected: /^:1  name: saknas, men måste finnas$/ },
  { name: "a site.yaml naming a missing contact", edits: { "_data/site.yaml": replace("  - anna-berg", "  - anna") }, file: "_data/site.yaml", expected: /^:5  contacts\[0\]: okänd kontakt "anna"/ },
  { name: "a document that does not exist", edits: documents("raport.pdf"), setup: filer({ "rapport.pdf": 10 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filen filer\/raport\.pdf finns inte \(menade du rapport\.pdf\?\)$/ },
  { name: "a document of a type the site does not publish", edits: documents("/filer/program.exe"), setup: filer({ "program.exe": 10 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filtypen \.exe kan inte publiceras här; tillåtna är PDF, Word/ },
  { name: "a document over the 25 MB limit", edits: documents("stor.pdf"), setup: filer({ "stor.pdf": 26 * 1024 * 1024 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filen är 26 MB, men högst 25 MB är tillåtet \(maxFileMegabytes i _data\/site\.yaml\)/ },
  { name: "the same document twice", edits: documents("rapport.pdf", "/filer/rapport.pdf"), setup: filer({ "rapport.pdf": 10 }), file: "projekt/alfa.md", expected: /^:13  documents\[1\]\.file: filer\/rapport\.pdf står redan som documents\[0\]; ta bort den ena$/ },
  { name: "a lead picture without alt", edits: leadPicture("  file: bild.png\n"), setup: filer({ "bild.png": 10 }), file: "projekt/alfa.md", expected: /^:9  image\.alt: alternativtext saknas: skriv vad bilden visar/ },
  { name: "a lead picture with an empty alt", edits: leadPicture('  file: bild.png\n  alt: ""\n'), setup: filer({ "bild.png": 10 }), file: "projekt/alfa.md", expected: /^:11  image\.alt: alternativtexten är tom: skriv vad bilden visar, eller lägg till decorative: true/ },
  { name: "a picture in a body without alt", edits: alfa("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![](/filer/bild.png)"), setup: filer({ "bild.png": 10 }), file: "projekt/alfa.md", expected: /^:19  brödtext: bilden \/filer\/bild\.png saknar alternativtext/ },
  { name: "an SVG picture", edits: leadPicture("  file: logga.svg\n  alt: Logga\n"), setup: filer({ "logga.svg": 10 }), file: "projekt/alfa.md", expected: /^:10  image\.file: SVG-filer kan inte publiceras, eftersom ett skript i en SVG-fil körs på webbplatsen/ },
  { name: "a site colour below 4.5:1 on white", edits: { "_data/site.yaml": (text) => `${text}colour: "#777777"\n` }, file: "_data/site.yaml", expected: /^:10  colour: färgen #777777 har kontrasten 4,4:1 mot vit bakgrund, men länkar och knappar behöver minst 4,5:1 \(WCAG 1\.4\.3\); #[0-9a-f]{6} är samma färgton och når kravet$/ },
  { name: "a compliance status outside Digg's three", edits: { "tillganglighet.md": replace("helt förenlig", "ganska förenlig") }, file: "tillganglighet.md", expected: /^:6  compliance: ska vara ett av "helt förenlig", "delvis förenlig", "inte förenlig"/ },
];

/** Node's stack trace lines. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

const workspace = temporaryWorkspace();

describe(`the catalogue of bad inputs (${CASES.length} cases)`, () => {
  it.concurrent.each(CASES)("$name: check exits with 1 and names the file and field", async (badCase) => {
    const content = await contentTree(path.join(workspace.dir, badCase.name.replace(/\W+/g, "-")), "minimal", badCase.edits);
    await badCase.setup?.(content);
    const result = await runCli("check", [content]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(STACK_LINE);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Innehållet har \d+ fel:$/);
    const prefix = `  ${path.join(content, badCase.file)}`;
    const line = lines.find((candidate) => candidate.startsWith(prefix));
    expect(line, result.stderr).toBeDefined();
    expect(line!.slice(prefix.length)).toMatch(badCase.expected);
  });
});

describe("valid odd inputs build correctly", () => {
  const odd = {
    "CRLF line endings": "---\r\ntitle: Radslut\r\nsummary: Windows-radslut.\r\nreviewed: 2020-01-02\r\ncontentOwner: anna-berg\r\npublishedBy: bo-ek\r\n---\r\nText med CRLF.\r\n",
    "a byte-order mark": "\uFEFF---\ntitle: Bom\nsummary: Med BOM.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n",
    "a title full of å/ä/ö and quotes": `---\ntitle: 'Åäö ÅÄÖ "citat" och ''enkla'' & <vinklar>'\nsummary: Tecken.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n`,
    "a very long title": `---\ntitle: ${"Ett mycket långt projektnamn ".repeat(12).trim()}\nsummary: Långt.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n`,
  };
  const slugs = ["crlf", "bom", "tecken", "langt"];
  let site: string;

  beforeAll(async () => {
    const edits = Object.fromEntries(Object.values(odd).map((text, index) => [`projekt/${slugs[index]}.md`, text]));
    const content = await contentTree(path.join(workspace.dir, "odd"), "minimal", edits);
    const result = await buildSite(content, path.join(workspace.dir, "odd", "_site"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    site = result.output;
  });

  it.each(Object.keys(odd).map((name, index) => [name, slugs[index]!]))("%s", async (_name, slug) => {
    const page = await readPage(site, `/projekt/${slug}/`);
    const expectedTitles: Record<string, string> = {
      crlf: "Radslut",
      bom: "Bom",
      tecken: `Åäö ÅÄÖ "citat" och 'enkla' & <vinklar>`,
      langt: "Ett mycket långt projektnamn ".repeat(12).trim(),
    };
    expect(textOf(page.querySelector("h1"))).toBe(expectedTitles[slug]);
    expect(page.querySelector("h1")!.childNodes).toHaveLength(1);
  });
});
