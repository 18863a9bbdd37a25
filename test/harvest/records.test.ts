import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Home, Partner, Project } from "../../src/content/model/model.ts";
import type { HarvestSourceData } from "../../src/content/model/schema.ts";
import { boundedSlug } from "../../src/format/slug.ts";
import { compareProjects } from "../../src/content/archive/resolve.ts";
import { parsePartialDate } from "../../src/format/date.ts";
import { mergeProjects } from "../../src/harvest/merge.ts";
import { readHarvestedSources, readRecords, type HarvestedSource } from "../../src/harvest/records.ts";
import { DEFAULT_THEMES } from "../../src/format/themes.ts";
import { cachePaths } from "../../src/harvest/sources.ts";
import { temporaryWorkspace } from "../helpers.ts";

const person = { id: "a", name: "A", title: "B" };
const record = (fields: Record<string, unknown> = {}) => ({
  slug: "projekt",
  url: "https://arkiv.example.se/projekt/projekt/",
  title: "Projekt",
  summary: "Om projektet.",
  reviewed: "2024-01-01",
  contentOwner: person,
  publishedBy: person,
  ...fields,
});
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("reading a source's projekt.json", () => {
  it("keeps the valid records and names each bad one by position, title and field", () => {
    const read = readRecords(bytes([record(), record({ slug: "b", title: "Fel", period: { end: "2019-13-01" } }), record({ slug: "c", title: "Utan ägare", contentOwner: undefined })]));
    expect(read.records.map(({ index }) => index)).toEqual([0]);
    expect(read.problems).toEqual([
      { index: 1, title: '"Fel"', field: "period.end", message: 'ogiltigt datum "2019-13-01" (skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)' },
      { index: 2, title: '"Utan ägare"', field: "contentOwner", message: expect.any(String) },
    ]);
  });

  it("refuses a file that is not a list of projects, as a whole", () => {
    expect(readRecords(new TextEncoder().encode("<html>")).problems).toEqual([{ message: "filen är inte giltig JSON" }]);
    expect(readRecords(new Uint8Array([0xff, 0xfe, 0x5b, 0x00]))).toMatchObject({ problems: [{ message: "filen är inte UTF-8" }] });
    expect(readRecords(bytes({ projects: [] })).problems[0]!.message).toContain("ska vara en lista med projekt");
  });

  it("refuses slugs that are paths, addresses that are not http(s) with a host, control characters and bidirectional controls", () => {
    const read = readRecords(
      bytes([
        record({ slug: "../x" }),
        record({ url: "javascript:alert(1)" }),
        record({ summary: "a\u0000b" }),
        record({ goals: ["ok", "tab\tand\nnewline"] }),
        record({ partners: [{ name: "Region \u202eanraladyD", roles: ["partner"] }] }),
        record({ funders: [{ name: "Fond", url: "https:evil.example" }] }),
      ]),
    );
    expect(read.problems.map((problem) => [problem.index, problem.field])).toEqual([
      [0, "slug"],
      [1, "url"],
      [2, "summary"],
      [4, "partners[0].name"],
      [5, "funders[0].url"],
    ]);
    expect(read.records.map(({ index }) => index)).toEqual([3]);
    // A title quoted in the report keeps no control that a terminal would obey or that turns the text around.
    expect(readRecords(bytes([record({ title: "Titel \u202eläsning\u001b[31m", slug: "../x" })])).problems[0]!.title).toBe('"Titel läsning [31m"');
  });
});

