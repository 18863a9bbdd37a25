import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Archive } from "../content/model.ts";

interface ArchiveData {
  archive: Archive;
}

/** Page information and breadcrumbs for a generated page directly under the archive index. */
const generatedPageData = {
  responsibility: (data: ArchiveData) => data.archive.site.generatedPages,
  crumbs: (data: ArchiveData) => [data.archive.pages.index],
};

/**
 * Pages the build makes from the archive rather than from one file: the contact directory, one
 * vCard per person, and the 404 page. Each is a virtual template whose layout does the work.
 */
export function addGeneratedPages(eleventyConfig: UserConfig): void {
  eleventyConfig.addTemplate("generated/kontakt.njk", "", {
    layout: "directory.njk",
    permalink: "/kontakt/",
    title: "Kontakt",
    description: "Alla kontaktpersoner i projektarkivet, med telefonnummer och de projekt de är kontakt för.",
    eleventyComputed: generatedPageData,
  });
  eleventyConfig.addTemplate("generated/vcard.njk", "{{ contact | vcard(archive.site) | safe }}", {
    pagination: { data: "archive.contacts", size: 1, alias: "contact" },
    permalink: "/kontakt/{{ contact.id }}.vcf",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("generated/404.njk", "", {
    layout: "404.njk",
    permalink: "/404.html",
    title: "Sidan finns inte",
    eleventyExcludeFromCollections: true,
    eleventyComputed: generatedPageData,
  });
}
