/** The validated, resolved archive that templates render. Nothing here is re-parsed later. */
import type { PartialDate } from "../../format/date.ts";
import type { PhoneNumber } from "../../format/phone.ts";
import { paginate, pageUrlOf, type ListPage } from "./pagination.ts";
import type { DocumentCategory } from "../../format/document-categories.ts";
import type { ConsentCategory, FunderData, PartnerRole, SiteData, AccessibilityData } from "./schema.ts";

/** A short link to a project, for lists that must not drag the whole project along. */
export interface ProjectLink {
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
}

export type MentionRole = "contact" | "contentOwner" | "publishedBy";

/** A place where a contact is named: a project page or one of the site's own pages. */
export interface Mention {
  readonly title: string;
  readonly url: string;
  readonly roles: readonly MentionRole[];
}

export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly phones: readonly PhoneNumber[];
  readonly email?: string;
  /** Markdown: a short presentation. */
  readonly body: string;
  readonly sourcePath: string;
  /** Where the person is named, in the order of the site's pages. */
  readonly mentions: Mention[];
  /** A person in another archive (a harvested project's): who they work for, and their entry in that archive's directory. */
  readonly elsewhere?: { readonly organisation: string; readonly url?: string };
}

/** An archive that publishes a project: its organisation and the project's page there. */
export interface Home {
  readonly organisation: string;
  readonly organisationNumber?: string;
  /** The archive's address. */
  readonly site: string;
  /** The project's page in that archive. */
  readonly url: string;
  readonly counties: readonly string[];
}

/** Who answers for a page and when it was last checked. */
export interface PageResponsibility {
  readonly reviewed: string;
  readonly contentOwner: Contact;
  readonly publishedBy: Contact;
}

export interface Partner {
  readonly name: string;
  readonly country?: string;
  readonly roles: readonly PartnerRole[];
  readonly lang?: string;
  readonly url?: string;
  /** Shown nowhere, but kept in the open data: a national archive recognises the partner by it (src/harvest/trust.ts). */
  readonly organisationNumber?: string;
}

/** Partners from one country, in the order the editor listed them. */
export interface PartnerGroup {
  readonly country?: string;
  readonly partners: readonly Partner[];
}

/** A picture shown on a page: a file in filer/ and its text alternative ("" for decoration). */
export interface Picture {
  /** The path under filer/, which the processed versions are found by (src/eleventy/images.ts). */
  readonly path: string;
  readonly alt: string;
}

/** A document linked from a project's page: "Slutrapport (PDF, 1,2 MB)". */
export interface ProjectDocument {
  readonly title: string;
  readonly url: string;
  /** "PDF", "Word", "OpenDocument-text". */
  readonly format: string;
  readonly size: number;
  readonly lang?: string;
  /** YYYY-MM-DD. */
  readonly published?: string;
  /** For a PDF: what it lacks to be accessible ("taggar", "dokumentspråk", "titel"); empty when nothing. */
  readonly shortcomings: readonly string[];
  /** What the document is for, as the editor says ("slutrapport"); not its file format. */
  readonly category?: DocumentCategory;
}

/** A PDF in the accessibility statement's lists, with the project that links it. */
export interface ListedDocument extends ProjectDocument {
  readonly project: ProjectLink;
  /** The document's field in its project file, for `npm run check`'s warnings. */
  readonly sourcePath: string;
  readonly line?: number;
  readonly field: string;
}

/**
 * The documents the accessibility statement names (lagen 2018:1937): PDFs that are not accessible,
 * and older ones under the exemption for office documents published before 23 September 2018.
 */
export interface DocumentStatement {
  readonly inaccessible: readonly ListedDocument[];
  readonly exempt: readonly ListedDocument[];
}

/** A file in filer/. */
export interface Attachment {
  /** The path under filer/, with / between folders: "vinna-vinna/slutrapport.pdf". */
  readonly path: string;
  /** The absolute path on disk. */
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** A name in the path starts with a dot (.gitkeep, .dold/): published with the rest, never linked by an editor. */
  readonly hidden?: true;
  /** A symbolic link in a hidden folder, which the validation of the content tree does not follow (reading/content-tree.ts). */
  readonly link?: true;
}

/** The files of filer/ as the pages use them. */
export interface ArchiveFiles {
  /** Every picture a page shows, by its path under filer/. */
  readonly pictures: ReadonlyMap<string, Attachment>;
  /** Files that no page, setting or other file refers to. */
  readonly unreferenced: readonly Attachment[];
  readonly statement: DocumentStatement;
  /** Pictures with EXIF, XMP or IPTC metadata (a camera's serial, the owner, where it was taken): published without it (images.ts). */
  readonly withMetadata: readonly Attachment[];
  /** Files whose names are not in Unicode's composed form (NFC), as macOS saves them: published under the NFC name (plugin.ts). */
  readonly decomposedNames: readonly Attachment[];
  /** PDFs of drafts that the statement will list once they are published: warnings in `check`. */
  readonly draftDocuments: readonly ListedDocument[];
  /** Files that more than one project links, with those projects' files: warnings in `check`. */
  readonly shared: readonly { readonly path: string; readonly projects: readonly string[] }[];
}

