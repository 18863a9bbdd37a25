import { displayPath } from "../content/model/errors.ts";
import type { ValidationResult } from "../content/archive/load.ts";

/**
 * `npm run check -- --format json`: the errors and warnings as data, each file named as the
 * terminal names it (relative to the working folder, never %-encoded), with the archive's counts
 * when the content is valid.
 */
export function jsonReport(result: ValidationResult): string {
  const errors = result.errors.map((error) => ({ ...error, file: displayPath(error.file) }));
  const warnings = result.warnings.map((warning) => ({ ...warning, file: displayPath(warning.file) }));
  const summary = result.archive
    ? { projects: result.archive.projects.length, drafts: result.archive.drafts.length, contacts: result.archive.contacts.length }
    : undefined;
  return JSON.stringify({ ok: errors.length === 0, errors, warnings, ...(summary ? { summary } : {}) }, null, 2);
}
