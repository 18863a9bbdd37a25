import { describe, expect, it } from "vitest";
import { isSlug, swedishSlug } from "../../src/format/slug.ts";

describe("swedishSlug", () => {
  it("transliterates å, ä and ö as Swedes do", () => {
    expect(swedishSlug("Rum för bildning")).toBe("rum-for-bildning");
    expect(swedishSlug("Åsa Öberg Ärlig")).toBe("asa-oberg-arlig");
    expect(swedishSlug("Rom for dannelse - Rum för bildning")).toBe("rom-for-dannelse-rum-for-bildning");
  });
});

describe("isSlug", () => {
  it("accepts lowercase words joined by single hyphens", () => {
    expect(isSlug("vinna-vinna")).toBe(true);
    expect(isSlug("projekt-2011")).toBe(true);
  });

  it("refuses capitals, spaces, å/ä/ö and stray hyphens", () => {
    for (const name of ["Vinna-Vinna", "vinna vinna", "rum-för-bildning", "-vinna", "vinna--vinna", "vinna-", ""]) {
      expect(isSlug(name), name).toBe(false);
    }
  });
});
