import type { Archive, Project, Site } from "../../content/model.ts";
import type { PageView, PageViews } from "../page-views.ts";
import { jsonScript } from "./json.ts";
import { publicUrl } from "./urls.ts";

/**
 * `{{ project | projectJsonLd(archive.site) | safe }}`: schema.org JSON-LD for a project page,
 * escaped for a `<script>` element.
 */
export function projectJsonLd(project: Project, site: Site): string {
  const organisation = (name: string, url?: string, country?: string) => ({
    "@type": "Organization",
    name,
    ...(url ? { url } : {}),
    ...(country ? { address: { "@type": "PostalAddress", addressCountry: country } } : {}),
  });
  return jsonScript({
    "@context": "https://schema.org",
    "@type": "Project",
    ...(project.id ? { identifier: project.id } : {}),
    name: project.title,
    ...(project.subtitle ? { alternateName: project.subtitle } : {}),
    description: project.summary,
    url: publicUrl(project.url, site.url),
    ...(project.period?.start ? { startDate: project.period.start.iso } : {}),
    ...(project.period?.end ? { endDate: project.period.end.iso } : {}),
    funder: project.funders.map((funder) => organisation(funder.name, funder.url)),
    member: project.partnerGroups.flatMap((group) => group.partners.map((partner) => organisation(partner.name, partner.url, partner.country))),
    parentOrganization: organisation(site.organisation, site.url),
  });
}

/**
 * `{{ views | sitemapEntries }}`: every public page with the date it was last reviewed, taken from
 * the same views the pages are rendered from (page-views.ts), so the sitemap lists exactly the
 * pages there are. The 404 page and drafts are left out.
 */
export function sitemapEntries(views: PageViews): { url: string; reviewed: string }[] {
  const listed: readonly PageView[] = [
    ...views.index,
    ...views.projects.filter((view) => !view.project.draft),
    ...views.facets.funders,
    ...views.facets.years,
    ...views.facets.countries,
    ...views.directory,
    ...views.people,
    ...views.search,
    ...views.cookies,
    ...views.accessibility,
  ];
  return listed.map((view) => ({ url: view.url, reviewed: view.responsibility.reviewed }));
}

/** Entries in the Atom feed: a feed reader wants what is new, not the whole archive. */
const FEED_ENTRIES = 50;

/**
 * `{{ archive | feedEntries }}`: the published projects most recently reviewed, newest first, and
 * in the archive's order when reviewed the same day.
 */
export function feedEntries(archive: Archive): Project[] {
  return archive.projects
    .filter((project) => !project.draft)
    .map((project, position) => ({ project, position }))
    .sort((a, b) => b.project.responsibility.reviewed.localeCompare(a.project.responsibility.reviewed) || a.position - b.position)
    .slice(0, FEED_ENTRIES)
    .map(({ project }) => project);
}
