import { groupByCountry } from "../../format/partner-roles.ts";
import { comparePartialDates } from "../../format/date.ts";
import { facetsOf, funderPageUrl } from "./facets.ts";
import { formatFieldPath, type ContentError } from "../model/errors.ts";
import type { ContentFile, ValidatedFile } from "../model/content-file.ts";
import { PROJECTS_FOLDER } from "../reading/content-tree.ts";
import {
  Archive,
  type AccessibilityPage,
  type Contact,
  type Mention,
  type MentionRole,
  type PageResponsibility,
  type Project,
  type ProjectLink,
  type SitePage,
  type Theme,
} from "../model/model.ts";
import { themeKey, themePageUrl, themeVocabulary, vocabularyLabels } from "../../format/themes.ts";
import type { AccessibilityData, ContactData, PageData, ProjectData, SiteData } from "../model/schema.ts";
import { didYouMean } from "../model/suggest.ts";
import { FileReferences, type FilesFound } from "../files/file-references.ts";

const collator = new Intl.Collator("sv");

export function projectUrl(slug: string): string {
  return `/projekt/${slug}/`;
}

const SITE_PAGE_URLS = { index: "/", cookies: "/kakor/", accessibility: "/tillganglighet/" } as const;

/** Ids of every file in the tree, valid or not, so a broken file is not also reported as missing. */
export interface KnownIds {
  readonly contacts: ReadonlySet<string>;
  readonly projects: ReadonlySet<string>;
}

/** Collects reference errors against one file. */
export class ReferenceChecker {
  readonly errors: ContentError[] = [];

  constructor(
    private readonly contacts: ReadonlyMap<string, Contact>,
    private readonly projects: ReadonlyMap<string, ValidatedFile>,
    private readonly known: KnownIds,
    private readonly includeDrafts: boolean,
    private readonly themeVocabulary: readonly string[],
  ) {
    this.#themeLabel = vocabularyLabels(themeVocabulary);
  }

  readonly #themeLabel: (label: string) => string | undefined;

  /**
   * The project's themes as the vocabulary writes them ("Barn och unga" is barn och unga), each
   * with its page; an unknown one is reported with the closest known, or the whole list.
   */
  themes(source: ValidatedFile, labels: readonly string[]): Theme[] {
    return labels.flatMap((written, index) => {
      const label = this.#themeLabel(written);
      if (label) return [{ name: label, url: themePageUrl(label) }];
      const suggestion = didYouMean(written, this.themeVocabulary, themeKey);
      const choose = suggestion ? "" : `; välj ett av webbplatsens ämnen (${this.themeVocabulary.join(", ")})`;
      this.report(source, ["themes", index], `okänt ämne "${written}"${suggestion}${choose}, eller lägg till ämnet i webbplatsens lista under themes: i _data/site.yaml`);
      return [];
    });
  }

  contact(source: ValidatedFile, fieldPath: PropertyKey[], id: string): Contact | undefined {
    const contact = this.contacts.get(id);
    if (!contact && !this.known.contacts.has(id)) {
      this.report(source, fieldPath, `okänd kontakt "${id}": det finns ingen fil kontakter/${id}.md${didYouMean(id, this.contacts.keys())}`);
    }
    return contact;
  }

  responsibility(source: ValidatedFile, data: Pick<PageData, "reviewed" | "contentOwner" | "publishedBy">, prefix: PropertyKey[] = []): PageResponsibility | undefined {
    const contentOwner = this.contact(source, [...prefix, "contentOwner"], data.contentOwner);
    const publishedBy = this.contact(source, [...prefix, "publishedBy"], data.publishedBy);
    return contentOwner && publishedBy ? { reviewed: data.reviewed, contentOwner, publishedBy } : undefined;
  }

  project(source: ValidatedFile, fieldPath: PropertyKey[], slug: string): ValidatedFile | undefined {
    const project = this.projects.get(slug);
    if (slug === source.id) {
      this.report(source, fieldPath, "ett projekt kan inte vara relaterat till sig självt");
    } else if (!project) {
      if (this.known.projects.has(slug)) return undefined;
      this.report(source, fieldPath, `okänt projekt "${slug}": det finns ingen fil projekt/${slug}.md${didYouMean(slug, this.projects.keys())}`);
    } else if (this.includeDrafts || !(project.data as ProjectData).draft) {
      return project;
    }
    // A draft is left out on purpose; the relation appears when it is published.
    return undefined;
  }

  report(source: ValidatedFile, fieldPath: PropertyKey[], message: string) {
    this.errors.push({ file: source.file, line: source.locate(fieldPath), field: formatFieldPath(fieldPath), message });
  }
}

