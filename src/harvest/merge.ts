/**
 * The same project from two archives, shown once. Vinna Vinna was run by two regions, and both of
 * their archives publish it: on a national site it is one project, whose page names both
 * organisations and links to both pages. Who may join whom follows the trust rules (trust.ts):
 *
 * - an id `SE-ORGNR-<number>-…` belongs to the organisation with that number. The owner's copy
 *   (or the site's own project, when the id is the site's) supplies the page, whatever the order
 *   of the sources. Another source's copy with the same id names its organisation on the page
 *   only when the owner lists it as a partner; otherwise it is a conflict, reported and skipped,
 *   as is a copy with the id of an organisation whose copy is not here;
 * - copies without an id that have the same title and period are one project, whose content comes
 *   from the organisation the partners name as owner or coordinator, else from the first source;
 * - a harvested copy is never joined to one of the site's own projects by its title: the report
 *   proposes it instead.
 *
 * Every merge, conflict and proposal is in the harvest's report, so that none happens silently.
 */
import type { ContentError } from "../content/model/errors.ts";
import { displayPath } from "../content/model/errors.ts";
import type { HarvestMerge, Home, Project } from "../content/model/model.ts";
import { linkTo } from "../content/archive/resolve.ts";
import { displayOrganisationNumber, identifierOrganisation } from "../format/organisation-number.ts";
import { quoted, recordWarning, type HarvestedProject, type HarvestedSource } from "./records.ts";
import { contentCopy, listsAsPartner, organisationLabel, type Organisation } from "./trust.ts";

const collator = new Intl.Collator("sv");

/** The title and period a record without an id is matched by; undefined without a period, when a title alone says too little. */
function titleAndPeriod(project: Project): string | undefined {
  const { start, end } = project.period ?? {};
  if (!start && !end) return undefined;
  const title = project.title.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
  return `${title}|${start?.iso ?? ""}|${end?.iso ?? ""}`;
}

/** One archive's copy of a project. */
interface Copy {
  readonly project: Project;
  readonly organisation: Organisation;
}

/** One page of the site: one project, from one or more archives' copies. */
interface Page {
  readonly copies: Copy[];
  /** The site's own project, or a harvested project whose id's owner supplies it: its content is settled. */
  readonly settled: boolean;
  /** How the first other copy joined it. */
  by?: HarvestMerge["by"];
}

export interface MergedProjects {
  /** Every project once, in the archive's order. */
  readonly projects: Project[];
  readonly merges: HarvestMerge[];
  /** Conflicts and proposals, each naming the source's copy and record. */
  readonly warnings: ContentError[];
  /** How many of each source's projects were skipped here (as conflicts), in site.yaml's order. */
  readonly skipped: number[];
}

/**
 * This site's own projects (already in the archive's order, each given this site as its home) and
 * every source's projects, each project once, by the rules above. Related projects are linked
 * within each source. Returns the projects in the archive's order, the merges made, and the
 * conflicts and proposals as warnings.
 */
