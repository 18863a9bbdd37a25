/**
 * The downloads of every list (src/open-data/downloads.ts) in a build: written on a thread of
 * their own, started as soon as the archive is validated and waited for after the pages are
 * written, so that making 30 workbooks at 4,000 projects happens beside the rendering instead of
 * after it (docs/performance.md). A build that fails stops the thread (src/cli/eleventy-build.ts).
 * The pages link the files (layouts/partials/downloads.njk).
 */
import { Worker } from "node:worker_threads";
import type { Archive } from "../content/model/model.ts";
import { downloadJob, downloadTables, listFiles } from "../open-data/downloads.ts";
import { writeDownloadFiles } from "../open-data/download-files.ts";

let writing = true;

/** Turns the downloads off for this process, so that a benchmark can time the build without them. */
export function setDownloads(enabled: boolean): void {
  writing = enabled;
}

/** Whether builds in this process write the downloads. */
export function downloadsEnabled(): boolean {
  return writing;
}

/**
 * The thread's compiled entry, next to the compiled commands (src/cli/launch.mjs). From src/,
 * through tsx (the preview), there is none: a worker thread does not inherit tsx's loader, so
 * there the files are written on this thread, between the pages.
 */
const WORKER = import.meta.url.endsWith(".ts") ? undefined : new URL("./downloads-worker.mjs", import.meta.url);

let running: { worker?: Worker; done: Promise<{ files: number }> } | undefined;

/** Starts writing the archive's downloads into `siteDir`, on their own thread where there is one. */
export function startDownloads(archive: Archive, siteDir: string): void {
  const job = downloadJob(archive, siteDir);
  if (!WORKER) {
    running = { done: writeDownloadFiles(job) };
  } else {
    const worker = new Worker(WORKER, { workerData: job });
    const done = new Promise<{ files: number }>((resolve, reject) => {
      worker.once("message", (reply: { written?: { files: number }; failure?: { message: string; code?: string } }) =>
        reply.written ? resolve(reply.written) : reject(Object.assign(new Error(`kunde inte skriva listornas CSV- och Excel-filer: ${reply.failure?.message}`), { code: reply.failure?.code })),
      );
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`tråden som skriver nedladdningarna slutade (${code})`)));
    });
    running = { worker, done };
  }
  // A failed build does not wait for them (stopDownloads).
  running.done.catch(() => {});
}

/** Waits until the downloads started last are written. Rejects when they could not be. */
export async function finishDownloads(): Promise<{ files: number } | undefined> {
  const current = running;
  if (!current) return undefined;
  try {
    return await current.done;
  } finally {
    running = undefined;
    await current.worker?.terminate();
  }
}

/** Stops writing the downloads, after a failed build. */
export async function stopDownloads(): Promise<void> {
  const current = running;
  running = undefined;
  await current?.worker?.terminate();
}

/** What a list's page offers (layouts/partials/downloads.njk): its files, the name a browser saves them under, how many projects, and the CSV's size. */
export interface ListDownload {
  readonly csv: string;
  readonly xlsx: string;
  /** "projekt-finansiar-statens-kulturrad" for /finansiar/statens-kulturrad/, "projekt" for the index. */
  readonly fileName: string;
  readonly projects: number;
  readonly csvBytes: number;
}

/**
 * `{{ archive | listDownload(folder, projects) }}`: the downloads of the list whose first page is
 * `folder`, or undefined when this build writes none.
 */
export function listDownload(archive: Archive, folder: string, projects: Archive["projects"]): ListDownload | undefined {
  if (!writing) return undefined;
  const fileName = ["projekt", ...folder.split("/").filter(Boolean)].join("-");
  return { ...listFiles(folder), fileName, projects: projects.length, csvBytes: downloadTables(archive).csvBytes(projects) };
}
