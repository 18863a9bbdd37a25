/**
 * The preview's quick rebuild. When an editor saves a project and nothing about where the project
 * is listed changed, only the pages that show it are rendered again: its own page, the pages of
 * related projects, and the pages of the index, the browsing pages, the directory and people's
 * lists that name it. Everything else is left as the last build wrote it. Any other change (a
 * new or deleted file, a contact, site.yaml, a layout, a project moving in a list) rebuilds all.
 */
import type { Archive, Project } from "../content/model/model.ts";
import { listingKey } from "../content/archive/patch.ts";
import type { PageView, PageViews } from "./page-views.ts";

/**
 * The URLs of the pages to render again after `changedFiles` changed from `previous` to `next`, or
 * undefined when everything must be rebuilt.
 */
export function pagesToRebuild(previous: Archive, next: Archive, changedFiles: readonly string[], views: PageViews): ReadonlySet<string> | undefined {
  if (changedFiles.length === 0) return undefined; // a layout or a stylesheet changed
  if (previous.projects.length !== next.projects.length) return undefined;
  if (previous.projects.some((project, index) => project.slug !== next.projects[index]!.slug)) return undefined;
  const before = new Map(previous.projects.map((project) => [project.sourcePath, project]));
  const after = new Map(next.projects.map((project) => [project.sourcePath, project]));
  const changed: Project[] = [];
  for (const file of changedFiles) {
    const [old, current] = [before.get(file), after.get(file)];
    if (!old || !current || listingKey(old) !== listingKey(current)) return undefined;
    changed.push(current);
  }

  const urls = new Set<string>();
  const slugs = new Set(changed.map((project) => project.slug));
  const projectUrls = new Set(changed.map((project) => project.url));
  for (const project of changed) {
    urls.add(project.url);
    for (const related of project.related) urls.add(related.url);
    const named = [project.responsibility.contentOwner, project.responsibility.publishedBy, ...project.contacts];
    for (const contact of named) urls.add(next.directoryUrl(contact).split("#")[0]!);
  }
  const listing = (pages: readonly { url: string; listPage: { items: readonly unknown[] } }[], shows: (item: unknown) => boolean) => {
    for (const page of pages) if (page.listPage.items.some(shows)) urls.add(page.url);
  };
  const showsProject = (item: unknown) => slugs.has((item as Project).slug);
  listing(views.index, showsProject);
  for (const facetViews of Object.values(views.facets)) listing(facetViews, showsProject);
  listing(views.people, (item) => projectUrls.has((item as { url: string }).url));
  return urls;
}

/** Only the views of the pages in `urls`, for a quick rebuild. */
export function onlyViews(views: PageViews, urls: ReadonlySet<string>): PageViews {
  const keep = <View extends PageView>(list: readonly View[]) => list.filter((view) => urls.has(view.url));
  return {
    projects: keep(views.projects),
    index: keep(views.index),
    cookies: keep(views.cookies),
    accessibility: keep(views.accessibility),
    facets: Object.fromEntries(Object.entries(views.facets).map(([kind, list]) => [kind, keep(list)])) as unknown as PageViews["facets"],
    directory: keep(views.directory),
    people: keep(views.people),
    search: keep(views.search),
    openData: keep(views.openData),
    notFound: keep(views.notFound),
  };
}
