import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/content/model/suggest.ts";
import { COUNTIES, countyKey } from "../../src/format/county.ts";

describe("a county's name, as a misspelt one is compared", () => {
  it.each([
    ["Gävleborg", "Gävleborgs län"],
    ["gävleborgs", "Gävleborgs län"],
    ["Gävelborgs län", "Gävleborgs län"],
    ["Dalarna", "Dalarnas län"],
    ["Västra Götaland", "Västra Götalands län"],
    ["Örebro", "Örebro län"],
    ["Skåne", "Skåne län"],
  ])("suggests %s as %s", (typed, county) => {
    expect(didYouMean(typed, COUNTIES, countyKey)).toBe(` (menade du ${county}?)`);
  });

  it.each(["Norrland", "Bergslagen", "Mälardalen", "Sverige"])("suggests no county for %s, which is not one", (typed) => {
    expect(didYouMean(typed, COUNTIES, countyKey)).toBe("");
  });

  it("is the same key for a county's name with and without län and its s", () => {
    expect(new Set(["Gävleborgs län", "Gävleborg", " GÄVLEBORGS "].map(countyKey))).toEqual(new Set(["gävleborg"]));
  });
});
