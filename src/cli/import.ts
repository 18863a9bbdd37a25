/**
 * `npm run import -- <sparad sida.html … | mapp/ | https://…> [--origin https://…] [--out DIR] [--dry-run] [--force] [--offline] [--json] [--timeout S] [--max-pages N] [--delay S]`
 *
 * Reads another CMS's page of completed projects (most often Sitevision) into drafts in the
 * content folder, with a report of where each piece went (src/import/). Several saved pages, or a
 * folder of them, are one project per page; an address of an index has its project pages followed
 * (within its site, by robots.txt, --delay apart, at most --max-pages). Existing files are never
 * overwritten without --force; --dry-run writes nothing and prints the report. Files are fetched
 * only from the origin typed here: the page's address, or --origin for a saved page.
 */
import path from "node:path";
import { crawlerUserAgent } from "../fetch/origin.ts";
import { normalWebAddress } from "../format/urls.ts";
import { DEFAULT_DELAY_MS, DEFAULT_MAX_PAGES, ImportFailed, isAddress, planImport, writeImport } from "../import/import-page.ts";
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
    "max-pages": { type: "string", default: String(DEFAULT_MAX_PAGES) },
    delay: { type: "string", default: String(DEFAULT_DELAY_MS / 1000) },
  },
  { positionals: Number.POSITIVE_INFINITY },
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
  if (positionals.some(isAddress)) fail("--origin gäller en sparad sida; en sida som hämtas från sin adress hämtar sina filer från samma webbplats");
  if (values.offline) fail("--origin hämtar filer och --offline hämtar ingenting; välj ett av dem");
  origin = new URL(address!).origin;
}
const addresses = positionals.filter(isAddress);
if (addresses.length > 0 && addresses.length < positionals.length) fail("ange antingen sparade sidor eller adresser, inte båda");
if (new Set(addresses.map((address) => (normalWebAddress(address) ? new URL(address).origin : address))).size > 1) {
  fail(`adresserna ska vara på samma webbplats, eftersom importen bara hämtar från den webbplats som anges: ${addresses.join(", ")}`);
}
const maxPages = Number(values["max-pages"]);
if (!Number.isInteger(maxPages) || maxPages < 0) fail(`--max-pages ska vara ett heltal, 0 eller större, inte "${values["max-pages"]}"`);
const delay = Number(values.delay);
if (values.delay.trim() === "" || !Number.isFinite(delay) || delay < 0) fail(`--delay ska vara ett antal sekunder, 0 eller större, inte "${values.delay}"`);
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
  const plan = await planImport(positionals, {
    contentDir,
    userAgent: crawlerUserAgent(undefined),
    timeoutMs: timeout * 1000,
    offline: values.offline,
    maxPages,
    delayMs: delay * 1000,
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
