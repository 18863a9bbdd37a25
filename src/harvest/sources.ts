/**
 * Where each source of a site with sources is read from, and where its last good copy is kept: in
 * the repository, under content/_harvest/, so that a build needs no network and gives the same
 * site from the same commit.
 */
import { createHash } from "node:crypto";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { HARVEST_FOLDER } from "../content/reading/content-tree.ts";
import { swedishSlug } from "../format/slug.ts";
import { isWithinSourceReach, SOURCE_PATH_REACH, sourcePathFolder } from "../format/source-path.ts";
import { normalWebAddress } from "../format/urls.ts";
import type { HarvestSourceData } from "../content/model/schema.ts";

/** The largest projekt.json read from a source: 50,000 projects are about 60 MB across 300 archives. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** Where a source is, as site.yaml writes it: all that its address and its copy's files are made of. */
type SourceLocation = Pick<HarvestSourceData, "url" | "path">;

/** What site.yaml says of a source, as written there: an address or a path. */
export function sourceAddress(source: SourceLocation): string {
  return source.url ?? source.path!;
}

/** The copy of a source and what its server said of it, for the next conditional request. */
export interface CachePaths {
  /** The projekt.json as the source sent it. */
  readonly copy: string;
  /** `{ address, etag, lastModified, harvested }`. */
  readonly validators: string;
}

/** The longest readable part of a copy's name, before its hash. */
const READABLE_LENGTH = 60;

/**
 * The files a source is kept in: named by its address, readable ("www-region-se-avslutade-projekt-
 * projekt-json") and with a short hash of the whole address, so two sources never share a file.
 * A name is at most 79 bytes (a slug is ASCII), however long the address.
 */
export function cachePaths(contentDir: string, source: SourceLocation): CachePaths {
  const address = sourceAddress(source);
  const readable = swedishSlug(address.replace(/^https?:\/\//, "")).slice(0, READABLE_LENGTH).replace(/-+$/, "") || "kalla";
  const hash = createHash("sha256").update(address).digest("hex").slice(0, 8);
  const base = path.join(path.resolve(contentDir), HARVEST_FOLDER, `${readable}-${hash}`);
  return { copy: `${base}.json`, validators: `${base}.http.json` };
}

/** The name of a copy or of its validators, as {@link cachePaths} makes them: the harvest may remove such a file. */
export const COPY_NAME = new RegExp(`^[a-z0-9-]{1,${READABLE_LENGTH}}-[0-9a-f]{8}(?:\\.http)?\\.json$`);

/**
 * What makes a source the same as another in site.yaml: its address in normal form (scheme and
 * host in lowercase), or the file it is read from.
 */
function sourceIdentity(contentDir: string, source: HarvestSourceData): string {
  return source.url ? (normalWebAddress(source.url) ?? source.url) : localSourceFile(contentDir, source).file;
}

/** A source that repeats an earlier one in site.yaml: both numbered from 1, as an editor counts. */
export interface RepeatedSource {
  readonly address: string;
  readonly number: number;
  readonly first: number;
}

/**
 * The sources of site.yaml with each one only once (the first), and the repeats: the same source
 * listed twice is harvested and read once.
 */
export function uniqueSources(contentDir: string, sources: readonly HarvestSourceData[]): { sources: HarvestSourceData[]; repeats: RepeatedSource[] } {
  const first = new Map<string, number>();
  const unique: HarvestSourceData[] = [];
  const repeats: RepeatedSource[] = [];
  for (const [index, source] of sources.entries()) {
    const identity = sourceIdentity(contentDir, source);
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, index);
      unique.push(source);
    } else {
      repeats.push({ address: sourceAddress(source), number: index + 1, first: earlier + 1 });
    }
  }
  return { sources: unique, repeats };
}

/** A local source that is not read, with the reason in Swedish. */
export class SourceRefused extends Error {}

/**
 * The file a local source is read from: a projekt.json, or a folder holding one (a built site),
 * relative to the folder the content folder lies in (the repository); and the folder it names,
 * which the file must not lead out of.
 */
export function localSourceFile(contentDir: string, source: HarvestSourceData): { file: string; folder: string } {
  const resolved = path.resolve(path.dirname(path.resolve(contentDir)), source.path!);
  return resolved.endsWith(".json") ? { file: resolved, folder: path.dirname(resolved) } : { file: path.join(resolved, "projekt.json"), folder: resolved };
}

const isInside = (folder: string, file: string) => file.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);

/**
 * The real path of the file a local source is read from, once its links are followed, or a
 * {@link SourceRefused} saying why it is not read: the folder named must lie, links followed, in
 * the repository or in a folder beside it, and the file must lie in the folder named.
 */
export async function localSourceRealFile(contentDir: string, source: HarvestSourceData): Promise<string> {
  const written = source.path!;
  if (!isWithinSourceReach(written)) throw new SourceRefused(`path: ska vara ${SOURCE_PATH_REACH}`);
  const { file, folder } = localSourceFile(contentDir, source);
  const named = sourcePathFolder(written);
  const reach = await realpath(path.dirname(path.dirname(path.resolve(contentDir))));
  const realFolder = await realpath(folder).catch(() => undefined);
  if (!realFolder) throw new SourceRefused(`mappen ${named} finns inte`);
  if (!isInside(reach, realFolder)) throw new SourceRefused(`mappen ${named} leder genom en symbolisk länk utanför arkivet och mapparna bredvid det`);
  const realFile = await realpath(file).catch(() => undefined);
  if (!realFile) throw new SourceRefused(`filen ${path.basename(file)} finns inte i mappen ${named}`);
  if (!isInside(realFolder, realFile)) throw new SourceRefused(`${path.basename(file)} är en symbolisk länk som leder utanför mappen ${named}`);
  return realFile;
}
