import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BACKGROUNDS, contrastOnWhite, darkenForText, formatRatio, parseHexColour, weakestContrast } from "../../src/format/colour.ts";
import { PROJECT_ROOT } from "../helpers.ts";

describe("colour contrast against white (WCAG 2.1)", () => {
  it("gives the ratios that WCAG's formula gives for well-known colours", () => {
    expect(contrastOnWhite(parseHexColour("#000")!)).toBeCloseTo(21, 5);
    expect(contrastOnWhite(parseHexColour("#ffffff")!)).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(contrastOnWhite(parseHexColour("#767676")!)).toBeCloseTo(4.54, 2);
    expect(contrastOnWhite(parseHexColour("#777777")!)).toBeCloseTo(4.48, 2);
  });

  it("rounds a ratio down, so that a failing colour is never shown as 4,5:1", () => {
    expect(formatRatio(4.4799)).toBe("4,4:1");
    expect(formatRatio(12.63)).toBe("12,6:1");
    expect(formatRatio(4.06)).toBe("4,0:1");
  });

  it("judges a colour by the background it has the least contrast against: #3e8082 passes on white, not on the grey panels", () => {
    const rgb = parseHexColour("#3e8082")!;
    expect(contrastOnWhite(rgb)).toBeGreaterThanOrEqual(4.5);
    expect(weakestContrast(rgb)).toMatchObject({ background: { hex: "#f2f4f5" } });
    expect(weakestContrast(rgb).ratio).toBeCloseTo(4.12, 2);
  });

  it("knows every background the stylesheet gives the site's colour", async () => {
    const css = await readFile(path.join(PROJECT_ROOT, "layouts/assets/style.css"), "utf8");
    const declared = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(css)![1];
    expect(BACKGROUNDS.map((background) => background.hex)).toEqual([declared("background"), declared("panel")]);
  });

  it("suggests the same hue darkened just enough to pass on every background", () => {
    for (const colour of ["#777777", "#7aa6d6", "#ff8800", "#ffff00", "#3e8082"]) {
      const suggestion = darkenForText(parseHexColour(colour)!);
      const rgb = parseHexColour(suggestion)!;
      expect(weakestContrast(rgb).ratio).toBeGreaterThanOrEqual(4.5);
      // Darkened, not replaced: each channel keeps its share of the original.
      const original = parseHexColour(colour)!;
      const ratios = rgb.map((channel, index) => (original[index] === 0 ? 0 : channel / original[index]!)).filter((ratio) => ratio > 0);
      expect(Math.max(...ratios) - Math.min(...ratios)).toBeLessThan(0.05);
    }
  });

  it("reads #rgb and #rrggbb and nothing else", () => {
    expect(parseHexColour("#0B4F8A")).toEqual([11, 79, 138]);
    expect(parseHexColour("#08c")).toEqual([0, 136, 204]);
    for (const value of ["0b4f8a", "#0b4f8", "blue", "rgb(0,0,0)"]) expect(parseHexColour(value)).toBeUndefined();
  });
});
