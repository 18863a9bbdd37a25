/**
 * Content problems as GitLab shows them: a Code Quality report (the Code Climate JSON that GitLab
 * reads from `artifacts: reports: codequality`), which puts each error and warning on its file's
 * line in the merge request. The same list the terminal prints, rendered for GitLab.
 */
import { createHash } from "node:crypto";
import { displayPath, sortContentErrors, type ContentError } from "../content/model/errors.ts";

/** One entry of the report, as GitLab's Code Quality documentation describes it. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: "info" | "minor" | "major" | "critical" | "blocker";
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * The report: errors as blockers, warnings as minor. A fingerprint is made from the file, the
 * field and the message, not the line, so that an unchanged problem keeps it when lines above it
 * move; the same problem twice in one file is told apart by its count.
 */
export function codeQualityReport(errors: readonly ContentError[], warnings: readonly ContentError[] = []): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  const issue = (severity: CodeQualityIssue["severity"]) => (problem: ContentError): CodeQualityIssue => {
    const path = displayPath(problem.file);
    const key = [severity, path, problem.field ?? "", problem.message].join("\0");
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return {
      description: problem.field ? `${problem.field}: ${problem.message}` : problem.message,
      check_name: severity === "blocker" ? "projektarkiv-fel" : "projektarkiv-varning",
      fingerprint: createHash("sha256").update(`${key}\0${count}`).digest("hex"),
      severity,
      location: { path, lines: { begin: problem.line ?? 1 } },
    };
  };
  return [...sortContentErrors(errors).map(issue("blocker")), ...sortContentErrors(warnings).map(issue("minor"))];
}
