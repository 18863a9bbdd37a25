import { describe, expect, it } from "vitest";
import { countryCodes, countryName } from "../../src/format/country.ts";

describe("countryName", () => {
  it("names the Nordic countries in Swedish", () => {
    expect(["NO", "DK", "SE", "FI", "IS"].map(countryName)).toEqual(["Norge", "Danmark", "Sverige", "Finland", "Island"]);
  });

  it("refuses codes that are not ISO 3166-1 countries", () => {
    for (const code of ["XX", "ZZ", "EU", "XA", "XB", "no", "NOR", ""]) expect(countryName(code), code).toBeUndefined();
  });
});

describe("countryCodes", () => {
  const codes = countryCodes();

  it("lists each country once, by its current code, in Swedish alphabetical order", () => {
    const names = codes.map((code) => countryName(code)!);
    expect(new Set(names).size).toBe(names.length);
    expect(codes).toContain("GB");
    expect(codes).not.toContain("UK");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "sv")));
    expect(names.slice(-2)).toEqual(["Österrike", "Östtimor"]);
  });

  it("holds every country of ISO 3166-1 that the content accepts", () => {
    expect(codes.length).toBeGreaterThanOrEqual(249);
    for (const code of codes) expect(countryName(code), code).toBeDefined();
  });
});
