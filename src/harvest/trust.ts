/**
 * Who may speak for which organisation on a site with sources. A source is bound to the
 * organisation that site.yaml names for it, never to what its records say: a record speaks only
 * for that organisation, an id `SE-ORGNR-<number>-…` belongs to the organisation with that number,
 * and another organisation is named on a project's page only when the project's owner lists it as
 * a partner. Names are compared as a reader sees them (UTS #39 skeletons, src/format/confusables.ts),
 * so a look-alike of a known organisation is refused rather than taken for it.
 */
import { codePoint } from "../format/invisible-characters.ts";
import type { Project } from "../content/model/model.ts";
import type { HarvestSourceData, OpenDataProject, SiteData } from "../content/model/schema.ts";
import type { PartnerRole } from "../format/partner-roles.ts";
import { isLookAlike, nameSkeleton, sameName } from "../format/confusables.ts";
import { displayOrganisationNumber } from "../format/organisation-number.ts";

/** An organisation as site.yaml names it: the site's own (whose number is optional) or a source's. */
export interface Organisation {
  readonly name: string;
  readonly organisationNumber?: string | undefined;
}

/** "Region Dalarna (232100-0180)", or the name alone when the number is not known. */
export const organisationLabel = (organisation: Organisation) =>
  organisation.organisationNumber ? `${organisation.name} (${displayOrganisationNumber(organisation.organisationNumber)})` : organisation.name;

/** The site's own organisation, as site.yaml names it. */
export const siteOrganisation = (site: Pick<SiteData, "organisation" | "organisationNumber">): Organisation => ({ name: site.organisation, organisationNumber: site.organisationNumber });

/** The organisation a source speaks for: the one site.yaml gives it. */
export const sourceOrganisation = (source: HarvestSourceData): Organisation => ({ name: source.organisation, organisationNumber: source.organisationNumber });

/** The letters of `name` that are not Latin, as "U+043E": what makes a look-alike look alike. */
function foreignLetters(name: string): string {
  const found = [...new Set(name.match(/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/gu) ?? [])];
  return found.map(codePoint).join(", ");
}

/**
 * What to check a record's `publisher` with, knowing every organisation on the site (the site's
 * own and each source's): a function that says why the publisher is not the source's own
 * organisation, or undefined when it is (or when the record names none: it then speaks for the
 * source). By organisation number when the record gives one, else by name; a name that looks like
 * a known organisation's without being it, or that is another known organisation's, is refused
 * whatever the number. Names are compared by skeleton, each known one worked out once: a national
 * archive reads 50,000 records from 300 sources.
 */
export function publisherCheck(known: readonly Organisation[]): (publisher: OpenDataProject["publisher"], source: Organisation) => string | undefined {
  const bySkeleton = new Map<string, Organisation[]>();
  for (const organisation of known) {
    const skeleton = nameSkeleton(organisation.name);
    bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), organisation]);
  }
  return (publisher, source) => {
    if (!publisher) return undefined;
    const number = publisher.organisationNumber;
    // As a record of this version names its own archive; site.yaml has made sure no other organisation looks like it.
    if (publisher.name === source.name && (!number || number === source.organisationNumber)) return undefined;
    const speaksFor = `källan får bara tala för ${organisationLabel(source)}`;
    const skeleton = nameSkeleton(publisher.name);
    const alike = bySkeleton.get(skeleton) ?? [];
    const lookAlike = alike.find((organisation) => isLookAlike(publisher.name, organisation.name));
    if (lookAlike) {
      const letters = foreignLetters(publisher.name);
      return `utgivaren "${publisher.name}" ser ut som ${lookAlike.name} men är skriven med andra tecken${letters ? ` (${letters})` : ""}; ${speaksFor}`;
    }
    const other = alike.some((organisation) => organisation.organisationNumber !== source.organisationNumber);
    if (other || (number ? number !== source.organisationNumber : nameSkeleton(source.name) !== skeleton)) {
      return `utgivaren är ${organisationLabel({ name: publisher.name, organisationNumber: number })}, en annan organisation än källans; ${speaksFor}`;
    }
    return undefined;
  };
}

/**
 * The publisher's address (the organisation's "webbplats" link), only when it is on the site the
 * source's records come from: the source's own address, or for a file in the repository, the
 * record's own page. Otherwise that site itself.
 */
export function publisherSite(publisherUrl: string | undefined, source: HarvestSourceData, recordUrl: string): string {
  const origin = new URL(source.url ?? recordUrl).origin;
  if (publisherUrl && new URL(publisherUrl).origin === origin) return publisherUrl;
  return `${origin}/`;
}

/** Whether a project's partners name `organisation`: by organisation number where the partner has one, else by name as a reader sees it. */
export function listsAsPartner(project: Project, organisation: Organisation, roles?: readonly PartnerRole[]): boolean {
  return project.partnerGroups.some((group) =>
    group.partners.some(
      (partner) =>
        (!roles || partner.roles.some((role) => roles.includes(role))) &&
        (partner.organisationNumber ? partner.organisationNumber === organisation.organisationNumber : sameName(partner.name, organisation.name)),
    ),
  );
}

/**
 * Of several archives' copies of one project without an id, the one whose content is shown: the
 * organisation the partners (of any copy) list as owner, else as coordinator, else the first.
 */
export function contentCopy(copies: readonly { readonly project: Project; readonly organisation: Organisation }[]): number {
  for (const role of ["owner", "coordinator"] as const) {
    const found = copies.findIndex((candidate) => copies.some((copy) => listsAsPartner(copy.project, candidate.organisation, [role])));
    if (found >= 0) return found;
  }
  return 0;
}
