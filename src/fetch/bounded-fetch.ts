/**
 * Fetches a page or a file politely and within limits, for the importer and the harvest: an honest
 * User-Agent, a time limit for the whole request, redirects followed one by one and never off the
 * origin the caller named, and a cap on the bytes read, so that an endless or huge answer is cut
 * off instead of filling the memory. What comes back is bytes: data to read, never markup to trust.
 */
import { fetch, type Response } from "undici";
import { formatFileSize } from "../format/file-size.ts";
import { openConnections, type Connections } from "./connections.ts";
import { networkReason } from "./network-reason.ts";
import { isOfOrigin, isWebAddress } from "./origin.ts";

export interface FetchLimits {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /**
   * The origin a person named (the importer's address or `--origin`, a harvest source in site.yaml):
   * every address of the request, redirects included, must be of it (or its https:// form). It is
   * trusted, so it is asked whatever its name resolves to, loopback included.
   */
  readonly origin: string;
  /** What the request accepts; pages and files by default. */
  readonly accept?: string;
  /** A conditional request (npm run harvest): what the server said of the copy kept from last time. */
  readonly ifNoneMatch?: string;
  readonly ifModifiedSince?: string;
  /** The run's connections, so that a name is looked up once for all its requests; the request's own by default. */
  readonly connections?: Connections;
}

export interface Fetched {
  /** The address the answer came from, after redirects. */
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** 200, or 304 when a conditional request's copy is still current (`bytes` is then empty). */
  readonly status: number;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** A request that would not be made or could not be finished, with the reason in Swedish, and the status the server answered, if it did. */
export class FetchRefused extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 5;

/** Fetches `address` within the limits, or throws a {@link FetchRefused} saying why not. */
export async function fetchWithinLimits(address: string, limits: FetchLimits): Promise<Fetched> {
  const connections = limits.connections ?? openConnections((url) => isOfOrigin(url, limits.origin));
  try {
    return await fetchOnOrigin(address, limits, connections);
  } finally {
    if (!limits.connections) await connections.close();
  }
}

async function fetchOnOrigin(address: string, limits: FetchLimits, connections: Connections): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = address;
  for (let redirects = 0; ; redirects++) {
    checkAddress(url, limits.origin);
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: "manual",
        signal,
        dispatcher: connections.dispatcherFor(new URL(url)),
        headers: {
          "User-Agent": limits.userAgent,
          Accept: limits.accept ?? "text/html,application/xhtml+xml,*/*;q=0.8",
          ...(limits.ifNoneMatch ? { "If-None-Match": limits.ifNoneMatch } : {}),
          ...(limits.ifModifiedSince ? { "If-Modified-Since": limits.ifModifiedSince } : {}),
        },
      });
    } catch (error) {
      throw new FetchRefused(networkReason(error, limits.timeoutMs));
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) throw new FetchRefused(`skickades vidare fler än ${MAX_REDIRECTS} gånger`);
      url = new URL(location, url).href;
      continue;
    }
    if (response.status === 304 && (limits.ifNoneMatch || limits.ifModifiedSince)) {
      await response.body?.cancel();
      return { url, bytes: new Uint8Array(), contentType: "", status: 304 };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchRefused(`svarade ${response.status}`, response.status);
    }
    const declared = Number(response.headers.get("content-length"));
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw new FetchRefused(tooLarge(limits.maxBytes));
    }
    const bytes = await readAtMost(response, limits);
    const etag = response.headers.get("etag");
    const lastModified = response.headers.get("last-modified");
    return { url, bytes, contentType: response.headers.get("content-type") ?? "", status: response.status, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  }
}

/** Only http(s), and only the named origin. */
function checkAddress(url: string, origin: string): void {
  const parsed = new URL(url);
  if (!isWebAddress(parsed)) throw new FetchRefused(`adressen börjar inte med http:// eller https://`);
  if (!isOfOrigin(parsed, origin)) throw new FetchRefused(`skickades vidare till en annan webbplats (${parsed.origin}); bara adresser på ${origin} hämtas`);
}

/** The body, read until `maxBytes`: a longer answer is cut off and refused. */
async function readAtMost(response: Response, limits: FetchLimits): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel();
        throw new FetchRefused(tooLarge(limits.maxBytes));
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    throw new FetchRefused(networkReason(error, limits.timeoutMs));
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number) => `är större än ${formatFileSize(maxBytes)}, som är gränsen`;
