import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../eleventy/plugin.ts";

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
  writePagesConcurrently(eleventy);
  const benchmarks = eleventy.bench as unknown as { getAll(): Record<string, BenchmarkGroup> };
  for (const group of Object.values(benchmarks.getAll())) group.setIsVerbose(false);
  const [, templates] = (await eleventy.write()) as unknown as [unknown, { outputPath: string | false }[]];
  return { written: templates.filter((template) => template.outputPath).length };
}

/**
 * Makes Eleventy write pages concurrently. `configureTemplateHandling({ writeMode: "async" })` in
 * the config (plugin.ts) is read by Eleventy 3.1's Template from its TemplateConfig, where the user
 * config's setting never arrives, so every page was written with writeFileSync and mkdirSync: 5.5 s
 * of a 10.8 s build at N=4000, measured with --cpu-prof. Set where Template reads it, the writes go
 * to libuv's thread pool and overlap with rendering.
 */
function writePagesConcurrently(eleventy: Eleventy): void {
  const templateConfig = (eleventy as unknown as { eleventyConfig: { templateHandling?: { writeMode?: string } } }).eleventyConfig;
  templateConfig.templateHandling = { ...templateConfig.templateHandling, writeMode: "async" };
}
