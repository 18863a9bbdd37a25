import { parseArgs, type ParseArgsConfig } from "node:util";
import { ContentValidationError, formatErrorReport } from "../content/model/errors.ts";

/** The values parseCommandLine reads for `options`. */
export type OptionValues<T> = { [K in keyof T]: T[K] extends { type: "boolean" } ? boolean : string };

/** Node's messages for a wrong command line, which are English, in Swedish; the rest as they are. */
function swedishParseError(error: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `okänt val ${option}`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) return `${option.split(" ")[0]} behöver ett värde`;
  return error.message;
}

/**
 * Parses `--name=value` options and up to `positionals` plain arguments. An unknown option ends the
 * command with a Swedish message and exit code 2, not with a stack trace. With `help`, the command's
 * Swedish help, `--help` (or `-h`) prints it and ends the command with exit code 0.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  options: T,
  { positionals = 0, help, args = process.argv.slice(2) }: { positionals?: number; help?: string; args?: string[] } = {},
): { values: OptionValues<T>; positionals: string[] } {
  const known = Object.keys(options).map((name) => `--${name}`).join(", ");
  if (help !== undefined && args.some((argument) => argument === "--help" || argument === "-h")) {
    console.log(help.trimEnd());
    process.exit(0);
  }
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new Error(`för många argument: ${parsed.positionals.join(" ")}`);
    return { values: parsed.values as unknown as OptionValues<T>, positionals: parsed.positionals };
  } catch (error) {
    console.error(`npm run ${command}: ${swedishParseError(error as Error)}\nMöjliga val: ${known}${help === undefined ? "" : ", --help"}`);
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
