import { describe, expect, it } from "vitest";
import { countryCodeOfName, countryCodes, countryName } from "../../src/format/country.ts";

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

describe("countryCodeOfName", () => {
  it("reads country names in Swedish, Norwegian, Danish, Finnish, Icelandic and English", () => {
    const names = { Sverige: "SE", Norge: "NO", Noreg: "NO", Danmark: "DK", Finland: "FI", Suomi: "FI", Ruotsi: "SE", Tanska: "DK", Norja: "NO", Island: "IS", Ísland: "IS", Iceland: "IS", Norway: "NO", "United Kingdom": "GB", Storbritannien: "GB", Færøyene: "FO", Åland: "AX", estland: "EE" };
    for (const [name, code] of Object.entries(names)) expect(countryCodeOfName(name), name).toBe(code);
  });

  it("reads nothing else as a country", () => {
    for (const text of ["Dalarna", "Örebro län", "Nordplus", "", "NO"]) expect(countryCodeOfName(text), text).toBeUndefined();
  });
});
