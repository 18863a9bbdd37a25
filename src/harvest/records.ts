/**
 * A source's projekt.json, read record by record into projects of this site. Everything in it is
 * data: each record is validated against the open data's schema (the same zod schema the source's
 * own build wrote it from), strings with control characters are refused, and a bad record is
 * reported with its source, project and field and left out, while the others are published.
 */
import { readFileSync, statSync } from "node:fs";
import { formatFieldPath, type ContentError } from "../content/model/errors.ts";
import { funderPageUrl } from "../content/archive/facets.ts";
import { swedishIssueMessage } from "../content/model/issue-messages.ts";
import type { Contact, Home, HarvestedSourceSummary, Project, ProjectDocument } from "../content/model/model.ts";
import { groupByCountry } from "../format/partner-roles.ts";
import { openDataProjectSchema, type HarvestSourceData, type OpenDataProject } from "../content/model/schema.ts";
import { hasControlCharacter } from "../content/reading/source.ts";
import { comparePartialDates } from "../format/date.ts";
import { formatFileSize } from "../format/file-size.ts";
import { jsonDepthProblem } from "../format/json-depth.ts";
import { swedishSlug } from "../format/slug.ts";
import { cachePaths, MAX_SOURCE_BYTES, sourceAddress } from "./sources.ts";

/** What is wrong with a source's copy as a whole, or with one of its records. */
export interface RecordProblem {
  /** The record's position in the file, from 0; undefined for the file as a whole. */
  readonly index?: number;
  readonly title?: string;
  readonly field?: string;
  readonly message: string;
}

/** At most this many problems are reported per record, and per source: a hostile file cannot flood the report. */
const PROBLEMS_PER_RECORD = 3;
const PROBLEMS_PER_SOURCE = 50;

/** A title as a report may quote it: no control characters (a terminal would obey them), and short. */
export function quoted(text: unknown): string {
  const plain = String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
  return `"${plain.length > 80 ? `${plain.slice(0, 79)}…` : plain}"`;
}

