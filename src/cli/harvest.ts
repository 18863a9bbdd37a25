/**
 * `npm run harvest [-- content] [--timeout S]`
 *
 * Fetches the projekt.json of every source in site.yaml into content/_harvest/ (src/harvest/),
 * then prints a report in Swedish: what each source gave, every bad record skipped, every project
 * shown once though two archives publish it, each source that failed and the copy kept, and what
 * was removed from or left in content/_harvest/ (src/harvest/harvest-folder.ts). Exit code 0 when
 * the copies are as good as they can be; 1 when site.yaml is wrong, content/_harvest is not a real
 * folder, or no source at all could be read; 2 for a wrong command line.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatContentError, formatFieldPath, formatWarningReport, type ContentError } from "../content/model/errors.ts";
import { HARVEST_FOLDER } from "../content/reading/content-tree.ts";
import { swedishIssueMessage } from "../content/model/issue-messages.ts";
import { validateArchive } from "../harvest/load.ts";
import type { HarvestMerge } from "../content/model/model.ts";
import { siteSchema } from "../content/model/schema.ts";
import { readYamlFile } from "../content/reading/source.ts";
import { formatSwedishDate } from "../format/date.ts";
import { formatFileSize } from "../format/file-size.ts";
import { INVISIBLE_CHARACTER } from "../format/invisible-characters.ts";
import { joinSwedish } from "../format/swedish-list.ts";
import { harvestSources, type SourceOutcome } from "../harvest/harvest.ts";
import { failureReason, HarvestFolderRefused, openHarvestFolder, tidyHarvestFolder, type TidiedEntry } from "../harvest/harvest-folder.ts";
import { cachePaths, uniqueSources } from "../harvest/sources.ts";
import { parseCommandLine, reportFailure } from "./command-line.ts";

const { values, positionals } = parseCommandLine("harvest", { timeout: { type: "string", default: "30" } }, { positionals: 1 });
const timeout = Number(values.timeout);
if (!Number.isFinite(timeout) || timeout <= 0) {
  console.error(`npm run harvest: --timeout ska vara ett antal sekunder större än 0, inte "${values.timeout}"`);
  process.exit(2);
}
const contentDir = path.resolve(positionals[0] ?? "content");

/** The site's settings, or the errors in site.yaml: harvesting needs nothing else of the content. */
async function readSettings() {
  const file = path.join(contentDir, "_data", "site.yaml");
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return { errors: [{ file, message: "filen finns inte" }] satisfies ContentError[] };
  const source = readYamlFile(file, bytes);
  if (source.errors.length > 0) return { errors: source.errors };
  const parsed = siteSchema.safeParse(source.data, { error: swedishIssueMessage });
  if (parsed.success) return { site: parsed.data, errors: [] };
  return { errors: parsed.error.issues.map((issue): ContentError => ({ file, line: source.locate(issue.path), field: formatFieldPath(issue.path), message: issue.message })) };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const STATUS_WORDS = { new: "ny version", unchanged: "oförändrad", failed: "misslyckades" } as const;

function outcomeLine(outcome: SourceOutcome, organisation: string | undefined, counts: { projects: number; skipped: number } | undefined): string {
  const who = organisation && organisation !== outcome.address ? `${organisation} (${outcome.address})` : outcome.address;
  if (outcome.status === "failed") {
    const kept =
      outcome.keptFrom === undefined
        ? "det finns ingen tidigare kopia, så källans projekt saknas på webbplatsen"
        : `den senaste kopian${outcome.keptFrom ? `, hämtad ${formatSwedishDate(outcome.keptFrom.slice(0, 10))},` : ""} används`;
    return `  ${STATUS_WORDS.failed}: ${who}: ${outcome.reason}; ${kept}`;
  }
  const projects = counts ? `: ${counts.projects} projekt${counts.skipped ? `, ${counts.skipped} hoppades över` : ""}` : "";
  return `  ${STATUS_WORDS[outcome.status]}: ${who}${projects} (${formatFileSize(outcome.bytes)})`;
}

const mergeLine = (merge: HarvestMerge) =>
  `  "${merge.title}": ${joinSwedish(merge.organisations)} (${merge.by === "id" ? "samma id" : "samma titel och period"})`;

/** A name from the harvest folder as the report may print it: no control characters, which a terminal would obey. */
const safeName = (name: string) => `${HARVEST_FOLDER}/${name.replace(INVISIBLE_CHARACTER, "?").replace(/[\t\n\r]/g, "?")}`;

const KINDS = { folder: "en mapp", link: "en symbolisk länk", file: "en fil" } as const;

function tidiedLine(entry: TidiedEntry): string {
  if (entry.action === "removed-copy") return `  borttagen: ${safeName(entry.name)}, en källa som inte längre står i site.yaml`;
  if (entry.action === "removed-temporary") return `  borttagen: ${safeName(entry.name)}, en tillfällig fil från en hämtning som avbröts`;
  return `  lämnad orörd: ${safeName(entry.name)}, ${KINDS[entry.kind!]} som hämtningen inte har skrivit`;
}

try {
  const settings = await readSettings();
  if (!settings.site) {
    console.error(["site.yaml har fel, så inget hämtades:", ...settings.errors.map((error) => `  ${formatContentError(error)}`)].join("\n"));
    process.exit(1);
  }
  if (settings.site.sources.length === 0) {
    console.log("Det finns inga källor att hämta: skriv dem under sources: i content/_data/site.yaml (se docs/federation.md).");
    process.exit(0);
  }
  const folder = await openHarvestFolder(contentDir);
  const { sources, repeats } = uniqueSources(contentDir, settings.site.sources);
  const started = performance.now();
  console.log(`Hämtar ${sources.length} ${sources.length === 1 ? "källa" : "källor"}, högst 4 åt gången …`);
  const outcomes = await harvestSources(contentDir, sources, {
    userAgent: `projektarkiv-skordare/1.0 (+${settings.site.url})`,
    timeoutMs: timeout * 1000,
  });
  const copies = new Set(sources.flatMap((source) => Object.values(cachePaths(contentDir, source)).map((file) => path.basename(file))));
  const tidied = await tidyHarvestFolder(folder, copies).catch((error: unknown) => {
    console.log(`Mappen ${HARVEST_FOLDER} gick inte att gå igenom, så inget togs bort: ${failureReason(error)}`);
    return [];
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace(".", ",");

  // What the build will publish from the copies, and the same project from two archives. The
  // report of each source is printed even if reading them fails.
  const result = await validateArchive(contentDir).catch((error: unknown) => {
    console.log(`Kopiorna gick inte att läsa, så det går inte att säga vad som publiceras: ${failureReason(error)}`);
    return undefined;
  });
  const summaries = new Map(result?.archive?.harvest.sources.map((summary) => [summary.address, summary]));
  const lines = outcomes.map((outcome) => outcomeLine(outcome, summaries.get(outcome.address)?.organisation, summaries.get(outcome.address)));
  const count = (status: SourceOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
  console.log(lines.join("\n"));
  for (const repeat of repeats) console.log(`  står två gånger: ${repeat.address} är källa nr ${repeat.first} och nr ${repeat.number} i site.yaml; den hämtas en gång`);
  for (const entry of tidied) console.log(tidiedLine(entry));
  const merges = result?.archive?.harvest.merges ?? [];
  if (merges.length > 0) {
    console.log(`Samma projekt i flera arkiv, visas en gång (${merges.length}):\n${merges.map(mergeLine).join("\n")}`);
  }
  const warnings = result?.warnings.filter((warning) => warning.file.startsWith(folder + path.sep)) ?? [];
  if (warnings.length > 0) console.log(formatWarningReport(warnings));
  if (result && !result.archive) console.log("Innehållet har fel, så det går inte att säga vad som publiceras. Kör npm run check för att se felen.");
  console.log(`Hämtade ${sources.length} ${sources.length === 1 ? "källa" : "källor"} på ${seconds} s: ${plural(count("new"), "ny version", "nya versioner")}, ${plural(count("unchanged"), "oförändrad", "oförändrade")}, ${count("failed")} misslyckades.`);
  const usable = outcomes.filter((outcome) => outcome.status !== "failed" || outcome.keptFrom !== undefined).length;
  process.exit(usable === 0 ? 1 : 0);
} catch (error) {
  if (error instanceof HarvestFolderRefused) {
    console.error(error.message);
    process.exit(1);
  }
  reportFailure("Hämtningen misslyckades", error);
}
