import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Archive } from "../content/model.ts";
import type { ListPage } from "../content/pagination.ts";

/** The global data every page has: the validated archive. */
export interface ArchiveData {
  archive: Archive;
}

/** A step on the way to the current page, for the breadcrumb trail. */
export interface Crumb {
  readonly title: string;
  readonly url: string;
}

/**
 * A virtual template with no content of its own: its layout renders everything from the data.
 * Every page of the site is one of these; Eleventy reads none of the editors' files itself.
 */
export function layoutOnly(eleventyConfig: UserConfig, name: string, data: Record<string, unknown>): void {
  eleventyConfig.addTemplate(`generated/${name}.njk`, "", data);
}

/** Data for a template that makes one page per `ListPage` in `data`, aliased `listPage`. */
export function paginated(data: string) {
  return {
    pagination: { data, size: 1, alias: "listPage" },
    permalink: (page: { listPage: ListPage<unknown> }) => page.listPage.url,
  };
}

/** Breadcrumbs for a page of a list: the first page of the list leads back from the others. */
export function crumbsFor(data: ArchiveData & { listPage: ListPage<unknown> }, title: string, firstUrl: string): Crumb[] {
  const home = data.archive.pages.index;
  return data.listPage.number === 1 ? [home] : [home, { title, url: firstUrl }];
}
