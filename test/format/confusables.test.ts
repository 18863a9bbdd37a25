import { describe, expect, it } from "vitest";
import { isLookAlike, sameName } from "../../src/format/confusables.ts";

describe("names as a reader sees them (UTS #39 skeletons)", () => {
  it("takes the same name in other case or spacing for the same name, and not for a look-alike", () => {
    for (const written of ["Region Dalarna", "REGION DALARNA", "region  dalarna", " Region Dalarna ", "Ｒegion Dalarna"]) {
      expect(sameName(written, "Region Dalarna"), written).toBe(true);
      expect(isLookAlike(written, "Region Dalarna"), written).toBe(false);
    }
    expect(isLookAlike("Regiön", "Regi\u006f\u0308n"), "NFC and NFD are the same letters").toBe(false);
  });

  it("refuses a name that only looks like a known one: other scripts, digits, capitals and invisible characters", () => {
    for (const lookAlike of [
      "Regiоn Dalarna", // Cyrillic о
      "Rеgion Dalarna", // Cyrillic е
      "Regi0n Dalarna", // a zero
      "Region DaIarna", // a capital I for l
      "Region Da1arna", // a one for l
      "Region Dal\u200barna", // a zero-width space
      "Region Dal\u00adarna", // a soft hyphen
      "Region Dalarna\u2060", // a word joiner
      "Regiοn Dalarna", // Greek ο
    ]) {
      expect(isLookAlike(lookAlike, "Region Dalarna"), JSON.stringify(lookAlike)).toBe(true);
    }
  });

  it("keeps names apart that a reader tells apart", () => {
    for (const other of ["Region Dalarnas bibliotek", "Region Örebro län", "Region Dalsland", "Regian Dalarna", "Region Dålarna"]) {
      expect(sameName(other, "Region Dalarna"), other).toBe(false);
    }
  });
});
