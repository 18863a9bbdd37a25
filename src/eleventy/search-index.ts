import path from "node:path";
import * as pagefind from "pagefind";

let indexing = true;

/** Turns the search index off for this process, so that a benchmark can time the build without it. */
export function setSearchIndexing(enabled: boolean): void {
  indexing = enabled;
}

/** Whether builds in this process write the search index. */
export function searchIndexingEnabled(): boolean {
  return indexing;
}

/** The attribute that marks what a page gives the search index: the projects and the contact directory. */
const SEARCHABLE = "data-pagefind-body";

/**
 * The Pagefind index of one build, fed each searchable page as Eleventy renders it. Pagefind's
 * indexer is a process of its own, so it parses and indexes on the second core while this one
 * renders the next pages; nothing here waits for it until the build is written. (Awaiting each
 * page, as an earlier attempt did, made rendering wait for every round trip to the indexer.)
 * Only pages that mark their content with data-pagefind-body are sent, which are the only pages
 * Pagefind indexes when any page has the attribute. Swedish stemming follows from `<html lang="sv">`.
 */
export class SearchIndex {
  private readonly pending: Promise<{ errors: string[] }>[] = [];

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async start(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind kunde inte starta: ${errors.join("; ")}`);
    return new SearchIndex(index);
  }

  /** Sends a rendered page to the indexer, if it has searchable content; returns at once. */
  add(url: string, html: string): void {
    if (html.includes(SEARCHABLE)) this.pending.push(this.index.addHTMLFile({ url, content: html }));
  }

  /** Waits for the indexer, and writes the index into the site's pagefind/ folder. */
  async write(siteDir: string): Promise<{ pages: number }> {
    try {
      const added = await Promise.all(this.pending);
      const errors = added.flatMap((result) => result.errors);
      if (errors.length > 0) throw new Error(`Pagefind: ${errors.join("; ")}`);
      const written = await this.index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
      if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
      return { pages: added.length };
    } finally {
      await pagefind.close();
    }
  }

  /** Stops the indexer without writing, after a build that failed. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.pending);
    await pagefind.close();
  }
}