export interface Project {
  /** The lasting identifier in the open data (SE-ORGNR-…), where the file has one. */
  readonly id?: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly summary: string;
  /** The lead picture: at the top of the page, small in lists, and the page's og:image. */
  readonly image?: Picture;
  readonly period?: { readonly start?: PartialDate; readonly end?: PartialDate };
  /** What the project was about: labels from the site's vocabulary (or, harvested, the source's), each with its browsing page. */
  readonly themes: readonly Theme[];
  readonly goals: readonly string[];
  /** What the project achieved, and what was learned: Markdown lines, like goals. */
  readonly results: readonly string[];
  readonly lessons: readonly string[];
  readonly partnerGroups: readonly PartnerGroup[];
  /** Each funder with the URL of its page in the archive, which lists every project it funded. */
  /** The funders, with the grant each gave where the file says it, and each funder's browsing page. */
  readonly funders: readonly (FunderData & { readonly page: string })[];
  readonly events: readonly { readonly date: PartialDate; readonly title: string }[];
  readonly documents: readonly ProjectDocument[];
  readonly contacts: readonly Contact[];
  /** Related projects in both directions: those this one names and those that name it. */
  readonly related: readonly ProjectLink[];
  readonly responsibility: PageResponsibility;
  readonly body: string;
  readonly sourcePath: string;
  /** Only in the preview: a draft is shown there, marked, and left out of the published site. */
  readonly draft: boolean;
  /**
   * On a site with sources (src/harvest/): every archive that publishes the project, this site
   * first when it is one of them. Undefined on a site without sources.
   */
  readonly homes?: readonly Home[];
  /** For a project harvested from another archive: its page there, this copy's canonical address. */
  readonly canonical?: string;
}

/** A theme of a project: its label and the page that lists every project with it. */
export interface Theme {
  readonly name: string;
  readonly url: string;
}

/** A page that lists the projects sharing one trait: a theme, a funder, the year they ended, a country. */
export interface Facet {
  readonly kind: "theme" | "funder" | "programme" | "year" | "country" | "organisation" | "county";
  /** The last part of the URL: a slug, a year, or a lowercase country code. */
  readonly key: string;
  /** "Statens kulturråd", "2011" or "Norge". */
  readonly name: string;
  readonly url: string;
  /** The funder's own website, for funder pages. */
  readonly website?: string;
  readonly projects: readonly Project[];
  /** The newest review date among the listed projects. */
  readonly reviewed: string;
}

export interface Facets {
  readonly themes: readonly Facet[];
  readonly funders: readonly Facet[];
  readonly programmes: readonly Facet[];
  readonly years: readonly Facet[];
  readonly countries: readonly Facet[];
  /** Only on a site with sources: the organisations that publish the projects, and their counties. */
  readonly organisations: readonly Facet[];
  readonly counties: readonly Facet[];
}

/** One of the site's own pages: the archive index, cookies, accessibility. */
export interface SitePage {
  readonly kind: "index" | "cookies" | "accessibility";
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  readonly responsibility: PageResponsibility;
  readonly body: string;
  readonly sourcePath: string;
}

export interface AccessibilityPage extends SitePage {
  readonly kind: "accessibility";
  readonly statement: Pick<AccessibilityData, "compliance" | "assessed" | "method"> & {
    readonly feedback: { readonly email?: string; readonly phone?: PhoneNumber; readonly url?: string };
  };
}

export interface Site extends Omit<SiteData, "contacts" | "generatedPages" | "cookies" | "logo" | "themes"> {
  /** The organisation's logo, shown in the header. */
  readonly logo?: Picture;
  /** The themes projects may have, in the order editors are offered them (src/format/themes.ts). */
  readonly themeVocabulary: readonly string[];
  /** The site-wide "Kontakt" list, in the editor's order. */
  readonly contacts: readonly Contact[];
  /** Page information for pages the build generates, such as the contact directory. */
  readonly generatedPages: PageResponsibility;
  readonly consentCategories: readonly ConsentCategory[];
}

/**
 * The whole archive. A class rather than a plain object so that Eleventy's data cascade passes it
 * by reference instead of deep-merging a copy into every page.
 */