export function mergeProjects(
  own: readonly Project[],
  site: Organisation,
  sources: readonly HarvestedSource[],
  compare: (a: Project, b: Project) => number,
): MergedProjects {
  const pages: Page[] = own.map((project) => ({ copies: [{ project, organisation: site }], settled: true }));
  const ownPages = new Set(pages);
  const byId = new Map<string, Page>();
  const ownByTitle = new Map<string, Project>();
  for (const [position, project] of own.entries()) {
    if (project.id && !byId.has(project.id)) byId.set(project.id, pages[position]!);
    const key = titleAndPeriod(project);
    if (key && !ownByTitle.has(key)) ownByTitle.set(key, project);
  }
  const byTitle = new Map<string, Page>();
  const warnings: ContentError[] = [];
  const skipped = sources.map(() => 0);
  /** Where each source's projects ended up, by slug: for their related projects. */
  const placed = sources.map(() => new Map<string, Page>());

  const warn = (sourceIndex: number, entry: HarvestedProject, message: string, field?: string) => {
    warnings.push(recordWarning(sources[sourceIndex]!, { index: entry.index, title: quoted(entry.project.title), message, ...(field ? { field } : {}) }, field !== undefined));
    if (field !== undefined) skipped[sourceIndex]!++;
  };
  const add = (sourceIndex: number, entry: HarvestedProject, settled: boolean) => {
    const page: Page = { copies: [{ project: entry.project, organisation: sources[sourceIndex]!.organisation }], settled };
    pages.push(page);
    placed[sourceIndex]!.set(entry.project.slug, page);
    return page;
  };
  const join = (page: Page, sourceIndex: number, entry: HarvestedProject, by: HarvestMerge["by"]) => {
    page.copies.push({ project: entry.project, organisation: sources[sourceIndex]!.organisation });
    page.by ??= by;
    placed[sourceIndex]!.set(entry.project.slug, page);
  };
  /** A harvested copy without an id (or with another id) that looks like one of the site's own projects: the report proposes what would make them one. */
  const proposeOwn = (sourceIndex: number, entry: HarvestedProject) => {
    const key = titleAndPeriod(entry.project);
    const mine = key === undefined ? undefined : ownByTitle.get(key);
    if (!mine || (mine.id && entry.project.id)) return;
    const them = sources[sourceIndex]!.organisation.name;
    const advice = mine.id
      ? `lägg till ${them} som partner i ert projekt och be dem publicera det med ert id, ${mine.id}`
      : `ge ert projekt ett id (${site.organisationNumber ? "" : "skriv organisationNumber: i site.yaml och "}kör npm run ids), lägg till ${them} som partner i det och be dem publicera det med samma id`;
    warn(sourceIndex, entry, `liknar ert eget projekt ${quoted(mine.title)} (${displayPath(mine.sourcePath)}, samma titel och period) men visas för sig; om det är samma projekt, ${advice}, så visas det en gång och nämner er båda`);
  };

  // The owners' copies first, so that they supply their pages whatever the order of the sources.
  const owned = (sourceIndex: number, entry: HarvestedProject) =>
    entry.project.id !== undefined && identifierOrganisation(entry.project.id) === sources[sourceIndex]!.organisation.organisationNumber;
  for (const [sourceIndex, source] of sources.entries()) {
    for (const entry of source.projects) {
      if (!owned(sourceIndex, entry)) continue;
      const id = entry.project.id!;
      const page = byId.get(id);
      if (page && ownPages.has(page)) {
        warn(sourceIndex, entry, `ert eget projekt ${quoted(page.copies[0]!.project.title)} (${displayPath(page.copies[0]!.project.sourcePath)}) har samma id, ${id}, men det id:t tillhör ${organisationLabel(source.organisation)}; rätta id:t i ert projekt`, "id");
      } else if (page) {
        join(page, sourceIndex, entry, "id");
      } else {
        byId.set(id, add(sourceIndex, entry, true));
        const key = titleAndPeriod(entry.project);
        if (key && !byTitle.has(key)) byTitle.set(key, byId.get(id)!);
        proposeOwn(sourceIndex, entry);
      }
    }
  }

  for (const [sourceIndex, source] of sources.entries()) {
    for (const entry of source.projects) {
      const { id } = entry.project;
      if (id !== undefined) {
        if (owned(sourceIndex, entry)) continue;
        // Another organisation's id: a project run together, if its owner says so.
        const ownerNumber = identifierOrganisation(id)!;
        const page = byId.get(id);
        const owner = page?.copies[0];
        if (owner && listsAsPartner(owner.project, source.organisation)) {
          join(page!, sourceIndex, entry, "id");
        } else if (owner) {
          warn(
            sourceIndex,
            entry,
            `har samma id, ${id}, som projektet ${quoted(owner.project.title)} hos ${owner.organisation.name}; id:t tillhör ${organisationLabel(owner.organisation)}, som inte listar ${organisationLabel(source.organisation)} som partner i projektet, så projektet visas bara som ${owner.organisation.name} publicerar det`,
            "id",
          );
        } else {
          warn(sourceIndex, entry, `id:t ${id} tillhör organisationsnummer ${displayOrganisationNumber(ownerNumber)}, inte källans ${displayOrganisationNumber(source.organisation.organisationNumber!)}, och det finns inget projekt med det id:t från den organisationen`, "id");
        }
        continue;
      }
      proposeOwn(sourceIndex, entry);
      const key = titleAndPeriod(entry.project);
      const page = key === undefined ? undefined : byTitle.get(key);
      if (page) {
        join(page, sourceIndex, entry, "title-and-period");
      } else {
        const added = add(sourceIndex, entry, false);
        if (key) byTitle.set(key, added);
      }
    }
  }

  // Each page's project: the content of the copy that supplies it, with every copy's home.
  const merges: HarvestMerge[] = [];
  const projectOf = new Map<Page, Project>();
  for (const page of pages) {
    const first = page.settled ? 0 : contentCopy(page.copies);
    const content = page.copies[first]!.project;
    const homes: Home[] = [];
    for (const copy of [page.copies[first]!, ...page.copies.filter((_, index) => index !== first)]) {
      for (const home of copy.project.homes ?? []) if (!homes.some((other) => other.url === home.url)) homes.push(home);
    }
    projectOf.set(page, page.copies.length > 1 ? { ...content, homes } : content);
    if (page.copies.length > 1) merges.push({ title: content.title, organisations: [...new Set(homes.map((home) => home.organisation))], by: page.by! });
  }

  // Related projects, named by slug in their own archive: linked where both are here.
  const related = new Map<Page, Set<Page>>(pages.map((page) => [page, new Set()]));
  for (const [sourceIndex, source] of sources.entries()) {
    for (const { project, related: slugs } of source.projects) {
      const from = placed[sourceIndex]!.get(project.slug);
      if (!from) continue;
      for (const slug of slugs) {
        const to = placed[sourceIndex]!.get(slug);
        if (to === undefined || to === from) continue;
        related.get(from)!.add(to);
        related.get(to)!.add(from);
      }
    }
  }
  const withRelated = pages.map((page) => {
    const project = projectOf.get(page)!;
    if (related.get(page)!.size === 0) return project;
    const links = [...project.related];
    for (const other of related.get(page)!) {
      const target = projectOf.get(other)!;
      if (!links.some((link) => link.url === target.url)) links.push(linkTo(target));
    }
    return { ...project, related: links };
  });
  // The archive's order, and each project's related projects in that same order.
  const sorted = [...withRelated].sort(compare);
  const rank = new Map(sorted.map((project, position) => [project.url, position]));
  return {
    projects: sorted.map((project) =>
      project.related.length > 1 ? { ...project, related: [...project.related].sort((a, b) => (rank.get(a.url) ?? 0) - (rank.get(b.url) ?? 0)) } : project,
    ),
    merges: merges.sort((a, b) => collator.compare(a.title, b.title)),
    warnings,
    skipped,
  };
}
