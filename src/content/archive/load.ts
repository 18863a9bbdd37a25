import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { stat } from "node:fs/promises";
import type { z } from "zod";
import { formatFieldPath, sortContentErrors, type ContentError } from "../model/errors.ts";
import { fieldNames } from "../model/field-names.ts";
import type { ContentFile, ContentKind, ValidatedFile } from "../model/content-file.ts";
import { listContentFiles, MAX_FILE_BYTES } from "../reading/content-tree.ts";
import { swedishIssueMessage } from "../model/issue-messages.ts";
import type { Archive, Attachment } from "../model/model.ts";
import { resolveArchive } from "./resolve.ts";
import { patchArchive, type ChangedProject } from "./patch.ts";
import {
  accessibilitySchema,
  contactSchema,
  pageSchema,
  projectSchema,
  siteSchema,
} from "../model/schema.ts";
import { readContentFile, readYamlFile, type SourceFile } from "../reading/source.ts";
import { readStoredResults, storeResults, type StoredResult } from "./validation-cache.ts";
import { didYouMean } from "../model/suggest.ts";
import { attachmentPathOf, filesOutsideAllowList, listAttachments, refusedAttachments } from "../files/attachments.ts";
import { fileWarnings } from "../files/file-references.ts";
import { fileNameWarnings } from "../files/file-names.ts";
import { colonSplitMessage, wrongTypeAdvice } from "../reading/yaml-slips.ts";
import { inspectPdfs } from "../files/pdf-accessibility.ts";
import { inspectPictures, type IdentifyingFact, type PictureFacts } from "../files/picture-facts.ts";
import { joinSwedish } from "../../format/swedish-list.ts";
import { inspectDocuments } from "../files/document-kinds.ts";
import type { AttachmentListing } from "../files/attachments.ts";
import { todayInSweden } from "../../format/date.ts";
import { formatFileSize } from "../../format/file-size.ts";
import type { HarvestSourceData, SiteData } from "../model/schema.ts";

const SCHEMAS: Record<ContentKind, z.ZodType> = {
  index: pageSchema,
  cookies: pageSchema,
  accessibility: accessibilitySchema,
  project: projectSchema,
  contact: contactSchema,
  site: siteSchema,
};

const KNOWN_FIELDS = new Set(Object.values(SCHEMAS).flatMap((schema) => [...fieldNames(schema)]));

/** The outcome of validating a content tree: an archive, or every error found. */
export interface ValidationResult {
  readonly archive?: Archive;
  readonly errors: readonly ContentError[];
  /** Problems that do not stop a build: PDFs that are not accessible, files nothing links to. */
  readonly warnings: readonly ContentError[];
  /**
   * When the same folder was validated before in this process: the files that changed since,
   * by absolute path. Undefined when files were added, removed or misplaced.
   */
  readonly changedFiles?: readonly string[];
  /** True when the archive is the last one with the changed projects put in (patch.ts). */
  readonly patched?: boolean;
}

/** Turns zod's issues into content errors that point at lines of the file. */
function issuesToErrors(source: SourceFile, issues: readonly z.core.$ZodIssue[]): ContentError[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const fieldPath = [...issue.path, key];
        return {
          file: source.file,
          line: source.locate(fieldPath),
          field: formatFieldPath(fieldPath),
          message: `okänt fält${didYouMean(key, KNOWN_FIELDS)}`,
        };
      });
    }
    // "- Mål: läsa mer" where text was wanted: YAML read the colon as a field name.
    const last = issue.path.at(-1);
    const split = issue.code === "invalid_type" && issue.expected === "string" ? colonSplitMessage(issue.input, typeof last === "number", String(last)) : undefined;
    const line = source.locate(issue.path);
    // 20357823 where text was wanted, "480 000" where a number was: the message gives the corrected line.
    const lineText = line === undefined || last === undefined ? undefined : source.lineText(line);
    const advice = issue.code === "invalid_type" && lineText !== undefined ? wrongTypeAdvice(lineText, issue.expected, issue.input, typeof last === "number" ? undefined : String(last)) : undefined;
    return [
      {
        file: source.file,
        line,
        field: formatFieldPath(issue.path),
        message: split ?? (advice ? `${issue.message}; ${advice}` : issue.message),
      },
    ];
  });
}

type FileResult = { file?: ValidatedFile; errors: ContentError[] };