const A = { name: "Region A", organisationNumber: "2321000164" };
const B = { name: "Region B", organisationNumber: "2321000180" };
const SITE = { name: "Nationalarkivet", organisationNumber: "2021001074" };
const home = (organisation: { name: string; organisationNumber: string }, url: string): Home => ({ organisation: organisation.name, organisationNumber: organisation.organisationNumber, site: new URL("/", url).href, url, counties: [] });
function project(title: string, fields: Partial<Project> & { home: Home; partners?: Partner[] }): Project {
  const { home: where, partners = [], ...rest } = fields;
  const contact = { id: "a", name: "A", title: "B", phones: [], body: "", sourcePath: "", mentions: [] };
  return {
    slug: title.toLowerCase().replace(/\s+/g, "-"),
    url: `/projekt/${title.toLowerCase()}/`,
    title,
    summary: "",
    themes: [],
    goals: [],
    results: [],
    lessons: [],
    partnerGroups: partners.length > 0 ? [{ partners }] : [],
    funders: [],
    events: [],
    documents: [],
    contacts: [],
    related: [],
    responsibility: { reviewed: "2024-01-01", contentOwner: contact, publishedBy: contact },
    body: "",
    sourcePath: "/arkiv/projekt/eget.md",
    draft: false,
    homes: [where],
    ...rest,
  };
}
const source = (organisation: { name: string; organisationNumber: string }, projects: Project[]): HarvestedSource => ({
  summary: { address: `https://${organisation.name.toLowerCase().replace(" ", "")}.example.se/projekt.json`, organisation: organisation.name, file: "/arkiv/_harvest/kopia.json", projects: projects.length, skipped: 0 },
  organisation,
  key: organisation.name.toLowerCase().replace(" ", "-"),
  projects: projects.map((entry, index) => ({ project: entry, index, related: [] })),
  warnings: [],
});
const period = { start: parsePartialDate("2008")!, end: parsePartialDate("2011-04-05")! };
const merge = (own: Project[], ...sources: HarvestedSource[]) => mergeProjects(own, SITE, sources, compareProjects);

describe("the same project from two archives", () => {
  const a = home(A, "https://a.example.se/projekt/x/");
  const b = home(B, "https://b.example.se/projekt/x/");
  const ownHome = home(SITE, "https://nationellt.example.se/projekt/x/");
  const idOfB = "SE-ORGNR-2321000180-vinna";

  it("is one project when the ids are the same and the owner lists the other as a partner, by number or by name as a reader sees it", () => {
    for (const partner of [{ name: "Regionbiblioteket i A-län", roles: ["partner"], organisationNumber: A.organisationNumber }, { name: "REGIОN  a", roles: ["partner"] }] satisfies Partner[]) {
      const { projects, merges, warnings } = merge([], source(B, [project("Vinna Vinna", { id: idOfB, home: b, partners: [partner] })]), source(A, [project("Vinna", { id: idOfB, home: a })]));
      expect(projects).toHaveLength(1);
      expect(projects[0]!.title).toBe("Vinna Vinna");
      expect(projects[0]!.homes).toEqual([b, a]);
      expect(merges).toEqual([{ title: "Vinna Vinna", organisations: ["Region B", "Region A"], by: "id" }]);
      expect(warnings).toEqual([]);
    }
  });

  it("takes the content from the id's owner whatever the order of the sources, and skips another source's copy as a conflict when the owner does not list it", () => {
    const { projects, merges, warnings, skipped } = merge([], source(A, [project("Stulen titel", { id: idOfB, home: a })]), source(B, [project("Vinna Vinna", { id: idOfB, home: b })]));
    expect(projects.map((entry) => [entry.title, entry.homes])).toEqual([["Vinna Vinna", [b]]]);
    expect(merges).toEqual([]);
    expect(skipped).toEqual([1, 0]);
    expect(warnings).toEqual([
      {
        file: "/arkiv/_harvest/kopia.json",
        field: "id",
        message: `Region A: projekt nr 1 "Stulen titel" hoppades över: har samma id, ${idOfB}, som projektet "Vinna Vinna" hos Region B; id:t tillhör Region B (232100-0180), som inte listar Region A (232100-0164) som partner i projektet, så projektet visas bara som Region B publicerar det`,
      },
    ]);
  });

  it("skips a copy with the id of an organisation whose copy is not here", () => {
    const { projects, warnings } = merge([], source(A, [project("Vinna", { id: idOfB, home: a })]));
    expect(projects).toEqual([]);
    expect(warnings[0]!.message).toBe('Region A: projekt nr 1 "Vinna" hoppades över: id:t SE-ORGNR-2321000180-vinna tillhör organisationsnummer 232100-0180, inte källans 232100-0164, och det finns inget projekt med det id:t från den organisationen');
  });

  it("names a source on the site's own project only by the site's id and its partners, never by title", () => {
    const ownId = "SE-ORGNR-2021001074-vinna";
    const listed = merge([project("Vinna Vinna", { id: ownId, period, home: ownHome, partners: [{ name: "Region A", roles: ["partner"] }] })], source(A, [project("Vinna", { id: ownId, home: a })]));
    expect(listed.projects.map((entry) => [entry.title, entry.homes])).toEqual([["Vinna Vinna", [ownHome, a]]]);
    const notListed = merge([project("Vinna Vinna", { id: ownId, home: ownHome })], source(A, [project("Vinna", { id: ownId, home: a })]));
    expect(notListed.projects.map((entry) => entry.homes)).toEqual([[ownHome]]);
    expect(notListed.warnings[0]!.field).toBe("id");

    const byTitle = merge([project("Vinna Vinna", { period, home: ownHome })], source(A, [project("vinna  vinna", { period, home: a })]));
    expect(byTitle.projects.map((entry) => entry.homes)).toEqual([[a], [ownHome]]);
    expect(byTitle.merges).toEqual([]);
    expect(byTitle.skipped).toEqual([0]);
    expect(byTitle.warnings).toEqual([
      {
        file: "/arkiv/_harvest/kopia.json",
        message:
          'Region A: projekt nr 1 "vinna  vinna": liknar ert eget projekt "Vinna Vinna" (/arkiv/projekt/eget.md, samma titel och period) men visas för sig; om det är samma projekt, ge ert projekt ett id (kör npm run ids), lägg till Region A som partner i det och be dem publicera det med samma id, så visas det en gång och nämner er båda',
      },
    ]);
  });

  it("is one project by title and period when one of them has no id, with the content of the owner or coordinator the partners name, and two when the ids differ", () => {
    const one = merge([], source(A, [project("Vinna Vinna", { period, home: a })]), source(B, [project("vinna  vinna", { period, home: b, partners: [{ name: "Region B", roles: ["coordinator"] }] })]));
    expect(one.projects.map((entry) => [entry.title, entry.homes])).toEqual([["vinna  vinna", [b, a]]]);
    expect(one.merges).toEqual([{ title: "vinna  vinna", organisations: ["Region B", "Region A"], by: "title-and-period" }]);
    const first = merge([], source(A, [project("Vinna Vinna", { period, home: a })]), source(B, [project("vinna  vinna", { period, home: b })]));
    expect(first.projects.map((entry) => [entry.title, entry.homes])).toEqual([["Vinna Vinna", [a, b]]]);
    const withId = merge([], source(A, [project("Vinna Vinna", { period, home: a })]), source(B, [project("Vinna Vinna", { id: idOfB, period, home: b })]));
    expect(withId.projects.map((entry) => [entry.id, entry.homes])).toEqual([[idOfB, [b, a]]]);
    const two = merge([], source(A, [project("Vinna Vinna", { id: "SE-ORGNR-2321000164-vinna", period, home: a })]), source(B, [project("Vinna Vinna", { id: idOfB, period, home: b })]));
    expect(two.projects).toHaveLength(2);
    expect(two.merges).toEqual([]);
  });

  it("is two projects when neither has a period: a title alone says too little", () => {
    const { projects, merges } = merge([], source(A, [project("Läsfrämjande", { home: a })]), source(B, [project("Läsfrämjande", { home: b })]));
    expect(projects).toHaveLength(2);
    expect(merges).toEqual([]);
  });
});

