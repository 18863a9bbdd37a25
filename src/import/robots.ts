/**
 * The site's robots.txt, read once before the importer follows an index's links, by a maintained
 * parser (robots-parser, RFC 9309). The rules for the importer's own User-Agent apply, else those
 * for `*`. As the RFC says: a robots.txt that is missing (a 4xx answer) allows everything, and one
 * that cannot be read (a 5xx answer, no answer) allows nothing.
 */
import robotsParserModule from "robots-parser";
import { FetchRefused, fetchWithinLimits, type FetchLimits } from "../fetch/bounded-fetch.ts";

export interface Robots {
  /** Whether the importer may fetch an address of the site. */
  allowed(address: string): boolean;
  /** The Crawl-delay the site asks of the importer, in milliseconds, if it asks one. */
  readonly crawlDelayMs: number | undefined;
  /** What the report says of robots.txt, when it is not an ordinary file of rules. */
  readonly note?: string;
}

// The package is CommonJS whose module.exports is the function; its types describe it as the default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** RFC 9309 asks a crawler to read at least 500 KiB of a robots.txt. */
const MAX_ROBOTS_BYTES = 512 * 1024;

/** Reads `origin`'s /robots.txt within `limits`, for `userAgent`. */
export async function readRobots(origin: string, userAgent: string, limits: Omit<FetchLimits, "origin" | "maxBytes" | "accept">): Promise<Robots> {
  const address = new URL("/robots.txt", origin).href;
  let text: string;
  try {
    const fetched = await fetchWithinLimits(address, { ...limits, origin, maxBytes: MAX_ROBOTS_BYTES, accept: "text/plain,*/*;q=0.5" });
    text = Buffer.from(fetched.bytes).toString("utf8");
  } catch (error) {
    if (!(error instanceof FetchRefused)) throw error;
    if (error.status !== undefined && error.status >= 400 && error.status < 500) return { allowed: () => true, crawlDelayMs: undefined };
    return { allowed: () => false, crawlDelayMs: undefined, note: `${address} ${error.message}, så ingen sida hämtades av dem sidan länkar till (en webbplats som inte kan säga vad den tillåter tillåter ingenting)` };
  }
  const rules = robotsParser(address, text);
  const delay = rules.getCrawlDelay(userAgent);
  return {
    // The rules are read for the path: an http:// link on the https:// site (or the reverse) is the same site.
    allowed: (page) => {
      const url = new URL(page);
      return rules.isAllowed(new URL(`${url.pathname}${url.search}`, origin).href, userAgent) !== false;
    },
    crawlDelayMs: delay === undefined || !Number.isFinite(delay) ? undefined : delay * 1000,
  };
}