/**
 * Results by file, kept while the file is unchanged, so that a second validation in the same
 * process (the build after its own check, or a rebuild in the dev server) reads only what changed.
 */
const resultCache = new Map<string, { version: string; kind: ContentKind; result: FileResult }>();

/** Where a command that starts fresh finds results of earlier commands: validation-cache.ts. */
type StoredResults = () => ReadonlyMap<string, StoredResult>;

/**
 * Reads and validates one file, or returns the result of an unchanged file from the cache in
 * memory or on disk. The file is read synchronously: content files are small, and for thousands
 * of them the promise API's separate open, stat, read and close steps cost more than the reading.
 */
function validateFile(entry: ContentFile, stored: StoredResults): FileResult {
  const info = statSync(entry.file);
  const version = `${info.mtimeMs}:${info.ctimeMs}:${info.size}`;
  const cached = resultCache.get(entry.file);
  if (cached && cached.version === version && cached.kind === entry.kind) return cached.result;
  const onDisk = stored().get(entry.file);
  const result = onDisk && onDisk.version === version && onDisk.kind === entry.kind ? fromStored(onDisk) : readAndValidate(entry, info.size);
  resultCache.set(entry.file, { version, kind: entry.kind, result });
  return result;
}

/** A stored result as a result again; lines are found by reading the (unchanged) file when asked. */
function fromStored(stored: StoredResult): FileResult {
  if (!stored.file) return { errors: [...stored.errors] };
  const { file, kind } = stored.file;
  let source: SourceFile | undefined;
  const locate = (fieldPath: readonly PropertyKey[]) => (source ??= readSource(kind, file, readFileSync(file))).locate(fieldPath);
  return { file: { ...stored.file, locate }, errors: [...stored.errors] };
}

/** Stores the results of every file of a tree, if any was validated afresh or left the tree. */
function storeTree(contentDir: string, today: string, paths: readonly string[], stored: ReadonlyMap<string, StoredResult>): void {
  const current = new Map<string, StoredResult>();
  let changed = paths.length !== stored.size;
  for (const file of paths) {
    const { version, kind, result } = resultCache.get(file)!;
    const before = stored.get(file);
    if (before?.version === version && before.kind === kind) {
      current.set(file, before);
      continue;
    }
    changed = true;
    const validated = result.file && { kind: result.file.kind, file: result.file.file, id: result.file.id, data: result.file.data, body: result.file.body, bodyLine: result.file.bodyLine };
    current.set(file, { version, kind, ...(validated ? { file: validated } : {}), errors: result.errors });
  }
  if (changed) storeResults(contentDir, today, current);
}

/** Splits a file of any kind into its data and body: site.yaml is all YAML, the rest Markdown. */
function readSource(kind: ContentKind, file: string, bytes: Uint8Array): SourceFile {
  return kind === "site" ? readYamlFile(file, bytes) : readContentFile(file, bytes);
}

/** Reads and validates one file against the schema for its kind. */
function readAndValidate(entry: ContentFile, size: number): FileResult {
  if (size > MAX_FILE_BYTES) {
    return { errors: [{ file: entry.file, message: `filen är för stor (${formatFileSize(size)}); högst ${formatFileSize(MAX_FILE_BYTES)} är tillåtet` }] };
  }
  const source = readSource(entry.kind, entry.file, readFileSync(entry.file));
  if (source.errors.length > 0) return { errors: source.errors };
  const result = SCHEMAS[entry.kind].safeParse(source.data, { error: swedishIssueMessage, reportInput: true });
  if (!result.success) return { errors: issuesToErrors(source, result.error.issues) };
  return { file: { ...entry, data: result.data, body: source.body, bodyLine: source.bodyLine, locate: source.locate }, errors: [] };
}

/** How to read a content tree: drafts are left out of the published site, but shown in the preview. */
export interface LoadOptions {
  readonly includeDrafts?: boolean;
}

/**
 * How a site with sources (`sources:` in site.yaml) reads the last harvested copy of each with its
 * tree. Reading another archive's copy is harvest's work, a stage above the content model, so
 * src/harvest/load.ts hands this in rather than the model importing it.
 */