/** Newest end date first; projects without an end date last; then by title. */
export function compareProjects(a: Project, b: Project): number {
  const aEnd = a.period?.end;
  const bEnd = b.period?.end;
  if (aEnd && bEnd) return comparePartialDates(bEnd, aEnd) || collator.compare(a.title, b.title);
  if (aEnd || bEnd) return aEnd ? -1 : 1;
  return collator.compare(a.title, b.title);
}

export function linkTo(project: Pick<Project, "slug" | "url" | "title" | "subtitle">): ProjectLink {
  return project.subtitle
    ? { slug: project.slug, url: project.url, title: project.title, subtitle: project.subtitle }
    : { slug: project.slug, url: project.url, title: project.title };
}

/** Records where each contact is named, merging roles on the same page. */
function recordMentions(contacts: ReadonlyMap<string, Contact>, page: { title: string; url: string }, roles: [MentionRole, Contact | readonly Contact[]][]) {
  const byContact = new Map<Contact, MentionRole[]>();
  for (const [role, named] of roles) {
    for (const contact of Array.isArray(named) ? named : [named as Contact]) {
      const list = byContact.get(contact) ?? [];
      if (!list.includes(role)) list.push(role);
      byContact.set(contact, list);
    }
  }
  for (const [contact, mentionRoles] of byContact) {
    const mention: Mention = { title: page.title, url: page.url, roles: mentionRoles };
    contacts.get(contact.id)?.mentions.push(mention);
  }
}

/**
 * A project file as a project, its contacts and files resolved and checked; without its related
 * projects, which need every project. Undefined when its page information names a contact that
 * does not exist (reported to `check`).
 */
export function projectOf(source: ValidatedFile, check: ReferenceChecker, fileReferences: FileReferences): Project | undefined {
  const data = source.data as ProjectData;
  const responsibility = check.responsibility(source, data);
  const projectContacts = data.contacts.flatMap((id, index) => check.contact(source, ["contacts", index], id) ?? []);
  const link = linkTo({ slug: source.id, url: projectUrl(source.id), title: data.title, ...(data.subtitle ? { subtitle: data.subtitle } : {}) });
  const image = data.image && fileReferences.picture(source, ["image"], data.image);
  const documents = fileReferences.documents(source, data.documents, data.draft ? undefined : link);
  fileReferences.page(source);
  if (!responsibility) return undefined;
  return {
    ...(data.id ? { id: data.id } : {}),
    ...link,
    summary: data.summary,
    ...(image ? { image } : {}),
    ...(data.period ? { period: data.period } : {}),
    themes: check.themes(source, data.themes),
    goals: data.goals,
    results: data.results,
    lessons: data.lessons,
    partnerGroups: groupByCountry(data.partners),
    funders: data.funders.map((funder) => ({ ...funder, page: funderPageUrl(funder.name) })),
    events: [...data.events].sort((a, b) => comparePartialDates(a.date, b.date)),
    documents,
    contacts: projectContacts,
    related: [],
    responsibility,
    body: source.body,
    sourcePath: source.file,
    draft: data.draft,
  };
}

/**
 * Resolves the references between validated files (contacts, related projects, page owners) and
 * assembles the archive. Every broken reference is reported, with a suggestion where one is close.
 */
