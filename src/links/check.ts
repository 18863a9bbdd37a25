/**
 * Checks web addresses the way a careful crawler does: HEAD first, GET when HEAD is refused,
 * redirects followed one by one so that a permanent move can be reported with its new address, a
 * few connections per host at a time, an honest User-Agent, and a time limit per request. Results
 * are kept for a day, so that a second run asks no server again. An address in an internal network
 * (127.0.0.1, 10.0.0.0/8, a name that resolves to one) is not asked, on any hop, unless the person
 * running the check named its origin (src/fetch/).
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fetch } from "undici";
import { openConnections, type Connections } from "../fetch/connections.ts";
import { internalAddressOf, networkReason } from "../fetch/network-reason.ts";

/** What became of one address. */
export type LinkOutcome =
  /** It answers with a page, directly or through temporary redirects. */
  | { readonly kind: "ok"; readonly status: number }
  /** It has moved for good: write `location` instead. */
  | { readonly kind: "moved"; readonly status: number; readonly location: string }
  /** Nothing useful answers: a 4xx or 5xx status, no such host, a refused connection or a timeout. */
  | { readonly kind: "dead"; readonly status?: number; readonly reason: string; readonly unreachable?: true }
  /** It is, or leads to, an address in an internal network, which is not asked. */
  | { readonly kind: "internal"; readonly address: string; readonly reason: string };

export interface CheckOptions {
  /** Requests under way at once, in all. */
  readonly concurrency: number;
  /** Requests under way at once to one host. */
  readonly perHost: number;
  readonly timeoutMs: number;
  readonly userAgent: string;
  /** Where results are kept between runs; none when undefined. */
  readonly cacheFile?: string;
  /** How long a kept result holds. */
  readonly cacheForMs: number;
  /** Origins the person running the check named: asked even in an internal network. */
  readonly trustedOrigins?: readonly string[];
}

const MAX_REDIRECTS = 10;
const PERMANENT = new Set([301, 308]);

/** "svarar 404 (sidan finns inte)": what a status means, in Swedish. */
function statusReason(status: number): string {
  const meaning =
    status === 404 || status === 410 ? "sidan finns inte" : status === 401 || status === 403 ? "sidan är inte öppen" : status >= 500 ? "fel hos servern" : "sidan går inte att visa";
  return `svarar ${status} (${meaning})`;
}

/** One request without following redirects; the body is not read. */
async function request(url: string, method: "HEAD" | "GET", options: CheckOptions, connections: Connections): Promise<{ status: number; location?: string }> {
  const response = await fetch(url, {
    method,
    redirect: "manual",
    dispatcher: connections.dispatcherFor(new URL(url)),
    headers: { "User-Agent": options.userAgent, Accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  await response.body?.cancel();
  const location = response.headers.get("location");
  return { status: response.status, ...(location ? { location: new URL(location, url).href } : {}) };
}

/** Limits requests in all and per host: a request waits for a place in both. */
function limiter(options: CheckOptions) {
  let running = 0;
  const perHost = new Map<string, number>();
  const waiting: (() => void)[] = [];
  const free = (host: string) => running < options.concurrency && (perHost.get(host) ?? 0) < options.perHost;
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return async <T>(url: string, task: () => Promise<T>): Promise<T> => {
    const host = new URL(url).host;
    while (!free(host)) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      running--;
      perHost.set(host, perHost.get(host)! - 1);
      wake();
    }
  };
}

/** Network errors that mean no server was reached at all: the name could not be looked up, or no route. */
const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"]);

/**
 * Whether the machine seems to be offline: every address on at least three hosts failed before any
 * server answered. One site's name missing is a dead link; every site's at once is the network.
 */
export function seemsOffline(outcomes: ReadonlyMap<string, LinkOutcome>): boolean {
  const hosts = new Set([...outcomes.keys()].map((url) => new URL(url).host));
  return hosts.size >= 3 && [...outcomes.values()].every((outcome) => outcome.kind === "dead" && outcome.unreachable);
}

/** Follows one address to its end. */
async function checkOne(url: string, options: CheckOptions, limit: ReturnType<typeof limiter>, connections: Connections): Promise<LinkOutcome> {
  let current = url;
  // The address to write instead: where the redirects lead while every one of them is permanent.
  let movedTo: string | undefined;
  let permanentSoFar = true;
  let firstStatus: number | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let answer: { status: number; location?: string };
    try {
      answer = await limit(current, async () => {
        const head = await request(current, "HEAD", options, connections);
        return head.status >= 400 ? request(current, "GET", options, connections) : head;
      });
    } catch (error) {
      const internal = internalAddressOf(error);
      if (internal) return { kind: "internal", address: internal.address, reason: networkReason(error, options.timeoutMs) };
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: "dead", reason: networkReason(error, options.timeoutMs), ...(code && UNREACHABLE.has(code) ? { unreachable: true as const } : {}) };
    }
    firstStatus ??= answer.status;
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      permanentSoFar &&= PERMANENT.has(answer.status);
      if (permanentSoFar) movedTo = answer.location;
      current = answer.location;
      continue;
    }
    if (answer.status >= 400) return { kind: "dead", status: answer.status, reason: statusReason(answer.status) };
    return movedTo ? { kind: "moved", status: firstStatus, location: movedTo } : { kind: "ok", status: answer.status };
  }
  return { kind: "dead", reason: `för många omdirigeringar (fler än ${MAX_REDIRECTS})` };
}

type Kept = Record<string, { readonly checkedAt: number; readonly outcome: LinkOutcome }>;

async function readKept(file: string | undefined): Promise<Kept> {
  if (!file) return {};
  try {
    return JSON.parse(await readFile(file, "utf8")) as Kept;
  } catch {
    return {}; // none yet, or unreadable: check everything
  }
}

async function keep(file: string, kept: Kept): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const staging = `${file}.${process.pid}`;
  await writeFile(staging, JSON.stringify(kept));
  await rename(staging, file);
}

/** Checks every address once, asking no server about an address checked within `cacheForMs`. */
export async function checkUrls(urls: readonly string[], options: CheckOptions, now = Date.now()): Promise<Map<string, LinkOutcome>> {
  const kept = await readKept(options.cacheFile);
  const fresh = Object.fromEntries(Object.entries(kept).filter(([, entry]) => now - entry.checkedAt < options.cacheForMs));
  const limit = limiter(options);
  const trusted = new Set(options.trustedOrigins ?? []);
  const connections = openConnections((url) => trusted.has(url.origin));
  const toCheck = [...new Set(urls)].filter((url) => !fresh[url]);
  const checked = new Map(await Promise.all(toCheck.map(async (url) => [url, await checkOne(url, options, limit, connections)] as const)));
  await connections.close();
  // An internal address is not kept: whether it is asked depends on the origins named for the run.
  for (const [url, outcome] of checked) if (outcome.kind !== "internal") fresh[url] = { checkedAt: now, outcome };
  // Answers from a machine that seems offline are not kept: the next run, on the network, asks again.
  if (options.cacheFile && checked.size > 0 && !seemsOffline(checked)) await keep(options.cacheFile, fresh);
  return new Map(urls.map((url) => [url, checked.get(url) ?? fresh[url]!.outcome]));
}
