/**
 * `npm run check [-- DIR] [--format text|json|github|gitlab] [--json]`
 *
 * Validates a content tree without building it, with the same code and messages as the build.
 * Exit code 0 when the content is valid, 1 when it has errors. Warnings (PDFs that the accessibility
 * statement lists, files in filer/ that nothing links to) are printed too, but do not change the
 * exit code; so is one line counting the finished projects that have neither results nor lessons
 * (`npm run review` lists them), in the terminal and in GitHub's summary. The list of errors is
 * printed for a person (text), as data (json; --json is short for it), or as GitHub Actions
 * workflow commands (github), which put each error on its file's line in the commit and
 * pull-request views; in GitHub Actions that format also writes the errors and the pages overdue
 * for review to the run's summary page. The gitlab format is a Code Quality report on standard output, which GitLab CI saves
 * as the job's `codequality` report and shows on each line in the merge request.
 */
import path from "node:path";
import { formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { validateArchive } from "../harvest/load.ts";
import { overduePages, projectsWithoutResults, withoutResultsSummary } from "../content/archive/review.ts";
import { todayInSweden } from "../format/date.ts";
import { parseCommandLine } from "./command-line.ts";
import { annotations, stepSummary, writeStepSummary } from "./github-actions.ts";
import { codeQualityReport } from "./gitlab-code-quality.ts";
import { jsonReport } from "./json-report.ts";

const FORMATS = ["text", "json", "github", "gitlab"];

const { values, positionals } = parseCommandLine(
  "check",
  { json: { type: "boolean", default: false }, format: { type: "string", default: "text" } },
  { positionals: 1 },
);
if (!FORMATS.includes(values.format)) {
  console.error(`npm run check: okänt format "${values.format}"; välj ${FORMATS.join(", ")}`);
  process.exit(2);
}
const format = values.json ? "json" : values.format;
const contentDir = path.resolve(positionals[0] ?? "content");
const result = await validateArchive(contentDir);
const today = todayInSweden();
const withoutResults = result.archive ? projectsWithoutResults(result.archive, today).flatMap((owner) => owner.projects).length : 0;

if (format === "json") {
  console.log(jsonReport(result));
} else if (format === "gitlab") {
  console.log(JSON.stringify(codeQualityReport(result.errors, result.warnings), null, 2));
} else if (format === "github") {
  for (const line of annotations(result.errors, result.warnings)) console.log(line);
  const interval = result.archive?.site.reviewIntervalMonths;
  const overdue = result.archive && overduePages(result.archive, today, interval!);
  await writeStepSummary(stepSummary(result.errors, overdue, interval, result.warnings, withoutResults));
} else if (result.archive) {
  const { drafts, contacts, harvest } = result.archive;
  const own = result.archive.ownProjects().length;
  const draftText = drafts.length > 0 ? ` (och ${drafts.length} utkast)` : "";
  const sources = harvest.sources.length;
  const harvested = result.archive.projects.length - own;
  const harvestText = sources > 0 ? `, ${harvested} hämtade från ${sources} ${sources === 1 ? "källa" : "källor"}` : "";
  console.log(`${own} projekt${draftText}${harvestText}, ${contacts.length} ${contacts.length === 1 ? "kontakt" : "kontakter"}: inga fel`);
  if (result.warnings.length > 0) console.log(formatWarningReport(result.warnings));
  if (withoutResults > 0) console.log(withoutResultsSummary(withoutResults));
} else {
  console.error(formatErrorReport(result.errors));
}
process.exit(result.archive ? 0 : 1);
