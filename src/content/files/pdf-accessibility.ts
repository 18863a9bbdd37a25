/**
 * What a PDF tells of its own accessibility: whether it is tagged (a structure a screen reader can
 * follow), whether it names its language, and whether it has a title. These are the first checks
 * of PDF/UA and of the PDF techniques of WCAG (PDF1, PDF16, PDF18); a PDF that lacks one of them
 * cannot be accessible. pdfjs-dist reads them; it is loaded only when the content has a PDF.
 *
 * The answers are kept by file, size and modification time: in memory, and when the command runs
 * compiled (src/cli/launch.mjs) also in node_modules/.cache/projektarkiv/pdf-2.json, so an
 * unchanged PDF is read once.
 *
 * A PDF is data from anywhere: pdfjs reads it on a thread of its own, with a memory limit and a
 * time limit, so that a stream that unpacks to gigabytes (a 400 KB file whose metadata inflates
 * to 400 MB) ends as "cannot be read" instead of ending the command.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Attachment } from "../model/model.ts";
import type { AttachmentListing } from "./attachments.ts";
import { extensionOf } from "./attachments.ts";
import { fileEnds, seemsToBe } from "./document-kinds.ts";

export interface PdfFacts {
  readonly tagged: boolean;
  /** The document language, `/Lang` in the catalog. */
  readonly language?: string;
  /** The title, from the document information or its XMP metadata. */
  readonly title?: string;
  /** Set when the file cannot be opened as a PDF, saying why: empty, not a PDF, cut off, locked, damaged. */
  readonly unreadable?: string;
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
  return folder && path.join(folder, "pdf-2.json");
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

/** The most of the heap, and of the time, that reading one PDF may take. */
const PDF_HEAP_MEGABYTES = 256;
const PDF_SECONDS = 20;

/**
 * The thread that reads PDFs: pdfjs, loaded there once, answering one file at a time. Started
 * when the first PDF is read, and again after it was stopped by a limit.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFile } = require("node:fs/promises");
const pdfjs = import(workerData.pdfjs);
parentPort.on("message", async (file) => {
  const { getDocument, VerbosityLevel } = await pdfjs;
  const task = getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, useSystemFonts: false, stopAtErrors: false, verbosity: VerbosityLevel.ERRORS });
  try {
    const document = await task.promise;
    const [markInfo, metadata] = await Promise.all([document.getMarkInfo(), document.getMetadata()]);
    const text = (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
    const title = text(metadata.info && metadata.info.Title) ?? text(metadata.metadata && metadata.metadata.get("dc:title"));
    const language = text(metadata.info && metadata.info.Language);
    parentPort.postMessage({ facts: { tagged: Boolean(markInfo && markInfo.Marked === true), ...(language ? { language } : {}), ...(title ? { title } : {}) } });
  } catch (error) {
    parentPort.postMessage({ error: error && error.name === "PasswordException" ? "password" : "damaged" });
  } finally {
    await task.destroy();
  }
});
`;

let worker: Worker | undefined;

/** pdfjs's module as a file URL, for the thread to import: found from here, whether this runs from src/ or compiled. */
function pdfjsAddress(): string {
  const specifier = "pdfjs-dist/legacy/build/pdf.mjs";
  return typeof import.meta.resolve === "function" ? import.meta.resolve(specifier) : pathToFileURL(createRequire(import.meta.url).resolve(specifier)).href;
}

/** The reads asked for so far, one after another: the thread answers one file at a time. */
let reads: Promise<unknown> = Promise.resolve();

/**
 * Reads one file on the PDF thread, or says which limit stopped it. Reads asked for at the same
 * time (two archives validated at once in one process) wait for their turn: an answer names no
 * file, and a limit stops the thread with whatever it was reading.
 */
function readOnWorker(file: string): Promise<{ facts?: PdfFacts; error?: "password" | "damaged" | "limit" }> {
  const read = reads.then(() => readNowOnWorker(file));
  reads = read.catch(() => undefined);
  return read;
}

function readNowOnWorker(file: string): Promise<{ facts?: PdfFacts; error?: "password" | "damaged" | "limit" }> {
  const thread = (worker ??= new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfjs: pdfjsAddress() },
    resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MEGABYTES, maxYoungGenerationSizeMb: 32 },
  }));
  thread.unref();
  return new Promise((resolve) => {
    const stop = () => {
      if (worker === thread) worker = undefined;
      void thread.terminate();
      resolve({ error: "limit" });
    };
    const timer = setTimeout(stop, PDF_SECONDS * 1000);
    const finish = (answer: { facts?: PdfFacts; error?: "password" | "damaged" | "limit" }) => {
      clearTimeout(timer);
      thread.off("message", finish);
      thread.off("error", failed);
      resolve(answer);
    };
    const failed = () => {
      clearTimeout(timer);
      if (worker === thread) worker = undefined;
      thread.off("message", finish);
      resolve({ error: "limit" });
    };
    thread.on("message", finish);
    thread.once("error", failed);
    thread.postMessage(file);
  });
}

/** Reads one PDF's facts, or why it cannot be opened. */
async function readFacts(file: string, size: number): Promise<PdfFacts> {
  const unreadable = (reason: string): PdfFacts => ({ tagged: false, unreadable: reason });
  if (size === 0) return unreadable("filen är tom");
  // A PDF starts with %PDF- within its first kilobyte and ends with %%EOF within its last two.
  const { head, tail } = await fileEnds(file, size, { head: 1024, tail: 2048 });
  if (!head.includes("%PDF-")) {
    const kind = seemsToBe(head);
    return unreadable(`filen är inte en PDF${kind ? ` utan ${kind}` : ""}; spara om den som PDF`);
  }
  if (!tail.includes("%%EOF")) return unreadable("filen är avklippt: slutet saknas, så den sparades eller laddades ner bara till en del");
  const answer = await readOnWorker(file);
  if (answer.facts) return answer.facts;
  if (answer.error === "password") return unreadable("PDF:en är skyddad med lösenord, så ingen kan öppna den utan det; spara den utan lösenord");
  if (answer.error === "limit") return unreadable(`PDF:en tog mer än ${PDF_SECONDS} s eller ${PDF_HEAP_MEGABYTES} MB minne att läsa, så något i den packar upp till för mycket; spara om den, till exempel med Skriv ut som PDF`);
  return unreadable("PDF:en är skadad och går inte att öppna; spara om den från programmet den gjordes i");
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
      known = stored[pdf.file]?.version === version ? stored[pdf.file]! : { version, facts: await readFacts(pdf.file, pdf.size) };
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