export interface HarvestedCopies {
  /** Where the copies of `sources` are: a copy that changed, came or went means the tree is resolved again. */
  paths(contentDir: string, sources: readonly HarvestSourceData[]): readonly string[];
  /** The archive with the copies' projects put in beside the site's own, and the warnings about the copies. */
  read(archive: Archive, contentDir: string, sources: readonly HarvestSourceData[]): { readonly archive: Archive; readonly warnings: readonly ContentError[] };
}

/**
 * Reads every file under the content folder, validates each against its schema, and resolves the
 * references between them. Reports every error of every file; never throws for bad content. With
 * `harvest`, a site's sources are read too; the commands and the build call this through
 * validateArchive (src/harvest/load.ts), which gives it.
 */
export async function validateContent(folder: string, options: LoadOptions = {}, harvest?: HarvestedCopies): Promise<ValidationResult> {
  // One key per folder for the results kept in memory and on disk: Eleventy names the folder the
  // build command validated first with a trailing slash.
  const contentDir = path.resolve(folder);
  const exists = await stat(contentDir).then((info) => info.isDirectory(), () => false);
  if (!exists) return { errors: [{ file: contentDir, message: "innehållsmappen finns inte" }], warnings: [] };
  const [listing, attachments] = await Promise.all([listContentFiles(contentDir), listAttachments(contentDir)]);
  const [pdfs, pictures, documents] = await Promise.all([inspectPdfs(attachments), inspectPictures(attachments), inspectDocuments(attachments)]);
  const today = todayInSweden();
  let stored: ReadonlyMap<string, StoredResult> | undefined;
  const storedResults = () => (stored ??= readStoredResults(contentDir, today));
  const results = listing.files.map((file) => validateFile(file, storedResults));
  const paths = listing.files.map((file) => file.file);
  // A site with sources (src/harvest/): the last harvested copy of each is read with the tree.
  const siteData = results.find((result) => result.file?.kind === "site")?.file?.data as SiteData | undefined;
  const sources = siteData?.sources ?? [];
  const harvestCopies = harvest?.paths(contentDir, sources) ?? [];
  const filesVersion = [
    ...[...attachments.values()].map((file) => `${file.path}:${file.size}:${file.mtimeMs}`),
    ...harvestCopies.map((copy) => {
      const info = statSync(copy, { throwIfNoEntry: false });
      return `${copy}:${info ? `${info.size}:${info.mtimeMs}` : "-"}`;
    }),
  ].join("\n");
  if (stored) storeTree(contentDir, today, paths, stored);
  // Nothing changed since the last validation of this tree: the archive is the same. (A tree with
  // misplaced files is always validated afresh, since those files have no cached result.)
  const previous = lastTree.get(contentDir);
  const comparable =
    previous &&
    listing.errors.length === 0 &&
    previous.includeDrafts === Boolean(options.includeDrafts) &&
    previous.harvest === harvest &&
    previous.today === today &&
    previous.filesVersion === filesVersion;
  const changedFiles = comparable ? filesChangedSince(previous, paths, results) : undefined;
  if (comparable && changedFiles?.length === 0) return { ...previous.result, changedFiles };
  const idsOf = (kind: ContentKind) => new Set(listing.files.filter((file) => file.kind === kind).map((file) => file.id));
  const known = { contacts: idsOf("contact"), projects: idsOf("project") };
  const found = { listing: attachments, pdfs, pictures, documents };
  // Only projects' texts changed since the last good archive: put them in (patch.ts).
  const last = comparable && changedFiles ? previous : undefined;
  const changes = last?.result.archive && changedProjects(last.results, results);
  const patched = changes && patchArchive(last.result.archive, changes, found, known, options);
  if (last && patched) {
    const result: ValidationResult = { ...last.result, archive: patched };
    lastTree.set(contentDir, { ...last, results, result });
    return { ...result, changedFiles, patched: true };
  }
  const errors = [...listing.errors, ...refusedAttachments(attachments), ...results.flatMap((result) => result.errors)];
  const files = results.flatMap((result) => (result.file ? [result.file] : []));
  const resolved = resolveArchive(files, known, found, options);
  errors.push(...resolved.errors);
  // Every file in filer/ is of a kind the site publishes; a consent category's script is one.
  const scripts = (siteData?.cookies.categories ?? []).flatMap((category) => category.scripts.flatMap((src) => attachmentPathOf(src) ?? []));
  errors.push(...filesOutsideAllowList(attachments, new Set(scripts.map((script) => script.normalize("NFC")))));
  const harvested = resolved.archive && sources.length > 0 ? harvest?.read(resolved.archive, contentDir, sources) : undefined;
  const archive = harvested?.archive ?? resolved.archive;
  const result: ValidationResult =
    errors.length > 0 || !archive
      ? { errors: sortContentErrors(errors), warnings: [] }
      : {
          archive,
          errors,
          warnings: sortContentErrors([
            ...fileWarnings(archive.files, archive.pages.accessibility),
            ...pictureWarnings(attachments, pictures, archive.files.pictures),
            ...fileNameWarnings(attachments),
            ...(harvested?.warnings ?? []),
          ]),
        };
  lastTree.set(contentDir, { includeDrafts: Boolean(options.includeDrafts), harvest, today, filesVersion, paths, results, result });
  return changedFiles ? { ...result, changedFiles } : result;
}

