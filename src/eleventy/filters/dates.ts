import { formatSwedishDate, type PartialDate } from "../../format/date.ts";

/** `{{ project.period.end | swedishDate }}`: "5 april 2011", "april 2011" or "2008". */
export function swedishDate(date: PartialDate | string): string {
  return formatSwedishDate(date);
}

/** `{{ date | isoDate }}`: the machine-readable value for `<time datetime>`. */
export function isoDate(date: PartialDate | string): string {
  return typeof date === "string" ? date : date.iso;
}