export function resolveArchive(
  files: readonly ValidatedFile[],
  known: KnownIds,
  found: FilesFound,
  options: { includeDrafts?: boolean } = {},
): { archive?: Archive; errors: ContentError[] } {
  const includeDrafts = options.includeDrafts ?? false;
  const ofKind = (kind: ContentFile["kind"]) => files.filter((file) => file.kind === kind);
  const siteSource = ofKind("site")[0];
  const siteData = siteSource?.data as SiteData | undefined;
  const fileReferences = new FileReferences(found, siteData?.maxFileMegabytes ?? 25, siteData?.markdown.allowHtml ?? false);
  const contacts = new Map<string, Contact>(
    ofKind("contact").map((source) => {
      fileReferences.page(source);
      const data = source.data as ContactData;
      const contact: Contact = {
        id: source.id,
        name: data.name,
        title: data.title,
        phones: data.phones,
        ...(data.email ? { email: data.email } : {}),
        body: source.body,
        sourcePath: source.file,
        mentions: [],
      };
      return [source.id, contact];
    }),
  );
  const projectFiles = new Map(ofKind("project").map((source) => [source.id, source]));
  const vocabulary = themeVocabulary(siteData?.themes);
  const check = new ReferenceChecker(contacts, projectFiles, known, includeDrafts, vocabulary);

  // A project's id is its name in the open data: no two projects may share one, drafts included.
  const idOwners = new Map<string, ValidatedFile>();
  for (const source of projectFiles.values()) {
    const { id } = source.data as ProjectData;
    const owner = id && idOwners.get(id);
    if (owner) check.report(source, ["id"], `samma id som ${PROJECTS_FOLDER}/${owner.id}.md; varje projekt ska ha ett eget id (npm run ids skriver ett till projekt som saknar id)`);
    else if (id) idOwners.set(id, source);
  }

  const projects: Project[] = [];
  const drafts: string[] = [];
  for (const source of projectFiles.values()) {
    const data = source.data as ProjectData;
    if (data.draft) {
      drafts.push(source.file);
      if (!includeDrafts) {
        fileReferences.references(source, [...data.documents.map((document) => document.file), ...(data.image ? [data.image.file] : [])]);
        fileReferences.draftDocuments(source, data.documents, linkTo({ slug: source.id, url: projectUrl(source.id), title: data.title }));
        fileReferences.draftPictures(source, data.image);
        continue;
      }
    }
    data.related.forEach((slug, index) => check.project(source, ["related", index], slug));
    const project = projectOf(source, check, fileReferences);
    if (project) projects.push(project);
  }

  // Relations are shown on both pages, whichever of the two names the other.
  const bySlug = new Map(projects.map((project) => [project.slug, project]));
  const relatedSlugs = new Map(projects.map((project) => [project.slug, new Set<string>()]));
  for (const project of projects) {
    for (const slug of (projectFiles.get(project.slug)!.data as ProjectData).related) {
      if (!bySlug.has(slug) || slug === project.slug) continue;
      relatedSlugs.get(project.slug)!.add(slug);
      relatedSlugs.get(slug)!.add(project.slug);
    }
  }
  projects.sort(compareProjects);
  const order = new Map(projects.map((project, index) => [project.slug, index]));
  const withRelations = projects.map((project) => ({
    ...project,
    related: [...relatedSlugs.get(project.slug)!]
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .map((slug) => linkTo(bySlug.get(slug)!)),
  }));

  const sitePage = (kind: SitePage["kind"]) => {
    const source = ofKind(kind)[0];
    if (!source) return undefined;
    fileReferences.page(source);
    const data = source.data as PageData;
    const responsibility = check.responsibility(source, data);
    if (!responsibility) return undefined;
    const page: SitePage = {
      kind,
      url: SITE_PAGE_URLS[kind],
      title: data.title,
      ...(data.summary ? { summary: data.summary } : {}),
      responsibility,
      body: source.body,
      sourcePath: source.file,
    };
    if (kind !== "accessibility") return page;
    const statement = source.data as AccessibilityData;
    return {
      ...page,
      kind,
      statement: { compliance: statement.compliance, assessed: statement.assessed, method: statement.method, feedback: statement.feedback },
    } satisfies AccessibilityPage;
  };
  const index = sitePage("index");
  const cookies = sitePage("cookies");
  const accessibility = sitePage("accessibility") as AccessibilityPage | undefined;

  let site: Archive["site"] | undefined;
  if (siteSource) {
    const data = siteSource.data as SiteData;
    const siteContacts = data.contacts.flatMap((id, position) => check.contact(siteSource, ["contacts", position], id) ?? []);
    const generatedPages = check.responsibility(siteSource, data.generatedPages, ["generatedPages"]);
    const logo = data.logo && fileReferences.picture(siteSource, ["logo"], data.logo);
    fileReferences.references(siteSource);
    const { contacts: _ids, generatedPages: _generated, cookies: cookieSettings, logo: _logo, themes: _themes, ...settings } = data;
    if (generatedPages) {
      site = { ...settings, ...(logo ? { logo } : {}), themeVocabulary: vocabulary, contacts: siteContacts, generatedPages, consentCategories: cookieSettings.categories };
    }
  }

  const errors = [...check.errors, ...fileReferences.errors];
  if (errors.length > 0 || !index || !cookies || !accessibility || !site) {
    return { errors };
  }

  for (const project of withRelations) {
    recordMentions(contacts, project, [
      ["contact", project.contacts],
      ["contentOwner", project.responsibility.contentOwner],
      ["publishedBy", project.responsibility.publishedBy],
    ]);
  }
  for (const page of [index, cookies, accessibility]) {
    recordMentions(contacts, page, [
      ["contentOwner", page.responsibility.contentOwner],
      ["publishedBy", page.responsibility.publishedBy],
    ]);
  }
  const directory = [...contacts.values()].sort((a, b) => collator.compare(a.name, b.name));
  return {
    archive: new Archive(
      site,
      { index, cookies, accessibility },
      withRelations,
      directory,
      drafts.sort(),
      facetsOf(withRelations.filter((project) => !project.draft)),
      fileReferences.result(),
    ),
    errors: [],
  };
}
