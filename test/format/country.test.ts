import { describe, expect, it } from "vitest";
import { countryName } from "../../src/format/country.ts";

describe("countryName", () => {
  it("names the Nordic countries in Swedish", () => {
    expect(["NO", "DK", "SE", "FI", "IS"].map(countryName)).toEqual(["Norge", "Danmark", "Sverige", "Finland", "Island"]);
  });

  it("refuses codes that are not ISO 3166-1 countries", () => {
    for (const code of ["XX", "ZZ", "EU", "no", "NOR", ""]) expect(countryName(code), code).toBeUndefined();
  });
});
