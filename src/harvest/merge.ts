/**
 * The same project from two archives, shown once. Vinna Vinna was run by two regions, and both of
 * their archives publish it: on a national site it is one project, whose page names both
 * organisations and links to both pages. Two records are the same project when they have the same
 * `id`; or, when one of them has none, the same title and period. Every merge is listed in the
 * harvest's report, so that none happens silently.
 */
import type { HarvestMerge, Home, Project } from "../content/model/model.ts";
import { linkTo } from "../content/archive/resolve.ts";
import type { HarvestedSource } from "./records.ts";

const collator = new Intl.Collator("sv");

/** The title and period a record without an id is matched by; undefined without a period, when a title alone says too little. */
function titleAndPeriod(project: Project): string | undefined {
  const { start, end } = project.period ?? {};
  if (!start && !end) return undefined;
  const title = project.title.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();
  return `${title}|${start?.iso ?? ""}|${end?.iso ?? ""}`;
}

/**
 * This site's own projects (already in the archive's order, each given this site as its home) and
 * every source's projects, each project once: the first copy is kept (this site's own, then the
 * sources in site.yaml's order) and names the archives of the others. Related projects are linked
 * within each source. Returns the projects in the archive's order and the merges made.
 */
export function mergeProjects(
  own: readonly Project[],
  sources: readonly HarvestedSource[],
  compare: (a: Project, b: Project) => number,
): { projects: Project[]; merges: HarvestMerge[] } {
  const kept: Project[] = [...own];
  const byId = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const remember = (project: Project, position: number) => {
    if (project.id && !byId.has(project.id)) byId.set(project.id, position);
    const key = titleAndPeriod(project);
    if (key && !byTitle.has(key)) byTitle.set(key, position);
  };
  own.forEach(remember);
  const merges: HarvestMerge[] = [];
  /** Where each source's projects ended up, by slug: for their related projects. */
  const placed = sources.map(() => new Map<string, number>());

  for (const [sourceIndex, source] of sources.entries()) {
    for (const { project } of source.projects) {
      let position = project.id === undefined ? undefined : byId.get(project.id);
      let by: HarvestMerge["by"] = "id";
      if (position === undefined) {
        const key = titleAndPeriod(project);
        const candidate = key === undefined ? undefined : byTitle.get(key);
        // Two projects with different ids are two projects, whatever their titles.
        if (candidate !== undefined && (project.id === undefined || kept[candidate]!.id === undefined)) {
          position = candidate;
          by = "title-and-period";
        }
      }
      if (position === undefined) {
        kept.push(project);
        remember(project, kept.length - 1);
        placed[sourceIndex]!.set(project.slug, kept.length - 1);
        continue;
      }
      const into = kept[position]!;
      const homes = [...(into.homes ?? []), ...(project.homes ?? []).filter((home) => !into.homes?.some((other) => other.url === home.url))];
      kept[position] = { ...into, homes, ...(into.id || !project.id ? {} : { id: project.id }) };
      placed[sourceIndex]!.set(project.slug, position);
      merges.push({ title: into.title, organisations: unique(homes.map((home: Home) => home.organisation)), by });
    }
  }

  // Related projects, named by slug in their own archive: linked where both are here.
  const related = kept.map(() => new Set<number>());
  for (const [sourceIndex, source] of sources.entries()) {
    for (const { project, related: slugs } of source.projects) {
      const from = placed[sourceIndex]!.get(project.slug)!;
      for (const slug of slugs) {
        const to = placed[sourceIndex]!.get(slug);
        if (to === undefined || to === from) continue;
        related[from]!.add(to);
        related[to]!.add(from);
      }
    }
  }
  const withRelated = kept.map((project, position) => {
    if (related[position]!.size === 0) return project;
    const links = [...project.related];
    for (const other of related[position]!) if (!links.some((link) => link.url === kept[other]!.url)) links.push(linkTo(kept[other]!));
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
  };
}

const unique = (names: readonly string[]) => [...new Set(names)];
