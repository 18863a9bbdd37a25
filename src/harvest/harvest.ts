/**
 * `npm run harvest`: fetches every source of a site with sources into content/_harvest/, politely
 * (an honest User-Agent, a time limit, at most four requests at once, conditional requests with
 * the ETag and Last-Modified of the copy kept) and within limits (MAX_SOURCE_BYTES, no redirect to
 * another site). A copy is replaced only by a new copy that has usable records; a source that
 * cannot be reached, or sends nothing usable, keeps its last good copy. The build reads only the
 * copies, so it needs no network and gives the same site from the same commit.
 */
import { lstat } from "node:fs/promises";
import type { HarvestSourceData } from "../content/model/schema.ts";
import { fetchWithinLimits, FetchRefused } from "../fetch/bounded-fetch.ts";
import { formatFileSize } from "../format/file-size.ts";
import { failureReason, readRegularFile, writeWhole } from "./harvest-folder.ts";
import { problemsText, readRecords } from "./records.ts";
import { cachePaths, localSourceRealFile, MAX_SOURCE_BYTES, SourceRefused, sourceAddress } from "./sources.ts";

/** At most this many sources are fetched at once. */
export const CONCURRENT_REQUESTS = 4;

export interface HarvestOptions {
  readonly userAgent: string;
  readonly timeoutMs: number;
}

/** What the server said of a copy, kept beside it for the next conditional request. */
interface Validators {
  readonly address: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When this copy was fetched (ISO 8601). */
  readonly harvested: string;
}

/** What happened to one source. */
export type SourceOutcome =
  | { readonly address: string; readonly status: "new" | "unchanged"; readonly bytes: number }
  | {
      readonly address: string;
      readonly status: "failed";
      readonly reason: string;
      /** When the copy still used was fetched; undefined when there is none. */
      readonly keptFrom?: string;
    };

/** The validators kept beside a copy, when they are for this address. */
async function readValidators(file: string, address: string): Promise<Validators | undefined> {
  const read = await readRegularFile(file, 64 * 1024);
  if (!("bytes" in read)) return undefined;
  try {
    const validators = JSON.parse(read.bytes.toString("utf8")) as Validators;
    return validators.address === address ? validators : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a local source, within the same size limit as a fetched one, from the file its links lead to within the folder named. */
async function readLocal(contentDir: string, source: HarvestSourceData): Promise<Uint8Array> {
  const read = await readRegularFile(await localSourceRealFile(contentDir, source), MAX_SOURCE_BYTES);
  if ("bytes" in read) return read.bytes;
  throw new SourceRefused(read.problem === "too-large" ? `är större än ${formatFileSize(MAX_SOURCE_BYTES)}, som är gränsen` : `${sourceAddress(source)} är inte en fil som går att läsa`);
}

/**
 * Fetches or reads one source and replaces its copy when there is a new, usable one. Never throws:
 * whatever goes wrong is this source's failure, with the reason in Swedish, and its last good
 * copy is kept.
 */
async function harvestSource(contentDir: string, source: HarvestSourceData, options: HarvestOptions): Promise<SourceOutcome> {
  const address = sourceAddress(source);
  const paths = cachePaths(contentDir, source);
  // A copy is one only as a regular file: a link in its place is replaced, never read or written through.
  const copy = await lstat(paths.copy).catch(() => undefined);
  const existing = copy?.isFile() ?? false;
  const previous = existing ? await readValidators(paths.validators, address) : undefined;
  const failed = (reason: string): SourceOutcome => ({ address, status: "failed", reason, ...(existing ? { keptFrom: previous?.harvested ?? "" } : {}) });

  try {
    let bytes: Uint8Array;
    let validators: Omit<Validators, "harvested"> = { address };
    if (source.url) {
      const fetched = await fetchWithinLimits(source.url, {
        userAgent: options.userAgent,
        timeoutMs: options.timeoutMs,
        maxBytes: MAX_SOURCE_BYTES,
        origin: new URL(source.url).origin,
        accept: "application/json",
        ...(previous?.etag ? { ifNoneMatch: previous.etag } : {}),
        ...(previous?.lastModified ? { ifModifiedSince: previous.lastModified } : {}),
      });
      if (fetched.status === 304) return { address, status: "unchanged", bytes: copy?.size ?? 0 };
      bytes = fetched.bytes;
      validators = { address, ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}) };
    } else {
      bytes = await readLocal(contentDir, source);
    }

    // A copy is replaced only by one with something to publish.
    const { records, problems, total } = readRecords(bytes);
    const whole = problems.find((problem) => problem.index === undefined);
    if (whole) return failed(whole.message);
    // With no copy yet, an unusable one is kept all the same, so that check names each record's fault.
    if (total > 0 && records.length === 0 && existing) return failed(`inget av de ${total} projekten i filen gick att läsa: ${problemsText(problems)}`);

    const before = existing ? await readRegularFile(paths.copy, MAX_SOURCE_BYTES) : undefined;
    if (before && "bytes" in before && Buffer.compare(before.bytes, bytes) === 0) {
      // The same projects: nothing is written, unless the server's validators are new.
      if (source.url && (previous?.etag !== validators.etag || previous?.lastModified !== validators.lastModified)) {
        await writeWhole(paths.validators, `${JSON.stringify({ ...validators, harvested: previous?.harvested ?? new Date().toISOString() }, null, 2)}\n`);
      }
      return { address, status: "unchanged", bytes: bytes.byteLength };
    }
    await writeWhole(paths.copy, bytes);
    await writeWhole(paths.validators, `${JSON.stringify({ ...validators, harvested: new Date().toISOString() }, null, 2)}\n`);
    return { address, status: "new", bytes: bytes.byteLength };
  } catch (error) {
    return failed(error instanceof FetchRefused || error instanceof SourceRefused ? error.message : failureReason(error));
  }
}

/**
 * Harvests every source into the harvest folder (made by openHarvestFolder), at most
 * {@link CONCURRENT_REQUESTS} at once, and says what happened to each, in site.yaml's order. Never
 * throws for a source: one that fails says why, and the others are harvested.
 */
export async function harvestSources(contentDir: string, sources: readonly HarvestSourceData[], options: HarvestOptions): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = new Array(sources.length);
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      outcomes[index] = await harvestSource(contentDir, sources[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_REQUESTS, sources.length) }, worker));
  return outcomes;
}
