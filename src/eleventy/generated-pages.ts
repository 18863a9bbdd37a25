import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Archive, Facets } from "../content/model.ts";

interface ArchiveData {
  archive: Archive;
}

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

/** A virtual template with no content of its own: its layout renders everything. */
function layoutOnly(eleventyConfig: UserConfig, name: string, data: Record<string, unknown>): void {
  eleventyConfig.addTemplate(`generated/${name}.njk`, "", data);
}

/**
 * Pages the build makes from the archive rather than from one file: the contact directory and its
 * vCards, the browsing pages, search, the feed, the sitemap, open data and the 404 page.
 */
export function addGeneratedPages(eleventyConfig: UserConfig): void {
  layoutOnly(eleventyConfig, "kontakt", {
    layout: "directory.njk",
    permalink: "/kontakt/",
    title: "Kontakt",
    description: "Alla kontaktpersoner i projektarkivet, med telefonnummer och de projekt de är kontakt för.",
    searchable: true,
    eleventyComputed: generatedPageData,
  });
  eleventyConfig.addTemplate("generated/vcard.njk", "{{ contact | vcard(archive.site) | safe }}", {
    pagination: { data: "archive.contacts", size: 1, alias: "contact" },
    permalink: "/kontakt/{{ contact.id }}.vcf",
    eleventyExcludeFromCollections: true,
  });

  for (const [facets, page] of Object.entries(FACET_PAGES)) {
    layoutOnly(eleventyConfig, `facet-${facets}`, {
      layout: "facet.njk",
      pagination: { data: `archive.facets.${facets}`, size: 1, alias: "facet" },
      permalink: (data: { facet: { url: string } }) => data.facet.url,
      eleventyComputed: {
        ...generatedPageData,
        title: (data: { facet: { name: string } }) => page.title.replace("{name}", data.facet.name),
        description: (data: { facet: { projects: unknown[] } }) => `${data.facet.projects.length} projekt i arkivet.`,
        responsibility: (data: ArchiveData & { facet: { reviewed: string } }) => ({
          ...data.archive.site.generatedPages,
          reviewed: data.facet.reviewed,
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
