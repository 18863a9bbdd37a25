/**
 * `npm run ids [-- --input DIR]`
 *
 * Gives every project without one its lasting id (src/content/model/project-ids.ts): one line, `id: …`,
 * at the top of its front matter, and nothing else in the file changes. Running it again changes
 * nothing. The ids are made from `organisationNumber` in site.yaml.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../content/model/errors.ts";
import { newProjectIdentifier, withIdentifierLine } from "../content/model/project-ids.ts";
import { parseCommandLine } from "./command-line.ts";
import { loadArchiveOrExit } from "./load-or-exit.ts";

const { values } = parseCommandLine("ids", { input: { type: "string", default: "content" } });
const contentDir = path.resolve(values.input);
const archive = await loadArchiveOrExit(contentDir, { includeDrafts: true });
const digits = archive.site.organisationNumber;
if (!digits) {
  console.error(`npm run ids: skriv först organisationens organisationsnummer i ${displayPath(path.join(contentDir, "_data/site.yaml"))}, till exempel:\norganisationNumber: 232100-0164`);
  process.exit(1);
}
const taken = new Set(archive.projects.flatMap((project) => (project.id ? [project.id] : [])));
const written: string[] = [];
for (const project of archive.ownProjects()) {
  if (project.id) continue;
  const id = newProjectIdentifier(digits, project.slug, taken);
  taken.add(id);
  await writeFile(project.sourcePath, withIdentifierLine(await readFile(project.sourcePath, "utf8"), id));
  written.push(`  ${displayPath(project.sourcePath)}  id: ${id}`);
}
console.log(written.length === 0 ? "Alla projekt har redan ett id." : `Skrev id i ${written.length} projekt:\n${written.join("\n")}`);