describe("a source's copy, as the build reads it", () => {
  const workspace = temporaryWorkspace();
  const dalarna = { url: "https://arkiv.example.se/projekt.json", organisation: "Region Dalarna", organisationNumber: "2321000180" };
  const harvested = async (records: unknown[], sources: HarvestSourceData[] = [dalarna]) => {
    const { copy } = cachePaths(workspace.dir, sources[0]!);
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, JSON.stringify(records));
    return readHarvestedSources(workspace.dir, { name: "Kungliga biblioteket", organisationNumber: "2021001074" }, sources, DEFAULT_THEMES)[0]!;
  };
  const publisher = (name: string, fields: Record<string, unknown> = {}) => ({ publisher: { name, url: "https://arkiv.example.se/", ...fields } });

  it("shows every record under the organisation site.yaml names, whatever the record says of itself", async () => {
    const read = await harvested([record(), record({ slug: "b", ...publisher("region dalarna", { organisationNumber: "232100-0180", counties: ["Dalarnas län"] }) }), record({ slug: "c", ...publisher("Regionbiblioteket", { organisationNumber: "2321000180" }) })]);
    expect(read.warnings).toEqual([]);
    expect(read.summary).toMatchObject({ organisation: "Region Dalarna", projects: 3, skipped: 0 });
    expect(read.projects.map(({ project }) => [project.url, project.homes![0]!.organisation, project.homes![0]!.organisationNumber])).toEqual([
      ["/projekt/region-dalarna/projekt/", "Region Dalarna", "2321000180"],
      ["/projekt/region-dalarna/b/", "Region Dalarna", "2321000180"],
      ["/projekt/region-dalarna/c/", "Region Dalarna", "2321000180"],
    ]);
    expect(read.projects[1]!.project.homes![0]!.counties).toEqual(["Dalarnas län"]);
  });

  it("skips a record that names another organisation as its publisher, or a look-alike of a known one, with field and reason", async () => {
    const other = { url: "https://annat.example.se/projekt.json", organisation: "Region Örebro län", organisationNumber: "2321000164" };
    const read = await harvested(
      [
        record({ slug: "kb", ...publisher("Kungliga biblioteket") }),
        record({ slug: "orebro", ...publisher("Region Örebro län") }),
        record({ slug: "orebro-nummer", ...publisher("Region Dalarna", { organisationNumber: "232100-0164" }) }),
        record({ slug: "kyrilliskt", ...publisher("Regiоn Dalarna") }),
        record({ slug: "kyrilliskt-orebro", ...publisher("Regiоn Örebro län", { organisationNumber: "2321000180" }) }),
        record({ slug: "okand", ...publisher("Ett annat bibliotek") }),
      ],
      [dalarna, other],
    );
    expect(read.projects).toEqual([]);
    expect(read.summary).toMatchObject({ projects: 0, skipped: 6 });
    expect(read.warnings.map((warning) => [warning.field, warning.message])).toEqual([
      ["publisher", 'Region Dalarna: projekt nr 1 "Projekt" hoppades över: utgivaren är Kungliga biblioteket, en annan organisation än källans; källan får bara tala för Region Dalarna (232100-0180)'],
      ["publisher", 'Region Dalarna: projekt nr 2 "Projekt" hoppades över: utgivaren är Region Örebro län, en annan organisation än källans; källan får bara tala för Region Dalarna (232100-0180)'],
      ["publisher", 'Region Dalarna: projekt nr 3 "Projekt" hoppades över: utgivaren är Region Dalarna (232100-0164), en annan organisation än källans; källan får bara tala för Region Dalarna (232100-0180)'],
      ["publisher", 'Region Dalarna: projekt nr 4 "Projekt" hoppades över: utgivaren "Regiоn Dalarna" ser ut som Region Dalarna men är skriven med andra tecken (U+043E); källan får bara tala för Region Dalarna (232100-0180)'],
      ["publisher", 'Region Dalarna: projekt nr 5 "Projekt" hoppades över: utgivaren "Regiоn Örebro län" ser ut som Region Örebro län men är skriven med andra tecken (U+043E); källan får bara tala för Region Dalarna (232100-0180)'],
      ["publisher", 'Region Dalarna: projekt nr 6 "Projekt" hoppades över: utgivaren är Ett annat bibliotek, en annan organisation än källans; källan får bara tala för Region Dalarna (232100-0180)'],
    ]);
  });

  it("links the organisation to its publisher's address only on the source's own site", async () => {
    const read = await harvested([record(publisher("Region Dalarna", { url: "https://arkiv.example.se/bibliotek/" })), record({ slug: "b", ...publisher("Region Dalarna", { url: "https://www.kb.se/" }) })]);
    expect(read.projects.map(({ project }) => project.homes![0]!.site)).toEqual(["https://arkiv.example.se/bibliotek/", "https://arkiv.example.se/"]);
  });

  it("cuts a slug longer than 80 characters, and links related projects by the cut slug", async () => {
    const long = `${"mycket-".repeat(42)}langt`;
    const read = await harvested([record({ slug: long }), record({ slug: "b", related: [long] })]);
    const [cut, other] = read.projects;
    expect(cut!.project.slug).toBe(boundedSlug(long));
    expect(cut!.project.slug.length).toBeLessThanOrEqual(80);
    expect(cut!.project.url).toBe(`/projekt/region-dalarna/${boundedSlug(long)}/`);
    expect(other!.related).toEqual([boundedSlug(long)]);
  });

  it("says when a source has not been harvested yet", () => {
    const [read] = readHarvestedSources(workspace.dir, { name: "Kungliga biblioteket" }, [{ ...dalarna, url: "https://nytt.example.se/projekt.json" }], DEFAULT_THEMES);
    expect(read!.projects).toEqual([]);
    expect(read!.warnings[0]!.message).toContain("har inte hämtats ännu; kör npm run harvest");
  });
});
