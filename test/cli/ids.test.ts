import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import { withIdentifierLine } from "../../src/content/model/project-ids.ts";
import { buildSite, contentTree, runCli, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** Every file of a content tree, by its path in it, as text. */
async function textsOf(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [path.relative(folder, file), await readFile(file, "utf8")] as const)));
}

describe("npm run ids on the bundled content", () => {
  let content: string;
  let before: Record<string, string>;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    content = await contentTree(path.join(workspace.dir, "bundled"), "exempel");
    before = await textsOf(content);
    first = await runCli("ids", [`--input=${content}`]);
  });

  it("adds exactly one line to each project, its id, and changes nothing else", async () => {
    expect(first.code).toBe(0);
    const after = await textsOf(content);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [file, text] of Object.entries(after)) {
      if (!file.startsWith("projekt/")) {
        expect(text, file).toBe(before[file]);
        continue;
      }
      const [fence, added, ...rest] = text.split("\n");
      expect(added, file).toBe(`id: SE-ORGNR-2321000164-${path.basename(file, ".md")}`);
      expect([fence, ...rest].join("\n"), file).toBe(before[file]);
    }
    expect(first.stdout).toContain("Skrev id i 2 projekt:");
  });

  it("changes nothing when run again", async () => {
    const after = await textsOf(content);
    const second = await runCli("ids", [`--input=${content}`]);
    expect(second).toMatchObject({ code: 0, stdout: "Alla projekt har redan ett id.\n" });
    expect(await textsOf(content)).toEqual(after);
  });

  it("keeps a project's id when its title and file name change, and gives a new project of the old name another", async () => {
    const renamed = await contentTree(path.join(workspace.dir, "renamed"), "exempel");
    await runCli("ids", [`--input=${renamed}`]);
    const file = path.join(renamed, "projekt/vinna-vinna-2011.md");
    await rename(path.join(renamed, "projekt/vinna-vinna.md"), file);
    await writeFile(file, (await readFile(file, "utf8")).replace("title: Vinna Vinna", "title: Vinna Vinna 2008-2011"));
    const created = await runCli("new", ["Vinna Vinna", `--input=${renamed}`]);
    expect(created.code).toBe(0);
    const { archive } = await validateContent(renamed, { includeDrafts: true });
    const ids = Object.fromEntries(archive!.projects.map((project) => [project.slug, project.id]));
    expect(ids).toEqual({
      "vinna-vinna-2011": "SE-ORGNR-2321000164-vinna-vinna",
      "rom-for-dannelse": "SE-ORGNR-2321000164-rom-for-dannelse",
      "vinna-vinna": "SE-ORGNR-2321000164-vinna-vinna-2",
    });
  });

  it("publishes the ids in projekt.json, which validates against its schema", async () => {
    const built = await buildSite(content, path.join(workspace.dir, "site"), ["--skip-search"]);
    expect(built.code).toBe(0);
    const data = JSON.parse(await readFile(path.join(built.output, "projekt.json"), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(await readFile(path.join(built.output, "projekt.schema.json"), "utf8")));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.map((project: { id: string }) => project.id)).toEqual(["SE-ORGNR-2321000164-vinna-vinna", "SE-ORGNR-2321000164-rom-for-dannelse"]);
    const page = await readFile(path.join(built.output, "projekt/vinna-vinna/index.html"), "utf8");
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(jsonLd.identifier).toBe("SE-ORGNR-2321000164-vinna-vinna");
    // A partner that owned or coordinated the project is an OrganizationRole in the JSON-LD.
    const rom = await readFile(path.join(built.output, "projekt/rom-for-dannelse/index.html"), "utf8");
    const members = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(rom)![1]!).member;
    expect(members[0]).toEqual({
      "@type": "OrganizationRole",
      roleName: ["projektägare", "koordinator"],
      member: { "@type": "Organization", name: "VOFO (Voksenopplæringsforbundet)", address: { "@type": "PostalAddress", addressCountry: "NO" } },
    });
    expect(members[1]).toEqual({ "@type": "Organization", name: "Nasjonalbiblioteket", address: { "@type": "PostalAddress", addressCountry: "NO" } });
  });
});

describe("ids and the organisation number, checked", () => {
  /** Runs check on a copy of the bundled content with edits; returns each error line's file, line text and message. */
  async function errorsOf(name: string, edits: Parameters<typeof contentTree>[2]) {
    const content = await contentTree(path.join(workspace.dir, name), "exempel", edits);
    const result = await runCli("check", [content]);
    expect(result.code).toBe(1);
    return Promise.all(
      [...result.stderr.matchAll(/^ {2}(\S+):(\d+) {2}(\S+): (.*)$/gm)].map(async ([, file, line, field, message]) => ({
        file: path.relative(content, path.resolve(file!)),
        line: (await readFile(path.resolve(file!), "utf8")).split("\n")[Number(line) - 1],
        field,
        message,
      })),
    );
  }

  it("refuses a wrong organisation number on its line", async () => {
    expect(await errorsOf("wrong-number", { "_data/site.yaml": (text) => text.replace("organisationNumber: 232100-0164", "organisationNumber: 232100-0165") })).toEqual([
      {
        file: "_data/site.yaml",
        line: "organisationNumber: 232100-0165",
        field: "organisationNumber",
        message: "organisationsnumret 232100-0165 har fel kontrollsiffra (5, inte 4); kontrollera det mot Bolagsverket eller Skatteverket",
      },
    ]);
  });

  it("refuses an id that two projects share, on the second one's line", async () => {
    const shared = (text: string) => withIdentifierLine(text, "SE-ORGNR-2321000164-vinna-vinna");
    expect(await errorsOf("duplicate", { "projekt/vinna-vinna.md": shared, "projekt/rom-for-dannelse.md": shared })).toEqual([
      {
        file: "projekt/vinna-vinna.md",
        line: "id: SE-ORGNR-2321000164-vinna-vinna",
        field: "id",
        message: "samma id som projekt/rom-for-dannelse.md; varje projekt ska ha ett eget id (npm run ids skriver ett till projekt som saknar id)",
      },
    ]);
  });

  it("refuses a malformed id", async () => {
    const errors = await errorsOf("malformed", { "projekt/vinna-vinna.md": (text) => withIdentifierLine(text, "SE-ORGNR-232100-0164-vinna-vinna") });
    expect(errors).toEqual([expect.objectContaining({ file: "projekt/vinna-vinna.md", line: "id: SE-ORGNR-232100-0164-vinna-vinna", field: "id" })]);
    expect(errors[0]!.message).toMatch(/^ska se ut som SE-ORGNR-2321000164-vinna-vinna/);
  });

  it("asks for the organisation number before it writes any id", async () => {
    const content = await contentTree(path.join(workspace.dir, "no-number"), "exempel", {
      "_data/site.yaml": (text) => text.replace(/^organisationNumber: .*\n/m, ""),
    });
    const result = await runCli("ids", [`--input=${content}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("npm run ids: skriv först organisationens organisationsnummer");
  });
});

describe("withIdentifierLine", () => {
  it("keeps a byte-order mark and Windows line endings", () => {
    expect(withIdentifierLine("\uFEFF---\r\ntitle: A\r\n---\r\n", "SE-ORGNR-2321000164-a")).toBe("\uFEFF---\r\nid: SE-ORGNR-2321000164-a\r\ntitle: A\r\n---\r\n");
  });
});