/** The path to the first string in `value` with a control character, or undefined when there is none. */
function controlCharacterAt(value: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return hasControlCharacter(value) ? at : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlCharacterAt(item, [...at, index]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = controlCharacterAt(item, [...at, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The records of a projekt.json that pass the schema, and a problem for each of the others. */
export function readRecords(bytes: Uint8Array): { records: { index: number; record: OpenDataProject }[]; problems: RecordProblem[]; total: number } {
  const tooDeep = jsonDepthProblem(bytes);
  if (tooDeep) return { records: [], problems: [{ message: tooDeep }], total: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "är inte giltig JSON" : "är inte UTF-8";
    return { records: [], problems: [{ message: `filen ${reason}` }], total: 0 };
  }
  if (!Array.isArray(parsed)) return { records: [], problems: [{ message: "filen ska vara en lista med projekt, som /projekt.json i ett projektarkiv" }], total: 0 };
  const records: { index: number; record: OpenDataProject }[] = [];
  const problems: RecordProblem[] = [];
  for (const [index, input] of parsed.entries()) {
    const title = input && typeof input === "object" && typeof (input as { title?: unknown }).title === "string" ? quoted((input as { title: string }).title) : undefined;
    const base = { index, ...(title ? { title } : {}) };
    const control = controlCharacterAt(input);
    if (control) {
      problems.push({ ...base, field: formatFieldPath(control), message: "texten innehåller styrtecken" });
      continue;
    }
    const result = openDataProjectSchema.safeParse(input, { error: swedishIssueMessage });
    if (result.success) {
      records.push({ index, record: result.data });
      continue;
    }
    for (const issue of result.error.issues.slice(0, PROBLEMS_PER_RECORD)) {
      problems.push({ ...base, ...(issue.path.length > 0 ? { field: formatFieldPath(issue.path) } : {}), message: issue.message });
    }
  }
  return { records, problems, total: parsed.length };
}

/** One source's projects, before the same project from two archives is shown once (merge.ts). */
export interface HarvestedSource {
  readonly summary: HarvestedSourceSummary;
  /** The part of this site's project addresses that is the source's: /projekt/<key>/<slug>/. */
  readonly key: string;
  readonly projects: readonly HarvestedProject[];
  readonly warnings: readonly ContentError[];
}

/** A harvested project, with the slugs its record names as related (in its own archive). */
export interface HarvestedProject {
  readonly project: Project;
  readonly related: readonly string[];
}

const documentOf = (document: OpenDataProject["documents"][number]): ProjectDocument => ({
  title: document.title,
  url: document.url,
  format: document.format,
  size: document.size,
  ...(document.lang ? { lang: document.lang } : {}),
  ...(document.published ? { published: document.published } : {}),
  shortcomings: document.shortcomings,
});

/** A harvested record as a project of this site, at /projekt/<key>/<slug>/. */
function projectOf(record: OpenDataProject, home: Home, key: string, file: string): Project {
  const person = (data: OpenDataProject["contentOwner"]): Contact => ({
    id: data.id,
    name: data.name,
    title: data.title,
    phones: [],
    body: "",
    sourcePath: file,
    mentions: [],
    elsewhere: { organisation: home.organisation, ...(data.url ? { url: data.url } : {}) },
  });
  return {
    ...(record.id ? { id: record.id } : {}),
    slug: record.slug,
    url: `/projekt/${key}/${record.slug}/`,
    title: record.title,
    ...(record.subtitle ? { subtitle: record.subtitle } : {}),
    summary: record.summary,
    ...(record.period ? { period: record.period } : {}),
    goals: record.goals,
    partnerGroups: groupByCountry(record.partners),
    funders: record.funders.map((funder) => ({ ...funder, page: funderPageUrl(funder.name) })),
    events: [...record.events].sort((a, b) => comparePartialDates(a.date, b.date)),
    documents: record.documents.map(documentOf),
    contacts: record.contacts.map(person),
    related: [],
    responsibility: { reviewed: record.reviewed, contentOwner: person(record.contentOwner), publishedBy: person(record.publishedBy) },
    body: "",
    sourcePath: file,
    draft: false,
    homes: [home],
    canonical: record.url,
  };
}

/** A source's organisation when neither site.yaml nor its records name one: its host or file name. */
function fallbackOrganisation(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

/**
 * Reads the last harvested copy of each source, in site.yaml's order, into projects. Never
 * throws: a source not harvested yet, a copy that is too large or not a list, and each bad record
 * are warnings that name the source (a build needs no network, and publishes what it has).
 */
export function readHarvestedSources(contentDir: string, sources: readonly HarvestSourceData[]): HarvestedSource[] {
  const keys = new Set<string>();
  return sources.map((source) => {
    const address = sourceAddress(source);
    const { copy } = cachePaths(contentDir, source);
    const size = statSync(copy, { throwIfNoEntry: false })?.size;
    const read =
      size === undefined
        ? { records: [], problems: [{ message: `källan ${address} har inte hämtats ännu; kör npm run harvest` }], total: 0 }
        : size > MAX_SOURCE_BYTES
          ? { records: [], problems: [{ message: `filen är större än ${formatFileSize(MAX_SOURCE_BYTES)}, som är gränsen` }], total: 0 }
          : readRecords(readFileSync(copy));
    const publisher = read.records.find(({ record }) => record.publisher)?.record.publisher;
    const organisation = source.organisation ?? publisher?.name ?? fallbackOrganisation(address);
    let key = swedishSlug(organisation) || "kalla";
    for (let suffix = 2; keys.has(key); suffix++) key = `${swedishSlug(organisation) || "kalla"}-${suffix}`;
    keys.add(key);

    const problems: RecordProblem[] = [...read.problems];
    if (!source.organisation && !publisher && read.records.length > 0) {
      problems.push({ message: `källan säger inte vilken organisation som publicerar den, så den visas som ${organisation}; skriv organisation: under källan i site.yaml` });
    }
    const slugs = new Set<string>();
    const ids = new Set<string>();
    const projects: HarvestedProject[] = [];
    for (const { index, record } of read.records) {
      const base = { index, title: quoted(record.title) };
      if (slugs.has(record.slug)) {
        problems.push({ ...base, field: "slug", message: `samma slug som ett annat projekt i källan (${record.slug})` });
        continue;
      }
      if (record.id && ids.has(record.id)) {
        problems.push({ ...base, field: "id", message: `samma id som ett annat projekt i källan (${record.id})` });
        continue;
      }
      slugs.add(record.slug);
      if (record.id) ids.add(record.id);
      const from = record.publisher;
      const home: Home = {
        organisation: source.organisation ?? from?.name ?? organisation,
        ...(from?.organisationNumber ? { organisationNumber: from.organisationNumber } : {}),
        site: from?.url ?? new URL("/", record.url).href,
        url: record.url,
        counties: source.counties ?? from?.counties ?? [],
      };
      projects.push({ project: projectOf(record, home, key, copy), related: record.related });
    }
    const skipped = new Set(problems.filter((problem) => problem.index !== undefined).map((problem) => problem.index)).size;
    const shown = problems.slice(0, PROBLEMS_PER_SOURCE);
    const warnings: ContentError[] = shown.map((problem) => ({
      file: copy,
      ...(problem.field ? { field: problem.field } : {}),
      message:
        problem.index === undefined
          ? `${organisation} (${address}): ${problem.message}`
          : `${organisation}: projekt nr ${problem.index + 1}${problem.title ? ` ${problem.title}` : ""} hoppades över: ${problem.message}`,
    }));
    if (problems.length > shown.length) {
      warnings.push({ file: copy, message: `${organisation}: och ${problems.length - shown.length} problem till i samma källa` });
    }
    return {
      summary: { address, organisation, ...(size === undefined ? {} : { file: copy }), projects: projects.length, skipped },
      key,
      projects,
      warnings,
    };
  });
}
