import { formatSwedishDate, periodParts, type PartialDate } from "../../format/date.ts";

/** `{{ project.period.end | swedishDate }}`: "5 april 2011", "april 2011" or "2008". */
export function swedishDate(date: PartialDate | string): string {
  return formatSwedishDate(date);
}

/** `{{ date | isoDate }}`: the machine-readable value for `<time datetime>`. */
export function isoDate(date: PartialDate | string): string {
  return typeof date === "string" ? date : date.iso;
}

/**
 * A calendar date as a `<time>` element. Both parts are safe as they are: the ISO value is digits
 * and hyphens (parsePartialDate accepts nothing else) and the text adds only month names.
 */
function timeElement(date: PartialDate): string {
  return `<time datetime="${date.iso}">${formatSwedishDate(date)}</time>`;
}

/**
 * `{{ project.period | period | safe }}`: a project's period as HTML, "2008 – 5 april 2011",
 * "avslutat 5 april 2011", "från 2008", or "2024" for a project that started and ended the same
 * year, each date in a `<time>` element. A filter rather than a partial, since lists show it up to
 * 50 times a page.
 */
export function period(value: { readonly start?: PartialDate; readonly end?: PartialDate }): string {
  return periodParts(value.start, value.end)
    .map((part) => (typeof part === "string" ? part : timeElement(part)))
    .join("");
}

/** `{{ "2018-07-04" | calendarDate | dateToRfc3339 }}`: a calendar date as midnight UTC. */
export function calendarDate(iso: string): Date {
  return new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}
