import { createHash } from "node:crypto";
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCommandLine } from "../../src/cli/command-line.ts";
import { runSetup, SETUP_OPTIONS } from "../../src/cli/setup-session.ts";
import { cmsConfig } from "../../src/cms/config.ts";
import { siteSchema } from "../../src/content/model/schema.ts";
import { todayInSweden } from "../../src/format/date.ts";
import { hasInvisibleCharacter } from "../../src/format/invisible-characters.ts";
import { GUIDE, PUBLISHING_SECTIONS, REPOSITORY_SECTIONS } from "../../src/setup/hosting.ts";
import { EXAMPLE_FILES } from "../../src/setup/setup.ts";
import { sveltiaSchemaErrors } from "../cms/sveltia-schema.ts";
import { buildSite, EXAMPLE_CONTENT, FIXTURES, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf, type CommandResult } from "../helpers.ts";

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

/**
 * `npm run setup` from its flags on, run in this process: the code the command runs once it has
 * read its flags (src/cli/setup-session.ts), with the same messages on the same streams and the
 * same exit code, answers piped in as runCli pipes them. Most cases run it so, instead of starting
 * a process each (73 processes were 15 of the file's 22 CPU-seconds). The cases about the
 * command itself start `npm run setup` with runCli: a fresh clone taken into use, answers typed
 * into a pipe, a refused colour (exit 2), JavaScript in the content (exit 1 and 2), a site.yaml it
 * cannot read, --help and a wrong flag.
 */
async function setupHere(args: readonly string[], { input = "" }: { input?: string } = {}): Promise<CommandResult> {
  const { values } = parseCommandLine("setup", SETUP_OPTIONS, { args: [...args] });
  const written = { stdout: "", stderr: "" };
  const into = (stream: keyof typeof written) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        written[stream] += chunk.toString();
        done();
      },
    });
  const code = await runSetup(values, { input: Readable.from(input ? [input] : []), output: into("stdout"), errors: into("stderr"), isTerminal: false });
  return { code, ...written };
}

