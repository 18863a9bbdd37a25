/**
 * The preview's quick path through validation. When an editor saves a project and nothing about
 * where the project is listed changed, the new archive is the last one with that project put in
 * its place, instead of every file resolved again: at 10,000 projects, resolving is most of the
 * time between a save and the page in the browser. The result is the archive a full resolve
 * would give (test/content/archive/patch.test.ts compares the two); whenever the change could reach
 * further, {@link patchArchive} returns undefined and the archive is resolved as a whole.
 */
import { Archive, type Facet, type Facets, type Project } from "../model/model.ts";
import type { ValidatedFile } from "../model/content-file.ts";
import { compareProjects, linkTo, projectOf, ReferenceChecker, type KnownIds } from "./resolve.ts";
import { FileReferences, type FilesFound } from "../files/file-references.ts";
import type { ProjectData } from "../model/schema.ts";

/**
 * What decides where a project is listed and which other pages name it: its place in the index
 * and on the browsing pages, its picture in lists, its documents in the accessibility statement,
 * the people it names, its related projects, its id. Its title is not here: a new title is patched into
 * every list and link that shows it.
 */
export function listingKey(project: Project): string {
  return JSON.stringify([
    // Ids must be unique across the archive, which only a full resolve checks.
    project.id,
    project.period?.end?.iso,
    project.image?.path,
    project.documents.filter((document) => document.shortcomings.length > 0),
    project.responsibility.reviewed,
    project.responsibility.contentOwner.id,
    project.responsibility.publishedBy.id,
    project.themes.map((theme) => theme.name),
    project.funders.map((funder) => [funder.name, funder.url, funder.programme]),
    project.partnerGroups.map((group) => group.country),
    project.contacts.map((contact) => contact.id),
    project.related.map((related) => related.slug),
    project.draft,
  ]);
}

/** A saved project file: as it was validated last time, and now. */
export interface ChangedProject {
  readonly before: ValidatedFile;
  readonly after: ValidatedFile;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The archive `previous` with the changed projects put in, or undefined when a change reaches
 * further than the project's own page, its title in lists and links, and the text of its pages:
 * a new error, another place in a list, other files, other people or relations, a draft; and
 * always on a site with sources.
 *
 * The contacts of `previous` are shared with the new archive, and the titles in their lists of
 * mentions are updated in place; everything else that changes is a new object.
 */
export function patchArchive(
  previous: Archive,
  changes: readonly ChangedProject[],
  found: FilesFound,
  known: KnownIds,
  options: { includeDrafts?: boolean } = {},
): Archive | undefined {
  // On a site with sources, a project may be merged with copies from other archives (src/harvest/merge.ts), which only a full resolve does.
  if (previous.harvest.sources.length > 0) return undefined;
  const contacts = new Map(previous.contacts.map((contact) => [contact.id, contact]));
  const positions = new Map(previous.projects.map((project, position) => [project.sourcePath, position]));
  const projects = [...previous.projects];
  const changed = new Map<string, { position: number; before: Project; after: Project }>();
  for (const { before, after } of changes) {
    const position = positions.get(after.file);
    if (position === undefined || before.kind !== "project" || after.kind !== "project") return undefined;
    const [was, is] = [before.data as ProjectData, after.data as ProjectData];
    // Related projects are checked against every project file; the same list needs no check.
    if (!sameJson(was.related, is.related)) return undefined;
    const files = [0, 1].map(() => new FileReferences(found, previous.site.maxFileMegabytes, previous.site.markdown.allowHtml)) as [FileReferences, FileReferences];
    const check = new ReferenceChecker(contacts, new Map(), known, options.includeDrafts ?? false, previous.site.themeVocabulary);
    projectOf(before, check, files[0]);
    const project = projectOf(after, check, files[1]);
    if (!project || check.errors.length > 0 || files[1].errors.length > 0 || files[0].collected() !== files[1].collected()) return undefined;
    const old = projects[position]!;
    const patched = { ...project, related: old.related };
    if (listingKey(old) !== listingKey(patched)) return undefined;
    changed.set(project.slug, { position, before: old, after: patched });
    projects[position] = patched;
  }
  // The index keeps its order: each changed project compares with its neighbours as before.
  for (const { position } of changed.values()) {
    for (const [left, right] of [[position - 1, position], [position, position + 1]] as const) {
      if (left < 0 || right >= projects.length) continue;
      if (Math.sign(compareProjects(projects[left]!, projects[right]!)) !== Math.sign(compareProjects(previous.projects[left]!, previous.projects[right]!))) return undefined;
    }
  }

  // Titles: in the related projects' links, and in the mentions of the people each project names.
  const retitled = [...changed.values()].filter(({ before, after }) => before.title !== after.title || before.subtitle !== after.subtitle);
  const links = new Map(retitled.map(({ after }) => [after.slug, linkTo(after)]));
  if (links.size > 0) {
    for (const [position, project] of projects.entries()) {
      if (project.related.some((related) => links.has(related.slug))) {
        projects[position] = { ...project, related: project.related.map((related) => links.get(related.slug) ?? related) };
      }
    }
  }
  for (const { after } of retitled) {
    const named = new Set([...after.contacts, after.responsibility.contentOwner, after.responsibility.publishedBy]);
    for (const contact of named) {
      const mentions = contact.mentions;
      const index = mentions.findIndex((mention) => mention.url === after.url);
      if (index >= 0) mentions[index] = { ...mentions[index]!, title: after.title };
    }
  }

  // The browsing pages list the same projects, now the new objects.
  const replaced = new Map(previous.projects.flatMap((project, position) => (projects[position] === project ? [] : [[project, projects[position]!] as const])));
  const facetsWith = (facets: readonly Facet[]) =>
    facets.map((facet) => (facet.projects.some((project) => replaced.has(project)) ? { ...facet, projects: facet.projects.map((project) => replaced.get(project) ?? project) } : facet));
  const facets = Object.fromEntries(Object.entries(previous.facets).map(([kind, list]) => [kind, facetsWith(list)])) as unknown as Facets;
  return new Archive(previous.site, previous.pages, projects, previous.contacts, previous.drafts, facets, previous.files, previous.harvest);
}
