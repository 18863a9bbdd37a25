/**
 * Where each source of a site with sources is read from, and where its last good copy is kept: in
 * the repository, under content/_harvest/, so that a build needs no network and gives the same
 * site from the same commit.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { HARVEST_FOLDER } from "../content/reading/content-tree.ts";
import { swedishSlug } from "../format/slug.ts";
import type { HarvestSourceData } from "../content/model/schema.ts";

/** The largest projekt.json read from a source: 50,000 projects are about 60 MB across 300 archives. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** What site.yaml says of a source, as written there: an address or a path. */
export function sourceAddress(source: HarvestSourceData): string {
  return source.url ?? source.path!;
}

/** The copy of a source and what its server said of it, for the next conditional request. */
export interface CachePaths {
  /** The projekt.json as the source sent it. */
  readonly copy: string;
  /** `{ address, etag, lastModified, harvested }`. */
  readonly validators: string;
}

/**
 * The files a source is kept in: named by its address, readable ("www-region-se-avslutade-projekt-
 * projekt-json") and with a short hash of the whole address, so two sources never share a file.
 */
export function cachePaths(contentDir: string, source: HarvestSourceData): CachePaths {
  const address = sourceAddress(source);
  const readable = swedishSlug(address.replace(/^https?:\/\//, "")).slice(0, 60).replace(/-+$/, "") || "kalla";
  const hash = createHash("sha256").update(address).digest("hex").slice(0, 8);
  const base = path.join(path.resolve(contentDir), HARVEST_FOLDER, `${readable}-${hash}`);
  return { copy: `${base}.json`, validators: `${base}.http.json` };
}

/**
 * The file a local source is read from: a projekt.json, or a folder holding one (a built site),
 * relative to the folder the content folder lies in (the repository).
 */
export function localSourceFile(contentDir: string, source: HarvestSourceData): string {
  const resolved = path.resolve(path.dirname(path.resolve(contentDir)), source.path!);
  return resolved.endsWith(".json") ? resolved : path.join(resolved, "projekt.json");
}
