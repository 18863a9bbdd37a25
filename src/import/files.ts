/**
 * The documents and pictures of an imported page: copied from the folder a browser saved beside
 * the page ("Webbsida, komplett"), or downloaded from the origin the user named, never from one the
 * page names. Each is checked as the build will check it: a kind the site publishes, within the
 * size limit, and content that is what its name says (a "PDF" that is a login page, an SVG named
 * .avif, are refused).
 */
import { lstat, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOCUMENT_FORMATS, PICTURE_EXTENSIONS } from "../content/files/attachments.ts";
import { pictureFactsOfBytes } from "../content/files/picture-facts.ts";
import { FetchRefused, fetchWithinLimits, type FetchLimits } from "../fetch/bounded-fetch.ts";
import { isOfOrigin } from "../fetch/origin.ts";
import type { Pacer } from "./crawl.ts";
import { formatFileSize } from "../format/file-size.ts";
import { boundedSlug, swedishSlug } from "../format/slug.ts";
import { normalWebAddress } from "../format/urls.ts";

/** Where a page's files can come from. */
export interface FileSources {
  /** The folder a browser saved the page's files into, for a saved page. */
  readonly savedFolder: string | undefined;
  /** The saved page's own file, which relative addresses are read against. */
  readonly savedPage: string | undefined;
  /** The address relative file addresses are read against. */
  readonly address: string | undefined;
  /** The origin the user named (the page's address, or --origin for a saved page): files are downloaded only from it. */
  readonly origin: string | undefined;
  /** Download nothing. */
  readonly offline: boolean;
}

export type Obtained =
  | { readonly bytes: Uint8Array; readonly name: string; readonly published?: string }
  /** `notFetched`: a saved page's file outside its folder, which --origin would fetch. */
  | { readonly refused: string; readonly notFetched?: true };

/** How a kind of file starts: bytes at an offset, and for some kinds one of several bytes after them. */
type Signature = readonly (readonly [offset: number, ...alternatives: string[]])[];

/** The first bytes of the kinds whose content can be told from their start. */
const SIGNATURES: Readonly<Record<string, Signature>> = {
  pdf: [[0, "%PDF"]],
  png: [[0, "\x89PNG\r\n\x1a\n"]],
  jpg: [[0, "\xff\xd8\xff"]],
  jpeg: [[0, "\xff\xd8\xff"]],
  gif: [[0, "GIF87a", "GIF89a"]],
  webp: [[0, "RIFF"], [8, "WEBP"]],
  avif: [[4, "ftyp"], [8, "avif", "avis"]],
  docx: [[0, "PK\x03\x04"]],
  xlsx: [[0, "PK\x03\x04"]],
  pptx: [[0, "PK\x03\x04"]],
  odt: [[0, "PK\x03\x04"]],
  ods: [[0, "PK\x03\x04"]],
  odp: [[0, "PK\x03\x04"]],
  doc: [[0, "\xd0\xcf\x11\xe0"]],
  xls: [[0, "\xd0\xcf\x11\xe0"]],
  ppt: [[0, "\xd0\xcf\x11\xe0"]],
};

/** Whether bytes start as a kind's signature says. */
const matches = (bytes: Uint8Array, signature: Signature) =>
  signature.every(([offset, ...alternatives]) => alternatives.some((start) => Buffer.from(bytes.subarray(offset, offset + start.length)).toString("latin1") === start));

/** File name extensions for answers whose address has none. */
const TYPE_EXTENSIONS: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/avif": "avif",
};

/** A file name that is safe in a path and an address: "Slutrapport Läsfrämjande.PDF" → "slutrapport-lasframjande.pdf". */
function safeFileName(name: string, contentType = ""): string {
  const extension = (/\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? TYPE_EXTENSIONS[contentType.split(";")[0]!.trim()] ?? "").toLowerCase();
  const base = boundedSlug(swedishSlug(name.replace(/\.[A-Za-z0-9]{1,5}$/, "")) || "fil");
  return extension ? `${base}.${extension}` : base;
}

/** Sitevision's file addresses carry the time of upload: /download/18.<hex>/<milliseconds>/<name>. */
function uploadDate(address: string): string | undefined {
  const match = /\/(?:download|images)\/18\.[0-9a-f]+\/(\d{13})\//i.exec(address);
  if (!match) return undefined;
  const date = new Date(Number(match[1]));
  return date.getUTCFullYear() >= 2000 && date.getTime() <= Date.now() ? date.toISOString().slice(0, 10) : undefined;
}

