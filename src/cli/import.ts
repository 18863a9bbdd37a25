/**
 * `npm run import -- <sparad sida.html | https://…> [--origin https://…] [--out DIR] [--dry-run] [--force] [--offline] [--json] [--timeout S]`
 *
 * Reads another CMS's page of completed projects (most often Sitevision) into drafts in the
 * content folder, with a report of where each piece went (src/import/). Existing files are never
 * overwritten without --force; --dry-run writes nothing and prints the report. Files are fetched
 * only from the origin typed here: the page's address, or --origin for a saved page.
 */
import path from "node:path";
import { crawlerUserAgent } from "../fetch/origin.ts";
import { normalWebAddress } from "../format/urls.ts";
import { ImportFailed, isAddress, planImport, writeImport } from "../import/import-page.ts";
import { formatImportReport } from "../import/report.ts";
import { parseCommandLine, reportFailure } from "./command-line.ts";

const { values, positionals } = parseCommandLine(
  "import",
  {
    out: { type: "string", default: "content" },
    "dry-run": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    offline: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    timeout: { type: "string", default: "20" },
    origin: { type: "string" },
  },
  { positionals: 1 },
);
const input = positionals[0];
if (!input) {
  console.error('npm run import: ange en sparad sida eller en adress, till exempel: npm run import -- "Avslutade projekt.html" eller npm run import -- https://www.example.se/avslutade-projekt');
  process.exit(2);
}
const fail = (message: string): never => {
  console.error(`npm run import: ${message}`);
  process.exit(2);
};
let origin: string | undefined;
if (values.origin !== undefined) {
  const address = normalWebAddress(values.origin);
  if (!address) fail(`--origin ska vara webbplatsens adress, som börjar med https:// eller http://, inte "${values.origin}"`);
  if (isAddress(input)) fail("--origin gäller en sparad sida; en sida som hämtas från sin adress hämtar sina filer från samma webbplats");
  if (values.offline) fail("--origin hämtar filer och --offline hämtar ingenting; välj ett av dem");
  origin = new URL(address!).origin;
}
const timeout = Number(values.timeout);
if (!Number.isFinite(timeout) || timeout <= 0) {
  console.error(`npm run import: --timeout ska vara ett antal sekunder större än 0, inte "${values.timeout}"`);
  process.exit(2);
}

// The bundled example archive: its cookie page and accessibility statement are the starting point
// for a content folder that has none. launch.mjs names this file by its path in src/cli/.
const bundledContent = path.resolve(path.dirname(process.argv[1]!), "../../content");
const contentDir = path.resolve(values.out);
try {
  const plan = await planImport(input, {
    contentDir,
    userAgent: crawlerUserAgent(undefined),
    timeoutMs: timeout * 1000,
    offline: values.offline,
    ...(origin ? { origin } : {}),
    ...(bundledContent !== contentDir ? { templates: bundledContent } : {}),
  });
  const report = await writeImport(plan, contentDir, { force: values.force, dryRun: values["dry-run"] });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
} catch (error) {
  if (error instanceof ImportFailed) {
    console.error(`npm run import: ${error.message}`);
    process.exit(1);
  }
  reportFailure("Importen misslyckades", error);
}
