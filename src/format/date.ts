import { DateTime } from "luxon";

/** A calendar date as an editor wrote it: a year, a month or a day, never a point in time. */
export interface PartialDate {
  /** "2008", "2011-04" or "2011-04-05": what goes into `<time datetime>`. */
  readonly iso: string;
  readonly precision: "year" | "month" | "day";
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads "2008", "2011-04" or "2011-04-05" as a calendar date. Returns undefined for anything else,
 * including dates that do not exist, such as 2018-02-30.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = DateTime.fromObject(
    { year: Number(year), month: month ? Number(month) : 1, day: day ? Number(day) : 1 },
    { zone: "utc" },
  );
  if (!date.isValid) return undefined;
  return { iso: text, precision: day ? "day" : month ? "month" : "year" };
}

let cachedToday: { until: number; date: string } | undefined;

/**
 * Today's calendar date in Sweden, as YYYY-MM-DD. Without an argument the answer is reused for a
 * minute: validation asks once per dated field, thousands of times in a large archive.
 */
export function todayInSweden(now?: Date): string {
  if (now) return DateTime.fromJSDate(now).setZone("Europe/Stockholm").toISODate()!;
  const time = Date.now();
  if (!cachedToday || time >= cachedToday.until) {
    cachedToday = { until: time + 60_000, date: DateTime.fromMillis(time).setZone("Europe/Stockholm").toISODate()! };
  }
  return cachedToday.date;
}

/**
 * Formats a calendar date the Swedish way: "4 juli 2018", "april 2011" or "2008". The date is read
 * as a calendar date in UTC, so the build machine's time zone can never shift it by a day.
 */
export function formatSwedishDate(date: PartialDate | string): string {
  const iso = typeof date === "string" ? date : date.iso;
  let formatted = formattedDates.get(iso);
  if (formatted === undefined) {
    formatted = formatCalendarDate(iso);
    formattedDates.set(iso, formatted);
  }
  return formatted;
}

/** Formatted dates by ISO text: a large archive shows the same few thousand dates many times. */
const formattedDates = new Map<string, string>();

function formatCalendarDate(iso: string): string {
  const partial = parsePartialDate(iso);
  if (!partial) throw new TypeError(`Not a calendar date: ${iso}`);
  const value = DateTime.fromISO(partial.iso, { zone: "utc", locale: "sv" });
  switch (partial.precision) {
    case "day":
      return value.toFormat("d LLLL yyyy");
    case "month":
      return value.toFormat("LLLL yyyy");
    case "year":
      return value.toFormat("yyyy");
  }
}

/** Orders two partial dates by their first day; a year sorts before a day within it. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

/** Whole months from one calendar date to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: "utc" });
  const end = DateTime.fromISO(to, { zone: "utc" });
  return Math.floor(end.diff(start, "months").months);
}
