/**
 * The baselines the benchmark times our build against (`npm run bench`): the same Markdown bodies
 * as a bare Eleventy project and as a Hugo site, each with a one-line layout.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatContentError } from "../content/model/errors.ts";
import { readContentFile } from "../content/reading/source.ts";

/**
 * Writes the baselines of the projects in `content` into `folder`. The projects are read through
 * the content reader, as the build reads them: nothing in a file runs, and a file the reader
 * refuses stops the benchmark with the reader's errors.
 */
export async function writeBaselines(content: string, folder: string): Promise<{ bareConfig: string; bare: string; hugo: string }> {
  const bare = path.join(folder, "bare");
  const hugo = path.join(folder, "hugo");
  await mkdir(path.join(bare, "_includes"), { recursive: true });
  await mkdir(path.join(hugo, "content"), { recursive: true });
  await mkdir(path.join(hugo, "layouts", "_default"), { recursive: true });
  await writeFile(path.join(bare, "_includes", "bare.njk"), "<!DOCTYPE html><title>{{ title }}</title>{{ content | safe }}\n");
  const bareConfig = path.join(folder, "bare.config.mjs");
  await writeFile(bareConfig, 'export const config = { templateFormats: ["md"], markdownTemplateEngine: false };\n');
  await writeFile(path.join(hugo, "layouts", "_default", "single.html"), "<!DOCTYPE html><title>{{ .Title }}</title>{{ .Content }}\n");
  await writeFile(path.join(hugo, "hugo.toml"), 'baseURL = "https://arkiv.example.se/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "robotsTXT", "404"]\n');
  const files = await readdir(path.join(content, "projekt"));
  for (let start = 0; start < files.length; start += 200) {
    await Promise.all(
      files.slice(start, start + 200).map(async (name) => {
        const file = path.join(content, "projekt", name);
        const source = readContentFile(file, await readFile(file));
        if (source.data === undefined) throw new Error(source.errors.map((error) => formatContentError(error)).join("\n"));
        const title = JSON.stringify(String((source.data as { title?: unknown }).title));
        await writeFile(path.join(bare, name), `---\nlayout: bare.njk\ntitle: ${title}\n---\n${source.body}`);
        await writeFile(path.join(hugo, "content", name), `---\ntitle: ${title}\n---\n${source.body}`);
      }),
    );
  }
  return { bareConfig, bare, hugo };
}
