/**
 * Every HTML page of the site as a view: its URL, title, description, page information and
 * breadcrumbs, worked out once per build from the validated archive, plus what its layout shows.
 * Each kind of page is one Eleventy template paginated over its views, so Eleventy computes no
 * data per page: at thousands of pages, `eleventyComputed` costs more than rendering.
 */
import {
  DIRECTORY_URL,
  type Archive,
  type Contact,
  type ContactListPage,
  type FacetListPage,
  type Facets,
  type PageResponsibility,
  type Project,
  type SitePage,
} from "../content/model/model.ts";
import { titleOfPage, type ListPage } from "../content/model/pagination.ts";
import { GRANT_COLUMNS, OPEN_DATA_PAGE, PROJECT_COLUMNS, type Column } from "../open-data/project-table.ts";

/** A step on the way to the current page, for the breadcrumb trail. */
export interface Crumb {
  readonly title: string;
  readonly url: string;
}

/** What the base layout needs of every HTML page. */
export interface PageView {
  readonly url: string;
  readonly title: string;
  readonly description?: string;
  /** Who answers for the page and when it was reviewed; shown as page information. */
  readonly responsibility: PageResponsibility;
  /** The way from the archive index to the page, not counting the page itself. */
  readonly crumbs: readonly Crumb[];
  /** Whether Pagefind indexes the page's main content. */
  readonly searchable?: boolean;
}

export interface ProjectView extends PageView {
  readonly project: Project;
  /** The project's filters on the search page, which Pagefind reads from the page. */
  readonly searchFilters: readonly SearchFilter[];
  /** Where the project stands in the archive's list, by which a search with filters alone orders its results. */
  readonly listPosition: number;
}

/** A filter of the search page: its name in the address ("amne") and its legend ("Ämne"). */
export interface SearchFilterGroup {
  readonly name: string;
  readonly legend: string;
}

/** One value a page has for a filter of the search page: `{ name: "land", value: "Norge" }`. */
export interface SearchFilter {
  readonly name: string;
  readonly value: string;
}

/** The search page, with the filters this archive has values for. */
export interface SearchView extends PageView {
  readonly filterGroups: readonly SearchFilterGroup[];
}

export interface SitePageView extends PageView {
  readonly sitePage: SitePage;
}

export interface IndexView extends SitePageView {
  readonly listPage: ListPage<Project>;
}

/** The data dictionary: the tables of the downloads, each with its columns. */
export interface OpenDataView extends PageView {
  readonly tables: readonly { readonly id: string; readonly name: string; readonly columns: readonly Column<never>[] }[];
}

export interface ListView<Page> extends PageView {
  readonly listPage: Page;
}

/** The views of every HTML page, by the template that renders them. */
export interface PageViews {
  readonly projects: readonly ProjectView[];
  readonly index: readonly IndexView[];
  readonly cookies: readonly SitePageView[];
  readonly accessibility: readonly SitePageView[];
  readonly facets: Readonly<Record<keyof Facets, readonly ListView<FacetListPage>[]>>;
  readonly directory: readonly ListView<ListPage<Contact>>[];
  readonly people: readonly ListView<ContactListPage>[];
  readonly search: readonly SearchView[];
  readonly openData: readonly OpenDataView[];
  readonly notFound: readonly PageView[];
}

/** The heading of each kind of browsing page. */
const FACET_TITLES: Record<keyof Facets, string> = {
  themes: "Projekt om {name}",
  funders: "Projekt som har haft stöd av {name}",
  programmes: "Projekt i programmet {name}",
  years: "Projekt som avslutades {name}",
  countries: "Projekt med partner i {name}",
  organisations: "Projekt från {name}",
  counties: "Projekt i {name}",
};

/**
 * The search page's filters: each kind of browsing page is one, named in the address
 * (`/sok/?amne=läsfrämjande&land=Norge`) by the folder of its pages and offered in this order,
 * the start page's. A page's value is the browsing page's name ("Norge").
 */
export const SEARCH_FILTERS: Record<keyof Facets, SearchFilterGroup> = {
  themes: { name: "amne", legend: "Ämne" },
  organisations: { name: "organisation", legend: "Organisation" },
  counties: { name: "lan", legend: "Län" },
  funders: { name: "finansiar", legend: "Finansiär" },
  programmes: { name: "program", legend: "Program" },
  years: { name: "ar", legend: "År då projektet avslutades" },
  countries: { name: "land", legend: "Land" },
};

