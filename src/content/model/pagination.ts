/**
 * Long lists split into numbered pages, so that no page of the site grows with the archive: the
 * index, the browsing pages, the contact directory and each person's list of pages.
 */

/** Entries per page in every paginated list. */
export const PAGE_SIZE = 50;

/** Page numbers shown on each side of the current page; the first and last are always shown. */
const NEIGHBOURS = 2;

/** A numbered link in the page navigation, or a gap ("…") between numbers that are far apart. */
export type PageLink = { readonly number: number; readonly url: string } | { readonly gap: true };

/** One page of a list. */
export interface ListPage<T> {
  readonly items: readonly T[];
  /** 1 for the first page. */
  readonly number: number;
  /** How many pages the list has. */
  readonly count: number;
  /** The position of the first and last item on this page among all items, counted from 1. */
  readonly first: number;
  readonly last: number;
  /** How many items the whole list has. */
  readonly total: number;
  readonly url: string;
  readonly previous?: string;
  readonly next?: string;
  /** The first, the last and the pages near this one, with gaps between. */
  readonly links: readonly PageLink[];
}

/** `/kontakt/` for page 1 and `/kontakt/sida/2/` for the rest. */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}sida/${number}/`;
}

function linksAround(current: number, count: number, base: string): PageLink[] {
  const near = Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, offset) => current - NEIGHBOURS + offset);
  const numbers = [...new Set([1, ...near, count])].filter((number) => number >= 1 && number <= count).sort((a, b) => a - b);
  return numbers.flatMap((number, index): PageLink[] => {
    const link = { number, url: pageUrl(base, number) };
    return index > 0 && number - numbers[index - 1]! > 1 ? [{ gap: true }, link] : [link];
  });
}

/**
 * Splits a list into pages of `size`, the first at `base`. An empty list still has one page, so
 * that the page exists and can say the list is empty.
 */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const start = index * size;
    const pageItems = items.slice(start, start + size);
    return {
      items: pageItems,
      number,
      count,
      first: start + 1,
      last: start + pageItems.length,
      total: items.length,
      url: pageUrl(base, number),
      ...(number > 1 ? { previous: pageUrl(base, number - 1) } : {}),
      ...(number < count ? { next: pageUrl(base, number + 1) } : {}),
      links: linksAround(number, count, base),
    };
  });
}

/** The page of a paginated list that shows the item at `position` (counted from 0). */
export function pageUrlOf(position: number, base: string, size = PAGE_SIZE): string {
  return pageUrl(base, Math.floor(position / size) + 1);
}

/** "Kontakt" on the first page, "Kontakt, sida 2 av 4" on the others, so every page has its own title. */
export function titleOfPage(title: string, page: Pick<ListPage<unknown>, "number" | "count">): string {
  return page.number === 1 ? title : `${title}, sida ${page.number} av ${page.count}`;
}
