import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../eleventy/plugin.ts";
import { startPageWriter, stopPageWriter } from "../eleventy/page-writer.ts";
import { stopDownloads } from "../eleventy/downloads.ts";

interface BenchmarkGroup {
  setIsVerbose(isVerbose: boolean): void;
}

/**
 * Builds a content folder into an output folder with the project's config, silently: the command
 * prints its own summary. Eleventy creates some benchmark groups while it loads the config, before
 * quiet mode applies; those would print "[11ty] Benchmark" warnings on a busy machine.
 */
export async function buildWithEleventy(input: string, output: string, pathPrefix = "/"): Promise<{ written: number }> {
  const eleventy = new Eleventy(input, output, {
    quietMode: true,
    // The compiled config when the command runs compiled (src/cli/launch.mjs), so that both share
    // one copy of every module; the TypeScript file under tsx.
    configPath: process.env.PROJEKTARKIV_ELEVENTY_CONFIG ?? path.join(PROJECT_ROOT, ".eleventy.ts"),
    pathPrefix,
  });
  eleventy.disableLogger();
  await eleventy.init();
  const benchmarks = eleventy.bench as unknown as { getAll(): Record<string, BenchmarkGroup> };
  for (const group of Object.values(benchmarks.getAll())) group.setIsVerbose(false);
  // The pages are written on a second thread while this one renders (page-writer.ts). The plugin
  // waits for the last of them in eleventy.after, before it indexes the site for search; a build
  // that fails before then stops the thread here, and the one writing the downloads.
  await startPageWriter();
  try {
    const [, templates] = (await eleventy.write()) as unknown as [unknown, { outputPath: string | false }[]];
    return { written: templates.filter((template) => template.outputPath).length };
  } finally {
    await Promise.all([stopPageWriter(), stopDownloads()]);
  }
}
