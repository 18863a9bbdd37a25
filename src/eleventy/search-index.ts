import path from "node:path";
import * as pagefind from "pagefind";

let indexing = true;

/** Turns the search index off for this process, so that a benchmark can time Pagefind on its own. */
export function setSearchIndexing(enabled: boolean): void {
  indexing = enabled;
}

/** Whether builds in this process write the search index. */
export function searchIndexingEnabled(): boolean {
  return indexing;
}

/**
 * Writes the Pagefind index for a built site into its pagefind/ folder. Only pages that mark
 * their content with data-pagefind-body are indexed: the projects and the contact directory.
 * Swedish stemming follows from `<html lang="sv">`.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: added.page_count };
}
