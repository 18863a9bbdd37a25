import type { Archive, Contact, Project } from "../content/model.ts";
import { openDataJsonSchema } from "../content/schema.ts";
import { publicUrl } from "./filters/urls.ts";

const person = (contact: Contact) => ({ id: contact.id, name: contact.name, title: contact.title });

/** One project as open data, in the shape of `openDataProjectSchema`. */
function projectRecord(project: Project, siteUrl: string) {
  const period = project.period && {
    ...(project.period.start ? { start: project.period.start.iso } : {}),
    ...(project.period.end ? { end: project.period.end.iso } : {}),
  };
  return {
    ...(project.id ? { id: project.id } : {}),
    slug: project.slug,
    url: publicUrl(project.url, siteUrl),
    title: project.title,
    ...(project.subtitle ? { subtitle: project.subtitle } : {}),
    summary: project.summary,
    ...(period ? { period } : {}),
    goals: project.goals,
    partners: project.partnerGroups.flatMap((group) => group.partners),
    funders: project.funders.map(({ page: _page, ...funder }) => funder),
    events: project.events.map((event) => ({ date: event.date.iso, title: event.title })),
    contacts: project.contacts.map(person),
    related: project.related.map((link) => link.slug),
    reviewed: project.responsibility.reviewed,
    contentOwner: person(project.responsibility.contentOwner),
    publishedBy: person(project.responsibility.publishedBy),
  };
}

/** `{{ archive | openData }}`: /projekt.json, every published project. */
export function openData(archive: Archive): string {
  const projects = archive.projects.filter((project) => !project.draft).map((project) => projectRecord(project, archive.site.url));
  return `${JSON.stringify(projects, null, 2)}\n`;
}

/** `{{ archive | openDataSchema }}`: /projekt.schema.json, generated from the zod schema. */
export function openDataSchema(archive: Archive): string {
  return `${JSON.stringify({ ...openDataJsonSchema(), $id: publicUrl("/projekt.schema.json", archive.site.url) }, null, 2)}\n`;
}
