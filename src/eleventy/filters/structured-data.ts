import type { Archive, Project, Site } from "../../content/model/model.ts";
import type { PageView, PageViews } from "../page-views.ts";
import type { DigitalDocument, MonetaryGrant, Organization, OrganizationRole, Project as SchemaProject, WithContext } from "schema-dts";
import { PARTNER_ROLE_NAMES } from "../../content/model/schema.ts";
import { shortcomingText } from "../../content/files/file-references.ts";
import { jsonScript } from "./json.ts";
import { publicUrl } from "../../format/urls.ts";
import { DEFAULT_CURRENCY } from "../../format/grant.ts";
import { markdownInlineText } from "../markdown.ts";

/**
 * schema.org's description of a project page: the `Project` with its lasting identifier, its
 * period, its funders and the grants they gave (`MonetaryGrant`, whose `fundedItem` is the
 * project), its partners (owners and coordinators as an `OrganizationRole`), its documents and its
 * themes (`keywords`).
 * Typed with schema-dts, so that the type checker holds every term to schema.org's vocabulary.
 */
export function projectStructuredData(project: Project, site: Site): WithContext<SchemaProject> {
  const url = publicUrl(project.url, site.url);
  const organisation = (name: string, website?: string, country?: string): Organization => ({
    "@type": "Organization",
    name,
    ...(website ? { url: website } : {}),
    ...(country ? { address: { "@type": "PostalAddress", addressCountry: country } } : {}),
  });
  const funding = project.funders
    .filter((funder) => funder.programme || funder.caseNumber || funder.amount !== undefined)
    .map(
      (funder): MonetaryGrant => ({
        "@type": "MonetaryGrant",
        ...(funder.programme ? { name: funder.programme } : {}),
        ...(funder.caseNumber ? { identifier: funder.caseNumber } : {}),
        ...(funder.amount !== undefined ? { amount: { "@type": "MonetaryAmount", value: funder.amount, currency: funder.currency ?? DEFAULT_CURRENCY } } : {}),
        funder: organisation(funder.name, funder.url),
        fundedItem: { "@id": url },
      }),
    );
  const documents = project.documents.map(
    (document): DigitalDocument => ({
      "@type": "DigitalDocument",
      name: document.title,
      url: publicUrl(document.url, site.url),
      encodingFormat: document.format,
      inLanguage: document.lang ?? "sv",
      ...(document.format === "PDF"
        ? { accessibilitySummary: document.shortcomings.length === 0 ? "Tillgänglig PDF: taggad, med språk och titel." : `Inte tillgänglig: ${shortcomingText(document.shortcomings)}.` }
        : {}),
    }),
  );
  /** A partner with roles beyond partner (owner, coordinator) as an OrganizationRole naming them. */
  const partnerMember = (partner: Project["partnerGroups"][number]["partners"][number]) => {
    const member = organisation(partner.name, partner.url, partner.country);
    const roles = partner.roles.filter((role) => role !== "partner").map((role) => PARTNER_ROLE_NAMES[role]);
    if (roles.length === 0) return member;
    const role: OrganizationRole<Organization, "member"> = { "@type": "OrganizationRole", roleName: roles, member };
    return role;
  };
  return {
    "@context": "https://schema.org",
    "@type": "Project",
    // The grants name the project they funded by its address.
    ...(funding.length > 0 ? { "@id": url } : {}),
    ...(project.id ? { identifier: project.id } : {}),
    name: project.title,
    ...(project.subtitle ? { alternateName: project.subtitle } : {}),
    description: project.summary,
    ...(project.themes.length > 0 ? { keywords: project.themes.map((theme) => theme.name) } : {}),
    url,
    ...(project.period?.start ? { startDate: project.period.start.iso } : {}),
    ...(project.period?.end ? { endDate: project.period.end.iso } : {}),
    funder: project.funders.map((funder) => organisation(funder.name, funder.url)),
    ...(funding.length > 0 ? { funding } : {}),
    member: project.partnerGroups.flatMap((group) => group.partners.map(partnerMember)),
    ...(documents.length > 0 ? { subjectOf: documents } : {}),
    parentOrganization: organisation(site.organisation, site.url),
  };
}

/** `{{ project | projectJsonLd(archive.site) | safe }}`: the project's JSON-LD, escaped for a `<script>` element. */
export const projectJsonLd = (project: Project, site: Site): string => jsonScript(projectStructuredData(project, site));

/**
 * `{{ views | sitemapEntries }}`: every public page with the date it was last reviewed, taken from
 * the same views the pages are rendered from (page-views.ts), so the sitemap lists exactly the
 * pages there are. The 404 page and drafts are left out.
 */
export function sitemapEntries(views: PageViews): { url: string; reviewed: string }[] {
  const listed: readonly PageView[] = [
    ...views.index,
    // A harvested project's page is a copy: its canonical address is on its home site.
    ...views.projects.filter((view) => !view.project.draft && !view.project.canonical),
    ...Object.values(views.facets).flat(),
    ...views.directory,
    ...views.people,
    ...views.search,
    ...views.openData,
    ...views.cookies,
    ...views.accessibility,
  ];
  return listed.map((view) => ({ url: view.url, reviewed: view.responsibility.reviewed }));
}

/** Entries in the Atom feed: a feed reader wants what is new, not the whole archive. */
const FEED_ENTRIES = 50;

/**
 * `{{ archive | feedEntries }}`: the published projects most recently reviewed, newest first, and
 * in the archive's order when reviewed the same day.
 */
export function feedEntries(archive: Archive): Project[] {
  return archive.projects
    .filter((project) => !project.draft)
    .map((project, position) => ({ project, position }))
    .sort((a, b) => b.project.responsibility.reviewed.localeCompare(a.project.responsibility.reviewed) || a.position - b.position)
    .slice(0, FEED_ENTRIES)
    .map(({ project }) => project);
}

/** Lines as sentences of plain text: "40 bibliotek deltog. Materialet används i fem län." */
const sentences = (lines: readonly string[]) => lines.map((line) => markdownInlineText(line).trim().replace(/([^.!?…])$/, "$1.")).join(" ");

/**
 * `{{ project | feedSummary }}`: a feed entry's summary, as text: the project's summary, then what
 * it achieved and what was learned, which a reader of the feed looks for.
 */
export function feedSummary(project: Project): string {
  return [
    project.summary,
    ...(project.results.length > 0 ? [`Resultat: ${sentences(project.results)}`] : []),
    ...(project.lessons.length > 0 ? [`Erfarenheter: ${sentences(project.lessons)}`] : []),
  ].join(" ");
}
