import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Home, Project } from "../../src/content/model/model.ts";
import { compareProjects } from "../../src/content/archive/resolve.ts";
import { parsePartialDate } from "../../src/format/date.ts";
import { mergeProjects } from "../../src/harvest/merge.ts";
import { readHarvestedSources, readRecords, type HarvestedSource } from "../../src/harvest/records.ts";
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

  it("refuses slugs that are paths, addresses that are not http(s) and control characters", () => {
    const read = readRecords(bytes([record({ slug: "../x" }), record({ url: "javascript:alert(1)" }), record({ summary: "a\u0000b" }), record({ goals: ["ok", "tab\tand\nnewline"] })]));
    expect(read.problems.map((problem) => [problem.index, problem.field])).toEqual([
      [0, "slug"],
      [1, "url"],
      [2, "summary"],
    ]);
    expect(read.records.map(({ index }) => index)).toEqual([3]);
  });
});

const home = (organisation: string, url: string): Home => ({ organisation, site: new URL("/", url).href, url, counties: [] });
function project(title: string, fields: Partial<Project> & { home: Home }): Project {
  const { home: where, ...rest } = fields;
  const contact = { id: "a", name: "A", title: "B", phones: [], body: "", sourcePath: "", mentions: [] };
  return {
    slug: title.toLowerCase(),
    url: `/projekt/${title.toLowerCase()}/`,
    title,
    summary: "",
    goals: [],
    partnerGroups: [],
    funders: [],
    events: [],
    documents: [],
    contacts: [],
    related: [],
    responsibility: { reviewed: "2024-01-01", contentOwner: contact, publishedBy: contact },
    body: "",
    sourcePath: "",
    draft: false,
    homes: [where],
    ...rest,
  };
}
const source = (projects: Project[]): HarvestedSource => ({
  summary: { address: "x", organisation: "x", projects: projects.length, skipped: 0 },
  key: "x",
  projects: projects.map((entry) => ({ project: entry, related: [] })),
  warnings: [],
});
const period = { start: parsePartialDate("2008")!, end: parsePartialDate("2011-04-05")! };

describe("the same project from two archives", () => {
  const a = home("Region A", "https://a.example.se/projekt/x/");
  const b = home("Region B", "https://b.example.se/projekt/x/");

  it("is one project when the ids are the same, whatever the titles, and the kept copy names both homes", () => {
    const { projects, merges } = mergeProjects([project("Vinna", { id: "SE-ORGNR-2321000164-vinna", home: a })], [source([project("Vinna Vinna", { id: "SE-ORGNR-2321000164-vinna", home: b })])], compareProjects);
    expect(projects).toHaveLength(1);
    expect(projects[0]!.title).toBe("Vinna");
    expect(projects[0]!.homes).toEqual([a, b]);
    expect(merges).toEqual([{ title: "Vinna", organisations: ["Region A", "Region B"], by: "id" }]);
  });

  it("is one project by title and period when one of them has no id, and two when the ids differ", () => {
    const one = mergeProjects([project("Vinna Vinna", { period, home: a })], [source([project("vinna  vinna", { id: "SE-ORGNR-2321000180-vinna", period, home: b })])], compareProjects);
    expect(one.projects).toHaveLength(1);
    expect(one.projects[0]!.id).toBe("SE-ORGNR-2321000180-vinna");
    expect(one.merges[0]!.by).toBe("title-and-period");
    const two = mergeProjects([project("Vinna Vinna", { id: "SE-ORGNR-2321000164-vinna", period, home: a })], [source([project("Vinna Vinna", { id: "SE-ORGNR-2321000180-vinna", period, home: b })])], compareProjects);
    expect(two.projects).toHaveLength(2);
    expect(two.merges).toEqual([]);
  });

  it("is two projects when neither has a period: a title alone says too little", () => {
    const { projects, merges } = mergeProjects([project("Läsfrämjande", { home: a })], [source([project("Läsfrämjande", { home: b })])], compareProjects);
    expect(projects).toHaveLength(2);
    expect(merges).toEqual([]);
  });
});

describe("a source's copy, as the build reads it", () => {
  const workspace = temporaryWorkspace();

  it("names a source that says nothing of its publisher by its host, and says how to name it", async () => {
    const source = { url: "https://arkiv.example.se/projekt.json" };
    const { copy } = cachePaths(workspace.dir, source);
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, JSON.stringify([record()]));
    const [read] = readHarvestedSources(workspace.dir, [source]);
    expect(read!.summary).toMatchObject({ organisation: "arkiv.example.se", projects: 1, skipped: 0 });
    expect(read!.projects[0]!.project.url).toBe("/projekt/arkiv-example-se/projekt/");
    expect(read!.warnings.map((warning) => warning.message)).toEqual([
      "arkiv.example.se (https://arkiv.example.se/projekt.json): källan säger inte vilken organisation som publicerar den, så den visas som arkiv.example.se; skriv organisation: under källan i site.yaml",
    ]);
    const [named] = readHarvestedSources(workspace.dir, [{ ...source, organisation: "Arkivbiblioteket" }]);
    expect(named!.warnings).toEqual([]);
    expect(named!.projects[0]!.project.homes![0]!.organisation).toBe("Arkivbiblioteket");
  });

  it("says when a source has not been harvested yet", () => {
    const [read] = readHarvestedSources(workspace.dir, [{ url: "https://nytt.example.se/projekt.json" }]);
    expect(read!.projects).toEqual([]);
    expect(read!.warnings[0]!.message).toContain("har inte hämtats ännu; kör npm run harvest");
  });
});
