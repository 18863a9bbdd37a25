import { copyFile, lstat, mkdir, readdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import sharp from "sharp";
import { promisify } from "node:util";
import { buildSite, contentTree, FIXTURES, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";
import { damagedPdf, encryptedPdf, metadataBomb, pngDeclaring } from "./made-files.ts";

const run = promisify(execFile);
import { checkOutput } from "../../src/cli/check-output.ts";
import { validateArchive } from "../../src/harvest/load.ts";
import { PLACEHOLDERS } from "../../src/content/model/placeholders.ts";

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
/** Writes bytes, or a copy of a fixture file, into the content folder's filer/. */
const writeInto = async (content: string, name: string, bytes: Uint8Array) => {
  await mkdir(path.join(content, "filer"), { recursive: true });
  await writeFile(path.join(content, "filer", name), bytes);
};
const copyInto = async (content: string, fixture: string, name: string) => writeInto(content, name, await readFile(path.join(FIXTURES, fixture)));
/** The first half of a fixture file, as an upload cut off half-way leaves it. */
const firstHalfInto = async (content: string, fixture: string, name: string) => {
  const whole = await readFile(path.join(FIXTURES, fixture));
  await writeInto(content, name, whole.subarray(0, whole.length >> 1));
};
const documents = (...files: string[]) => alfa("contacts:", `documents:\n${files.map((file, index) => `  - title: Dokument ${index + 1}\n    file: ${file}`).join("\n")}\ncontacts:`);
const leadPicture = (lines: string) => alfa("contacts:", `image:\n${lines}contacts:`);

const CASES: BadCase[] = [
  { name: "an empty file", edits: { "projekt/alfa.md": "" }, file: "projekt/alfa.md", expected: /^:1  filen är tom$/ },
  { name: "a file of only white space", edits: { "kontakter/bo-ek.md": "\n  \n" }, file: "kontakter/bo-ek.md", expected: /^:1  filen är tom$/ },
  { name: "front matter without a closing ---", edits: { "projekt/alfa.md": "---\ntitle: Alfa\n" }, file: "projekt/alfa.md", expected: /^:1  front matter saknar en avslutande rad med bara ---$/ },
  { name: "no front matter at all", edits: { "projekt/alfa.md": "Bara text.\n" }, file: "projekt/alfa.md", expected: /^:1  filen ska börja med en rad med bara ---/ },
  { name: "malformed YAML", edits: alfa("title: Alfa", "title: [Alfa"), file: "projekt/alfa.md", expected: /^:2  ogiltig YAML: en lista inom \[ \] saknar sitt avslutande \]; skriv raden så här: title: \[Alfa\], eller om det är text och inte en lista: title: "\[Alfa"$/ },
  { name: "an unclosed quote", edits: alfa("title: Alfa", 'title: "Alfa'), file: "projekt/alfa.md", expected: /^:2  ogiltig YAML: ett citattecken " saknar sitt avslutande "; skriv raden så här: title: "Alfa"$/ },
  // Slips of hand-written YAML (src/content/reading/yaml-slips.ts): the real cause, and the corrected line
  { name: "a tab in the indentation", edits: alfa("  start: 2019-03", "\tstart: 2019-03"), file: "projekt/alfa.md", expected: /^:5  tabbtecken får inte användas för indrag i YAML; använd mellanslag och skriv raden med 2 mellanslag först: start: 2019-03$/ },
  { name: "a key written twice", edits: alfa("summary:", "title: Alfa igen\nsummary:"), file: "projekt/alfa.md", expected: /^:3  title: fältet title står redan på rad 2; ta bort den ena raden$/ },
  { name: "text after # on a value's line", edits: alfa("title: Alfa", "title: Alfa #2 i Dalarna"), file: "projekt/alfa.md", expected: /^:2  title: texten efter # räknas som en kommentar och kommer inte med på sidan \("#2 i Dalarna"\); sätt citattecken runt hela värdet och skriv raden så här: title: "Alfa #2 i Dalarna"$/ },
  { name: "text after # in a list item", edits: alfa("  - Läsa *mer*", "  - Läsa *mer* #1 i länet"), file: "projekt/alfa.md", expected: /^:8  goals\[0\]: texten efter # räknas som en kommentar .* skriv raden så här: - "Läsa \*mer\* #1 i länet"$/ },
  { name: "text after # in site.yaml", edits: { "_data/site.yaml": replace("name: Testarkivet", "name: Testarkivet # vårt arkiv") }, file: "_data/site.yaml", expected: /^:1  name: texten efter # räknas som en kommentar .* skriv raden så här: name: "Testarkivet # vårt arkiv"$/ },
  {
    name: "a list item indented one space too far, folded into the one above",
    edits: alfa("goals:\n  - Läsa *mer*", "goals:\n - Läsa mer\n  - Skriva mer"),
    file: "projekt/alfa.md",
    expected: /^:9  goals\[0\]: listpunkten är indragen mer än punkten ovanför och blir en del av den \("Läsa mer - Skriva mer"\); dra in alla punkter lika mycket och skriv raden med 1 mellanslag först: - Skriva mer$/,
  },
  { name: "a colon and a space inside a value", edits: alfa("summary: Det första projektet.", "summary: Projektet: en översikt"), file: "projekt/alfa.md", expected: /^:3  värdet innehåller kolon följt av mellanslag \(": "\), som YAML läser som ett nytt fältnamn; sätt citattecken runt värdet och skriv raden så här: summary: "Projektet: en översikt"$/ },
  { name: "a colon and a space inside a list item", edits: alfa("  - Läsa *mer*", "  - Mål: läsa mer"), file: "projekt/alfa.md", expected: /^:8  goals\[0\]: texten innehåller kolon följt av mellanslag .* skriv raden så här: - "Mål: läsa mer"$/ },
  { name: "a no-break space in the indentation", edits: alfa("goals:\n  - Läsa *mer*", "goals:\n  - Läsa mer\n\u00a0 - Skriva mer"), file: "projekt/alfa.md", expected: /^:9  raden börjar med ett hårt mellanslag \(U\+00A0\), som ofta följer med text som klistras in från Word eller en webbsida; byt det mot vanliga mellanslag och skriv raden med 2 mellanslag först: - Skriva mer$/ },
  { name: "a no-break space before the only list item", edits: alfa("  - Läsa *mer*", "\u00a0 - Läsa mer"), file: "projekt/alfa.md", expected: /^:8  raden börjar med ett hårt mellanslag \(U\+00A0\).* först: - Läsa mer$/ },
  { name: "a list item without a space after -", edits: alfa("  - Läsa *mer*", "  -Läsa mer"), file: "projekt/alfa.md", expected: /^:8  goals: listpunkten saknar mellanslag efter -, så den läses som text och inte som en punkt i listan; skriv raden så här: - Läsa mer$/ },
  { name: "typographic quotes around a value", edits: alfa("title: Alfa", "title: \u201dAlfa\u201d"), file: "projekt/alfa.md", expected: /^:2  title: typografiska citattecken \(” “ „\) räknas som en del av texten i YAML; skriv raka citattecken \("\) och raden så här: title: "Alfa"$/ },
  { name: "typographic quotes around a value with a colon", edits: alfa("summary: Det första projektet.", "summary: \u201eEtt: två\u201c"), file: "projekt/alfa.md", expected: /^:3  typografiska citattecken .* och raden så här: summary: "Ett: två"$/ },
  { name: "front matter that is a list", edits: { "projekt/alfa.md": "---\n- title\n---\n" }, file: "projekt/alfa.md", expected: /^:1  fälten ska skrivas som namn: värde/ },
  { name: "a number for a title", edits: alfa("title: Alfa", "title: 42"), file: "projekt/alfa.md", expected: /^:2  title: ska vara text, inte talet 42; sätt citattecken runt värdet och skriv raden så här: title: "42"$/ },
  { name: "an empty title", edits: alfa("title: Alfa", 'title: ""'), file: "projekt/alfa.md", expected: /^:2  title: får inte vara tomt$/ },
  { name: "a string for goals", edits: alfa("goals:\n  - Läsa *mer*", "goals: Läsa mer"), file: "projekt/alfa.md", expected: /^:7  goals: ska vara en lista, inte texten "Läsa mer"$/ },
  { name: "a string for partners", edits: alfa("contacts:", "partners: Länsbiblioteket\ncontacts:"), file: "projekt/alfa.md", expected: /^:9  partners: ska vara en lista/ },
  { name: "a string for draft", edits: alfa("reviewed:", "draft: ja\nreviewed:"), file: "projekt/alfa.md", expected: /^:13  draft: ska vara true eller false, inte texten "ja"$/ },
  { name: "an impossible date", edits: alfa("reviewed: 2020-01-02", "reviewed: 2018-02-30"), file: "projekt/alfa.md", expected: /^:13  reviewed: ogiltigt datum "2018-02-30"/ },
  { name: "an end before its start", edits: alfa("end: 2019-12-31", "end: 2018"), file: "projekt/alfa.md", expected: /^:6  period\.end: slutdatumet ligger före startdatumet$/ },
  { name: "a review date in the future", edits: alfa("reviewed: 2020-01-02", "reviewed: 2999-01-01"), file: "projekt/alfa.md", expected: /^:13  reviewed: datumet ligger i framtiden$/ },
  { name: "an unknown key", edits: alfa("reviewed:", "reviwed: 2020-01-01\nreviewed:"), file: "projekt/alfa.md", expected: /^:13  reviwed: okänt fält \(menade du reviewed\?\)$/ },
  { name: "an unknown nested key", edits: alfa("contacts:", "partners:\n  - name: X\n    contry: SE\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.contry: okänt fält \(menade du country\?\)$/ },
  // A missing field is named where it would be added: the closing --- of the front matter.
  { name: "a missing required field", edits: alfa("summary: Det första projektet.\n", ""), file: "projekt/alfa.md", expected: /^:15  summary: saknas, men måste finnas$/ },
  { name: "a reference to a missing contact", edits: alfa("  - anna-berg", "  - anna-borg"), file: "projekt/alfa.md", expected: /^:10  contacts\[0\]: okänd kontakt "anna-borg".*\(menade du anna-berg\?\)$/ },
  { name: "a reference to a missing project", edits: alfa("  - beta", "  - gamma"), file: "projekt/alfa.md", expected: /^:12  related\[0\]: okänt projekt "gamma"/ },
  { name: "a project related to itself", edits: alfa("  - beta", "  - alfa"), file: "projekt/alfa.md", expected: /^:12  related\[0\]: ett projekt kan inte vara relaterat till sig självt$/ },
  { name: "an invalid phone number", edits: { "kontakter/anna-berg.md": replace("019-602 72 54", "019-602") }, file: "kontakter/anna-berg.md", expected: /^:5  phones\[0\]: ogiltigt telefonnummer "019-602"$/ },
  { name: "a phone number inside other text", edits: { "kontakter/anna-berg.md": replace("019-602 72 54", "ring 019-602 72 54") }, file: "kontakter/anna-berg.md", expected: /^:5  phones\[0\]: ogiltigt telefonnummer "ring 019-602 72 54"$/ },
  { name: "a right-to-left override written as a YAML escape", edits: alfa("title: Alfa", 'title: "Alfa\\u202e fdp.exe"'), file: "projekt/alfa.md", expected: /^:2  title: texten har ett osynligt styrtecken \(U\+202E, en riktningsmarkör, som vänder texten\), skrivet som en kod med \\; ta bort det$/ },
  { name: "an escape character written as a YAML escape in site.yaml", edits: { "_data/site.yaml": replace("organisation: Testbiblioteket", 'organisation: "Test\\ebiblioteket"') }, file: "_data/site.yaml", expected: /^:2  organisation: texten har ett osynligt styrtecken \(U\+001B, ett terminaltecken \(ESC\)\), skrivet som en kod med \\; ta bort det$/ },
  { name: "a web editor's repository that climbs out (../..)", edits: { "_data/site.yaml": (text) => `${text}cms:\n  repo: ../..\n` }, file: "_data/site.yaml", expected: /^:11  cms\.repo: skriv ägare\/namn som på GitHub/ },
  { name: "an email without @", edits: { "kontakter/anna-berg.md": replace("anna.berg@example.se", "anna.berg.example.se") }, file: "kontakter/anna-berg.md", expected: /^:6  email: ska vara en e-postadress/ },
  { name: "a javascript: URL", edits: alfa("contacts:", "funders:\n  - name: X\n    url: javascript:alert(1)\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  funders\[0\]\.url: måste vara en webbadress som börjar med https:\/\/ eller http:\/\/ följt av webbplatsens namn, till exempel https:\/\/www\.region\.se\/$/ },
  { name: "an address without // (https:evil.example)", edits: alfa("contacts:", "partners:\n  - name: X\n    url: https:evil.example\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.url: måste vara en webbadress som börjar med https:\/\/ eller http:\/\/ följt av webbplatsens namn/ },
  { name: "an address that names one site before @ and goes to another", edits: alfa("contacts:", "funders:\n  - name: Statens kulturråd\n    url: https://www.kulturradet.se@evil.example/\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  funders\[0\]\.url: måste vara en webbadress som börjar med https:\/\/ eller http:\/\/ följt av webbplatsens namn/ },
  { name: "an address with a backslash for // (https:\\evil.example)", edits: alfa("contacts:", "funders:\n  - name: X\n    url: 'https:\\\\evil.example'\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  funders\[0\]\.url: måste vara en webbadress/ },
  { name: "a data: URL", edits: alfa("contacts:", "partners:\n  - name: X\n    url: data:text/html,<b>x</b>\ncontacts:"), file: "projekt/alfa.md", expected: /^:11  partners\[0\]\.url: måste vara en webbadress/ },
  { name: "a funder's name with no letters (★★★), which would make /finansiar//", edits: alfa("contacts:", "funders:\n  - name: \"★★★\"\ncontacts:"), file: "projekt/alfa.md", expected: /^:10  funders\[0\]\.name: namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det; skriv namnet med bokstäver$/ },
  { name: "a partner's name of 304 characters", edits: alfa("contacts:", `partners:\n  - name: ${"Regionbibliotek ".repeat(19)}\ncontacts:`), file: "projekt/alfa.md", expected: /^:10  partners\[0\]\.name: får vara högst 200 tecken \(är 303\)$/ },
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
  { name: "a site.yaml missing a required key", edits: { "_data/site.yaml": replace("name: Testarkivet\n", "") }, file: "_data/site.yaml", expected: /^:9  name: saknas, men måste finnas$/ },
  { name: "a site.yaml naming a missing contact", edits: { "_data/site.yaml": replace("  - anna-berg", "  - anna") }, file: "_data/site.yaml", expected: /^:5  contacts\[0\]: okänd kontakt "anna"/ },
  { name: "a document that does not exist", edits: documents("raport.pdf"), setup: filer({ "rapport.pdf": 10 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filen filer\/raport\.pdf finns inte \(menade du rapport\.pdf\?\)$/ },
  { name: "a document of a type the site does not publish", edits: documents("/filer/program.exe"), setup: filer({ "program.exe": 10 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filtypen \.exe kan inte publiceras här; tillåtna är PDF, Word/ },
  { name: "a document over the 25 MB limit", edits: documents("stor.pdf"), setup: filer({ "stor.pdf": 26 * 1024 * 1024 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filen är 26 MB, men högst 25 MB är tillåtet \(maxFileMegabytes i _data\/site\.yaml\)/ },
  { name: "the same document twice", edits: documents("rapport.pdf", "/filer/rapport.pdf"), setup: (content) => copyInto(content, "dokumentation/filer/lasframjande/konferensrapport-2020.pdf", "rapport.pdf"), file: "projekt/alfa.md", expected: /^:13  documents\[1\]\.file: filer\/rapport\.pdf står redan som documents\[0\]; ta bort den ena$/ },
  { name: "a lead picture without alt", edits: leadPicture("  file: bild.png\n"), setup: (content) => copyInto(content, "dokumentation/filer/lasframjande/karta.png", "bild.png"), file: "projekt/alfa.md", expected: /^:9  image\.alt: alternativtext saknas: skriv vad bilden visar/ },
  { name: "a lead picture with an empty alt", edits: leadPicture('  file: bild.png\n  alt: ""\n'), setup: (content) => copyInto(content, "dokumentation/filer/lasframjande/karta.png", "bild.png"), file: "projekt/alfa.md", expected: /^:11  image\.alt: alternativtexten är tom: skriv vad bilden visar, eller lägg till decorative: true/ },
  { name: "a picture in a body without alt", edits: alfa("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![](/filer/bild.png)"), setup: (content) => copyInto(content, "dokumentation/filer/lasframjande/karta.png", "bild.png"), file: "projekt/alfa.md", expected: /^:19  brödtext: bilden \/filer\/bild\.png saknar alternativtext/ },
  { name: "an SVG picture", edits: leadPicture("  file: logga.svg\n  alt: Logga\n"), setup: filer({ "logga.svg": 10 }), file: "projekt/alfa.md", expected: /^:10  image\.file: SVG-filer kan inte publiceras, eftersom ett skript i en SVG-fil körs på webbplatsen/ },
  { name: "an SVG lying in filer/, linked from nowhere", edits: {}, setup: filer({ "bilder/logga.svg": 10 }), file: "filer/bilder/logga.svg", expected: /^  SVG-filer kan inte publiceras, eftersom ett skript i en SVG-fil körs på webbplatsen/ },
  { name: "an HTML file in filer/", edits: {}, setup: filer({ "gammal-sida.html": 10 }), file: "filer/gammal-sida.html", expected: /^  HTML-filer kan inte publiceras i filer\/, eftersom ett skript i filen körs på webbplatsen/ },
  { name: "a YAML anchor and alias", edits: alfa("title: Alfa", "title: &namn Alfa\nsubtitle: *namn"), file: "projekt/alfa.md", expected: /^:2  YAML-ankare \(&namn\) och alias \(\*namn\) används inte i innehållsfilerna; skriv ut värdet där det behövs$/ },
  // Hidden files and folders are published with the rest of filer/, so they are checked the same way.
  { name: "a hidden HTML file in filer/", edits: {}, setup: filer({ ".dold.html": 10 }), file: "filer/.dold.html", expected: /^  HTML-filer kan inte publiceras i filer\/, eftersom ett skript i filen körs på webbplatsen/ },
  { name: "XHTML saved as .xml in filer/", edits: {}, setup: filer({ "rapport.xml": 10 }), file: "filer/rapport.xml", expected: /^  XML-filer kan inte publiceras i filer\/, eftersom ett skript i filen körs på webbplatsen/ },
  { name: "a compressed SVG in filer/", edits: {}, setup: filer({ "karta.svgz": 10 }), file: "filer/karta.svgz", expected: /^  SVG-filer kan inte publiceras/ },
  {
    name: "a symlink to a file outside content/ in a hidden folder of filer/",
    edits: {},
    setup: async (content) => {
      await mkdir(path.join(content, "filer/.dold"), { recursive: true });
      await symlink("/etc/passwd", path.join(content, "filer/.dold/losen.txt"));
    },
    file: "filer/.dold/losen.txt",
    expected: /^  länkar kan inte publiceras i filer\/, inte heller i en dold mapp/,
  },
  // Text from Word and other programs: control characters are refused on their line, and UTF-16 is named as such.
  {
    name: "Word's line break (U+000B) in a summary",
    edits: alfa("summary: Det första projektet.", "summary: Det första\u000bprojektet."),
    file: "projekt/alfa.md",
    expected: /^:3  raden har ett osynligt styrtecken \(U\+000B, en radbrytning från Word \(Skift\+Retur\)\) i kolumn 20, efter "summary: Det första"; ta bort det, till exempel genom att skriva om texten runt det$/,
  },
  { name: "a right-to-left override (U+202E) in a title", edits: alfa("title: Alfa", "title: Alfa \u202efdp.exe"), file: "projekt/alfa.md", expected: /^:2  raden har ett osynligt styrtecken \(U\+202E, en riktningsmarkör, som vänder texten\) i kolumn 13, efter "title: Alfa"; ta bort det/ },
  { name: "a bidirectional isolate (U+2066) in a contact's name", edits: { "kontakter/anna-berg.md": replace("name: Anna Berg", "name: Anna \u2066Berg\u2069") }, file: "kontakter/anna-berg.md", expected: /^:2  raden har ett osynligt styrtecken \(U\+2066, en riktningsmarkör, som vänder texten\) i kolumn 12, efter "name: Anna" \(och 1 till på raden\)/ },
  { name: "a NUL in a title", edits: alfa("title: Alfa", "title: Al\u0000fa"), file: "projekt/alfa.md", expected: /^:2  raden har ett osynligt styrtecken \(U\+0000, ett nolltecken\) i kolumn 10, efter "title: Al"; ta bort det/ },
  { name: "an escape sequence in a body", edits: alfa("Alfa handlar om läsning.", "\u001b[31mAlfa\u001b[0m handlar om läsning."), file: "projekt/alfa.md", expected: /^:17  raden har ett osynligt styrtecken \(U\+001B, ett terminaltecken \(ESC\)\) i kolumn 1 \(och 1 till på raden\); ta bort det/ },
  {
    name: "UTF-16 without a byte-order mark",
    edits: {},
    setup: (content) => writeFile(path.join(content, "projekt/alfa.md"), Buffer.from("---\ntitle: Alfa\n---\n", "utf16le")),
    file: "projekt/alfa.md",
    expected: /^  filen är sparad som UTF-16 \(i Windows kallat Unicode\); spara om den med teckenkodningen UTF-8$/,
  },
  {
    name: "UTF-16 with a byte-order mark",
    edits: {},
    setup: (content) => writeFile(path.join(content, "kontakter/bo-ek.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\nname: Bo Ek\n---\n", "utf16le")])),
    file: "kontakter/bo-ek.md",
    expected: /^  filen är sparad som UTF-16/,
  },
  {
    name: "a picture address with a space",
    edits: alfa("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![Karta](/filer/karta 2.png)"),
    setup: filer({ "karta 2.png": 10 }),
    file: "projekt/alfa.md",
    expected: /^:19  brödtext: adressen \/filer\/karta 2\.png har mellanslag, så bilden visas som text; skriv den inom < >: !\[Karta\]\(<\/filer\/karta 2\.png>\)$/,
  },
  {
    name: "a picture from another site in HTML, where the site allows HTML",
    edits: { ...alfa("Alfa handlar om läsning.", 'Alfa handlar om <img src="https://example.com/a.png" alt="en bild"> läsning.'), "_data/site.yaml": (text) => `${text}markdown:\n  allowHtml: true\n` },
    file: "projekt/alfa.md",
    expected: /^:17  brödtext: bilder från andra webbplatser visas inte \(https:\/\/example\.com\/a\.png\); ladda upp bilden till filer\/ och skriv !\[…\]\(\/filer\/namn\.jpg\)$/,
  },
  { name: "two files whose names differ only in case", edits: {}, setup: filer({ "slutrapport.pdf": 10, "Slutrapport.pdf": 10 }), file: "filer/slutrapport.pdf", expected: /^  filer\/Slutrapport\.pdf och filer\/slutrapport\.pdf skiljer sig bara i stora och små bokstäver, och på Windows och macOS skriver den ena över den andra; byt namn på den ena eller ta bort den$/ },
  {
    name: "two files whose names differ only in Unicode form",
    edits: {},
    setup: filer({ ["bild-örebro.png".normalize("NFC")]: 10, ["bild-örebro.png".normalize("NFD")]: 10 }),
    file: "filer/bild-örebro.png".normalize("NFC"),
    expected: /^  filen finns två gånger, filer\/bild-.{1,2}rebro\.png och den här, med namnet skrivet på två sätt i Unicode \(som macOS och Windows sparar å, ä och ö\); ta bort den ena$/u,
  },
  // PDFs that a visitor could not open: an error where the document is linked, naming why.
  { name: "an empty PDF", edits: documents("tom.pdf"), setup: filer({ "tom.pdf": 0 }), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filer\/tom\.pdf går inte att öppna: filen är tom$/ },
  {
    name: "a JPEG named .pdf",
    edits: documents("foto.pdf"),
    setup: (content) => copyInto(content, "dokumentation/filer/lasframjande/omslag.jpg", "foto.pdf"),
    file: "projekt/alfa.md",
    expected: /^:11  documents\[0\]\.file: filer\/foto\.pdf går inte att öppna: filen är inte en PDF utan en JPEG-bild; spara om den som PDF$/,
  },
  {
    name: "a PDF cut off half-way",
    edits: documents("halv.pdf"),
    setup: (content) => firstHalfInto(content, "dokumentation/filer/lasframjande/konferensrapport-2020.pdf", "halv.pdf"),
    file: "projekt/alfa.md",
    expected: /^:11  documents\[0\]\.file: filer\/halv\.pdf går inte att öppna: filen är avklippt: slutet saknas/,
  },
  { name: "a PDF locked with a password", edits: documents("last.pdf"), setup: (content) => writeInto(content, "last.pdf", encryptedPdf()), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filer\/last\.pdf går inte att öppna: PDF:en är skyddad med lösenord/ },
  { name: "a damaged PDF", edits: documents("skadad.pdf"), setup: (content) => writeInto(content, "skadad.pdf", damagedPdf()), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filer\/skadad\.pdf går inte att öppna: PDF:en är skadad och går inte att öppna/ },
  // Pictures the build could not use: found by check, where the picture is named.
  { name: "a PNG that declares 30000 × 30000 pixels", edits: leadPicture("  file: stor.png\n  alt: Stor\n"), setup: (content) => writeInto(content, "stor.png", pngDeclaring(30_000, 30_000)), file: "projekt/alfa.md", expected: /^:10  image\.file: filer\/stor\.png kan inte visas: bilden är 30\s000 × 30\s000 bildpunkter, fler än 268\s402\s689 som går att öppna; minska den/ },
  { name: "a web page saved as foto.jpg", edits: leadPicture("  file: foto.jpg\n  alt: Foto\n"), setup: (content) => writeInto(content, "foto.jpg", Buffer.from("<!DOCTYPE html><title>Bild</title>")), file: "projekt/alfa.md", expected: /^:10  image\.file: filer\/foto\.jpg kan inte visas: filen är ingen bild som går att läsa, fast namnet slutar på \.jpg; spara om den som JPEG eller PNG$/ },
  {
    name: "an SVG with a script saved as .avif, the lead picture of a draft (as an import could write it)",
    edits: alfa("reviewed:", "draft: true\nimage:\n  file: bild.avif\n  alt: Bild\nreviewed:"),
    setup: (content) => writeInto(content, "bild.avif", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    file: "projekt/alfa.md",
    expected: /^:15  image\.file: filer\/bild\.avif kan inte visas: filen är ingen bild som går att läsa, fast namnet slutar på \.avif/,
  },
  {
    name: "a web page saved as .png, in a draft's body",
    edits: { "projekt/alfa.md": (text) => replace("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![Karta](/filer/karta.png)")(replace("reviewed:", "draft: true\nreviewed:")(text)) },
    setup: (content) => writeInto(content, "karta.png", Buffer.from("<!DOCTYPE html><title>Karta</title>")),
    file: "projekt/alfa.md",
    expected: /^:20  brödtext: filer\/karta\.png kan inte visas: filen är ingen bild som går att läsa/,
  },
  {
    name: "an AVIF picture saved as foto.jpg",
    edits: alfa("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![Foto](/filer/foto.jpg)"),
    setup: async (content) => writeInto(content, "foto.jpg", await sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } }).avif().toBuffer()),
    file: "projekt/alfa.md",
    expected: /^:19  brödtext: filer\/foto\.jpg kan inte visas: filen är en AVIF-bild, fast namnet slutar på \.jpg; spara om den som JPEG eller PNG$/,
  },
  {
    name: "the first half of a JPEG",
    edits: leadPicture("  file: halv.jpg\n  alt: Halv\n"),
    setup: (content) => firstHalfInto(content, "dokumentation/filer/lasframjande/omslag.jpg", "halv.jpg"),
    file: "projekt/alfa.md",
    expected: /^:10  image\.file: filer\/halv\.jpg kan inte visas: bilden är avklippt: slutet av filen saknas/,
  },
  { name: "a program named .docx", edits: documents("budget.docx"), setup: (content) => writeInto(content, "budget.docx", Buffer.from("MZ\x90\x00program", "latin1")), file: "projekt/alfa.md", expected: /^:11  documents\[0\]\.file: filer\/budget\.docx går inte att öppna: filen är inte ett Word-dokument utan ett Windows-program, fast namnet slutar på \.docx; spara om den från programmet den gjordes i$/ },
  // One allow-list for everything in filer/, linked or not, hidden or not.
  { name: "a program lying in filer/, linked from nowhere", edits: {}, setup: filer({ "verktyg/installera.exe": 10 }), file: "filer/verktyg/installera.exe", expected: /^  filtypen \.exe kan inte publiceras i filer\/; tillåtna är PDF, Word, Excel, .*, och skript som en kakkategori i site\.yaml laddar$/ },
  { name: "an archive in a hidden folder of filer/", edits: {}, setup: filer({ ".gammalt/arkiv.zip": 10 }), file: "filer/.gammalt/arkiv.zip", expected: /^  filtypen \.zip kan inte publiceras i filer\// },
  { name: "a file Finder left in filer/", edits: {}, setup: filer({ ".DS_Store": 10 }), file: "filer/.DS_Store", expected: /^  filen skapas av Finder i macOS och ska inte publiceras; ta bort den \(och lägg gärna \.DS_Store i \.gitignore\)$/ },
  { name: "a site colour below 4.5:1 on white", edits: { "_data/site.yaml": (text) => `${text}colour: "#777777"\n` }, file: "_data/site.yaml", expected: /^:10  colour: färgen #777777 har kontrasten 4,0:1 mot de grå rutorna \(kontaktkort och kakmeddelandet, #f2f4f5\), men länkar och knappar behöver minst 4,5:1 \(WCAG 1\.4\.3\); #6f6f6f är samma färgton och når kravet mot alla bakgrunder på webbplatsen$/ },
  { name: "a site colour that passes on white but not on the grey panels", edits: { "_data/site.yaml": (text) => `${text}colour: "#3e8082"\n` }, file: "_data/site.yaml", expected: /^:10  colour: färgen #3e8082 har kontrasten 4,1:1 mot de grå rutorna .*; #3a797b är samma färgton och når kravet mot alla bakgrunder på webbplatsen$/ },
  { name: "a compliance status outside Digg's three", edits: { "tillganglighet.md": replace("helt förenlig", "ganska förenlig") }, file: "tillganglighet.md", expected: /^:6  compliance: ska vara ett av "helt förenlig", "delvis förenlig", "inte förenlig"/ },
];

/** Node's stack trace lines. */
const STACK_LINE = /^\s+at .+[(:]\d+/m;

const workspace = temporaryWorkspace();

/**
 * Each case is validated in this process and rendered as `npm run check` renders it
 * (src/cli/check-output.ts, which the command writes), since starting the command for each of 128
 * cases cost more than the validation. For one case of each kind of file (a project, a contact,
 * site.yaml, a PDF, a picture, filer/ itself) the command is started, and must print exactly that.
 */
const RUN_AS_COMMAND = ["malformed YAML", "an invalid phone number", "text after # in site.yaml", "a damaged PDF", "a PNG that declares 30000 × 30000 pixels", "a program lying in filer/, linked from nowhere"].map((name) => {
  const found = CASES.find((badCase) => badCase.name === name);
  if (!found) throw new Error(`The catalogue has no case named "${name}"`);
  return found;
});

/** The minimal fixture with the case's edits, in a folder of its own. */
async function treeOf(badCase: BadCase, folder = badCase.name.replace(/\W+/g, "-")): Promise<string> {
  const content = await contentTree(path.join(workspace.dir, folder), "minimal", badCase.edits);
  await badCase.setup?.(content);
  return content;
}

describe(`the catalogue of bad inputs (${CASES.length} cases)`, () => {
  it.concurrent.each(CASES)("$name: check exits with 1 and names the file and field", async (badCase) => {
    const content = await treeOf(badCase);
    const validation = await validateArchive(content);
    const result = checkOutput(validation, "text");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(STACK_LINE);
    // Files are named as written, never URL-encoded.
    expect(result.stderr).not.toMatch(/%[0-9A-F]{2}/i);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Innehållet har \d+ fel:$/);
    const prefix = `  ${path.join(content, badCase.file)}`;
    const line = lines.find((candidate) => candidate.startsWith(prefix));
    expect(line, result.stderr).toBeDefined();
    expect(line!.slice(prefix.length)).toMatch(badCase.expected);
    // The same errors as data (what --format json prints, the list the GitHub and GitLab formats
    // print too): no name %-encoded there either.
    const json = checkOutput(validation, "json").stdout;
    expect(JSON.parse(json).errors.length).toBeGreaterThan(0);
    expect(json).not.toMatch(/%[0-9A-F]{2}/i);
  });

  it.concurrent.each(RUN_AS_COMMAND)("$name: npm run check prints what the catalogue checks, with exit code 1", async (badCase) => {
    const content = await treeOf(badCase, `kommandot-${badCase.name.replace(/\W+/g, "-")}`);
    const expected = checkOutput(await validateArchive(content), "text");
    expect(await runCli("check", [content])).toEqual({ code: 1, stdout: "", stderr: expected.stderr });
  });
});

describe("the corrected line for an address with a space", () => {
  it("gives, put into the file, a file without the error, whose page shows the picture", async () => {
    const content = await contentTree(path.join(workspace.dir, "mellanslag"), "minimal", alfa("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![Karta](/filer/karta 2.png)"));
    await mkdir(path.join(content, "filer"), { recursive: true });
    await copyFile(path.join(FIXTURES, "dokumentation/filer/lasframjande/karta.png"), path.join(content, "filer/karta 2.png"));
    const before = await runCli("check", [content]);
    const corrected = /skriv den inom < >: (.+)$/m.exec(before.stderr)![1]!;
    await writeFile(path.join(content, "projekt/alfa.md"), (await readFile(path.join(content, "projekt/alfa.md"), "utf8")).replace("![Karta](/filer/karta 2.png)", corrected));
    const after = await runCli("check", [content]);
    expect(after.code, after.stderr).toBe(0);
    const built = await buildSite(content, path.join(workspace.dir, "mellanslag-site"), ["--skip-search"]);
    expect(built.code, built.stderr).toBe(0);
    const page = await readPage(built.output, "/projekt/alfa/");
    expect(page.querySelector(".project-body img")!.getAttribute("alt")).toBe("Karta");
    expect(textOf(page.querySelector(".project-body"))).not.toContain("![Karta]");
  });
});

describe("a file name in macOS's Unicode form (NFD)", () => {
  it("is found by a reference in either form, and the site builds", async () => {
    const nfc = "karta-örebro.png".normalize("NFC");
    const nfd = "karta-örebro.png".normalize("NFD");
    const report = "Rapport från Örebro.pdf";
    const content = await contentTree(path.join(workspace.dir, "nfd"), "minimal", {
      "projekt/alfa.md": (text) =>
        documents(report.normalize("NFC"))["projekt/alfa.md"](text).replace("Alfa handlar om läsning.", `Alfa handlar om läsning.\n\n![Karta över Örebro](/filer/${nfc})\n\n![Samma karta](/filer/${nfd})`),
    });
    await mkdir(path.join(content, "filer"), { recursive: true });
    await copyFile(path.join(FIXTURES, "dokumentation/filer/lasframjande/karta.png"), path.join(content, "filer", nfd));
    await copyFile(path.join(FIXTURES, "dokumentation/filer/lasframjande/konferensrapport-2020.pdf"), path.join(content, "filer", report.normalize("NFD")));
    const checked = await runCli("check", [content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).not.toContain("ingen sida");
    const built = await buildSite(content, path.join(workspace.dir, "nfd-site"), ["--skip-search"]);
    expect(built.code, built.stderr).toBe(0);
    const page = await readPage(built.output, "/projekt/alfa/");
    // Both as the processed picture, from /bilder/, whichever form the body named the file in.
    const pictures = page.querySelectorAll(".project-body picture img");
    expect(pictures.map((image) => image.getAttribute("alt"))).toEqual(["Karta över Örebro", "Samma karta"]);
    expect(pictures.every((image) => image.getAttribute("src")!.startsWith("/bilder/"))).toBe(true);
    // The document is published under the composed name its link uses.
    const href = page.querySelector(".document-list a")!.getAttribute("href")!;
    expect(href).toBe(`/filer/${encodeURIComponent(report.normalize("NFC"))}`);
    expect(await readdir(path.join(built.output, "filer"))).toContain(report.normalize("NFC"));
    expect(await readdir(path.join(built.output, "filer"))).not.toContain(report.normalize("NFD"));
  });
});

describe("a draft's PDF that is not accessible", () => {
  it("is a warning in check before the draft is published, and is not yet in the statement", async () => {
    const content = await contentTree(path.join(workspace.dir, "utkast-pdf"), "minimal", {
      "projekt/alfa.md": (text) => documents("rapport.pdf")["projekt/alfa.md"](text).replace("reviewed:", "draft: true\nreviewed:"),
    });
    await copyInto(content, "dokumentation/filer/lasframjande/konferensrapport-2020.pdf", "rapport.pdf");
    const result = await runCli("check", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${path.join(content, "projekt/alfa.md")}:11  documents[0].file: PDF:en filer/rapport.pdf saknar taggar, dokumentspråk och titel; när utkastet publiceras listas den i tillgänglighetsredogörelsen`);
    const built = await buildSite(content, path.join(workspace.dir, "utkast-pdf-site"), ["--skip-search"]);
    expect(built.code, built.stderr).toBe(0);
    expect(textOf(await readPage(built.output, "/tillganglighet/"))).not.toContain("Dokument 1");
  });
});

describe("a warning about a file whose name has spaces and brackets", () => {
  it.each(["text", "json", "github", "gitlab"])("names the file as written, never URL-encoded, in the %s format", async (format) => {
    const content = await contentTree(path.join(workspace.dir, `namn-${format}`), "minimal", documents("Slutrapport Vinna Vinna (2011).pdf"));
    await mkdir(path.join(content, "filer"), { recursive: true });
    await copyFile(path.join(FIXTURES, "dokumentation/filer/lasframjande/konferensrapport-2020.pdf"), path.join(content, "filer/Slutrapport Vinna Vinna (2011).pdf"));
    const result = await runCli("check", [content, "--format", format]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("PDF:en filer/Slutrapport Vinna Vinna (2011).pdf saknar taggar");
    expect(result.stdout).not.toMatch(/%[0-9A-F]{2}/i);
  });
});

describe("a PDF whose metadata unpacks to 400 MB", () => {
  it("is an error where it is linked, and check stays under 1 GB", async () => {
    const content = await contentTree(path.join(workspace.dir, "pdfbomb"), "minimal", documents("bomb.pdf"));
    const bomb = await metadataBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await writeInto(content, "bomb.pdf", bomb);
    const result = await run("/usr/bin/time", ["-f", "PEAK %M", process.execPath, path.join(PROJECT_ROOT, "src/cli/launch.mjs"), "check", content]).catch((error: { stdout: string; stderr: string; code: number }) => error);
    const peakKib = Number(/PEAK (\d+)/.exec(result.stderr)![1]);
    expect(result.stderr).toContain("documents[0].file: filer/bomb.pdf går inte att öppna: PDF:en tog mer än 20 s eller 256 MB minne att läsa");
    expect(peakKib / 1024).toBeLessThan(1024);
  });
});

describe("an alias bomb", () => {
  it("is refused with a clear error, under a memory limit, before anything is expanded", async () => {
    // 800 KB of text, referred to 40,000 times: 32 GB once every reference is a string of its own.
    const bomb = `---\ntitle: &t ${"a".repeat(800_000)}\nsummary: Bomb\ngoals:\n${"- *t\n".repeat(40_000)}reviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: anna-berg\n---\n`;
    expect(Buffer.byteLength(bomb)).toBeLessThan(1024 * 1024);
    const content = await contentTree(path.join(workspace.dir, "aliasbomb"), "minimal", { "projekt/alfa.md": bomb });
    const result = await runCli("check", [content], { env: { NODE_OPTIONS: "--max-old-space-size=256" } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).toContain(`${path.join(content, "projekt/alfa.md")}:2  YAML-ankare (&t) och alias (*t) används inte i innehållsfilerna`);
  });
});

describe("a link in a hidden folder of filer/", () => {
  it("stops the build, so that no link and nothing it points to reaches the site", async () => {
    const dir = path.join(workspace.dir, "dold-lank");
    const content = await contentTree(dir, "minimal");
    await mkdir(path.join(content, "filer/.dold"), { recursive: true });
    await symlink("/etc/passwd", path.join(content, "filer/.dold/losen.txt"));
    const result = await buildSite(content, path.join(dir, "_site"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("filer/.dold/losen.txt");
    await expect(lstat(path.join(dir, "_site"))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ["XHTML with a script, saved as .xml", "rapport.xml"],
    ["a hidden web page", ".dold.html"],
    ["a program", "verktyg.exe"],
  ])("stops the build for %s, so that the site holds nothing that could run", async (_kind, name) => {
    const dir = path.join(workspace.dir, `aktiv-${name.replace(/\W+/g, "-")}`);
    const content = await contentTree(dir, "minimal", { [`filer/${name}`]: '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>' });
    const result = await buildSite(content, path.join(dir, "_site"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`filer/${name}`);
    expect(result.stderr).not.toMatch(STACK_LINE);
    await expect(lstat(path.join(dir, "_site"))).rejects.toThrow(/ENOENT/);
  });

  it("leaves a .gitkeep alone, and does not count it as a file that nothing links to", async () => {
    const content = await contentTree(path.join(workspace.dir, "gitkeep"), "minimal", { "filer/.gitkeep": "" });
    const result = await runCli("check", [content]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).not.toContain(".gitkeep");
  });
});

/** Valid files that look odd, or like a slip of YAML, as the minimal fixture's projects. */
const ODD = {
  "CRLF line endings": "---\r\ntitle: Radslut\r\nsummary: Windows-radslut.\r\nreviewed: 2020-01-02\r\ncontentOwner: anna-berg\r\npublishedBy: bo-ek\r\n---\r\nText med CRLF.\r\n",
  "a byte-order mark": "\uFEFF---\ntitle: Bom\nsummary: Med BOM.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n",
  "a title full of å/ä/ö and quotes": `---\ntitle: 'Åäö ÅÄÖ "citat" och ''enkla'' & <vinklar>'\nsummary: Tecken.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n`,
  "a very long title": `---\ntitle: ${"Ett mycket långt projektnamn ".repeat(12).trim()}\nsummary: Långt.\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n`,
};
const ODD_SLUGS = ["crlf", "bom", "tecken", "langt"];
const slipLike = (front: string, body = "Text.") => `---\n${front}\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\n${body}\n`;

/** The minimal fixture with the odd and the slip-like files and npm run new's whole template, built once for both groups below. */
let validSite: Promise<string> | undefined;
const builtValidSite = () =>
  (validSite ??= (async () => {
    const dir = path.join(workspace.dir, "valid");
    const content = await contentTree(dir, "minimal", {
      ...Object.fromEntries(Object.values(ODD).map((text, index) => [`projekt/${ODD_SLUGS[index]}.md`, text])),
      "projekt/fyrkant.md": slipLike('title: "Vinna Vinna #2 i Dalarna"\nsummary: \'Nummer #1, och "citat".\'\ngoals:\n  - "Mål #1: läsa mer"'),
      "projekt/fragment.md": slipLike("title: Fragment\nsummary: En länk till ett avsnitt.\nfunders:\n  - name: Statens kulturråd\n    url: https://www.kulturradet.se/bidrag/#sok"),
      "projekt/radbrytning.md": slipLike("title: Radbrytning\nsummary: En lång sammanfattning som\n  fortsätter på raden under."),
      "projekt/kommentarer.md": slipLike("# Projektets namn, som rubrik\ntitle: Kommentarer\n# En mening om projektet\nsummary: Kommentarer på egna rader.\ngoals:\n  # det första målet\n  - Ett mål\n  # och det andra\n  - Ett andra mål"),
    });
    // The whole template of `npm run new`, every comment kept, made publishable.
    const made = await runCli("new", ["Mall med allt", "--input", content]);
    expect(made.code, made.stderr).toBe(0);
    const template = path.join(content, "projekt/mall-med-allt.md");
    const text = await readFile(template, "utf8");
    expect(text.match(/^#/gm)!.length).toBeGreaterThan(20);
    await writeFile(template, text.replace(PLACEHOLDERS.summary, "Mallen med alla kommentarer.").replace(/^draft: true\n/m, ""));
    const result = await buildSite(content, path.join(dir, "_site"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return result.output;
  })());

describe("valid odd inputs build correctly", () => {
  let site: string;

  beforeAll(async () => {
    site = await builtValidSite();
  });

  it.each(Object.keys(ODD).map((name, index) => [name, ODD_SLUGS[index]!]))("%s", async (_name, slug) => {
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

describe("valid YAML that looks like a slip builds with exactly the text written", () => {
  let site: string;

  beforeAll(async () => {
    site = await builtValidSite();
  });

  it("keeps # inside quotes", async () => {
    const project = await readPage(site, "/projekt/fyrkant/");
    expect(textOf(project.querySelector("h1"))).toBe("Vinna Vinna #2 i Dalarna");
    expect(textOf(project.querySelector("section[aria-labelledby=mal] li"))).toBe("Mål #1: läsa mer");
    expect(project.querySelector('meta[name="description"]')!.getAttribute("content")).toBe('Nummer #1, och "citat".');
  });

  it("keeps a URL's #fragment", async () => {
    const project = await readPage(site, "/projekt/fragment/");
    const links = project.querySelectorAll("a").map((link) => link.getAttribute("href"));
    const funder = await readPage(site, new URL(links.find((href) => href?.startsWith("/finansiar/"))!, "http://x").pathname);
    expect(funder.querySelectorAll("a").map((link) => link.getAttribute("href"))).toContain("https://www.kulturradet.se/bidrag/#sok");
  });

  it("joins a summary wrapped onto two lines with a space", async () => {
    const project = await readPage(site, "/projekt/radbrytning/");
    expect(project.querySelector('meta[name="description"]')!.getAttribute("content")).toBe("En lång sammanfattning som fortsätter på raden under.");
  });

  it("reads comments on lines of their own as comments, in any file and in npm run new's template", async () => {
    const project = await readPage(site, "/projekt/kommentarer/");
    expect(textOf(project.querySelector("h1"))).toBe("Kommentarer");
    expect(project.querySelectorAll("section[aria-labelledby=mal] li").map((item) => textOf(item))).toEqual(["Ett mål", "Ett andra mål"]);
    const template = await readPage(site, "/projekt/mall-med-allt/");
    expect(textOf(template.querySelector("h1"))).toBe("Mall med allt");
  });
});