/** Each project's filters, from the browsing pages it is listed on, so that a filter finds what its page lists. */
function searchFiltersOf(facets: Facets): Map<Project, SearchFilter[]> {
  const filters = new Map<Project, SearchFilter[]>();
  for (const [kind, group] of Object.entries(SEARCH_FILTERS)) {
    for (const facet of facets[kind as keyof Facets]) {
      for (const project of facet.projects) {
        const list = filters.get(project) ?? [];
        list.push({ name: group.name, value: facet.name });
        filters.set(project, list);
      }
    }
  }
  return filters;
}

const views = new WeakMap<Archive, PageViews>();

/** The views of an archive's pages, made once per archive. */
export function pageViews(archive: Archive): PageViews {
  let made = views.get(archive);
  if (!made) {
    made = makeViews(archive);
    views.set(archive, made);
  }
  return made;
}

function makeViews(archive: Archive): PageViews {
  const { index, cookies, accessibility } = archive.pages;
  const home: Crumb = { title: index.title, url: index.url };
  const generated = archive.site.generatedPages;
  /** Breadcrumbs for a page of a list: later pages lead back to the first. */
  const listCrumbs = (page: ListPage<unknown>, title: string, firstUrl: string): Crumb[] =>
    page.number === 1 ? [home] : [home, { title, url: firstUrl }];
  const sitePageView = (sitePage: SitePage): SitePageView => ({
    url: sitePage.url,
    title: sitePage.title,
    ...(sitePage.summary ? { description: sitePage.summary } : {}),
    responsibility: sitePage.responsibility,
    crumbs: [home],
    sitePage,
  });
  const facetPages = archive.facetPages();
  const searchFilters = searchFiltersOf(archive.facets);
  const facetViews = (kind: keyof Facets) =>
    facetPages[kind].map((listPage) => {
      const title = FACET_TITLES[kind].replace("{name}", listPage.facet.name);
      return {
        url: listPage.url,
        title: titleOfPage(title, listPage),
        description: `${listPage.total} projekt i arkivet.`,
        responsibility: { ...generated, reviewed: listPage.facet.reviewed },
        crumbs: listCrumbs(listPage, title, listPage.facet.url),
        listPage,
      };
    });

  return {
    projects: archive.projects.map((project, listPosition) => ({
      url: project.url,
      title: project.title,
      description: project.summary,
      responsibility: project.responsibility,
      crumbs: [home],
      searchable: true,
      project,
      searchFilters: searchFilters.get(project) ?? [],
      listPosition,
    })),
    index: archive.indexPages().map((listPage) => ({
      ...sitePageView(index),
      url: listPage.url,
      title: titleOfPage(index.title, listPage),
      crumbs: listPage.number === 1 ? [] : [home],
      listPage,
    })),
    cookies: [sitePageView(cookies)],
    accessibility: [sitePageView(accessibility)],
    facets: Object.fromEntries(Object.keys(FACET_TITLES).map((kind) => [kind, facetViews(kind as keyof Facets)])) as unknown as PageViews["facets"],
    directory: archive.directoryPages().map((listPage) => ({
      url: listPage.url,
      title: titleOfPage("Kontakt", listPage),
      description: "Alla kontaktpersoner i projektarkivet, med telefonnummer och de projekt de är kontakt för.",
      responsibility: generated,
      crumbs: listCrumbs(listPage, "Kontakt", DIRECTORY_URL),
      searchable: true,
      listPage,
    })),
    people: archive.mentionPages().map((listPage) => ({
      url: listPage.url,
      title: titleOfPage(`Projekt och sidor med ${listPage.contact.name}`, listPage),
      description: `${listPage.total} projekt och sidor där ${listPage.contact.name} är kontakt eller ansvarig.`,
      responsibility: generated,
      crumbs: [home, { title: "Kontakt", url: DIRECTORY_URL }],
      listPage,
    })),
    search: [
      {
        url: "/sok/",
        title: "Sök i arkivet",
        description: "Sök bland projekten och kontaktpersonerna i arkivet.",
        responsibility: generated,
        crumbs: [home],
        filterGroups: (Object.keys(SEARCH_FILTERS) as (keyof Facets)[]).filter((kind) => archive.facets[kind].length > 0).map((kind) => SEARCH_FILTERS[kind]),
      },
    ],
    openData: [
      {
        url: OPEN_DATA_PAGE,
        title: "Öppna data",
        description: "Arkivets projekt och bidrag som filer att ladda ner, i CSV och Excel, och vad varje kolumn betyder.",
        responsibility: generated,
        crumbs: [home],
        tables: [
          { id: "projekt", name: "Projekt", columns: PROJECT_COLUMNS as readonly Column<never>[] },
          { id: "bidrag", name: "Bidrag", columns: GRANT_COLUMNS as readonly Column<never>[] },
        ],
      },
    ],
    notFound: [{ url: "/404.html", title: "Sidan finns inte", responsibility: generated, crumbs: [home] }],
  };
}
