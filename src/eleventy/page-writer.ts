/**
 * Writing the built pages on a second thread.
 *
 * Eleventy writes each page with writeFileSync after making its folder with mkdirSync, on the
 * thread that renders the pages (11ty/eleventy #3271 explains why it writes one at a time). Creating
 * files is kernel work: on this project's machine a build of 4,000 projects spent more than half
 * its time in those two calls while the second core stood idle. Here the pages go to a worker
 * thread instead, which creates the folders and files while the main thread renders the next
 * pages. Pages are handed over in batches, each page's text as UTF-8 bytes moved to the thread
 * with the message, and the main thread waits only when more than {@link MAX_BYTES_IN_FLIGHT} are
 * still unwritten, so memory stays bounded however far the disk falls behind.
 *
 * Eleventy 3 has no setting for how pages are written, so this replaces the two methods of its
 * FileSystemManager that write a page (Template#_write calls nothing else), and Template#_write
 * itself (below). {@link startPageWriter} checks that all three exist, and builds write as before
 * when they do not.
 *
 * Eleventy also keeps the text of every page it has written until the build ends: in the page's
 * render cache and in the list of results that `write()` returns. The dev server needs that text
 * to patch the open page after a rebuild; a build that writes through this module does not, so it
 * lets go of each page's text once the page is handed over. At 10,000 projects that is 250-300 MiB
 * less at the peak; at 50,000 more than a gigabyte.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Unwritten bytes above which the main thread waits for the writer. */
const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;
/** Pages per message to the writer, and the text per message above which a batch goes at once. */
const BATCH_PAGES = 64;
const BATCH_BYTES = 512 * 1024;
/** Files larger than this (string length or bytes) are written on the main thread. */
const LARGE_FILE = 4 * 1024 * 1024;
/** How long the main thread waits for a writer that writes nothing before it gives up. */
const STALL_MS = 60_000;

const ENCODER = new TextEncoder();

/** The writer thread: plain JavaScript, so that it runs the same under tsx and compiled. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
const inFlight = new Int32Array(workerData.inFlight);
const folders = new Set();
let failure;
let written = 0;
parentPort.on("message", (message) => {
  if (message.end) {
    parentPort.postMessage({ written, failure });
    return;
  }
  let size = 0;
  for (let index = 0; index < message.pages.length; index += 2) {
    const file = message.pages[index];
    const content = message.pages[index + 1];
    size += content.length;
    if (failure) continue;
    try {
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, content);
      written++;
    } catch (error) {
      failure = { file, message: error.message, code: error.code };
    }
  }
  Atomics.sub(inFlight, 0, size);
  Atomics.notify(inFlight, 0);
});
`;

/** One writer thread for one build. */
export class PageWriter {
  private readonly worker: Worker;
  private readonly inFlight = new Int32Array(new SharedArrayBuffer(4));
  private batch: (string | Uint8Array)[] = [];
  private transfer: ArrayBuffer[] = [];
  private batchBytes = 0;
  private flushScheduled = false;
  private writtenHere = 0;

  constructor(private readonly maxBytesInFlight = MAX_BYTES_IN_FLIGHT) {
    // The thread holds at most the text in flight; a bounded heap makes it collect its garbage
    // early instead of growing towards V8's default limit.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { inFlight: this.inFlight.buffer }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    // A build that fails before close() must not be kept alive by the thread.
    this.worker.unref();
  }

