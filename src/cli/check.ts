/**
 * `npm run check [-- DIR] [--json]`
 *
 * Validates a content tree without building it, with the same code and messages as the build.
 * Exit code 0 when the content is valid, 1 when it has errors.
 */
import path from "node:path";
import { displayPath, formatErrorReport } from "../content/errors.ts";
import { validateContent } from "../content/load.ts";
import { parseCommandLine } from "./command-line.ts";

const { values, positionals } = parseCommandLine("check", { json: { type: "boolean", default: false } }, { positionals: 1 });
const contentDir = path.resolve(positionals[0] ?? "content");
const result = await validateContent(contentDir);

if (values.json) {
  const errors = result.errors.map((error) => ({ ...error, file: displayPath(error.file) }));
  const summary = result.archive
    ? { projects: result.archive.projects.length, drafts: result.archive.drafts.length, contacts: result.archive.contacts.length }
    : undefined;
  console.log(JSON.stringify({ ok: errors.length === 0, errors, ...(summary ? { summary } : {}) }, null, 2));
} else if (result.archive) {
  const { projects, drafts, contacts } = result.archive;
  const draftText = drafts.length > 0 ? ` (och ${drafts.length} utkast)` : "";
  console.log(`${projects.length} projekt${draftText}, ${contacts.length} kontakter: inga fel`);
} else {
  console.error(formatErrorReport(result.errors));
}
process.exit(result.archive ? 0 : 1);
