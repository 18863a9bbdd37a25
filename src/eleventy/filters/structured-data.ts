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
  return [
    { url: index.url, reviewed: index.responsibility.reviewed },
    ...archive.projects.filter((project) => !project.draft).map((project) => ({ url: project.url, reviewed: project.responsibility.reviewed })),
    ...[archive.facets.funders, archive.facets.years, archive.facets.countries].flat().map((facet) => ({ url: facet.url, reviewed: facet.reviewed })),
    { url: "/kontakt/", reviewed: generated },
    { url: "/sok/", reviewed: generated },
    { url: cookies.url, reviewed: cookies.responsibility.reviewed },
    { url: accessibility.url, reviewed: accessibility.responsibility.reviewed },
  ];
}

/** `{{ projects | newestReview }}`: the latest review date among pages, for a feed's `updated`. */
export function newestReview(projects: readonly Project[]): string | undefined {
  return projects.map((project) => project.responsibility.reviewed).sort().at(-1);
}