/** ANSWERS with one flag's value replaced, or added. */
function answering(flag: string, value: string): string[] {
  const flags = [...ANSWERS];
  const at = flags.indexOf(flag);
  if (at === -1) flags.push(flag, value);
  else flags[at + 1] = value;
  return flags;
}

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
      "  tillganglighet.md: bedöm webbplatsen med ert innehåll och skriv hur och när (method, assessed), och kontrollera vem man kontaktar om brister (feedback) och listan över brister",
      // Published from GitHub at an address of its own: the build needs the path.
      "  GitHub: skapa variabeln SITE_PATH_PREFIX med värdet /projekt/ (Settings → Secrets and variables → Actions, fliken Variables), så att bygget gör länkarna för https://kultur.example.se/projekt/",
    ]);

    expect((await readdir(path.join(content, "projekt"))).sort()).toEqual([]);
    expect((await readdir(path.join(content, "kontakter"))).sort()).toEqual(["asa-lindqvist.md"]);
    expect(await readFile(path.join(content, "kontakter/asa-lindqvist.md"), "utf8")).toBe(
      "---\nname: Åsa Lindqvist\ntitle: Biblioteksutvecklare\nphones:\n  - 023-77 50 00\nemail: asa.lindqvist@example.se\n---\n",
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
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const first = await snapshot(content);
    const again = await setupHere(["--input", content, ...ANSWERS]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Ingenting att ändra i ${content}.`);
    expect(await snapshot(content)).toEqual(first);
    // Without flags the current answers are kept.
    expect((await setupHere(["--input", content, "--yes"])).stdout).toContain("Ingenting att ändra");
    expect(await snapshot(content)).toEqual(first);
  });

  it("asks for what the flags do not give, refuses an answer with the schema's message, and takes the next", async () => {
    const content = await freshContent("fragor");
    // Organisation, name, host, repository, publishing, address (twice), organisation number,
    // counties, logo, colour (Enter takes the darker shade suggested), contact.
    const typed = ["Kulturförvaltningen i Testkommun", "", "", "", "", "inte en adress", "https://kultur.example.se/", "", "", "", "#777777", "", "Bo Berg", "Bibliotekarie", "bo@example.se", ""];
    const result = await runCli("setup", ["--input", content, "--ask"], { input: `${typed.join("\n")}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Webbplatsens namn [Avslutade projekt]: ");
    expect(result.stdout).toContain("\n  måste vara en webbadress som börjar med https:// eller http:// följt av webbplatsens namn, till exempel https://www.region.se/\n");
    expect(result.stdout).toMatch(/färgen #777777 har kontrasten 4,0:1 mot de grå rutorna .*#6f6f6f är samma färgton/);
    expect(result.stdout).toContain("Webbplatsens färg, till exempel \"#0b4f8a\" (tomt för standardfärgen) [#6f6f6f]: ");
    expect(result.stdout).toContain("Var ligger arkivet? github, gitlab, forgejo eller ingen (om det inte har någon plats än) [github]: ");
    expect(result.stdout).toContain("Ett telefonnummer, till exempel 023-123 45 (bara ett; fler skrivs i kontaktens fil efteråt; tomt för inget): ");
    expect(parse(await readFile(path.join(content, "_data/site.yaml"), "utf8"))).toMatchObject({
      organisation: "Kulturförvaltningen i Testkommun",
      name: "Avslutade projekt",
      url: "https://kultur.example.se/",
      colour: "#6f6f6f",
      contacts: ["bo-berg"],
    });
    expect(result.stdout).toContain("_data/site.yaml: arkivet har ingen plats än; kör npm run setup igen när det finns på GitHub, GitLab eller en Forgejo");
  });

  it("refuses a colour that is readable only on white, with the shade that passes everywhere, and changes nothing", async () => {
    const content = await freshContent("farg");
    const before = await snapshot(content);
    const result = await runCli("setup", ["--input", content, ...answering("--colour", "#3e8082")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--colour "#3e8082": färgen #3e8082 har kontrasten 4,1:1 mot de grå rutorna');
    expect(result.stderr).toContain("#3a797b är samma färgton och når kravet mot alla bakgrunder på webbplatsen");
    expect(await snapshot(content)).toEqual(before);
  });

  it("keeps the comments the organisation added to the site.yaml it wrote, when it writes it again", async () => {
    const content = await freshContent("kommentarer");
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const settings = path.join(content, "_data/site.yaml");
    const commented = (await readFile(settings, "utf8"))
      .replace("\norganisation: ", "\n# Beslutat av kulturnämnden 2026-11-01.\norganisation: ")
      .replace("cookies:\n  categories: []\n", "cookies:\n  # Inga kakor ännu; fråga dataskyddsombudet först.\n  categories: []\n")
      .concat("\n# Sist: IT publicerar webbplatsen.\n");
    await writeFile(settings, commented);
    const result = await setupHere(["--input", content, ...answering("--colour", "#6f6f6f")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await readFile(settings, "utf8")).toBe(commented.replace('colour: "#3a797b"', 'colour: "#6f6f6f"'));
  });

  it("keeps the organisation's own projects and an example it has changed, and lists what still names Örebro", async () => {
    const content = await freshContent("egna");
    await writeFile(
      path.join(content, "projekt/lasfrukost.md"),
      "---\ntitle: Läsfrukost\nsummary: Frukost med böcker i Falun.\nreviewed: 2026-10-01\ncontentOwner: sandra-spjuth\npublishedBy: sandra-spjuth\n---\n",
    );
    const vinna = path.join(content, "projekt/vinna-vinna.md");
    await writeFile(vinna, (await readFile(vinna, "utf8")).replace("title: Vinna Vinna", "title: Vinna Vinna i Dalarna"));
    const result = await setupHere(["--input", content, ...ANSWERS]);
    expect((await readdir(path.join(content, "projekt"))).sort()).toEqual(["lasfrukost.md", "vinna-vinna.md"]);
    expect(result.stdout).toContain("projekt/vinna-vinna.md är ett av exemplen, men ändrat; ta bort filen om den inte är er");
    expect(result.stdout).toMatch(/projekt\/vinna-vinna\.md:\d+: .*Örebro/);
    // The changed example names people setup removed: the check says so, on the file's lines.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lasfrukost\.md:5 +contentOwner: .*sandra-spjuth/);
  });
});

/** A stack trace's first frame, which no message of setup's may show. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe("npm run setup under attack: it runs no code, writes no broken file, and refuses what check refuses", () => {
  it("reads the start page and the first contact through the content reader: JavaScript front matter never runs, and the check names the files", async () => {
    const content = await freshContent("javascript");
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const marker = (name: string) => path.join(workspace.dir, "javascript", `${name}-ran`);
    const code = (name: string) => `---js\n({ title: process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker(name))}, "ran") })\n---\n`;
    await writeFile(path.join(content, "index.md"), `${code("index")}Välkommen.\n`);
    await writeFile(path.join(content, "kontakter/asa-lindqvist.md"), code("contact"));
    for (const flags of [ANSWERS, ["--yes"]]) {
      const result = await runCli("setup", ["--input", content, ...flags]);
      expect(await stat(marker("index")).catch(() => undefined), "index.md's JavaScript ran").toBeUndefined();
      expect(await stat(marker("contact")).catch(() => undefined), "the contact's JavaScript ran").toBeUndefined();
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code).toBe(flags === ANSWERS ? 1 : 2);
      if (flags === ANSWERS) {
        expect(result.stdout).toContain("index.md: ändrades inte, eftersom fälten inte går att läsa (se kontrollen nedan)");
        expect(result.stderr).toMatch(/index\.md:1 +filen ska börja med en rad med bara --- följd av fälten \(front matter\)/);
        expect(result.stderr).toMatch(/kontakter\/asa-lindqvist\.md:1 +filen ska börja med en rad med bara ---/);
      } else {
        // Without flags the contact's answers are not known: setup says why, and asks for them.
        expect(result.stderr).toMatch(/kontakter\/asa-lindqvist\.md:1 +filen ska börja med en rad med bara ---/);
        expect(result.stderr).toContain("--contact-name saknas");
      }
    }
  });

  it("writes answers that look like YAML as text, and runs again on its own files", async () => {
    const content = await freshContent("yaml-svar");
    const tricky = {
      "--organisation": "foo: bar",
      "--name": "#x",
      "--contact-name": "Åsa 'Lindqvist' \"Ås\"",
      "--contact-title": "- [ ] { } & * ! | > % @ `",
      "--contact-email": "'asa@example.se",
    };
    // --flag=value, since a value that starts with - would be read as a flag of its own.
    const flags = [...ANSWERS, ...Object.entries(tricky).map(([flag, value]) => `${flag}=${value}`)];
    const first = await setupHere(["--input", content, ...flags]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const contactText = await readFile(path.join(content, "kontakter/asa-lindqvist-as.md"), "utf8");
    expect(parse(contactText.split("---\n")[1]!)).toEqual({
      name: "Åsa 'Lindqvist' \"Ås\"",
      title: "- [ ] { } & * ! | > % @ `",
      phones: ["023-77 50 00"],
      email: "'asa@example.se",
    });
    expect(parse(await readFile(path.join(content, "_data/site.yaml"), "utf8"))).toMatchObject({ organisation: "foo: bar", name: "#x" });
    const statement = await readFile(path.join(content, "tillganglighet.md"), "utf8");
    expect(parse(statement.split("---\n")[1]!)).toMatchObject({ feedback: { email: "'asa@example.se" } });
    const snapshotAfterFirst = await snapshot(content);
    for (const again of [flags, ["--yes"]]) {
      const result = await setupHere(["--input", content, ...again]);
      expect(result.stderr).toBe("");
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain("Ingenting att ändra");
    }
    expect(await snapshot(content)).toEqual(snapshotAfterFirst);
  });

  it("reports a contact file that an older setup wrote broken on its line, with no stack trace, and leaves it", async () => {
    const content = await freshContent("trasig-kontakt");
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const contact = path.join(content, "kontakter/asa-lindqvist.md");
    await writeFile(contact, "---\nname: Åsa Lindqvist\ntitle: Biblioteksutvecklare\nemail: 'asa@example.se\n---\n");
    const result = await setupHere(["--input", content, ...ANSWERS]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kontakter\/asa-lindqvist\.md:4 +ogiltig YAML: ett citattecken ' saknar sitt avslutande '/);
    expect(await readFile(contact, "utf8")).toContain("email: 'asa@example.se\n");
  });

  it("leaves a page whose front matter it cannot read, and says so, with no stack trace", async () => {
    const content = await freshContent("trasig-sida");
    const statement = path.join(content, "tillganglighet.md");
    const broken = (await readFile(statement, "utf8")).replace(/^title: .*$/m, "title: [Tillgänglighet");
    await writeFile(statement, broken);
    const result = await setupHere(["--input", content, ...ANSWERS]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("tillganglighet.md: ändrades inte, eftersom fälten inte går att läsa (se kontrollen nedan)");
    expect(result.stderr).toMatch(/tillganglighet\.md:\d+ +ogiltig YAML: en lista inom \[ \] saknar sitt avslutande \]/);
    expect(await readFile(statement, "utf8")).toBe(broken);
  });

  it.each([
    ["an alias bomb", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', /site\.yaml:1 +YAML-ankare \(&a\)/],
    ["a quote left open", "name: Avslutade projekt\norganisation: 'Region Dalarna\nurl: https://kultur.example.se/\n", /site\.yaml:2 +ogiltig YAML: ett citattecken ' saknar sitt avslutande '/],
    ["a list where the settings go", "- name: Avslutade projekt\n", /site\.yaml:1 +fälten ska skrivas som namn: värde/],
  ])("refuses to run on a site.yaml it cannot read (%s), names the line, and changes nothing", async (name, text, message) => {
    const content = await freshContent(`installningar-${name.replaceAll(" ", "-")}`);
    await writeFile(path.join(content, "_data/site.yaml"), text);
    const before = await snapshot(content);
    const result = await runCli("setup", ["--input", content, ...ANSWERS]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("rätta _data/site.yaml och kör npm run setup igen");
    expect(result.code).toBe(1);
    expect(await snapshot(content)).toEqual(before);
  });

  it.each([
    ["a bell character", "--organisation", "Region\u0007 Dalarna", /svaret har ett osynligt styrtecken \(U\+0007\) efter "Region"/],
    ["an escape sequence", "--contact-title", "\u001b[31mBibliotekarie", /svaret har ett osynligt styrtecken \(U\+001B, ett terminaltecken \(ESC\)\)/],
    ["a right-to-left override", "--organisation", "Region \u202eanraladD", /svaret har ett osynligt styrtecken \(U\+202E, en riktningsmarkör, som vänder texten\) efter "Region"/],
    ["a bidirectional isolate", "--contact-name", "Åsa \u2066Lindqvist\u2069", /svaret har ett osynligt styrtecken \(U\+2066, en riktningsmarkör, som vänder texten\) efter "Åsa"/],
    ["a right-to-left override in the logo's text", "--logo-alt", "Region \u202eanraladD", /--logo-alt .*: svaret har ett osynligt styrtecken \(U\+202E/],
    ["a line break in the address", "--url", "https://kultur.example.se/\nprojekt/", /svaret ska stå på en rad/],
    ["a carriage return in a name", "--contact-name", "Åsa\rLindqvist", /svaret ska stå på en rad/],
    ["an address without //", "--url", "https:evil.example", /måste vara en webbadress som börjar med https:\/\/ eller http:\/\//],
    ["an address with a backslash for //", "--url", "https:\\evil.example", /måste vara en webbadress som börjar med https:\/\/ eller http:\/\//],
    ["a contact name with no letters", "--contact-name", "★★★", /namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det/],
    ["a name over 200 characters", "--organisation", "R".repeat(201), /får vara högst 200 tecken \(är 201\)/],
    ["a repository that climbs out", "--repo", "../..", /skriv ägare\/namn som på GitHub/],
    ["a repository with a .. segment", "--repo", "regiondalarna/..", /skriv ägare\/namn som på GitHub/],
    ["a repository with encoded dots", "--repo", "%2e%2e/%2e%2e", /skriv ägare\/namn som på GitHub/],
    ["a phone number with letters", "--contact-phone", "023-CALL-NOW", /ogiltigt telefonnummer "023-CALL-NOW"/],
  ])("refuses %s in a flag with the check's message, exits 2, and writes nothing", async (_name, flag, value, message) => {
    const content = await freshContent(`vagrar-${flag.slice(2)}-${createHash("sha256").update(value).digest("hex").slice(0, 8)}`);
    const before = await snapshot(content);
    const result = await setupHere(["--input", content, ...answering(flag, value)]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).toContain(`${flag} `);
    expect(result.stderr).toMatch(message);
    // The answer is shown with its invisible characters written out, never as a terminal would obey them.
    expect(hasInvisibleCharacter(result.stderr)).toBe(false);
    expect(result.code).toBe(2);
    expect(await snapshot(content)).toEqual(before);
  });

  it("refuses an answer the content holds with a bidirectional control written as a YAML escape, and never offers it at the prompt", async () => {
    const content = await freshContent("escape");
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const settings = path.join(content, "_data/site.yaml");
    await writeFile(settings, (await readFile(settings, "utf8")).replace(/^organisation: .*$/m, 'organisation: "Region\\u202e Dalarna"'));
    const before = await snapshot(content);
    const kept = await setupHere(["--input", content, "--yes"]);
    expect(kept.stderr).toContain('--organisation, som i innehållet är "Region\\u202e Dalarna": svaret har ett osynligt styrtecken (U+202E, en riktningsmarkör, som vänder texten)');
    expect(kept.code).toBe(2);
    expect(await snapshot(content)).toEqual(before);
    const asked = await setupHere(["--input", content, "--ask"], { input: "Region Dalarna\n" });
    expect(hasInvisibleCharacter(asked.stdout)).toBe(false);
    expect(asked.stdout).toContain("Organisationens namn, till exempel Regionbibliotek Dalarna: ");
  });

  it("asks again at the prompt after an answer check would refuse, and writes the normal form of the address", async () => {
    const content = await freshContent("fragor-igen");
    const typed = [
      "Region \u202eanraladD", // refused: a bidirectional control
      "x".repeat(10 * 1024 * 1024), // refused: ten megabytes of name
      "Region Dalarna",
      "",
      "", // the repository is on GitHub
      "../..", // refused: not owner/name
      "regiondalarna/avslutade-projekt",
      "", // published with GitHub Pages
      "https:evil.example", // refused: no //
      "HTTPS://Kultur.Example.SE", // accepted, written as https://kultur.example.se/
      "",
      "",
      "",
      "",
      "★★★", // refused: no file name
      "Åsa Lindqvist",
      "T".repeat(10 * 1024 * 1024), // refused: a contact file check would refuse as too large
      "Bibliotekarie",
      "",
      "ring oss", // refused: letters
      "tel. 023-77 50 00", // accepted, written as 023-77 50 00
    ];
    const result = await setupHere(["--input", content, "--ask"], { input: `${typed.join("\n")}\n` });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n  svaret har ett osynligt styrtecken (U+202E, en riktningsmarkör, som vänder texten) efter "Region"; skriv svaret utan det\n');
    expect(result.stdout).toContain("\n  får vara högst 200 tecken (är 10485760)\n");
    expect(result.stdout).toMatch(/\n {2}måste vara en webbadress som börjar med https:\/\/ eller http:\/\/.*\n/);
    expect(result.stdout).toContain("\n  namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det; skriv namnet med bokstäver\n");
    expect(result.stdout).toContain("\n  svaret är 10485760 tecken långt; högst 1000 går\n");
    expect(result.stdout).toMatch(/\n {2}ogiltigt telefonnummer "ring oss"/);
    expect(result.stdout).toMatch(/\n {2}skriv ägare\/namn som på GitHub/);
    expect(result.stdout.length).toBeLessThan(100_000); // the refused answer is not echoed back
    expect(parse(await readFile(path.join(content, "_data/site.yaml"), "utf8"))).toMatchObject({
      organisation: "Region Dalarna",
      url: "https://kultur.example.se/",
      contacts: ["asa-lindqvist"],
      cms: { repo: "regiondalarna/avslutade-projekt" },
    });
    expect(await readFile(path.join(content, "kontakter/asa-lindqvist.md"), "utf8")).toBe("---\nname: Åsa Lindqvist\ntitle: Bibliotekarie\nphones:\n  - 023-77 50 00\n---\n");
  });
});

/** The lines under "Kvar att göra för hand:" in setup's output. */
const remainingOf = (stdout: string) => (stdout.includes("Kvar att göra för hand:") ? stdout.slice(stdout.indexOf("Kvar att göra för hand:")).split("\n\n")[0]!.split("\n").slice(1) : []);

/** The settings setup wrote, as the build reads them. */
const writtenSettings = async (content: string) => parse(await readFile(path.join(content, "_data/site.yaml"), "utf8"));

/** The flags of ANSWERS without the repository, for the hosts' own. */
const WITHOUT_REPOSITORY = ANSWERS.filter((_flag, index) => ANSWERS[index] !== "--repo" && ANSWERS[index - 1] !== "--repo");

describe("npm run setup: where the archive lives and where the site is published", () => {
  it.each([
    {
      host: "GitLab.com, with its OAuth application, published with GitLab Pages",
      flags: ["--host", "gitlab", "--repo", "region/bibliotek/avslutade-projekt", "--app-id", "0a1b2c3d", "--publish", "gitlab-pages", "--url", "https://region.gitlab.io/bibliotek/avslutade-projekt"],
      cms: { backend: "gitlab", repo: "region/bibliotek/avslutade-projekt", appId: "0a1b2c3d" },
      url: "https://region.gitlab.io/bibliotek/avslutade-projekt/",
      sections: [REPOSITORY_SECTIONS.gitlab, PUBLISHING_SECTIONS["gitlab-pages"]],
      prefix: "Webbplatsen ligger under sökvägen /bibliotek/avslutade-projekt/, som bygget på GitLab använder utan inställning.",
    },
    {
      host: "a self-managed GitLab, publishing to the organisation's own server",
      flags: ["--host", "gitlab", "--repo", "bibliotek/avslutade-projekt", "--base-url", "HTTPS://Gitlab.Region.SE", "--publish", "server", "--url", "https://www.region.se/avslutade-projekt/"],
      cms: { backend: "gitlab", repo: "bibliotek/avslutade-projekt", baseUrl: "https://gitlab.region.se/" },
      url: "https://www.region.se/avslutade-projekt/",
      sections: [REPOSITORY_SECTIONS.gitlab, PUBLISHING_SECTIONS.server],
      remaining: "GitLab: skapa variabeln SITE_PATH_PREFIX med värdet /avslutade-projekt/ (Settings → CI/CD → Variables), så att bygget gör länkarna för https://www.region.se/avslutade-projekt/",
    },
    {
      host: "a Forgejo, publishing to the organisation's own server at the root of its domain",
      flags: ["--host", "forgejo", "--repo", "bibliotek/avslutade-projekt", "--base-url", "https://git.region.se", "--app-id", "6f7e8d9c", "--publish", "server", "--url", "https://projekt.region.se"],
      cms: { backend: "forgejo", repo: "bibliotek/avslutade-projekt", baseUrl: "https://git.region.se/", appId: "6f7e8d9c" },
      url: "https://projekt.region.se/",
      sections: [REPOSITORY_SECTIONS.forgejo, PUBLISHING_SECTIONS.server],
      prefix: "Webbplatsen ligger under sökvägen /, som bygget på Forgejo använder utan inställning.",
    },
    {
      host: "GitHub, published with GitHub Pages at the address it suggests",
      flags: ["--host", "github", "--repo", "RegionDalarna/avslutade-projekt", "--publish", "github-pages"],
      cms: { repo: "RegionDalarna/avslutade-projekt" },
      url: "https://regiondalarna.github.io/avslutade-projekt/",
      sections: [REPOSITORY_SECTIONS.github, PUBLISHING_SECTIONS["github-pages"]],
      prefix: "Webbplatsen ligger under sökvägen /avslutade-projekt/, som bygget på GitHub använder utan inställning.",
    },
  ])("$host: writes cms: as Sveltia's schema accepts it, url: with its /, the path prefix, and the guide's sections", async ({ flags, cms, url, sections, prefix, remaining }) => {
    const content = await freshContent(`vard-${createHash("sha256").update(flags.join(" ")).digest("hex").slice(0, 8)}`);
    const withoutUrl = WITHOUT_REPOSITORY.filter((_flag, index) => WITHOUT_REPOSITORY[index] !== "--url" && WITHOUT_REPOSITORY[index - 1] !== "--url");
    const result = await setupHere(["--input", content, ...withoutUrl, ...flags]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const settings = await writtenSettings(content);
    expect(settings.cms).toEqual(cms);
    expect(settings.url).toBe(url);
    expect(sveltiaSchemaErrors(cmsConfig({ cms: siteSchema.shape.cms.parse(settings.cms), siteName: settings.name, siteUrl: settings.url, contentFolder: "content", localName: "avslutade-projekt" }))).toBeUndefined();
    for (const section of sections) expect(result.stdout).toContain(`avsnittet "${section.heading}" (${GUIDE}#${section.anchor})`);
    const prefixLines = remainingOf(result.stdout).filter((line) => line.includes("SITE_PATH_PREFIX"));
    expect(prefixLines).toEqual(remaining ? [`  ${remaining}`] : []);
    if (prefix) expect(result.stdout).toContain(prefix);
    // Run again with no flags, the answers are the same, and nothing changes.
    const again = await setupHere(["--input", content, "--yes"]);
    expect(again.stdout).toContain("Ingenting att ändra");
    expect((await writtenSettings(content)).cms).toEqual(cms);
  });

  it("names sections the guide has, under the anchors GitHub gives them", async () => {
    const markdown = new MarkdownIt();
    const slugger = new GithubSlugger();
    const tokens = markdown.parse(await readFile(path.join(PROJECT_ROOT, GUIDE), "utf8"), {});
    const anchors = tokens.flatMap((token, index) => (token.type === "heading_open" ? [slugger.slug(tokens[index + 1]!.content)] : []));
    for (const section of [...Object.values(REPOSITORY_SECTIONS), ...Object.values(PUBLISHING_SECTIONS)]) expect(anchors, section.heading).toContain(section.anchor);
  });

  it("asks for the GitLab project, its address and its OAuth application, and for a Forgejo's address, which it needs", async () => {
    const content = await freshContent("fragor-gitlab");
    const typed = ["Region Dalarna", "", "GitLab", "region/bibliotek/avslutade-projekt", "", "0a1b2c3d", "", "https://region.gitlab.io/bibliotek/avslutade-projekt/", "", "", "", "", "Åsa Lindqvist", "Bibliotekarie", "", ""];
    const result = await setupHere(["--input", content, "--ask"], { input: `${typed.join("\n")}\n` });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Projektet på GitLab som grupp/namn, till exempel region/bibliotek/avslutade-projekt (tomt för att vänta): ");
    expect(result.stdout).toContain("Er egen GitLabs adress, till exempel https://gitlab.region.se (tomt för gitlab.com): ");
    expect(result.stdout).toContain("OAuth-applikationens id (Application ID) för knappen Logga in med GitLab (tomt: redaktörerna loggar in med en nyckel): ");
    // GitLab's own Pages is offered for a repository on GitLab.
    expect(result.stdout).toContain("Var publiceras webbplatsen? github-pages, gitlab-pages eller server (organisationens egen webbserver) [gitlab-pages]: ");
    expect((await writtenSettings(content)).cms).toEqual({ backend: "gitlab", repo: "region/bibliotek/avslutade-projekt", appId: "0a1b2c3d" });

    const forgejo = await freshContent("fragor-forgejo");
    const forgejoTyped = ["Region Dalarna", "", "forgejo", "bibliotek/avslutade-projekt", "", "https://git.region.se", "", "", "https://projekt.region.se/", "", "", "", "", "Åsa Lindqvist", "Bibliotekarie", "", ""];
    const asked = await setupHere(["--input", forgejo, "--ask"], { input: `${forgejoTyped.join("\n")}\n` });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain("Er Forgejos adress, till exempel https://codeberg.org eller https://git.region.se: \n  måste fyllas i\n");
    expect(asked.stdout).toContain("[server]: ");
    expect((await writtenSettings(forgejo)).cms).toEqual({ backend: "forgejo", repo: "bibliotek/avslutade-projekt", baseUrl: "https://git.region.se/" });
  });

  it.each([
    [["--host", "bitbucket"], '--host "bitbucket": ska vara ett av "github", "gitlab", "forgejo", "ingen", inte texten "bitbucket"'],
    [["--publish", "netlify"], '--publish "netlify": ska vara ett av "github-pages", "gitlab-pages", "server", inte texten "netlify"'],
    [["--host", "forgejo", "--repo", "bibliotek/avslutade-projekt"], "--base-url saknas: er Forgejos adress"],
    [["--host", "forgejo", "--base-url", "git.region.se"], '--base-url "git.region.se": måste vara en webbadress som börjar med https://'],
    [["--host", "github", "--repo", "region/bibliotek/arkiv"], "--repo \"region/bibliotek/arkiv\": skriv ägare/namn, till exempel regionbiblioteket/avslutade-projekt; undergrupper (a/b/c) finns bara på GitLab"],
  ])("refuses %j with the schema's message and writes nothing", async (flags, message) => {
    const content = await freshContent(`vard-fel-${createHash("sha256").update(flags.join(" ")).digest("hex").slice(0, 8)}`);
    const before = await snapshot(content);
    const result = await setupHere(["--input", content, ...WITHOUT_REPOSITORY, ...flags]);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    expect(await snapshot(content)).toEqual(before);
  });

  it("moves the web editor to GitLab on a second run, keeping the branch and dropping GitHub's sign-in worker, and takes it out for no place", async () => {
    const content = await freshContent("flytta");
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const file = path.join(content, "_data/site.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("cms:\n  repo: regiondalarna/avslutade-projekt\n", "cms:\n  repo: regiondalarna/avslutade-projekt\n  branch: publicera\n  oauthWorker: https://auth.example.se\n"));
    expect((await setupHere(["--input", content, "--yes", "--host", "gitlab", "--publish", "gitlab-pages"])).code).toBe(0);
    expect((await writtenSettings(content)).cms).toEqual({ backend: "gitlab", repo: "regiondalarna/avslutade-projekt", branch: "publicera" });
    const none = await setupHere(["--input", content, "--yes", "--host", "ingen"]);
    expect(none.code).toBe(0);
    expect((await writtenSettings(content)).cms).toBeUndefined();
    expect(remainingOf(none.stdout)).toContain("  _data/site.yaml: arkivet har ingen plats än; kör npm run setup igen när det finns på GitHub, GitLab eller en Forgejo, så skrivs cms: och formuläret på /admin/ kommer med");
  });
});

describe("npm run setup: the smaller things a new organisation met", () => {
  it("answers --help in Swedish, with every flag, and changes nothing", async () => {
    const content = await freshContent("hjalp");
    const before = await snapshot(content);
    const result = await runCli("setup", ["--input", content, "--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^npm run setup: tar arkivet i bruk för er organisation\./);
    for (const flag of ["--host", "--publish", "--app-id", "--base-url", "--url", "--logo", "--yes", "--ask"]) expect(result.stdout).toContain(`  ${flag} `);
    expect(result.stdout).toContain("github, gitlab, forgejo eller ingen");
    expect(await snapshot(content)).toEqual(before);
    const unknown = await runCli("setup", ["--input", content, "--hjalp"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("npm run setup: okänt val --hjalp\nMöjliga val: ");
  });

  it.each([
    ["in single quotes, as a terminal drops it", (file: string) => `'${file}'`],
    ["in double quotes", (file: string) => `"${file}"`],
    ["with a backslash before each space", (file: string) => file.replaceAll(" ", "\\ ")],
  ])("takes a logo's path %s", async (_name, dropped) => {
    const content = await freshContent(`logga-${createHash("sha256").update(_name).digest("hex").slice(0, 8)}`);
    const logo = path.join(path.dirname(content), "Min logga (ny).png");
    await cp(path.join(FIXTURES, "dokumentation/filer/logo.png"), logo);
    const result = await setupHere(["--input", content, ...ANSWERS, "--logo", dropped(logo)]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await readFile(path.join(content, "filer/logotyp.png"))).toEqual(await readFile(logo));
    expect((await writtenSettings(content)).logo).toEqual({ file: "logotyp.png", alt: "Region Dalarna, Kultur och bildning" });
  });

  it("suggests Gävleborgs län for Gävleborg", async () => {
    const content = await freshContent("lan");
    const result = await setupHere(["--input", content, ...answering("--counties", "Dalarnas län, Gävleborg")]);
    expect(result.stderr).toContain('okänt län "Gävleborg" (menade du Gävleborgs län?)');
    expect(result.code).toBe(2);
  });

  it("writes url: with the / at the end that its comment asks for", async () => {
    const content = await freshContent("snedstreck");
    expect((await setupHere(["--input", content, ...answering("--url", "https://kultur.example.se/projekt")])).code).toBe(0);
    expect((await writtenSettings(content)).url).toBe("https://kultur.example.se/projekt/");
  });

  it("does not keep the example's assessment in the accessibility statement: it says what has been done, as of today", async () => {
    const content = await freshContent("bedomning");
    const example = parse((await readFile(path.join(content, "tillganglighet.md"), "utf8")).split("---\n")[1]!);
    expect((await setupHere(["--input", content, ...ANSWERS])).code).toBe(0);
    const statement = parse((await readFile(path.join(content, "tillganglighet.md"), "utf8")).split("---\n")[1]!);
    expect(statement.method).not.toBe(example.method);
    expect(statement.method).toMatch(/^Region Dalarna, Kultur och bildning har ännu inte bedömt webbplatsen med sitt eget innehåll\./);
    expect(statement.method).toContain("en virtuell skärmläsare (@guidepup/virtual-screen-reader)");
    expect(statement.method).toContain("Webbplatsen har inte testats med en riktig skärmläsare som NVDA, JAWS eller VoiceOver.");
    expect(statement.assessed).not.toEqual(example.assessed);
    expect(statement.assessed).toBe(todayInSweden());
    // The organisation's own assessment, written later, stays on the next run.
    const own = (await readFile(path.join(content, "tillganglighet.md"), "utf8")).replace(/^method: .*$/m, "method: Vi testade med skärmläsaren NVDA.");
    await writeFile(path.join(content, "tillganglighet.md"), own);
    expect((await setupHere(["--input", content, ...ANSWERS])).stdout).toContain("Ingenting att ändra");
    expect(await readFile(path.join(content, "tillganglighet.md"), "utf8")).toBe(own);
  });

  it("shows the current logo when it asks again, and no longer lists a start page the organisation has written", async () => {
    const content = await freshContent("igen");
    const logo = path.join(FIXTURES, "dokumentation/filer/logo.png");
    expect((await setupHere(["--input", content, ...ANSWERS, "--logo", logo])).code).toBe(0);
    const index = path.join(content, "index.md");
    await writeFile(index, (await readFile(index, "utf8")).replace(/\n---\n[\s\S]*$/, "\n---\nVåra avslutade projekt, från läsfrämjande till digital delaktighet.\n"));
    const before = await snapshot(content);
    // Enter at every question keeps every answer.
    const result = await setupHere(["--input", content, "--ask"], { input: "\n".repeat(30) });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`(tomt för ingen) [${path.join(content, "filer/logotyp.png")}]: `);
    expect(result.stdout).toContain("Ingenting att ändra");
    expect(remainingOf(result.stdout).join("\n")).not.toContain("index.md");
    expect(await snapshot(content)).toEqual(before);
  });
});
