/**
 * The thread that writes the downloads (download-files.ts) while the build's main thread renders
 * the pages. It gets its job as `workerData`, and answers with how many files it wrote, or why it
 * could not. Started by src/eleventy/downloads.ts; compiled as an entry of its own (src/cli/launch.mjs).
 *
 * The thread runs at the lowest priority (nice 19): the build waits for the pages, which the main
 * thread renders and the page writer's thread writes, and the downloads fill the time the cores
 * would otherwise stand idle instead of taking it from them (docs/performance.md). On Linux the
 * nice value belongs to a thread, and setPriority's default of 0 names the calling one; where it
 * cannot be set (another system), the thread runs as the others do.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { writeDownloadFiles, type DownloadJob } from "./download-files.ts";

try {
  setPriority(19);
} catch {
  // Not allowed here: written at the same priority as the pages.
}

writeDownloadFiles(workerData as DownloadJob).then(
  (written) => parentPort!.postMessage({ written }),
  (error: NodeJS.ErrnoException) => parentPort!.postMessage({ failure: { message: error.message, code: error.code } }),
);