/** What each kind of identifying metadata tells, in the warning: "bilden har kvar var den togs …". */
const KEPT_IN_FILE: Readonly<Record<"gps" | IdentifyingFact, string>> = {
  gps: "var den togs (en GPS-position)",
  owner: "vem som tog eller äger den (fotografens namn eller upphovsrätten)",
  camera: "vilken kamera den togs med",
  serial: "kamerans serienummer",
};

/**
 * What a picture's file tells of where it was taken, by whom and with what: the published copy
 * leaves it out, but the repository's copy keeps it, and so does git's history.
 */
function identifyingWarning(picture: PictureFacts): string | undefined {
  const kept = [...(picture.gps ? (["gps"] as const) : []), ...(picture.identifying ?? [])].map((kind) => KEPT_IN_FILE[kind]);
  if (kept.length === 0) return undefined;
  const [facts, they, them] = kept.length === 1 ? ["uppgiften", "den", "den"] : ["uppgifterna", "de", "dem"];
  return `bilden har kvar ${joinSwedish(kept)} i filen; den publicerade kopian är rensad, men kopian i arkivet har kvar ${facts}, och ${they} följer med i git-historiken; ta bort ${them} och spara om bilden innan du laddar upp den, se redaktörsguiden`;
}

/**
 * Pictures that build, but not as their editor may think: a GPS position, an owner's name or a
 * camera in the file (it stays in git's history, published or not), and an animation of which a
 * page shows the first frame.
 */
function pictureWarnings(listing: AttachmentListing, facts: ReadonlyMap<string, PictureFacts>, shown: ReadonlyMap<string, Attachment>): ContentError[] {
  return [...facts].flatMap(([relative, picture]) => {
    const file = listing.get(relative)!.file;
    const identifying = identifyingWarning(picture);
    return [
      ...(identifying ? [{ file, message: identifying }] : []),
      ...(picture.animated && shown.has(relative) ? [{ file, message: "bilden är animerad, men sidan visar bara den första bilden; visa rörelsen som en video i stället, eller välj den bild som ska synas" }] : []),
    ];
  });
}

interface TreeValidation {
  readonly includeDrafts: boolean;
  readonly harvest: HarvestedCopies | undefined;
  readonly today: string;
  /** The files of filer/, by path, size and time: a file added there can mend a broken reference. */
  readonly filesVersion: string;
  readonly paths: readonly string[];
  readonly results: readonly FileResult[];
  readonly result: ValidationResult;
}

/** The last validation of each content folder, with the per-file results it was made from. */
const lastTree = new Map<string, TreeValidation>();

/**
 * The files whose content changed since the last validation (each unchanged file has the very same
 * cached result), or undefined when files were added or removed.
 */
function filesChangedSince(previous: TreeValidation, paths: readonly string[], results: readonly FileResult[]): string[] | undefined {
  if (previous.paths.length !== paths.length || previous.paths.some((file, index) => file !== paths[index])) return undefined;
  return paths.filter((_, index) => previous.results[index] !== results[index]);
}

/** The files whose results differ, each valid then and now, or undefined when one is not. */
function changedProjects(before: readonly FileResult[], after: readonly FileResult[]): ChangedProject[] | undefined {
  const changes: ChangedProject[] = [];
  for (const [index, result] of after.entries()) {
    const earlier = before[index]!;
    if (earlier === result) continue;
    if (!earlier.file || !result.file || result.errors.length > 0) return undefined;
    changes.push({ before: earlier.file, after: result.file });
  }
  return changes;
}
