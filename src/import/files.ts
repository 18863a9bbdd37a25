/**
 * The documents and pictures of an imported page: copied from the folder a browser saved beside
 * the page ("Webbsida, komplett"), or downloaded from the page's own origin only. Each is checked
 * as the build will check it: a kind the site publishes, within the size limit, and content that
 * is what its name says (a "PDF" that is a login page is refused).
 */
import { lstat, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOCUMENT_FORMATS, PICTURE_EXTENSIONS } from "../content/files/attachments.ts";
import { formatFileSize } from "../format/file-size.ts";
import { swedishSlug } from "../format/slug.ts";
import { FetchRefused, fetchWithinLimits, type FetchLimits } from "../fetch/bounded-fetch.ts";

/** Where a page's files can come from. */
export interface FileSources {
  /** The folder a browser saved the page's files into, for a saved page. */
  readonly savedFolder: string | undefined;
  /** The saved page's own file, which relative addresses are read against. */
  readonly savedPage: string | undefined;
  /** The page's address; files are downloaded only from its origin. */
  readonly address: string | undefined;
  /** Download nothing. */
  readonly offline: boolean;
}

export type Obtained =
  | { readonly bytes: Uint8Array; readonly name: string; readonly published?: string }
  | { readonly refused: string };

/** The first bytes of the kinds whose content can be told from their start. */
const SIGNATURES: Readonly<Record<string, readonly number[][]>> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]],
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  webp: [[0x52, 0x49, 0x46, 0x46]],
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  pptx: [[0x50, 0x4b, 0x03, 0x04]],
  odt: [[0x50, 0x4b, 0x03, 0x04]],
  ods: [[0x50, 0x4b, 0x03, 0x04]],
  odp: [[0x50, 0x4b, 0x03, 0x04]],
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0]],
  ppt: [[0xd0, 0xcf, 0x11, 0xe0]],
};

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
  const base = swedishSlug(name.replace(/\.[A-Za-z0-9]{1,5}$/, "")) || "fil";
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

/** Checks a file's kind, size and content against what the site publishes. */
function accepted(kind: "document" | "picture", name: string, bytes: Uint8Array, maxBytes: number): string | undefined {
  const extension = /\.([a-z0-9]+)$/.exec(name)?.[1] ?? "";
  if (kind === "picture" ? !PICTURE_EXTENSIONS.has(extension) : !(extension in DOCUMENT_FORMATS)) {
    return kind === "picture"
      ? `bilder i formatet ${extension ? `.${extension}` : "utan filändelse"} kan inte visas; bara JPEG, PNG, WebP, AVIF och GIF`
      : `filtypen ${extension ? `.${extension}` : "utan filändelse"} kan inte publiceras; bara dokument (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text, CSV) och bilder`;
  }
  if (bytes.byteLength > maxBytes) return `filen är ${formatFileSize(bytes.byteLength)}, men högst ${formatFileSize(maxBytes)} är tillåtet`;
  if (bytes.byteLength === 0) return "filen är tom";
  const signatures = SIGNATURES[extension];
  if (signatures && !signatures.some((signature) => signature.every((byte, index) => bytes[index] === byte))) {
    return `innehållet är inte en ${extension.toUpperCase()}-fil, fast namnet säger det (ofta en inloggningssida eller en felsida)`;
  }
  return undefined;
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

/** Copies or downloads one file that the page names, or says why not. */
export async function obtainFile(address: string, kind: "document" | "picture", sources: FileSources, limits: Omit<FetchLimits, "origin">): Promise<Obtained> {
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
    let url: URL;
    try {
      url = new URL(address, sources.address);
    } catch {
      return { refused: `adressen ${address} går inte att läsa${sources.address ? "" : " utan sidans adress"}` };
    }
    if (url.protocol === "file:") return { refused: `${fileURLToPath(url)} finns inte i mappen som sparades med sidan` };
    if (sources.offline) return { refused: `${url.href} finns inte i mappen som sparades med sidan, och --offline hämtar ingenting` };
    const origin = sources.address ? new URL(sources.address).origin : undefined;
    if (!origin || !/^https?:$/.test(url.protocol)) return { refused: `sidans egen adress är okänd, så ${url.href} hämtas inte` };
    if (url.origin !== origin) return { refused: `filen ligger på en annan webbplats (${url.origin}); bara filer från sidans egen webbplats hämtas` };
    try {
      const fetched = await fetchWithinLimits(url.href, { ...limits, origin });
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
  const refused = accepted(kind, safeName, bytes, limits.maxBytes);
  return refused ? { refused } : { bytes, name: safeName, ...(published ? { published } : {}) };
}
