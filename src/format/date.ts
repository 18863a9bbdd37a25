import { DateTime, Info } from "luxon";

/** A calendar date as an editor wrote it: a year, a month or a day, never a point in time. */
export interface PartialDate {
  /** "2008", "2011-04" or "2011-04-05": what goes into `<time datetime>`. */
  readonly iso: string;
  readonly precision: "year" | "month" | "day";
}

/** A year, a month or a day, as text: "2008", "2011-04" or "2011-04-05". */
export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The dates {@link parsePartialDate} accepts, as one regular expression, for a form that can only
 * check a pattern as the editor types (the web editor, src/cms/fields.ts): months 01-12, the days
 * each month has, and 29 February only in leap years. A property test holds the two to the same.
 */
export const VALID_PARTIAL_DATE = new RegExp(
  [
    "^\\d{4}(?:-(?:0[1-9]|1[0-2]))?$",
    "^\\d{4}-(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])$",
    "^\\d{4}-(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)$",
    "^\\d{4}-02-(?:0[1-9]|1\\d|2[0-8])$",
    // 29 February: years divisible by 4, but not by 100 unless by 400.
    "^(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29$",
  ].join("|"),
);

/**
 * Reads "2008", "2011-04" or "2011-04-05" as a calendar date. Returns undefined for anything else,
 * including dates that do not exist, such as 2018-02-30.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day && (Number(day) < 1 || Number(day) > daysInMonth(Number(year), Number(month)))) return undefined;
  return { iso: text, precision: day ? "day" : month ? "month" : "year" };
}

/** Days in a month of the proleptic Gregorian calendar; `month` counts from 1. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "januari" … "december", from the locale data that luxon reads through Intl. */
export const MONTH_NAMES = Info.months("long", { locale: "sv" });

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
  const [year, month, day] = iso.split("-").map(Number) as [number, number?, number?];
  const monthName = month ? MONTH_NAMES[month - 1] : undefined;
  switch (partial.precision) {
    case "day":
      return `${day} ${monthName} ${year}`;
    case "month":
      return `${monthName} ${year}`;
    case "year":
      return String(year);
  }
}

/**
 * A project's period as its parts, dates and the words between them: "2008 – 5 april 2011",
 * "avslutat 5 april 2011" or "från 2008". A period that starts and ends on the same date (the same
 * year, month or day) is that date alone: "2024", not "2024 – 2024". The page and the web editor's
 * preview each write the dates in their own way (a `<time>` element).
 */
export function periodParts<T extends { readonly iso: string }>(start: T | undefined, end: T | undefined): (T | string)[] {
  if (start && end) return start.iso === end.iso ? [start] : [start, " – ", end];
  if (end) return ["avslutat ", end];
  if (start) return ["från ", start];
  return [];
}

/** Orders two partial dates by their first day; a year sorts before a day within it. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

/**
 * Whole months from one calendar date to another, as luxon counts them: 31 March to 30 April is a
 * month, since 31 April does not exist. When `to` is earlier the result is negative and rounded
 * down, so 25 June back to 18 January is -6 months (5 months and 7 days, rounded down).
 */
export function monthsBetween(from: string, to: string): number {
  if (to >= from) return wholeMonths(from, to);
  const back = wholeMonths(to, from);
  return addMonths(to, back) === from ? -back : -back - 1;
}

type Ymd = [number, number, number];

function wholeMonths(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split("-").map(Number) as Ymd;
  const [toYear, toMonth, toDay] = to.split("-").map(Number) as Ymd;
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  return toDay < Math.min(fromDay, daysInMonth(toYear, toMonth)) ? months - 1 : months;
}

/** The date `months` months after `date`, on the month's last day when the day does not exist. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as Ymd;
  const index = year * 12 + (month - 1) + months;
  const [newYear, newMonth] = [Math.floor(index / 12), (index % 12) + 1];
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, "0")}-${String(newMonth).padStart(2, "0")}-${String(newDay).padStart(2, "0")}`;
}

/** "4 juli 2018" or "2018-07-04" anywhere in a text. */
const WRITTEN_DATE = new RegExp(`(?:(\\d{1,2})\\s+(${MONTH_NAMES.join("|")})\\s+(\\d{4}))|(\\d{4}-\\d{2}-\\d{2})`, "i");

/**
 * The first whole date written in a text the Swedish way ("den 4 juli 2018") or as YYYY-MM-DD,
 * as YYYY-MM-DD with the words it was read from; undefined when there is none, or it does not exist.
 */
export function findSwedishDate(text: string): { iso: string; written: string } | undefined {
  const match = WRITTEN_DATE.exec(text);
  if (!match) return undefined;
  const [written, day, monthName, year, iso] = match;
  const candidate = iso ?? `${year}-${String(MONTH_NAMES.indexOf(monthName!.toLowerCase()) + 1).padStart(2, "0")}-${day!.padStart(2, "0")}`;
  return parsePartialDate(candidate)?.precision === "day" ? { iso: candidate, written } : undefined;
}
