import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticArchive } from "../../../src/bench/synthetic-archive.ts";
import { validateContent, type ValidationResult } from "../../../src/content/archive/load.ts";
import type { Archive } from "../../../src/content/model/model.ts";
import { FIXTURES, temporaryFolder } from "../../helpers.ts";

let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
let original: string;
beforeAll(async () => {
  workspace = await temporaryFolder();
  original = path.join(workspace.dir, "original");
  await writeSyntheticArchive(original, 60, 7);
  // Eight projects that ended the same day: the index orders them by title.
  for (let number = 1; number <= TIED; number++) {
    const file = path.join(original, "projekt", `projekt-${number}.md`);
    await writeFile(file, (await readFile(file, "utf8")).replace(/^ {2}start: .*$/m, "  start: 2019").replace(/^ {2}end: .*$/m, `  end: ${TIED_END}`));
  }
});

const TIED = 8;
const TIED_END = "2020-05-05";
afterAll(async () => {
  await workspace.remove();
});

let copies = 0;
/** A fresh copy of a content folder, validated once as the preview does when it starts. */
async function previewOf(source: string): Promise<{ content: string; first: Archive }> {
  const content = path.join(workspace.dir, `kopia-${++copies}`);
  await cp(source, content, { recursive: true });
  const { archive, errors } = await validateContent(content, { includeDrafts: true });
  expect(errors).toEqual([]);
  return { content, first: archive! };
}

/**
 * The archive as text, without the content folder's path and the files' modification times, so
 * that two copies compare equal. A person is written out in the directory, and by id wherever a
 * page names them.
 */
function comparable(archive: Archive | undefined, content: string): string {
  const json = JSON.stringify(archive, function (this: unknown, key, value: unknown) {
    if (key === "mtimeMs") return undefined;
    if (value instanceof Map) return [...value];
    const isContact = typeof value === "object" && value !== null && "mentions" in value && "id" in value;
    return isContact && this !== archive?.contacts ? value.id : value;
  });
  return json.replaceAll(content, "<innehåll>");
}

/**
 * Saves `edit` of one project file in a validated copy, validates again, and validates the same
 * files in a copy never validated before: the two archives must be the same.
 */
async function saveAndCompare(
  slug: (archive: Archive) => string,
  edit: (text: string) => string,
  source = original,
): Promise<{ again: ValidationResult; archive: Archive }> {
  const { content, first } = await previewOf(source);
  const file = path.join(content, "projekt", `${slug(first)}.md`);
  await writeFile(file, edit(await readFile(file, "utf8")));
  const again = await validateContent(content, { includeDrafts: true });
  const fresh = path.join(workspace.dir, `kopia-${++copies}`);
  await cp(content, fresh, { recursive: true });
  const full = await validateContent(fresh, { includeDrafts: true });
  expect(again.errors).toEqual([]);
  const [patched, resolved] = [comparable(again.archive, content), comparable(full.archive, fresh)];
  // Compared as text, which is quick; as data only when they differ, for a readable difference.
  if (patched !== resolved) expect(JSON.parse(patched)).toEqual(JSON.parse(resolved));
  return { again, archive: again.archive! };
}

const tied = (archive: Archive) => archive.projects.filter((project) => project.period?.end?.iso === TIED_END);
const withRelations = (archive: Archive) => archive.projects.find((project) => project.related.length > 0)!.slug;
const setTitle = (title: string) => (text: string) => text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);

describe("the preview's quick path through validation", () => {
  it("puts a new title into the related projects' links and the people's lists, as a full validation does", async () => {
    const { again, archive } = await saveAndCompare(withRelations, setTitle("Vinna Vinna"));
    expect(again.patched).toBe(true);
    const project = archive.projects.find((candidate) => candidate.title === "Vinna Vinna")!;
    const relatedLinks = archive.projects.flatMap((other) => other.related.filter((link) => link.slug === project.slug));
    expect(relatedLinks.length).toBeGreaterThan(0);
    expect(relatedLinks.map((link) => link.title)).toEqual(relatedLinks.map(() => "Vinna Vinna"));
    const owner = archive.contacts.find((contact) => contact.id === project.responsibility.contentOwner.id)!;
    expect(owner.mentions.find((mention) => mention.url === project.url)?.title).toBe("Vinna Vinna");
    const funderPage = archive.facets.funders.find((facet) => facet.projects.some((listed) => listed.slug === project.slug))!;
    expect(funderPage.projects.find((listed) => listed.slug === project.slug)).toBe(project);
  });

  it("patches a change of the body, the summary and the goals", async () => {
    const { again } = await saveAndCompare(
      (archive) => archive.projects[3]!.slug,
      (text) => `${text.replace(/^summary: .*$/m, "summary: En ny sammanfattning.").replace(/^goals:\n/m, "goals:\n  - Ett nytt mål.\n")}\nEtt nytt stycke.\n`,
    );
    expect(again.patched).toBe(true);
  });

  it("resolves the whole archive again when the project moves in the lists", async () => {
    const { again } = await saveAndCompare((archive) => archive.projects[10]!.slug, (text) => text.replace(/^ {2}end: .*$/m, "  end: 2031-01-01"));
    expect(again.patched).toBeUndefined();
  });

  it("resolves the whole archive again when the files a project refers to change, or its title in the accessibility statement", async () => {
    const documentation = path.join(FIXTURES, "dokumentation");
    const project = () => "lasframjande";
    const { again: text } = await saveAndCompare(project, (body) => `${body}\nEtt stycke till.\n`, documentation);
    expect(text.patched).toBe(true);
    // Its untagged PDF from 2020 is listed in the statement under the project's title.
    const { again: title } = await saveAndCompare(project, setTitle("Läsfrämjande i Norden"), documentation);
    expect(title.patched).toBeUndefined();
    const { again: link } = await saveAndCompare(project, (body) => `${body}\n[Budget](/filer/logo.png)\n`, documentation);
    expect(link.patched).toBeUndefined();
  });

  it("patches a new title that keeps the project's place among projects that ended the same day, and resolves one that moves it", async () => {
    let title = "";
    const first = (archive: Archive) => {
      title = tied(archive)[0]!.title;
      return tied(archive)[0]!.slug;
    };
    // Words added at the end keep the first of the tied projects first; "Öar" sorts after every other title.
    const { again: kept, archive } = await saveAndCompare(first, (text) => setTitle(`${title} i Dalarna`)(text));
    expect(kept.patched).toBe(true);
    expect(tied(archive)[0]!.title).toBe(`${title} i Dalarna`);
    const { again: moved, archive: after } = await saveAndCompare(first, setTitle("Öar"));
    expect(moved.patched).toBeUndefined();
    expect(tied(after).at(-1)!.title).toBe("Öar");
  });

  it("gives the archive of a full validation for any new title, also among projects that ended the same day", async () => {
    const word = fc.constantFrom("Läsa", "läsa", "Åka", "Öar", "Ärlig", "Bok", "bok", "Vinna", "A", "Z", "10", "9");
    const title = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));
    await fc.assert(
      fc.asyncProperty(fc.nat(TIED - 1), title, async (position, newTitle) => {
        await saveAndCompare((archive) => tied(archive)[position]!.slug, setTitle(newTitle));
      }),
      { numRuns: 20 },
    );
  });
});
