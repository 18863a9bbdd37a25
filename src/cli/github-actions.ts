/**
 * Content problems as GitHub Actions shows them: one workflow command per problem, which puts the
 * message on the file's line in the commit and pull-request views, and a Markdown summary for the
 * run's summary page. The same list the terminal prints, rendered for GitHub.
 */
import { appendFile } from "node:fs/promises";
import { displayPath, errorCount, sortContentErrors, warningCount, type ContentError } from "../content/model/errors.ts";
import { overdueText, withoutResultsSummary, type OwnerReview } from "../content/archive/review.ts";
import { formatSwedishDate } from "../format/date.ts";

/** A message, escaped as actions/toolkit's command.ts does: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file, title), escaped as a message and also for : and , which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=content/projekt/x.md,line=14,title=reviewed::ogiltigt datum …` */
export function workflowCommand(command: "error" | "warning", properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/** One annotation per problem: errors, then warnings, each in file and line order. */
export function annotations(errors: readonly ContentError[], warnings: readonly ContentError[] = []): string[] {
  const render = (command: "error" | "warning") => (problem: ContentError) =>
    workflowCommand(command, { file: displayPath(problem.file), line: problem.line, title: problem.field }, problem.message);
  return [...sortContentErrors(errors).map(render("error")), ...sortContentErrors(warnings).map(render("warning"))];
}

/** Text for a Markdown table cell: no line breaks, and | escaped. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** Problems as a Markdown table, in file and line order. */
function problemTable(problems: readonly ContentError[], heading: string): string[] {
  return [
    `| fil | rad | fält | ${heading} |`,
    "|---|---|---|---|",
    ...sortContentErrors(problems).map((problem) => `| ${cell(displayPath(problem.file))} | ${problem.line ?? ""} | ${cell(problem.field ?? "")} | ${cell(problem.message)} |`),
  ];
}

/**
 * The run's summary: the errors as a table, or that there are none, the pages overdue for review,
 * and how many finished projects have neither results nor lessons.
 */
export function stepSummary(
  errors: readonly ContentError[],
  overdue: readonly OwnerReview[] | undefined,
  intervalMonths?: number,
  warnings: readonly ContentError[] = [],
  withoutResults = 0,
): string {
  const lines = ["## Kontroll av innehållet", ""];
  if (errors.length === 0) {
    lines.push("Inga fel.");
  } else {
    lines.push(`${errorCount(errors.length)}. Ingenting publiceras förrän de är rättade.`, "", ...problemTable(errors, "fel"));
  }
  if (warnings.length > 0) {
    lines.push("", `### ${warningCount(warnings.length)}, som inte hindrar publicering`, "", ...problemTable(warnings, "varning"));
  }
  if (overdue && overdue.length > 0) {
    lines.push("", `### Sidor som inte har granskats på ${intervalMonths} månader`, "");
    lines.push("| innehållsansvarig | sida | granskad | granskning |", "|---|---|---|---|");
    for (const { owner, pages } of overdue) {
      for (const page of pages) {
        const place = page.sourcePath ? displayPath(page.sourcePath) : page.url;
        lines.push(`| ${cell(owner.name)} | ${cell(page.title)} (${cell(place)}) | ${formatSwedishDate(page.reviewed)} | ${overdueText(page.monthsOverdue)} |`);
      }
    }
  }
  if (withoutResults > 0) lines.push("", `${withoutResultsSummary(withoutResults)}.`);
  return `${lines.join("\n")}\n`;
}

/** Appends Markdown to the run's summary page, when running in GitHub Actions. */
export async function writeStepSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) await appendFile(file, markdown);
}
