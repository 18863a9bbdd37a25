/**
 * The thread that writes the downloads (download-files.ts) while the build's main thread renders
 * the pages. It gets its job as `workerData`, and answers with how many files it wrote, or why it
 * could not. Started by src/eleventy/downloads.ts; compiled as an entry of its own (src/cli/launch.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeDownloadFiles, type DownloadJob } from "./download-files.ts";

writeDownloadFiles(workerData as DownloadJob).then(
  (written) => parentPort!.postMessage({ written }),
  (error: NodeJS.ErrnoException) => parentPort!.postMessage({ failure: { message: error.message, code: error.code } }),
);
