import type { Archive, Contact, Project, Site } from "../content/model/model.ts";
import { openDataJsonSchema } from "../content/model/schema.ts";
import { publicUrl } from "../format/urls.ts";
import { DEFAULT_CURRENCY } from "../format/grant.ts";

/** One project as open data, in the shape of `openDataProjectSchema`. */
function projectRecord(archive: Archive, project: Project) {
  const siteUrl = archive.site.url;
  const person = (contact: Contact) => ({ id: contact.id, name: contact.name, title: contact.title, url: publicUrl(archive.directoryUrl(contact), siteUrl) });
  const period = project.period && {
    ...(project.period.start ? { start: project.period.start.iso } : {}),
    ...(project.period.end ? { end: project.period.end.iso } : {}),
  };
  return {
    ...(project.id ? { id: project.id } : {}),
    slug: project.slug,
    url: publicUrl(project.url, siteUrl),
    publisher: publisherOf(archive.site),
    title: project.title,
    ...(project.subtitle ? { subtitle: project.subtitle } : {}),
    summary: project.summary,
    ...(period ? { period } : {}),
    themes: project.themes.map((theme) => theme.name),
    goals: project.goals,
    results: project.results,
    lessons: project.lessons,
    partners: project.partnerGroups.flatMap((group) => group.partners),
    // An amount always with its currency, so that a reader never has to know that none means kronor.
    funders: project.funders.map(({ page: _page, ...funder }) => (funder.amount !== undefined ? { ...funder, currency: funder.currency ?? DEFAULT_CURRENCY } : funder)),
    events: project.events.map((event) => ({ date: event.date.iso, title: event.title })),
    documents: project.documents.map(({ url, ...document }) => ({ ...document, url: publicUrl(url, siteUrl) })),
    contacts: project.contacts.map(person),
    related: project.related.map((link) => link.slug),
    reviewed: project.responsibility.reviewed,
    contentOwner: person(project.responsibility.contentOwner),
    publishedBy: person(project.responsibility.publishedBy),
  };
}

/** The organisation that publishes the archive, as every record names it: a national archive shows it (src/harvest/). */
function publisherOf(site: Site) {
  return {
    name: site.organisation,
    ...(site.organisationNumber ? { organisationNumber: site.organisationNumber } : {}),
    url: publicUrl("/", site.url),
    counties: site.counties,
  };
}

/**
 * `{{ archive | openData }}`: /projekt.json, every published project of the site's own. Projects
 * harvested from other archives are theirs to publish: a national archive that harvested another
 * would otherwise publish every project twice.
 */
export function openData(archive: Archive): string {
  const projects = archive.ownProjects().filter((project) => !project.draft).map((project) => projectRecord(archive, project));
  return `${JSON.stringify(projects, null, 2)}\n`;
}

/** `{{ archive | openDataSchema }}`: /projekt.schema.json, generated from the zod schema. */
export function openDataSchema(archive: Archive): string {
  return `${JSON.stringify({ ...openDataJsonSchema(), $id: publicUrl("/projekt.schema.json", archive.site.url) }, null, 2)}\n`;
}
