import type { Archive, Contact, Project, SitePage } from "../content/model.ts";
import { titleOfPage, type ListPage } from "../content/pagination.ts";

/** A step on the way to the current page, for the breadcrumb trail. */
export interface Crumb {
  readonly title: string;
  readonly url: string;
}

const LAYOUTS: Record<SitePage["kind"], string> = {
  index: "archive.njk",
  cookies: "cookies.njk",
  accessibility: "accessibility.njk",
};

function isProject(entry: Project | SitePage | Contact): entry is Project {
  return "slug" in entry;
}

function isContact(entry: Project | SitePage | Contact): entry is Contact {
  return "mentions" in entry;
}

/**
 * The Eleventy data for one content file: its layout, URL and the validated entry. Contacts get no
 * page of their own; they appear in the directory and as vCards.
 */
export function pageDataFor(archive: Archive, sourcePath: string): Record<string, unknown> {
  const entry = archive.entryFor(sourcePath);
  if (!entry) {
    // Drafts, which the build reports; anything else was refused by validation.
    return { permalink: false, eleventyExcludeFromCollections: true };
  }
  if (isContact(entry)) return { permalink: false, eleventyExcludeFromCollections: true };
  const home: Crumb = { title: archive.pages.index.title, url: archive.pages.index.url };
  if (isProject(entry)) {
    return {
      layout: "project.njk",
      searchable: true,
      permalink: entry.url,
      title: entry.title,
      description: entry.summary,
      responsibility: entry.responsibility,
      crumbs: [home],
      project: entry,
      body: entry.body,
    };
  }
  const page = {
    layout: LAYOUTS[entry.kind],
    permalink: entry.url,
    title: entry.title,
    description: entry.summary,
    responsibility: entry.responsibility,
    crumbs: [home],
    sitePage: entry,
    body: entry.body,
  };
  if (entry.kind !== "index") return page;
  // The index lists every project, 50 to a page: /, /sida/2/ and so on.
  return {
    ...page,
    pagination: { data: "archive.indexPages", size: 1, alias: "listPage" },
    permalink: (data: { listPage: ListPage<Project> }) => data.listPage.url,
    eleventyComputed: {
      title: (data: { listPage: ListPage<Project> }) => titleOfPage(entry.title, data.listPage),
      crumbs: (data: { listPage: ListPage<Project> }) => (data.listPage.number === 1 ? [] : [home]),
    },
  };
}
