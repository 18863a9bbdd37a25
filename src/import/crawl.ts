/**
 * Following an index's links to the project pages it lists, politely: only within the origin the
 * user named, one request at a time with a pause between them (a second by default, longer when
 * robots.txt asks it), never to a page robots.txt disallows, and at most a given number of pages.
 * What is not followed is said, with why, for the report.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isOfOrigin } from "../fetch/origin.ts";
import type { IndexLink } from "./page-kinds.ts";
import type { Robots } from "./robots.ts";

/** Keeps the requests of a run one at a time, `delayMs` apart from the end of one to the start of the next. */
export class Pacer {
  private last: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(public delayMs: number) {}

  /** Runs `request` once the requests before it have ended and the pause after them has passed. */
  pace<T>(request: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      const wait = this.last === undefined ? 0 : this.last + this.delayMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await request();
      } finally {
        this.last = Date.now();
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

/** A linked page, and what became of it: read, or left with the reason. */
export type Followed<T> = { readonly link: IndexLink; readonly address: string } & ({ readonly page: T } | { readonly reason: string });

/** The longest pause between requests a robots.txt may ask for; a longer Crawl-delay is taken as this. */
export const MAX_CRAWL_DELAY_MS = 60_000;

/**
 * Reads the pages `links` name, in order, with `load` (which fetches through the run's pacer, and
 * says why a page could not be read).
 * Links to another origin, links robots.txt disallows and links beyond `maxPages` are not fetched.
 */
export async function followLinks<T>(
  links: readonly IndexLink[],
  { origin, robots, maxPages, load }: { origin: string; robots: Robots; maxPages: number; load: (address: string) => Promise<{ page: T } | { reason: string }> },
): Promise<Followed<T>[]> {
  const followed: Followed<T>[] = [];
  let fetched = 0;
  for (const link of links) {
    const address = link.url ?? link.href;
    const url = link.url ? new URL(link.url) : undefined;
    if (!url || !isOfOrigin(url, origin)) {
      followed.push({ link, address, reason: `sidan ligger inte på ${origin}, och bara sidor där följs` });
    } else if (!robots.allowed(url.href)) {
      followed.push({ link, address, reason: robots.note ?? "webbplatsens robots.txt tillåter inte att sidan hämtas" });
    } else if (fetched >= maxPages) {
      followed.push({ link, address, reason: `fler än ${maxPages} sidor; --max-pages ger fler` });
    } else {
      fetched++;
      const result = await load(url.href);
      followed.push("page" in result ? { link, address, page: result.page } : { link, address, reason: result.reason });
    }
  }
  return followed;
}