export class Archive {
  constructor(
    readonly site: Site,
    readonly pages: { readonly index: SitePage; readonly cookies: SitePage; readonly accessibility: AccessibilityPage },
    /** Published projects (and, in the preview, drafts), the newest end date first. */
    readonly projects: readonly Project[],
    /** Contacts in the order of the directory: by name. */
    readonly contacts: readonly Contact[],
    /** Source paths of projects marked `draft: true`. */
    readonly drafts: readonly string[],
    /** Pages per funder, per year a project ended, and per partner country. */
    readonly facets: Facets,
    readonly files: ArchiveFiles,
    /** What was harvested from other archives, for a site with sources (src/harvest/). */
    readonly harvest: HarvestSummary = NO_HARVEST,
  ) {}

  /**
   * The site's own projects: those its editors write and answer for, without the copies harvested
   * from other archives (src/harvest/). The open data, reviews, the link check and ids are about these.
   */
  ownProjects(): readonly Project[] {
    return (this.#own ??= this.projects.filter((project) => !project.canonical));
  }

  // The paginated lists are made once per build, by the page views (src/eleventy/page-views.ts).

  /** The pages of the index: every project, newest first, 50 to a page. */
  indexPages(): readonly ListPage<Project>[] {
    return paginate(this.projects, this.pages.index.url);
  }

  /** The pages of the contact directory, by name. */
  directoryPages(): readonly ListPage<Contact>[] {
    return paginate(this.contacts, DIRECTORY_URL);
  }

  /** The directory page and anchor where a contact is presented. */
  directoryUrl(contact: Contact): string {
    this.#directoryPositions ??= new Map(this.contacts.map((entry, position) => [entry.id, position]));
    return `${pageUrlOf(this.#directoryPositions.get(contact.id) ?? 0, DIRECTORY_URL)}#${contact.id}`;
  }

  /** How many of a person's projects and pages the directory lists before it links to their own page. */
  get mentionsInDirectory(): number {
    return MENTIONS_IN_DIRECTORY;
  }

  /** The page listing everything a person is named on, for people named on more pages than the directory shows. */
  mentionsUrl(contact: Contact): string | undefined {
    return contact.mentions.length > MENTIONS_IN_DIRECTORY ? `${DIRECTORY_URL}${contact.id}/` : undefined;
  }

  /** The pages of every person's own list, for those the directory cannot list in full. */
  mentionPages(): readonly ContactListPage[] {
    return this.contacts.flatMap((contact) => {
      const url = this.mentionsUrl(contact);
      return url ? paginate(contact.mentions, url).map((page) => ({ ...page, contact })) : [];
    });
  }

  /** The pages of each browsing page, by kind: every funder, year and country, 50 projects to a page. */
  facetPages(): Readonly<Record<keyof Facets, readonly FacetListPage[]>> {
    const pagesOf = (facets: readonly Facet[]) => facets.flatMap((facet) => paginate(facet.projects, facet.url).map((page) => ({ ...page, facet })));
    const { themes, funders, programmes, years, countries, organisations, counties } = this.facets;
    return {
      themes: pagesOf(themes),
      funders: pagesOf(funders),
      programmes: pagesOf(programmes),
      years: pagesOf(years),
      countries: pagesOf(countries),
      organisations: pagesOf(organisations),
      counties: pagesOf(counties),
    };
  }

  #directoryPositions?: Map<string, number>;
  #own?: readonly Project[];
}

/** One source of a site with sources, as its last harvested copy was read. */
export interface HarvestedSourceSummary {
  /** The address or path written in site.yaml. */
  readonly address: string;
  readonly organisation: string;
  /** The copy in content/_harvest/, or undefined when the source has not been harvested yet. */
  readonly file?: string;
  readonly projects: number;
  readonly skipped: number;
}

/** The same project published by two archives, shown once: which copy was kept, and why they are one. */
export interface HarvestMerge {
  readonly title: string;
  /** The organisations, the kept copy's first. */
  readonly organisations: readonly string[];
  readonly by: "id" | "title-and-period";
}

export interface HarvestSummary {
  readonly sources: readonly HarvestedSourceSummary[];
  readonly merges: readonly HarvestMerge[];
}

const NO_HARVEST: HarvestSummary = { sources: [], merges: [] };

/** The contact directory's first page. */
export const DIRECTORY_URL = "/kontakt/";

/** Projects and pages listed under a person in the directory; more are on the person's own page. */
const MENTIONS_IN_DIRECTORY = 10;

/** One page of a browsing page's projects. */
export interface FacetListPage extends ListPage<Project> {
  readonly facet: Facet;
}

/** One page of the projects and pages a person is named on. */
export interface ContactListPage extends ListPage<Mention> {
  readonly contact: Contact;
}