const lastSegment = (pathname: string) => {
  const segment = pathname.split("/").filter(Boolean).at(-1) ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Checks a file's kind, size and content against what the site publishes; a picture is read as the build will read it. */
async function refusal(kind: "document" | "picture", name: string, bytes: Uint8Array, maxBytes: number): Promise<string | undefined> {
  const extension = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? "";
  if (kind === "picture" ? !PICTURE_EXTENSIONS.has(extension) : !(extension in DOCUMENT_FORMATS)) {
    return kind === "picture"
      ? `bilder i formatet ${extension ? `.${extension}` : "utan filändelse"} kan inte visas; bara JPEG, PNG, WebP, AVIF och GIF`
      : `filtypen ${extension ? `.${extension}` : "utan filändelse"} kan inte publiceras; bara dokument (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text, CSV) och bilder`;
  }
  if (bytes.byteLength > maxBytes) return `filen är ${formatFileSize(bytes.byteLength)}, men högst ${formatFileSize(maxBytes)} är tillåtet`;
  if (bytes.byteLength === 0) return "filen är tom";
  const signature = SIGNATURES[extension];
  if (signature && !matches(bytes, signature)) {
    return `innehållet är inte en ${extension.toUpperCase()}-fil, fast namnet säger det (ofta en inloggningssida, en felsida eller en SVG-bild)`;
  }
  if (kind === "document") return undefined;
  const facts = await pictureFactsOfBytes(bytes, extension);
  if (facts.unusable) return facts.unusable;
  const { width = 0, height = 0 } = facts;
  return width <= 2 && height <= 2 ? `bilden är ${width} × ${height} bildpunkter: en distansbild eller en bild som räknar besökare, och ingenting att visa` : undefined;
}

/** A file beside a saved page, if the address names one inside the saved folder. */
async function savedFile(address: string, sources: FileSources, maxBytes: number): Promise<{ file: string } | { refused: string } | undefined> {
  // An absolute address (https:, data:) is not a file beside the page.
  if (!sources.savedPage || !sources.savedFolder || /^[a-z][a-z0-9+.-]*:/i.test(address)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(address.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const file = path.resolve(path.dirname(sources.savedPage), relative);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return undefined;
  const inside = path.relative(await realpath(sources.savedFolder), await realpath(file));
  if (!info.isFile() || inside.startsWith("..") || path.isAbsolute(inside)) {
    return { refused: `filen ligger utanför mappen ${path.basename(sources.savedFolder)}, som sparades med sidan` };
  }
  if (info.size > maxBytes) return { refused: `filen är ${formatFileSize(info.size)}, men högst ${formatFileSize(maxBytes)} är tillåtet` };
  return { file };
}

/** A file that a saved page links outside its folder: said so, with how to fetch it. */
const notFetched = (sources: FileSources): Obtained => ({
  refused: `finns inte i mappen ${sources.savedFolder ? path.basename(sources.savedFolder) : "som sparades med sidan"}, och en sparad sida hämtar bara från den webbplats som anges med --origin`,
  notFetched: true,
});

/** Copies or downloads one file that the page names, or says why not; a download waits its turn with `pacer`. */
export async function obtainFile(address: string, kind: "document" | "picture", sources: FileSources, limits: Omit<FetchLimits, "origin">, pacer: Pacer): Promise<Obtained> {
  if (/^data:/i.test(address)) return { refused: "bilden är inbäddad i sidan (data:) och har ingen fil att hämta" };
  const saved = await savedFile(address, sources, limits.maxBytes);
  if (saved && "refused" in saved) return saved;
  let bytes: Uint8Array;
  let name: string;
  let contentType = "";
  let published: string | undefined;
  if (saved) {
    bytes = await readFile(saved.file);
    name = path.basename(saved.file);
  } else {
    // "https:evil.example" is read by the URL parser as a path on the page's own site; a reader sees another host.
    if (/^https?:/i.test(address) && !normalWebAddress(address)) return { refused: `adressen ${address} är ingen fullständig webbadress (den ska börja med https:// och ett värdnamn)` };
    let url: URL | undefined;
    try {
      url = new URL(address, sources.address);
    } catch {
      url = undefined;
    }
    if (url?.protocol === "file:") return { refused: `${fileURLToPath(url)} finns inte i mappen som sparades med sidan` };
    if (url && !/^https?:$/.test(url.protocol)) return { refused: `adressen ${address} börjar inte med http:// eller https://` };
    if (sources.offline) return { refused: `${url?.href ?? address} finns inte i mappen som sparades med sidan, och --offline hämtar ingenting` };
    if (sources.savedPage && !sources.origin) return notFetched(sources);
    const { origin } = sources;
    if (!url || !origin) return { refused: `adressen ${address} går inte att läsa utan sidans adress` };
    if (!isOfOrigin(url, origin)) return { refused: `filen ligger på en annan webbplats (${url.origin}); bara filer från ${origin} hämtas` };
    try {
      const fetched = await pacer.pace(() => fetchWithinLimits(url.href, { ...limits, origin }));
      bytes = fetched.bytes;
      contentType = fetched.contentType;
      name = lastSegment(new URL(fetched.url).pathname);
    } catch (error) {
      if (error instanceof FetchRefused) return { refused: `${url.href} ${error.message}` };
      throw error;
    }
    published = uploadDate(url.pathname);
  }
  const safeName = safeFileName(name, contentType);
  const refused = await refusal(kind, safeName, bytes, limits.maxBytes);
  return refused ? { refused } : { bytes, name: safeName, ...(published ? { published } : {}) };
}
