import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Project, SitePage } from "../content/model.ts";
import { titleOfPage, type ListPage } from "../content/pagination.ts";
import { layoutOnly, paginated, type ArchiveData } from "./virtual-templates.ts";

type ProjectData = ArchiveData & { project: Project };
type IndexData = ArchiveData & { listPage: ListPage<Project> };

/** The data of one of the site's own pages, looked up in the archive when the page renders. */
function sitePageData(kind: "cookies" | "accessibility", layout: string) {
  const sitePage = (data: ArchiveData): SitePage => data.archive.pages[kind];
  return {
    layout,
    permalink: (data: ArchiveData) => sitePage(data).url,
    eleventyComputed: {
      sitePage,
      title: (data: ArchiveData) => sitePage(data).title,
      description: (data: ArchiveData) => sitePage(data).summary,
      responsibility: (data: ArchiveData) => sitePage(data).responsibility,
      crumbs: (data: ArchiveData) => [data.archive.pages.index],
    },
  };
}

/**
 * The pages made from the editors' files: one per project, the archive index (50 projects to a
 * page at /, /sida/2/ and so on), the cookie page and the accessibility statement. Each is a
 * paginated template over the validated archive, so every file is read and parsed once, by the
 * loader, and its Markdown never passes through Nunjucks.
 */
export function addContentPages(eleventyConfig: UserConfig): void {
  layoutOnly(eleventyConfig, "projekt", {
    layout: "project.njk",
    pagination: { data: "archive.projects", size: 1, alias: "project" },
    permalink: (data: ProjectData) => data.project.url,
    searchable: true,
    eleventyComputed: {
      title: (data: ProjectData) => data.project.title,
      description: (data: ProjectData) => data.project.summary,
      responsibility: (data: ProjectData) => data.project.responsibility,
      crumbs: (data: ProjectData) => [data.archive.pages.index],
    },
  });
  layoutOnly(eleventyConfig, "index", {
    layout: "archive.njk",
    ...paginated("archive.indexPages"),
    eleventyComputed: {
      sitePage: (data: IndexData) => data.archive.pages.index,
      title: (data: IndexData) => titleOfPage(data.archive.pages.index.title, data.listPage),
      description: (data: IndexData) => data.archive.pages.index.summary,
      responsibility: (data: IndexData) => data.archive.pages.index.responsibility,
      crumbs: (data: IndexData) => (data.listPage.number === 1 ? [] : [data.archive.pages.index]),
    },
  });
  layoutOnly(eleventyConfig, "kakor", sitePageData("cookies", "cookies.njk"));
  layoutOnly(eleventyConfig, "tillganglighet", sitePageData("accessibility", "accessibility.njk"));
}
