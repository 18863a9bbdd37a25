import { parseArgs, type ParseArgsConfig } from "node:util";
import { ContentValidationError, formatErrorReport } from "../content/model/errors.ts";

type OptionValues<T> = { [K in keyof T]: T[K] extends { type: "boolean" } ? boolean : string };

/**
 * Parses `--name=value` options and up to `positionals` plain arguments. An unknown option ends the
 * command with a Swedish message and exit code 2, not with a stack trace.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  options: T,
  { positionals = 0 } = {},
): { values: OptionValues<T>; positionals: string[] } {
  const known = Object.keys(options).map((name) => `--${name}`).join(", ");
  try {
    const parsed = parseArgs({ options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new Error(`för många argument: ${parsed.positionals.join(" ")}`);
    return { values: parsed.values as unknown as OptionValues<T>, positionals: parsed.positionals };
  } catch (error) {
    console.error(`npm run ${command}: ${(error as Error).message}\nMöjliga val: ${known}`);
    process.exit(2);
  }
}

/** Finds a content error anywhere in Eleventy's chain of wrapped errors. */
function findContentError(error: unknown): ContentValidationError | undefined {
  for (let current = error; current; ) {
    if (current instanceof ContentValidationError) return current;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return undefined;
}

/**
 * Ends a command that failed: content errors as the editor's list, anything else as one line.
 * The stack trace is shown only with DEBUG set, for developers.
 */
export function reportFailure(headline: string, error: unknown): never {
  const contentError = findContentError(error);
  if (contentError) {
    console.error(formatErrorReport(contentError.errors));
  } else {
    console.error(`${headline}:\n  ${(error as Error)?.message ?? String(error)}`);
    if (process.env.DEBUG) console.error((error as Error)?.stack);
    else console.error("Kör kommandot med DEBUG=1 för fler detaljer.");
  }
  process.exit(1);
}
