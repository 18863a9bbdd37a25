import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOrganisationNumber, PROJECT_IDENTIFIER, projectIdentifier } from "../../src/format/organisation-number.ts";

describe("parseOrganisationNumber", () => {
  it("reads organisation numbers written in the usual ways", () => {
    // Region Örebro län's, and two more with valid check digits, with a hyphen, without one, and with a space.
    for (const [text, digits] of [["232100-0164", "2321000164"], ["2021005448", "2021005448"], ["202100 1140", "2021001140"]] as const) {
      expect(parseOrganisationNumber(text)).toEqual({ digits, display: `${digits.slice(0, 6)}-${digits.slice(6)}` });
    }
  });

  it("refuses a wrong check digit, saying which digit it should be", () => {
    expect(parseOrganisationNumber("232100-0165")).toEqual({ error: "organisationsnumret 232100-0165 har fel kontrollsiffra (5, inte 4); kontrollera det mot Bolagsverket eller Skatteverket" });
    expect(parseOrganisationNumber("23210-0164")).toEqual({ error: '"23210-0164" är inte ett organisationsnummer: skriv tio siffror, till exempel 232100-0164' });
  });

  it("accepts exactly one check digit for any nine digits (Luhn)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [..."0123456789"].filter((last) => "digits" in parseOrganisationNumber(nine + last));
        expect(valid).toHaveLength(1);
      }),
    );
  });
});

describe("projectIdentifier", () => {
  it("follows IATI's pattern, and the pattern takes it", () => {
    expect(projectIdentifier("2321000164", "vinna-vinna")).toBe("SE-ORGNR-2321000164-vinna-vinna");
    expect(PROJECT_IDENTIFIER.test("SE-ORGNR-2321000164-vinna-vinna")).toBe(true);
    expect(PROJECT_IDENTIFIER.test("SE-ORGNR-232100-0164-vinna")).toBe(false);
  });
});
