/**
 * What a PDF tells of its own accessibility: whether it is tagged (a structure a screen reader can
 * follow), whether it names its language, and whether it has a title. These are the first checks
 * of PDF/UA and of the PDF techniques of WCAG (PDF1, PDF16, PDF18); a PDF that lacks one of them
 * cannot be accessible. pdfjs-dist reads them; it is loaded only when the content has a PDF.
 *
 * The answers are kept by file, size and modification time: in memory, and when the command runs
 * compiled (src/cli/launch.mjs) also in node_modules/.cache/projektarkiv/pdf.json, so an unchanged
 * PDF is read once.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Attachment, AttachmentListing } from "./attachments.ts";
import { extensionOf } from "./attachments.ts";

export interface PdfFacts {
  readonly tagged: boolean;
  /** The document language, `/Lang` in the catalog. */
  readonly language?: string;
  /** The title, from the document information or its XMP metadata. */
  readonly title?: string;
  /** Set when the file could not be read as a PDF at all (damaged, or encrypted). */
  readonly unreadable?: true;
}

/** What a PDF lacks, in the words of the accessibility statement: "taggar", "dokumentspråk", "titel". */
export function pdfShortcomings(facts: PdfFacts): string[] {
  if (facts.unreadable) return ["går inte att läsa"];
  return [!facts.tagged && "taggar", !facts.language && "dokumentspråk", !facts.title && "titel"].filter((lack): lack is string => Boolean(lack));
}

const versionOf = (attachment: Attachment) => `${attachment.size}:${attachment.mtimeMs}`;

const remembered = new Map<string, { version: string; facts: PdfFacts }>();

function cacheFile(): string | undefined {
  const folder = process.env.PROJEKTARKIV_CACHE_DIR;
  return folder && path.join(folder, "pdf.json");
}

function readCache(): Record<string, { version: string; facts: PdfFacts }> {
  const file = cacheFile();
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, { version: string; facts: PdfFacts }>;
  } catch {
    return {};
  }
}

function writeCache(entries: Record<string, { version: string; facts: PdfFacts }>): void {
  const file = cacheFile();
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(entries));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // Without the cache the next command reads the PDFs again; nothing else depends on it.
  }
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** Reads one PDF's facts. */
async function readFacts(file: string): Promise<PdfFacts> {
  const { getDocument, VerbosityLevel } = await (pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs"));
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({ data, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false, verbosity: VerbosityLevel.ERRORS });
  try {
    const document = await task.promise;
    const [markInfo, metadata] = await Promise.all([document.getMarkInfo(), document.getMetadata()]);
    const info = metadata.info as { Title?: unknown; Language?: unknown };
    const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
    const title = text(info.Title) ?? text(metadata.metadata?.get("dc:title"));
    const language = text(info.Language);
    return { tagged: markInfo?.Marked === true, ...(language ? { language } : {}), ...(title ? { title } : {}) };
  } catch {
    return { tagged: false, unreadable: true };
  } finally {
    await task.destroy();
  }
}

/** The facts of every PDF in filer/, by path there. */
export async function inspectPdfs(listing: AttachmentListing): Promise<ReadonlyMap<string, PdfFacts>> {
  const pdfs = [...listing.values()].filter((attachment) => !attachment.link && extensionOf(attachment.path) === "pdf");
  const facts = new Map<string, PdfFacts>();
  if (pdfs.length === 0) return facts;
  let stored: Record<string, { version: string; facts: PdfFacts }> | undefined;
  let changed = false;
  for (const pdf of pdfs) {
    const version = versionOf(pdf);
    let known = remembered.get(pdf.file);
    if (known?.version !== version) {
      stored ??= readCache();
      known = stored[pdf.file]?.version === version ? stored[pdf.file]! : { version, facts: await readFacts(pdf.file) };
      if (stored[pdf.file] !== known) {
        stored[pdf.file] = known;
        changed = true;
      }
      remembered.set(pdf.file, known);
    }
    facts.set(pdf.path, known.facts);
  }
  if (stored && changed) writeCache(stored);
  return facts;
}
