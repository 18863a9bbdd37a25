import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { findSwedishDate, formatSwedishDate, monthsBetween, parsePartialDate, periodParts, todayInSweden, VALID_PARTIAL_DATE } from "../../src/format/date.ts";
import { period } from "../../src/eleventy/filters/dates.ts";

describe("parsePartialDate", () => {
  it("reads a year, a month or a day", () => {
    expect(parsePartialDate("2008")).toEqual({ iso: "2008", precision: "year" });
    expect(parsePartialDate("2011-04")).toEqual({ iso: "2011-04", precision: "month" });
    expect(parsePartialDate("2011-04-05")).toEqual({ iso: "2011-04-05", precision: "day" });
  });

  it("refuses dates that do not exist and other shapes", () => {
    for (const text of ["2018-13-01", "2018-02-30", "2019-02-29", "18-07-04", "2018/07/04", "juli 2018", "2018-7-4", ""]) {
      expect(parsePartialDate(text), text).toBeUndefined();
    }
    expect(parsePartialDate("2020-02-29")?.iso).toBe("2020-02-29");
  });
});

describe("findSwedishDate", () => {
  it("finds a date written in running text, the Swedish way or as YYYY-MM-DD", () => {
    expect(findSwedishDate("Sidan granskades den 4 juli 2018")).toEqual({ iso: "2018-07-04", written: "4 juli 2018" });
    expect(findSwedishDate("Projektet avslutades den 5 April 2011.")).toEqual({ iso: "2011-04-05", written: "5 April 2011" });
    expect(findSwedishDate("Senast uppdaterad: 2023-02-03")).toEqual({ iso: "2023-02-03", written: "2023-02-03" });
  });

  it("finds nothing where no whole date is written, or the date does not exist", () => {
    for (const text of ["hösten 2010", "juli 2018", "31 februari 2011", "2018-13-01", "4 juliana 2018"]) expect(findSwedishDate(text), text).toBeUndefined();
  });

  it("reads back every date formatSwedishDate writes", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(findSwedishDate(`Sidan granskades den ${formatSwedishDate(iso)}.`)?.iso).toBe(iso);
      }),
    );
  });
});

describe("formatSwedishDate", () => {
  it("writes dates the Swedish way, with lowercase month names", () => {
    expect(formatSwedishDate("2018-07-04")).toBe("4 juli 2018");
    expect(formatSwedishDate("2011-04-05")).toBe("5 april 2011");
    expect(formatSwedishDate("2011-04")).toBe("april 2011");
    expect(formatSwedishDate("2008")).toBe("2008");
    expect(formatSwedishDate("2026-12-31")).toBe("31 december 2026");
  });
});

describe("todayInSweden", () => {
  it("uses the Swedish calendar day, not UTC's", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(todayInSweden(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(todayInSweden(new Date("2026-06-15T10:00:00Z"))).toBe("2026-06-15");
  });
});

describe("monthsBetween", () => {
  it("counts whole months", () => {
    expect(monthsBetween("2018-07-04", "2019-07-04")).toBe(12);
    expect(monthsBetween("2018-07-04", "2019-07-03")).toBe(11);
  });

  it("counts the end of a month as luxon does", () => {
    expect(monthsBetween("2020-03-31", "2020-04-30")).toBe(1);
    expect(monthsBetween("2020-01-31", "2020-02-28")).toBe(0);
    expect(monthsBetween("2020-04-30", "2020-03-31")).toBe(-1);
    expect(monthsBetween("2010-06-25", "2009-01-18")).toBe(-18);
  });

  it("agrees with luxon's calendar arithmetic on any two dates", () => {
    const day = fc.integer({ min: 0, max: 15_000 }).map((offset) => DateTime.utc(1990, 1, 1).plus({ days: offset }).toISODate()!);
    fc.assert(
      fc.property(day, day, (from, to) => {
        const luxon = Math.floor(DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "months").months);
        expect(monthsBetween(from, to)).toBe(luxon);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("periodParts and the period filter", () => {
  const date = (iso: string) => parsePartialDate(iso)!;

  it("writes a start and an end with a dash, or only one of them with a word", () => {
    expect(period({ start: date("2008"), end: date("2011-04-05") })).toBe('<time datetime="2008">2008</time> – <time datetime="2011-04-05">5 april 2011</time>');
    expect(period({ end: date("2011-04-05") })).toBe('avslutat <time datetime="2011-04-05">5 april 2011</time>');
    expect(period({ start: date("2008") })).toBe('från <time datetime="2008">2008</time>');
    expect(period({})).toBe("");
  });

  it("writes a period that starts and ends the same year, month or day as that date alone", () => {
    expect(period({ start: date("2024"), end: date("2024") })).toBe('<time datetime="2024">2024</time>');
    expect(period({ start: date("2024-03"), end: date("2024-03") })).toBe('<time datetime="2024-03">mars 2024</time>');
    expect(periodParts(date("2024-03-01"), date("2024-03-01"))).toEqual([date("2024-03-01")]);
    // The same year written with different precision is two dates.
    expect(periodParts(date("2024"), date("2024-06"))).toEqual([date("2024"), " – ", date("2024-06")]);
  });
});

describe("formatSwedishDate against luxon", () => {
  it("writes every day of a leap year as luxon's Swedish format does", () => {
    for (let offset = 0; offset < 366; offset++) {
      const date = DateTime.utc(2024, 1, 1).plus({ days: offset });
      expect(formatSwedishDate(date.toISODate()!)).toBe(date.setLocale("sv").toFormat("d LLLL yyyy"));
    }
  });
});

describe("the web editor's pattern for dates (VALID_PARTIAL_DATE)", () => {
  it("accepts exactly what the build accepts, for every month and day of leap, common and century years", () => {
    const pad = (value: number) => String(value).padStart(2, "0");
    for (const year of [1600, 1700, 1900, 1999, 2000, 2004, 2019, 2020, 2023, 2024, 2100, 2400]) {
      const texts = [String(year)];
      for (let month = 0; month <= 13; month++) {
        texts.push(`${year}-${pad(month)}`);
        for (let day = 0; day <= 32; day++) texts.push(`${year}-${pad(month)}-${pad(day)}`);
      }
      for (const text of texts) expect(VALID_PARTIAL_DATE.test(text), text).toBe(parsePartialDate(text) !== undefined);
    }
  });

  it("agrees with the build on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/)), (text) => VALID_PARTIAL_DATE.test(text) === (parsePartialDate(text) !== undefined)),
      { numRuns: 2000 },
    );
  });
});
