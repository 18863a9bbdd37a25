import path from "node:path";

/** One problem in one content file, in words an editor can act on. */
export interface ContentError {
  /** Absolute path of the file. */
  readonly file: string;
  /** 1-based line in the file, when the problem has a place. */
  readonly line?: number;
  /** Dotted field path, such as "period.end" or "partners[2].country". */
  readonly field?: string;
  /** Swedish, lowercase, without a trailing full stop. */
  readonly message: string;
}

/** Thrown when content does not validate; carries every error of every file. */
export class ContentValidationError extends Error {
  /** Tells Eleventy's error handler (in the dev server) that a stack trace would not help. */
  readonly skipOriginalStack = true;

  constructor(readonly errors: readonly ContentError[]) {
    super(formatErrorReport(errors));
    this.name = "ContentValidationError";
  }
}

/** A path relative to the working folder when it lies inside it, otherwise absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative || ".";
}

/** "content/projekt/vinna-vinna.md:14  reviewed: ogiltigt datum "2018-13-01"" */
export function formatContentError(error: ContentError, cwd: string = process.cwd()): string {
  const place = `${displayPath(error.file, cwd)}${error.line ? `:${error.line}` : ""}`;
  return `${place}  ${error.field ? `${error.field}: ` : ""}${error.message}`;
}

/** Orders errors by file, then line, so that every tool prints the same list. */
export function sortContentErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? "").localeCompare(b.field ?? ""),
  );
}

/** "3 fel" ("fel" is the same in the plural). */
export const errorCount = (count: number) => `${count} fel`;

/** "1 varning", "2 varningar". */
export const warningCount = (count: number) => `${count} ${count === 1 ? "varning" : "varningar"}`;

/** A heading, then one indented line per problem, in file and line order. */
function report(heading: string, problems: readonly ContentError[], cwd?: string): string {
  return [heading, ...sortContentErrors(problems).map((problem) => `  ${formatContentError(problem, cwd)}`)].join("\n");
}

/** The whole report an editor sees: a count, then one line per error. */
export function formatErrorReport(errors: readonly ContentError[], cwd?: string): string {
  return report(`Innehållet har ${errorCount(errors.length)}:`, errors, cwd);
}

/** Warnings as the terminal shows them after "inga fel": a count, then one line per warning. */
export function formatWarningReport(warnings: readonly ContentError[], cwd?: string): string {
  return report(`${warningCount(warnings.length)}, som inte hindrar publicering:`, warnings, cwd);
}

/** Formats a zod-style path as "partners[2].country". */
export function formatFieldPath(fieldPath: readonly PropertyKey[]): string {
  return fieldPath
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}
