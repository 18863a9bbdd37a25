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
import { validateArchive } from "../harvest/load.ts";
import { CHECK_FORMATS, checkOutput, type CheckFormat } from "./check-output.ts";
import { parseCommandLine } from "./command-line.ts";
import { writeStepSummary } from "./github-actions.ts";

const { values, positionals } = parseCommandLine(
  "check",
  { json: { type: "boolean", default: false }, format: { type: "string", default: "text" } },
  { positionals: 1 },
);
if (!(CHECK_FORMATS as readonly string[]).includes(values.format)) {
  console.error(`npm run check: okänt format "${values.format}"; välj ${CHECK_FORMATS.join(", ")}`);
  process.exit(2);
}
const format = (values.json ? "json" : values.format) as CheckFormat;
const output = checkOutput(await validateArchive(path.resolve(positionals[0] ?? "content")), format);
process.stdout.write(output.stdout);
process.stderr.write(output.stderr);
if (output.summary !== undefined) await writeStepSummary(output.summary);
process.exit(output.code);
