import { describe, expect, it } from "vitest";
import { formatGrant, formatKronor } from "../../src/format/grant.ts";

describe("formatGrant", () => {
  it("writes a grant the Swedish way after the funder's name", () => {
    expect(formatGrant({ programme: "Stärkta bibliotek", caseNumber: "KUR 2019/1234", amount: 450000, year: 2019 })).toBe("Stärkta bibliotek, dnr KUR 2019/1234, 450\u00a0000 kr, 2019");
    expect(formatGrant({ caseNumber: "2020-00123" })).toBe("dnr 2020-00123");
    expect(formatGrant({})).toBe("");
  });

  it("groups thousands with a no-break space, so that the amount never breaks across lines", () => {
    expect(formatKronor(1250000)).toBe("1\u00a0250\u00a0000 kr");
    expect(formatKronor(900)).toBe("900 kr");
  });
});
