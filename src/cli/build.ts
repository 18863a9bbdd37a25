/**
 * `npm run build [-- --input=DIR --output=DIR --pathprefix=/prefix/ --skip-search --skip-downloads]`
 *
 * Validates the content, then builds the site into a temporary folder next to the output folder
 * and swaps it in only when every page was written. A failed build leaves the last site as it was.
 */
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath, formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { lastPictureRun } from "../eleventy/images.ts";
import { validateArchive } from "../harvest/load.ts";
import { countOverdue, overduePages, overdueSummary } from "../content/archive/review.ts";
import { todayInSweden } from "../format/date.ts";
import { parseCommandLine, reportFailure } from "./command-line.ts";
import { buildWithEleventy } from "./eleventy-build.ts";
import { setSearchIndexing } from "../eleventy/search-index.ts";
import { setDownloads } from "../eleventy/downloads.ts";

const { values: options } = parseCommandLine("build", {
  input: { type: "string", default: "content" },
  output: { type: "string", default: "_site" },
  pathprefix: { type: "string", default: "/" },
  "skip-search": { type: "boolean", default: false },
  "skip-downloads": { type: "boolean", default: false },
});
if (options["skip-search"]) setSearchIndexing(false);
if (options["skip-downloads"]) setDownloads(false);

const started = performance.now();
const input = path.resolve(options.input);
const output = path.resolve(options.output);

const validation = await validateArchive(input);
if (!validation.archive) {
  console.error(formatErrorReport(validation.errors));
  console.log("Webbplatsen byggdes inte. Rätta felen och bygg igen; den förra versionen ligger kvar.");
  process.exit(1);
}
for (const draft of validation.archive.drafts) {
  console.log(`Utkast, publiceras inte: ${displayPath(draft)}`);
}

const staging = path.join(path.dirname(output), `.${path.basename(output)}.bygge-${process.pid}`);
try {
  await rm(staging, { recursive: true, force: true });
  const { written } = await buildWithEleventy(input, staging, options.pathprefix);
  await replaceFolder(staging, output);
  const seconds = ((performance.now() - started) / 1000).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  console.log(
    `Byggde ${validation.archive.projects.length} projekt, ${written} filer, till ${displayPath(output)} på ${seconds} s.`,
  );
  const pictures = lastPictureRun();
  if (pictures.processed + pictures.reused > 0) {
    console.log(`Bilder: ${pictures.processed} bearbetades nu, ${pictures.reused} fanns redan i cachen.`);
  }
  if (validation.warnings.length > 0) console.log(formatWarningReport(validation.warnings));
  const { cms } = validation.archive.site;
  console.log(
    cms
      ? `Webbredigeringen finns på /admin/ och sparar i ${cms.repo} (grenen ${cms.branch}).`
      : "Webbredigeringen /admin/ byggs inte, eftersom cms saknas i _data/site.yaml. Se redaktörsguiden, Redigera i webbläsaren.",
  );
  const interval = validation.archive.site.reviewIntervalMonths;
  const overdue = countOverdue(overduePages(validation.archive, todayInSweden(), interval));
  if (overdue > 0) console.log(`${overdueSummary(overdue, interval)}. Kör npm run review för en lista.`);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  reportFailure("Bygget misslyckades, och den förra versionen av webbplatsen ligger kvar", error);
}

/** Puts `fresh` where `target` is, removing the old folder only after the new one is in place. */
async function replaceFolder(fresh: string, target: string): Promise<void> {
  const previous = `${fresh}.forra`;
  const targetExists = await stat(target).then(() => true, () => false);
  if (targetExists) await rename(target, previous);
  try {
    await rename(fresh, target);
  } catch (error) {
    if (targetExists) await rename(previous, target);
    throw error;
  }
  if (targetExists) await rm(previous, { recursive: true, force: true });
}
