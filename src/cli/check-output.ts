import type { ValidationResult } from "../content/archive/load.ts";
import { overduePages, projectsWithoutResults, withoutResultsSummary } from "../content/archive/review.ts";
import { formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { todayInSweden } from "../format/date.ts";
import { annotations, stepSummary } from "./github-actions.ts";
import { codeQualityReport } from "./gitlab-code-quality.ts";
import { jsonReport } from "./json-report.ts";

export const CHECK_FORMATS = ["text", "json", "github", "gitlab"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What `npm run check` prints and its exit code; under --format github, the run's summary page too. */
export interface CheckOutput {
  readonly code: 0 | 1;
  readonly stdout: string;
  readonly stderr: string;
  /** The Markdown for GitHub Actions' summary page (--format github). */
  readonly summary?: string;
}

/**
 * What `npm run check` says about a validated archive, in one of its formats: src/cli/check.ts
 * writes it, and the tests that check many content trees (test/robustness/catalogue.test.ts) call
 * it in their own process, with the same messages.
 */
export function checkOutput(result: ValidationResult, format: CheckFormat): CheckOutput {
  const code = result.archive ? 0 : 1;
  if (format === "json") return { code, stdout: `${jsonReport(result)}\n`, stderr: "" };
  if (format === "gitlab") return { code, stdout: `${JSON.stringify(codeQualityReport(result.errors, result.warnings), null, 2)}\n`, stderr: "" };
  // Said in the terminal and on GitHub's summary page; the data formats leave it to `npm run review --json`.
  const today = todayInSweden();
  const withoutResults = result.archive ? projectsWithoutResults(result.archive, today).flatMap((owner) => owner.projects).length : 0;
  if (format === "github") {
    const interval = result.archive?.site.reviewIntervalMonths;
    const overdue = result.archive && overduePages(result.archive, today, interval!);
    return { code, stdout: annotations(result.errors, result.warnings).map((line) => `${line}\n`).join(""), stderr: "", summary: stepSummary(result.errors, overdue, interval, result.warnings, withoutResults) };
  }
  if (!result.archive) return { code, stdout: "", stderr: `${formatErrorReport(result.errors)}\n` };
  const { drafts, contacts, harvest } = result.archive;
  const own = result.archive.ownProjects().length;
  const draftText = drafts.length > 0 ? ` (och ${drafts.length} utkast)` : "";
  const sources = harvest.sources.length;
  const harvested = result.archive.projects.length - own;
  const harvestText = sources > 0 ? `, ${harvested} hämtade från ${sources} ${sources === 1 ? "källa" : "källor"}` : "";
  const counts = `${own} projekt${draftText}${harvestText}, ${contacts.length} ${contacts.length === 1 ? "kontakt" : "kontakter"}: inga fel\n`;
  const warnings = result.warnings.length > 0 ? `${formatWarningReport(result.warnings)}\n` : "";
  return { code, stdout: `${counts}${warnings}${withoutResults > 0 ? `${withoutResultsSummary(withoutResults)}\n` : ""}`, stderr: "" };
}
