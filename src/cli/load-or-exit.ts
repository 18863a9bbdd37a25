import { formatErrorReport } from "../content/model/errors.ts";
import type { LoadOptions } from "../content/archive/load.ts";
import { validateArchive } from "../harvest/load.ts";
import type { Archive } from "../content/model/model.ts";

/** Loads the archive for a tool that needs valid content, or prints the errors and exits with 1. */
export async function loadArchiveOrExit(contentDir: string, options: LoadOptions = {}): Promise<Archive> {
  const result = await validateArchive(contentDir, options);
  if (!result.archive) {
    console.error(formatErrorReport(result.errors));
    process.exit(1);
  }
  return result.archive;
}
