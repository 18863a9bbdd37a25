import type UserConfig from "@11ty/eleventy/UserConfig";
import { DIRECTORY_URL, type ContactListPage, type FacetListPage, type Facets } from "../content/model.ts";
import { titleOfPage, type ListPage } from "../content/pagination.ts";
import { crumbsFor, layoutOnly, paginated, type ArchiveData } from "./virtual-templates.ts";

/** Page information and breadcrumbs for a generated page directly under the archive index. */
const generatedPageData = {
  responsibility: (data: ArchiveData) => data.archive.site.generatedPages,
  crumbs: (data: ArchiveData) => [data.archive.pages.index],
};

/** The heading and introduction of each kind of browsing page. */
const FACET_PAGES: Record<keyof Facets, { folder: string; title: string }> = {
  funders: { folder: "finansiar", title: "Projekt som har haft stöd av {name}" },
  years: { folder: "ar", title: "Projekt som avslutades {name}" },
  countries: { folder: "land", title: "Projekt med partner i {name}" },
};

/**
 * Pages the build makes from the archive rather than from one file: the contact directory and its
 * vCards, the browsing pages, search, the feed, the sitemap, open data and the 404 page.
 */
export function addGeneratedPages(eleventyConfig: UserConfig): void {
  layoutOnly(eleventyConfig, "kontakt", {
    layout: "directory.njk",
    ...paginated("archive.directoryPages"),
    description: "Alla kontaktpersoner i projektarkivet, med telefonnummer och de projekt de är kontakt för.",
    searchable: true,
    eleventyComputed: {
      ...generatedPageData,
      title: (data: { listPage: ListPage<unknown> }) => titleOfPage("Kontakt", data.listPage),
      crumbs: (data: ArchiveData & { listPage: ListPage<unknown> }) => crumbsFor(data, "Kontakt", DIRECTORY_URL),
    },
  });
  layoutOnly(eleventyConfig, "kontakt-person", {
    layout: "person.njk",
    ...paginated("archive.mentionPages"),
    eleventyComputed: {
      ...generatedPageData,
      title: (data: { listPage: ContactListPage }) => titleOfPage(`Projekt och sidor med ${data.listPage.contact.name}`, data.listPage),
      description: (data: { listPage: ContactListPage }) =>
        `${data.listPage.total} projekt och sidor där ${data.listPage.contact.name} är kontakt eller ansvarig.`,
      crumbs: (data: ArchiveData) => [data.archive.pages.index, { title: "Kontakt", url: DIRECTORY_URL }],
    },
  });
  eleventyConfig.addTemplate("generated/vcard.njk", "{{ contact | vcard(archive.site) | safe }}", {
    pagination: { data: "archive.contacts", size: 1, alias: "contact" },
    permalink: "/kontakt/{{ contact.id }}.vcf",
    eleventyExcludeFromCollections: true,
  });

  for (const [facets, page] of Object.entries(FACET_PAGES)) {
    layoutOnly(eleventyConfig, `facet-${facets}`, {
      layout: "facet.njk",
      ...paginated(`archive.facetPages.${facets}`),
      eleventyComputed: {
        ...generatedPageData,
        title: (data: { listPage: FacetListPage }) => titleOfPage(page.title.replace("{name}", data.listPage.facet.name), data.listPage),
        description: (data: { listPage: FacetListPage }) => `${data.listPage.total} projekt i arkivet.`,
        crumbs: (data: ArchiveData & { listPage: FacetListPage }) =>
          crumbsFor(data, page.title.replace("{name}", data.listPage.facet.name), data.listPage.facet.url),
        responsibility: (data: ArchiveData & { listPage: FacetListPage }) => ({
          ...data.archive.site.generatedPages,
          reviewed: data.listPage.facet.reviewed,
        }),
      },
    });
  }

  layoutOnly(eleventyConfig, "sok", {
    layout: "search.njk",
    permalink: "/sok/",
    title: "Sök i arkivet",
    description: "Sök bland projekten och kontaktpersonerna i arkivet.",
    eleventyComputed: generatedPageData,
  });
  layoutOnly(eleventyConfig, "404", {
    layout: "404.njk",
    permalink: "/404.html",
    title: "Sidan finns inte",
    eleventyComputed: generatedPageData,
  });

  layoutOnly(eleventyConfig, "feed", { layout: "feed.njk", permalink: "/feed.xml" });
  layoutOnly(eleventyConfig, "sitemap", { layout: "sitemap.njk", permalink: "/sitemap.xml" });
  eleventyConfig.addTemplate("generated/robots.njk", "User-agent: *\nAllow: /\n\nSitemap: {{ '/sitemap.xml' | publicUrl(archive.site.url) }}\n", {
    permalink: "/robots.txt",
  });
  eleventyConfig.addTemplate("generated/headers.njk", "{{ archive.site | headersFile | safe }}", { permalink: "/_headers" });
  eleventyConfig.addTemplate("generated/projekt-json.njk", "{{ archive | openData | safe }}", { permalink: "/projekt.json" });
  eleventyConfig.addTemplate("generated/projekt-schema.njk", "{{ archive | openDataSchema | safe }}", { permalink: "/projekt.schema.json" });
}
