/**
 * Validation results kept on disk between commands, as ESLint's and TypeScript's caches are: a
 * file whose path, size and modification and change times are the same as last time, checked by
 * the same code on the same day, is not read and validated again. `npm run check` after editing
 * one file of a large archive then validates that file and resolves the references.
 *
 * The cache lives in node_modules/.cache/projektarkiv/validering/, one file per content folder, and
 * is used only by the compiled commands (src/cli/launch.mjs), which say which code version they
 * are. Deleting the folder is always safe.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ContentError } from "../model/errors.ts";
import type { ContentKind } from "../model/content-file.ts";

/** What the cache keeps of one file's validation: everything but the function that finds lines. */
export interface StoredResult {
  /** Size and times of the file when it was validated. */
  readonly version: string;
  readonly kind: ContentKind;
  readonly file?: { readonly kind: ContentKind; readonly file: string; readonly id: string; readonly data: unknown; readonly body: string; readonly bodyLine: number };
  readonly errors: readonly ContentError[];
}

interface CacheFile {
  readonly codeVersion: string;
  readonly today: string;
  readonly results: ReadonlyMap<string, StoredResult>;
}

/** Cache files unused for a week are removed, such as those of the tests' temporary folders. */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

/**
 * Where a content folder's results are stored, and for which code version: only the compiled
 * commands say which version they are (src/cli/launch.mjs); under tsx nothing is cached.
 */
function cacheFor(contentDir: string): { folder: string; file: string; codeVersion: string } | undefined {
  const codeVersion = process.env.PROJEKTARKIV_CODE_VERSION;
  const cacheDir = process.env.PROJEKTARKIV_CACHE_DIR;
  if (!codeVersion || !cacheDir) return undefined;
  const folder = path.join(cacheDir, "validering");
  const name = `${createHash("sha256").update(contentDir).digest("hex").slice(0, 16)}.bin`;
  return { folder, file: path.join(folder, name), codeVersion };
}

/** The stored results for a content folder, or an empty map when there are none for this code and day. */
export function readStoredResults(contentDir: string, today: string): ReadonlyMap<string, StoredResult> {
  const cache = cacheFor(contentDir);
  if (!cache) return new Map();
  try {
    const stored = deserialize(readFileSync(cache.file)) as CacheFile;
    return stored.codeVersion === cache.codeVersion && stored.today === today ? stored.results : new Map();
  } catch {
    return new Map(); // no cache yet, or one that cannot be read: validate everything
  }
}

/** Stores the results for a content folder, replacing the file in one step. */
export function storeResults(contentDir: string, today: string, results: ReadonlyMap<string, StoredResult>): void {
  const cache = cacheFor(contentDir);
  if (!cache) return;
  try {
    mkdirSync(cache.folder, { recursive: true });
    const staging = `${cache.file}.${process.pid}`;
    writeFileSync(staging, serialize({ codeVersion: cache.codeVersion, today, results } satisfies CacheFile));
    renameSync(staging, cache.file);
    removeStale(cache.folder);
  } catch {
    // A cache that cannot be written only makes the next command slower.
  }
}

/**
 * Forgets the stored results for a content folder, so that the next command validates all of it,
 * as on a fresh clone (the bench's first check). Other folders' results stay.
 */
export function forgetStoredResults(contentDir: string): void {
  const cache = cacheFor(path.resolve(contentDir));
  if (cache) rmSync(cache.file, { force: true });
}

function removeStale(folder: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (now - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
  }
}
