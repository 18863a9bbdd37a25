import { describe, expect, it } from "vitest";
import { formatAmount, formatGrant, hasAtMostTwoDecimals, knownCaseNumberFormat } from "../../src/format/grant.ts";

describe("formatGrant", () => {
  it("writes a grant the Swedish way after the funder's name", () => {
    expect(formatGrant({ programme: "Stärkta bibliotek", caseNumber: "KUR 2019/1234", amount: 450000, year: 2019 })).toBe("Stärkta bibliotek, dnr KUR 2019/1234, 450\u00a0000\u00a0kr, 2019");
    expect(formatGrant({ caseNumber: "2020-00123" })).toBe("dnr 2020-00123");
    expect(formatGrant({})).toBe("");
  });

  it("writes an EU programme's project number as a project number, and its amount in euro with the cents", () => {
    expect(formatGrant({ programme: "Interreg Aurora", caseNumber: "NYPS 20201234", amount: 1250000.5, currency: "EUR", year: 2021 })).toBe(
      "Interreg Aurora, projektnummer NYPS 20201234, 1\u00a0250\u00a0000,50\u00a0euro, 2021",
    );
  });
});

describe("formatAmount", () => {
  it("groups thousands with a no-break space and keeps the unit on the same line, so that the amount never breaks", () => {
    expect(formatAmount(1250000)).toBe("1\u00a0250\u00a0000\u00a0kr");
    expect(formatAmount(900)).toBe("900\u00a0kr");
  });

  it("names each currency as Swedish running text does, with öre or cents only where there are any", () => {
    expect(formatAmount(450000, "SEK")).toBe("450\u00a0000\u00a0kr");
    expect(formatAmount(1250000.5, "EUR")).toBe("1\u00a0250\u00a0000,50\u00a0euro");
    expect(formatAmount(300000, "NOK")).toBe("300\u00a0000\u00a0norska kronor");
    expect(formatAmount(75000.25, "DKK")).toBe("75\u00a0000,25\u00a0danska kronor");
  });

  it("accepts amounts with at most two decimals", () => {
    expect([450000, 1250000.5, 1250000.55, 0.01].map(hasAtMostTwoDecimals)).toEqual([true, true, true, true]);
    expect([0.125, 1e21].map(hasAtMostTwoDecimals)).toEqual([false, false]);
  });
});

describe("knownCaseNumberFormat", () => {
  it("knows Kulturrådet by either name or by its website, and no other funder", () => {
    for (const funder of [{ name: "Statens kulturråd" }, { name: "Kulturrådet" }, { name: "KULTURRÅDET " }, { name: "Kulturrådet i Sverige", url: "https://www.kulturradet.se/" }]) {
      expect(knownCaseNumberFormat(funder)?.funder, funder.name).toBe("Statens kulturråd");
    }
    expect(knownCaseNumberFormat({ name: "Interreg Aurora", url: "https://www.interregaurora.eu/" })).toBeUndefined();
    expect(knownCaseNumberFormat({ name: "Nordplus", url: "https://www.nordplusonline.org/" })).toBeUndefined();
    const { pattern } = knownCaseNumberFormat({ name: "Kulturrådet" })!;
    expect(["KUR 2019/1234", "KUR 2019/56"].every((number) => pattern.test(number))).toBe(true);
    expect(["KUR-1234", "NYPS 20201234", "2019/1234"].some((number) => pattern.test(number))).toBe(false);
  });
});
