import { monthsBetween } from "../../format/date.ts";
import { DIRECTORY_URL, type Archive, type Contact, type Project } from "../model/model.ts";

/** The latest review date among projects (ISO dates compare as text), or undefined for none. */
export function newestReview(projects: readonly Project[]): string | undefined {
  let newest: string | undefined;
  for (const project of projects) if (!newest || project.responsibility.reviewed > newest) newest = project.responsibility.reviewed;
  return newest;
}

/** A published page whose review date is older than the review interval. */
export interface OverduePage {
  readonly title: string;
  readonly url: string;
  readonly sourcePath?: string;
  readonly reviewed: string;
  /** Whole months past the interval. 0 means due this month. */
  readonly monthsOverdue: number;
}

/** The overdue pages of one content owner, oldest first. */
export interface OwnerReview {
  readonly owner: Contact;
  readonly pages: readonly OverduePage[];
}

/**
 * Every published page not reviewed within `intervalMonths` of `today`, grouped by content owner.
 * Owners are ordered by their oldest page, and each owner's pages oldest first.
 */
export function overduePages(archive: Archive, today: string, intervalMonths: number): OwnerReview[] {
  const pages = [
    archive.pages.index,
    // Harvested projects are reviewed in their own archives.
    ...archive.ownProjects().filter((project) => !project.draft),
    archive.pages.cookies,
    archive.pages.accessibility,
    { title: "Kontakt", url: DIRECTORY_URL, responsibility: archive.site.generatedPages },
  ];
  const byOwner = new Map<Contact, OverduePage[]>();
  for (const page of pages) {
    const { reviewed, contentOwner } = page.responsibility;
    const monthsOverdue = monthsBetween(reviewed, today) - intervalMonths;
    if (monthsOverdue < 0) continue;
    const list = byOwner.get(contentOwner) ?? [];
    list.push({
      title: page.title,
      url: page.url,
      ...("sourcePath" in page ? { sourcePath: page.sourcePath } : {}),
      reviewed,
      monthsOverdue,
    });
    byOwner.set(contentOwner, list);
  }
  const oldestFirst = (a: OverduePage, b: OverduePage) => (a.reviewed < b.reviewed ? -1 : a.reviewed > b.reviewed ? 1 : a.title.localeCompare(b.title, "sv"));
  return [...byOwner]
    .map(([owner, list]) => ({ owner, pages: list.sort(oldestFirst) }))
    .sort((a, b) => oldestFirst(a.pages[0]!, b.pages[0]!) || a.owner.name.localeCompare(b.owner.name, "sv"));
}

/** How many pages are overdue in all. */
export function countOverdue(owners: readonly OwnerReview[]): number {
  return owners.reduce((total, owner) => total + owner.pages.length, 0);
}

/** "4 sidor har inte granskats på 12 månader", as the build and `npm run review` both say it. */
export function overdueSummary(count: number, intervalMonths: number): string {
  return `${count === 1 ? "1 sida" : `${count} sidor`} har inte granskats på ${intervalMonths} månader`;
}

/** "ska granskas nu" or "3 månader försenad": how late a page is, as every list of overdue pages says it. */
export function overdueText(monthsOverdue: number): string {
  return monthsOverdue === 0 ? "ska granskas nu" : `${monthsOverdue} ${monthsOverdue === 1 ? "månad" : "månader"} försenad`;
}

/** The site's own finished projects that say neither what they achieved nor what was learned, by content owner. */
export interface OwnerProjects {
  readonly owner: Contact;
  readonly projects: readonly Project[];
}

/**
 * Whether a project has ended before `today` (YYYY-MM-DD): its end date, as precise as it is
 * written, lies before today's. A project ending 2026 ends with the year, so it is not finished
 * until 2027; a project without an end date is never known to be finished.
 */
function hasEnded(project: Project, today: string): boolean {
  const end = project.period?.end?.iso;
  return end !== undefined && end < today.slice(0, end.length);
}

/**
 * The site's own published projects that have ended and have neither results nor lessons, which
 * is what a visitor planning a project looks for. Grouped by content owner, owners by name, and
 * each owner's projects in the archive's order (the newest ended first).
 */
export function projectsWithoutResults(archive: Archive, today: string): OwnerProjects[] {
  const byOwner = new Map<Contact, Project[]>();
  for (const project of archive.ownProjects()) {
    if (project.draft || !hasEnded(project, today) || project.results.length > 0 || project.lessons.length > 0) continue;
    const owner = project.responsibility.contentOwner;
    const projects = byOwner.get(owner) ?? [];
    projects.push(project);
    byOwner.set(owner, projects);
  }
  return [...byOwner].map(([owner, projects]) => ({ owner, projects })).sort((a, b) => a.owner.name.localeCompare(b.owner.name, "sv"));
}

/** "3 avslutade projekt saknar resultat och erfarenheter, …; npm run review listar dem": what `check` says of them, in one line. */
export function withoutResultsSummary(count: number): string {
  return count === 1
    ? "1 avslutat projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar det"
    : `${count} avslutade projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar dem`;
}