  /** Queues a page; returns at once unless too much text is waiting to be written. */
  write(file: string, content: string | Uint8Array): void {
    // A very large file (projekt.json of a big archive) is written here: copying it to the thread
    // would cost as much as writing it, and would need room for it in the thread's heap.
    if (content.length > LARGE_FILE) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      this.writtenHere++;
      return;
    }
    // A page's text goes over as UTF-8 bytes in a buffer of its own, moved to the thread rather than
    // copied: encoding is one pass in native code, where cloning a string is a copy on each side.
    let bytes = content as Uint8Array;
    if (typeof content === "string") {
      bytes = ENCODER.encode(content);
      this.transfer.push(bytes.buffer as ArrayBuffer);
    }
    this.batch.push(file, bytes);
    this.batchBytes += bytes.length;
    Atomics.add(this.inFlight, 0, bytes.length);
    if (this.batch.length >= BATCH_PAGES * 2 || this.batchBytes >= BATCH_BYTES) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    let waitedFor = 0;
    for (let waiting = Atomics.load(this.inFlight, 0); waiting > this.maxBytesInFlight; waiting = Atomics.load(this.inFlight, 0)) {
      this.flush();
      // The thread writes pages or reports a failure at close(); if it has stopped altogether,
      // say so instead of waiting for ever.
      waitedFor = Atomics.wait(this.inFlight, 0, waiting, 100) === "timed-out" ? waitedFor + 100 : 0;
      if (waitedFor >= STALL_MS) throw new Error(`tråden som skriver sidorna har inte skrivit något på ${STALL_MS / 1000} s`);
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.batch.length === 0) return;
    this.worker.postMessage({ pages: this.batch }, this.transfer);
    this.batch = [];
    this.transfer = [];
    this.batchBytes = 0;
  }

  /** Waits until every queued page is on disk, stops the thread, and reports how many were written. */
  async close(): Promise<{ written: number }> {
    this.worker.ref();
    this.flush();
    const reply = new Promise<{ written: number; failure?: { file: string; message: string; code?: string } }>((resolve, reject) => {
      this.worker.once("message", resolve);
      this.worker.once("error", reject);
    });
    this.worker.postMessage({ end: true });
    const { written, failure } = await reply;
    await this.worker.terminate();
    if (failure) throw Object.assign(new Error(`kunde inte skriva ${failure.file}: ${failure.message}`), { code: failure.code });
    return { written: written + this.writtenHere };
  }

  /** Stops the thread, dropping what it has not written. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

interface FileSystemManagerMethods {
  createDirectoryForFileSync(file: string): void;
  writeFileSync(file: string, content: string | Uint8Array): void;
}

/** A page as Template#_write gets it: its template caches the rendered text. */
interface PageEntry {
  readonly template?: { _cacheRenderedTransformsAndLayoutsPromise?: unknown };
}

interface TemplateMethods {
  _write(page: PageEntry, content: unknown): Promise<{ content?: unknown }>;
}

/** The prototypes of Eleventy's FileSystemManager and Template, found next to the module the package exports. */
async function eleventyPrototypes(): Promise<{ fileSystem: FileSystemManagerMethods; template: TemplateMethods } | undefined> {
  const entry = import.meta.resolve("@11ty/eleventy");
  const load = (file: string) => import(new URL(file, entry).href).catch(() => undefined);
  const [fileSystemModule, templateModule] = (await Promise.all([load("Util/FileSystemManager.js"), load("Template.js")])) as [
    { FileSystemManager?: { prototype: FileSystemManagerMethods } } | undefined,
    { default?: { prototype: TemplateMethods } } | undefined,
  ];
  const fileSystem = fileSystemModule?.FileSystemManager?.prototype;
  const template = templateModule?.default?.prototype;
  const usable =
    typeof fileSystem?.writeFileSync === "function" &&
    typeof fileSystem.createDirectoryForFileSync === "function" &&
    typeof template?._write === "function";
  return usable ? { fileSystem, template } : undefined;
}

let installed:
  | { writer: PageWriter; fileSystem: FileSystemManagerMethods; template: TemplateMethods; original: FileSystemManagerMethods & TemplateMethods }
  | undefined;

function uninstall(): PageWriter | undefined {
  if (!installed) return undefined;
  const { writer, fileSystem, template, original } = installed;
  fileSystem.createDirectoryForFileSync = original.createDirectoryForFileSync;
  fileSystem.writeFileSync = original.writeFileSync;
  template._write = original._write;
  installed = undefined;
  return writer;
}

/**
 * Sends every page Eleventy writes in this process to a writer thread, until
 * {@link finishPageWriter}. Returns false, and changes nothing, when the installed Eleventy does not
 * write pages the way this module expects.
 */
export async function startPageWriter(): Promise<boolean> {
  if (installed) return true;
  const prototypes = await eleventyPrototypes();
  if (!prototypes) return false;
  const { fileSystem, template } = prototypes;
  const writer = new PageWriter();
  const original = {
    createDirectoryForFileSync: fileSystem.createDirectoryForFileSync,
    writeFileSync: fileSystem.writeFileSync,
    _write: template._write,
  };
  installed = { writer, fileSystem, template, original };
  fileSystem.createDirectoryForFileSync = () => {};
  fileSystem.writeFileSync = (file, content) => writer.write(path.resolve(file), content);
  template._write = async function (this: TemplateMethods, page, content) {
    const result = await original._write.call(this, page, content);
    // The page is with the writer now: neither its render cache nor the build's result keeps its text.
    if (page.template) page.template._cacheRenderedTransformsAndLayoutsPromise = undefined;
    result.content = undefined;
    return result;
  };
  return true;
}

/**
 * Waits until every page handed to the writer thread is on disk, and gives Eleventy its own
 * writing back. Does nothing when no writer runs. Rejects when a page could not be written.
 */
export async function finishPageWriter(): Promise<{ written: number } | undefined> {
  return uninstall()?.close();
}

/** Stops the writer thread without waiting for its pages, after a failed build. */
export async function stopPageWriter(): Promise<void> {
  await uninstall()?.terminate();
}
