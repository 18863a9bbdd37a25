/**
 * A source's projekt.json, read record by record into projects of this site. Everything in it is
 * data: each record is validated against the open data's schema (the same zod schema the source's
 * own build wrote it from), strings with control characters are refused, and a bad record is
 * reported with its source, project and field and left out, while the others are published.
 */
import { readFileSync, statSync } from "node:fs";
import { formatFieldPath, type ContentError } from "../content/model/errors.ts";
import { funderPageUrl, nameKey } from "../content/archive/facets.ts";
import { swedishIssueMessage } from "../content/model/issue-messages.ts";
import type { Contact, Home, HarvestedSourceSummary, Project, ProjectDocument } from "../content/model/model.ts";
import { themePageUrl, vocabularyLabels } from "../format/themes.ts";
import { groupByCountry } from "../format/partner-roles.ts";
import { openDataProjectSchema, type HarvestSourceData, type OpenDataProject } from "../content/model/schema.ts";
import { BIDI_CONTROL, hasInvisibleCharacter } from "../format/invisible-characters.ts";
import { comparePartialDates } from "../format/date.ts";
import { formatFileSize } from "../format/file-size.ts";
import { jsonDepthProblem } from "../format/json-depth.ts";
import { boundedSlug } from "../format/slug.ts";
import { cachePaths, MAX_SOURCE_BYTES, sourceAddress } from "./sources.ts";
import { publisherCheck, publisherSite, sourceOrganisation, type Organisation } from "./trust.ts";

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

/** A title as a report may quote it: no control characters (a terminal would obey them) nor bidirectional controls, and short. */
export function quoted(text: unknown): string {
  const plain = String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(BIDI_CONTROL, "").trim();
  return `"${plain.length > 80 ? `${plain.slice(0, 79)}…` : plain}"`;
}

/** The path to the first string in `value` with a control character, or undefined when there is none. */
function controlCharacterAt(value: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return hasInvisibleCharacter(value) ? at : undefined;
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
  /** The organisation site.yaml gives the source: the only one its records speak for. */
  readonly organisation: Organisation;
  /** The part of this site's project addresses that is the source's: /projekt/<key>/<slug>/. */
  readonly key: string;
  readonly projects: readonly HarvestedProject[];
  readonly warnings: readonly ContentError[];
}

/** A harvested project, with its place in the source's file and the slugs its record names as related (in its own archive). */
export interface HarvestedProject {
  readonly project: Project;
  /** The record's position in the file, from 0. */
  readonly index: number;
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
  ...(document.category ? { category: document.category } : {}),
});

/**
 * A harvested record as a project of this site, at /projekt/<key>/<slug>/. A slug longer than 80
 * characters is cut (boundedSlug), so that no record can make a folder name too long to write.
 */
