import type { Archive, Project, Site } from "../../content/model.ts";
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

/** `{{ archive | sitemapEntries }}`: every public page with the date it was last reviewed. */
export function sitemapEntries(archive: Archive): { url: string; reviewed: string }[] {
  const generated = archive.site.generatedPages.reviewed;
  const { index, cookies, accessibility } = archive.pages;
  const facetPages = Object.values(archive.facetPages).flat();
  return [
    ...archive.indexPages.map((page) => ({ url: page.url, reviewed: index.responsibility.reviewed })),
    ...archive.projects.filter((project) => !project.draft).map((project) => ({ url: project.url, reviewed: project.responsibility.reviewed })),
    ...facetPages.map((page) => ({ url: page.url, reviewed: page.facet.reviewed })),
    ...archive.directoryPages.map((page) => ({ url: page.url, reviewed: generated })),
    ...archive.mentionPages.map((page) => ({ url: page.url, reviewed: generated })),
    { url: "/sok/", reviewed: generated },
    { url: cookies.url, reviewed: cookies.responsibility.reviewed },
    { url: accessibility.url, reviewed: accessibility.responsibility.reviewed },
  ];
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
