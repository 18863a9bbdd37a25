/**
 * When a project ran, as pages write it: "2020–2022", "2019-01-01 – 2020-12-31", "januari 2019 –
 * juni 2020", "hösten 2019 till våren 2021", "2020–21", in a fact box ("Projekttid: 2020–2022") or
 * in a sentence ("Projektet pågick från 2019 till 2022", "startade i januari 2020 och avslutades den
 * 5 april 2021"). Dates come out as the content's partial dates: a year, a month or a day.
 */
import { MONTH_NAMES, parsePartialDate } from "../format/date.ts";

export interface ReadPeriod {
  readonly start?: string;
  readonly end?: string;
}

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
/** "januari", "jan", "jan.", "sept": a month name or its abbreviation. */
const MONTH = `(${MONTHS.join("|")}|${MONTHS.map((name) => name.slice(0, 3)).join("|")}|sept)\\.?`;
const SEASON = "(?:våren|sommaren|hösten|vintern|vårterminen|höstterminen)";
const YEAR = "((?:19|20)\\d{2})";

/** One date of a period, by how precisely it is written; the first that matches at a place is taken. */
const DATE = new RegExp(
  [
    `\\b${YEAR}-(\\d{2})-(\\d{2})\\b`,
    `\\b${YEAR}-(\\d{2})\\b(?![-–]\\d)`,
    `\\b(\\d{1,2})\\s+${MONTH}\\s+${YEAR}\\b`,
    `\\b${MONTH}\\s+${YEAR}\\b`,
    `\\b${SEASON}\\s+${YEAR}\\b`,
    // "2020–21": the second year written short.
    `\\b${YEAR}\\s*[–-]\\s*(\\d{2})\\b(?!\\d)`,
    `\\b${YEAR}\\b`,
  ].join("|"),
  "gi",
);

const pad = (number: string | number) => String(number).padStart(2, "0");
const monthNumber = (name: string) => {
  const lower = name.toLowerCase().replace(/\.$/, "");
  return (lower === "sept" ? 8 : MONTHS.findIndex((month) => month === lower || month.slice(0, 3) === lower)) + 1;
};

/** Every date written in a text, in order, as partial dates. */
export function datesIn(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(DATE)) {
    const [, dayYear, dayMonth, dayDay, monthYear, month, writtenDay, writtenMonth, writtenYear, namedMonth, namedYear, seasonYear, shortFirst, shortSecond, year] = match;
    const candidates = [
      dayYear && `${dayYear}-${dayMonth}-${dayDay}`,
      monthYear && `${monthYear}-${month}`,
      writtenYear && `${writtenYear}-${pad(monthNumber(writtenMonth!))}-${pad(writtenDay!)}`,
      namedYear && `${namedYear}-${pad(monthNumber(namedMonth!))}`,
      seasonYear,
      ...(shortFirst ? [shortFirst, `${shortFirst.slice(0, 2)}${shortSecond}`] : []),
      year,
    ];
    for (const candidate of candidates) if (candidate && parsePartialDate(candidate)) dates.push(candidate);
  }
  return dates;
}

/** A period's start and end in order, or none when the end would come before the start. */
function ordered(start: string | undefined, end: string | undefined): ReadPeriod | undefined {
  if (start && end && start.slice(0, Math.min(start.length, end.length)) > end.slice(0, Math.min(start.length, end.length))) return undefined;
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** A fact box's value, "2020–2022" or "januari 2019 – juni 2020": the first date is the start, the last the end; a single year is both. */
export function periodOfValue(value: string): ReadPeriod | undefined {
  const dates = datesIn(value);
  if (dates.length === 0) return undefined;
  return ordered(dates[0], dates.at(-1));
}

/** "Projektet pågick 2019–2020", "pågick från januari 2019 till juni 2020", "pågick under 2019". */
const RAN = /\b(?:pågick|löpte|varade|genomfördes|pågått|drevs)\b(.*)$/i;
/** "startade i januari 2020": the first date after the verb. */
const STARTED = /\b(?:startade|startades|inleddes|påbörjades|började|drog\s+igång|kom\s+igång)\b(.*)$/i;
/** "avslutades den 5 april 2011": the first date after the verb. */
const ENDED = /\b(?:avslutades|avslutas|avslutade|slutade|slutfördes|upphörde|tog\s+slut)\b(.*)$/i;

/** What a sentence says of a project's period, with which part of it each date is. */
export function periodOfSentence(sentence: string): ReadPeriod | undefined {
  const ran = RAN.exec(sentence)?.[1];
  if (ran) {
    // The dates up to the next verb: "pågick 2019–2020 och avslutades med …" is read to "och".
    const [first, second] = datesIn(ran.split(/\s+(?:och|men)\s+(?=\p{Ll}+(?:des|ade|te|de)\b)/u)[0]!);
    if (first && second) return ordered(first, second);
    if (first && /^\s*(?:under\s+(?:hela\s+)?(?:året\s+)?|år\s+|i\s+)?(?:19|20)\d{2}\b/i.test(ran)) return ordered(first, first);
  }
  const end = ENDED.exec(sentence)?.[1];
  // "startade med en kickoff och avslutades 2021": the start's dates stop where the end's verb begins.
  const start = STARTED.exec(end === undefined ? sentence : sentence.slice(0, ENDED.exec(sentence)!.index))?.[1];
  const startDate = start === undefined ? undefined : datesIn(start)[0];
  const endDate = end === undefined ? undefined : datesIn(end)[0];
  if (!startDate && !endDate) return undefined;
  return ordered(startDate, endDate);
}