function projectOf(record: OpenDataProject, home: Home, key: string, file: string, themeLabel: (label: string) => string | undefined): Project {
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
  const slug = boundedSlug(record.slug);
  return {
    ...(record.id ? { id: record.id } : {}),
    slug,
    url: `/projekt/${key}/${slug}/`,
    title: record.title,
    ...(record.subtitle ? { subtitle: record.subtitle } : {}),
    summary: record.summary,
    ...(record.period ? { period: record.period } : {}),
    // A source's themes are its own words, never checked against this site's list: joined with the
    // site's and other sources' by their label (themeKey), and written as the site writes a theme it has.
    themes: record.themes.map((written) => {
      const name = themeLabel(written) ?? written;
      return { name, url: themePageUrl(name) };
    }),
    goals: record.goals,
    results: record.results,
    lessons: record.lessons,
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

/** A warning about one record of a source: skipped, or (`skipped` false) shown with a remark. */
export function recordWarning(source: Pick<HarvestedSource, "organisation" | "summary">, problem: RecordProblem & { readonly index: number }, skipped = true): ContentError {
  return {
    file: source.summary.file ?? source.summary.address,
    ...(problem.field ? { field: problem.field } : {}),
    message: `${source.organisation.name}: projekt nr ${problem.index + 1}${problem.title ? ` ${problem.title}` : ""}${skipped ? " hoppades över" : ""}: ${problem.message}`,
  };
}

/** "projekt nr 1 "Titel", slug: ska vara …": the first problems of a file, for a report line. */
export function problemsText(problems: readonly RecordProblem[], most = 3): string {
  const texts = problems.slice(0, most).map((problem) =>
    [problem.index === undefined ? "" : `projekt nr ${problem.index + 1}${problem.title ? ` ${problem.title}` : ""}, `, problem.field ? `${problem.field}: ` : "", problem.message].join(""),
  );
  return `${texts.join("; ")}${problems.length > most ? ` (och ${problems.length - most} problem till)` : ""}`;
}

/**
 * Reads the last harvested copy of each source, in site.yaml's order, into projects. Never
 * throws: a source not harvested yet, a copy that is too large or not a list, and each bad record
 * are warnings that name the source (a build needs no network, and publishes what it has). Each
 * source speaks only for the organisation site.yaml gives it: a record whose publisher is another
 * organisation (or a look-alike of one of `site`'s and the sources') is skipped. A theme the
 * site's vocabulary has is written as the site writes it.
 */
export function readHarvestedSources(contentDir: string, site: Organisation, sources: readonly HarvestSourceData[], themeVocabulary: readonly string[]): HarvestedSource[] {
  const keys = new Set<string>();
  const themeLabel = vocabularyLabels(themeVocabulary);
  const publisherProblem = publisherCheck([site, ...sources.map(sourceOrganisation)]);
  return sources.map((source) => {
    const address = sourceAddress(source);
    const organisation = sourceOrganisation(source);
    const { copy } = cachePaths(contentDir, source);
    const size = statSync(copy, { throwIfNoEntry: false })?.size;
    const read =
      size === undefined
        ? { records: [], problems: [{ message: `källan ${address} har inte hämtats ännu; kör npm run harvest` }], total: 0 }
        : size > MAX_SOURCE_BYTES
          ? { records: [], problems: [{ message: `filen är större än ${formatFileSize(MAX_SOURCE_BYTES)}, som är gränsen` }], total: 0 }
          : readRecords(readFileSync(copy));
    const base = nameKey(organisation.name);
    let key = base;
    for (let suffix = 2; keys.has(key); suffix++) key = `${base}-${suffix}`;
    keys.add(key);

    const problems: RecordProblem[] = [...read.problems];
    const slugs = new Set<string>();
    const ids = new Set<string>();
    const projects: HarvestedProject[] = [];
    for (const { index, record } of read.records) {
      const at = { index, title: quoted(record.title) };
      const slug = boundedSlug(record.slug);
      const publisher = publisherProblem(record.publisher, organisation);
      if (publisher) {
        problems.push({ ...at, field: "publisher", message: publisher });
        continue;
      }
      if (slugs.has(slug)) {
        problems.push({ ...at, field: "slug", message: `samma slug som ett annat projekt i källan (${slug})` });
        continue;
      }
      if (record.id && ids.has(record.id)) {
        problems.push({ ...at, field: "id", message: `samma id som ett annat projekt i källan (${record.id})` });
        continue;
      }
      slugs.add(slug);
      if (record.id) ids.add(record.id);
      const home: Home = {
        organisation: organisation.name,
        organisationNumber: organisation.organisationNumber!,
        site: publisherSite(record.publisher?.url, source, record.url),
        url: record.url,
        counties: source.counties ?? record.publisher?.counties ?? [],
      };
      projects.push({ project: projectOf(record, home, key, copy, themeLabel), index, related: record.related.map(boundedSlug) });
    }
    const skipped = new Set(problems.filter((problem) => problem.index !== undefined).map((problem) => problem.index)).size;
    const summary = { address, organisation: organisation.name, ...(size === undefined ? {} : { file: copy }), projects: projects.length, skipped };
    const shown = problems.slice(0, PROBLEMS_PER_SOURCE);
    const warnings: ContentError[] = shown.map((problem) =>
      problem.index === undefined
        ? { file: copy, message: `${organisation.name} (${address}): ${problem.message}` }
        : recordWarning({ organisation, summary: { ...summary, file: copy } }, { ...problem, index: problem.index }),
    );
    if (problems.length > shown.length) {
      warnings.push({ file: copy, message: `${organisation.name}: och ${problems.length - shown.length} problem till i samma källa` });
    }
    return { summary, organisation, key, projects, warnings };
  });
}
