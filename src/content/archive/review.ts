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
