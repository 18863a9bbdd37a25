import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Archive, Contact } from "../content/model/model.ts";
import type { PageView } from "./page-views.ts";
import type { MapFile } from "../maps/partner-maps.ts";

/**
 * A template with no content of its own, one page per view in `views` (a path in the global
 * `views` data); its layout renders everything. Every page of the site is made this way:
 * Eleventy reads none of the editors' files itself.
 */
function viewTemplate(eleventyConfig: UserConfig, name: string, layout: string, views: string): void {
  eleventyConfig.addTemplate(`generated/${name}.njk`, "", {
    layout,
    pagination: { data: `views.${views}`, size: 1, alias: "view" },
    permalink: (data: { view: PageView }) => data.view.url,
  });
}

/**
 * A template that writes one file from the archive. A file that shows no project text is made only
 * by full builds: in the preview's quick rebuild after a project edit (incremental.ts) its template
 * paginates over an empty list, so it is neither rendered nor written.
 */
function archiveFile(
  eleventyConfig: UserConfig,
  name: string,
  permalink: string | ((data: Record<string, unknown>) => string | false),
  content: string,
  { showsProjectText = false, ...data }: { showsProjectText?: boolean } & Record<string, unknown> = {},
): void {
  eleventyConfig.addTemplate(`generated/${name}.njk`, content, {
    permalink,
    ...(showsProjectText ? {} : { pagination: { data: "fullBuild.files", size: 1, alias: "file" } }),
    ...data,
  });
}

/**
 * Every page and file of the site: the projects, the archive index, the browsing pages (themes too), the
 * contact directory and each person's list, the cookie page, the accessibility statement, search,
 * the open data's dictionary and 404; then vCards, the feed, the sitemap, robots.txt, _headers and the open data; and the web
 * editor's page and config, where the site has one.
 */
export function addPages(eleventyConfig: UserConfig): void {
  viewTemplate(eleventyConfig, "projekt", "project.njk", "projects");
  viewTemplate(eleventyConfig, "index", "archive.njk", "index");
  viewTemplate(eleventyConfig, "amne", "facet.njk", "facets.themes");
  viewTemplate(eleventyConfig, "finansiar", "facet.njk", "facets.funders");
  viewTemplate(eleventyConfig, "ar", "facet.njk", "facets.years");
  viewTemplate(eleventyConfig, "land", "facet.njk", "facets.countries");
  viewTemplate(eleventyConfig, "program", "facet.njk", "facets.programmes");
  viewTemplate(eleventyConfig, "organisation", "facet.njk", "facets.organisations");
  viewTemplate(eleventyConfig, "lan", "facet.njk", "facets.counties");
  viewTemplate(eleventyConfig, "kontakt", "directory.njk", "directory");
  viewTemplate(eleventyConfig, "kontakt-person", "person.njk", "people");
  viewTemplate(eleventyConfig, "kakor", "cookies.njk", "cookies");
  viewTemplate(eleventyConfig, "tillganglighet", "accessibility.njk", "accessibility");
  viewTemplate(eleventyConfig, "sok", "search.njk", "search");
  viewTemplate(eleventyConfig, "oppna-data", "open-data.njk", "openData");
  viewTemplate(eleventyConfig, "404", "404.njk", "notFound");

  // One vCard per person; the preview's quick rebuild has no people (`fullBuild`, plugin.ts).
  archiveFile(eleventyConfig, "vcard", (data) => `/kontakt/${(data.contact as Contact).id}.vcf`, "{{ contact | vcard(archive.site) | safe }}", {
    pagination: { data: "fullBuild.contacts", size: 1, alias: "contact" },
  });
  // The maps of partner countries (src/maps/), one file per map; the quick rebuild keeps the last ones.
  archiveFile(eleventyConfig, "kartor", (data) => (data.map as MapFile).url, "{{ map.svg | safe }}", {
    pagination: { data: "fullBuild.maps", size: 1, alias: "map" },
  });
  archiveFile(eleventyConfig, "feed", "/feed.xml", "", { layout: "feed.njk", showsProjectText: true });
  // Open data is for publishing; the preview's quick rebuild leaves it, like the search index.
  archiveFile(eleventyConfig, "projekt-json", "/projekt.json", "{{ archive | openData | safe }}");
  archiveFile(eleventyConfig, "sitemap", "/sitemap.xml", "", { layout: "sitemap.njk" });
  archiveFile(
    eleventyConfig,
    "robots",
    "/robots.txt",
    "User-agent: *\nDisallow: {{ '/admin/' | publicPath(archive.site.url) }}\nAllow: /\n\nSitemap: {{ '/sitemap.xml' | publicUrl(archive.site.url) }}\n",
  );
  archiveFile(eleventyConfig, "stylesheet", "/assets/style.css", "{{ archive.site | stylesheet | safe }}");
  archiveFile(eleventyConfig, "favicon", "/assets/favicon.svg", "{{ archive.site | favicon | safe }}");
  // The same response headers for Netlify and Cloudflare (_headers), Apache (a .htaccess in each
  // folder with rules of its own, so that any path prefix works; Pagefind's index is written into
  // pagefind/ after the pages and leaves its .htaccess there) and nginx (a snippet to include).
  archiveFile(eleventyConfig, "headers", "/_headers", "{{ archive.site | headersFile | safe }}");
  for (const folder of ["/", "/sok/", "/pagefind/", "/admin/"]) {
    const permalink = (data: Record<string, unknown>) => (folder !== "/admin/" || (data.archive as Archive).site.cms ? `${folder}.htaccess` : false);
    archiveFile(eleventyConfig, `htaccess${folder.replace(/\//g, "-")}`, permalink, `{{ archive.site | htaccessFile("${folder}") | safe }}`);
  }
  archiveFile(eleventyConfig, "nginx", "/_nginx.conf", "{{ archive.site | nginxSnippet | safe }}");
  archiveFile(eleventyConfig, "projekt-schema", "/projekt.schema.json", "{{ archive | openDataSchema | safe }}");
  // The DCAT-AP-SE catalogue, for a site with `dcat: true` (src/open-data/dcat.ts).
  archiveFile(eleventyConfig, "dcat", (data) => ((data.archive as Archive).site.dcat ? "/dcat.rdf" : false), "{{ archive | dcatCatalogue | safe }}");

  // The web editor (src/cms/): `admin` holds its config when this build has /admin/, and is empty otherwise.
  const adminFile = (name: string, permalink: string, content: string, data: Record<string, unknown> = {}) =>
    eleventyConfig.addTemplate(`generated/${name}.njk`, content, { permalink, pagination: { data: "admin", size: 1, alias: "cms" }, ...data });
  adminFile("admin", "/admin/", "", { layout: "admin.njk" });
  adminFile("admin-config", "/admin/config.yml", "{{ cms.config | safe }}");
}
