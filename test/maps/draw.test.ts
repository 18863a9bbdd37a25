import { describe, expect, it } from "vitest";
import { countryCodes } from "../../src/format/country.ts";
import { countryShapes } from "../../src/maps/country-shapes.ts";
import { drawMap, type Shade } from "../../src/maps/draw.ts";
import { readMap } from "./map-file.ts";

/** At most this much per map, gzip-compressed (issue 34). */
const MAX_GZIP_BYTES = 40 * 1024;

const shaded = (codes: readonly string[], className = "markerat"): Map<string, Shade> => new Map(codes.map((code) => [code, { fill: "#0b4f8a", className }]));

describe("drawMap", () => {
  it("draws the given countries in their shade, with their neighbours as grey land, in a valid SVG file of the size it says", () => {
    const drawing = drawMap({ title: "Karta: Norge & Sverige markerade", width: 240, shades: shaded(["NO", "SE"]) })!;
    const map = readMap(drawing.svg);
    expect(map.title).toBe("Karta: Norge & Sverige markerade");
    expect([map.width, map.height]).toEqual([drawing.width, drawing.height]);
    expect(drawing.svg).toContain(`viewBox="0 0 ${drawing.width} ${drawing.height}"`);
    expect([...map.countries.keys()].sort()).toEqual(["no", "se"]);
    expect(map.countries.get("se")).toEqual({ className: "markerat", fill: "#0b4f8a" });
    // Finland, Denmark, Russia … around them; land covers a good part of the picture, not all of it.
    expect(map.landShare).toBeGreaterThan(0.3);
    expect(map.landShare).toBeLessThan(0.9);
  });

  it("writes the legend's labels in order", () => {
    const legend = [
      { fill: "#c5d5e3", label: "1 projekt" },
      { fill: "#0b4f8a", label: "2–3 projekt" },
    ];
    expect(readMap(drawMap({ title: "Karta", width: 400, shades: shaded(["DK"]), legend })!.svg).legend).toEqual(["1 projekt", "2–3 projekt"]);
  });

  it("rings a country too small to see at the map's scale", () => {
    const map = readMap(drawMap({ title: "Karta", width: 240, shades: shaded(["SE", "PT", "LU"]) })!.svg);
    expect(map.rings).toEqual(["lu"]);
    expect([...map.countries.keys()].sort()).toEqual(["lu", "pt", "se"]);
  });

  it("draws nothing when no country has a shape at this scale", () => {
    const withShapes = new Set(countryShapes().map((shape) => shape.code));
    const without = countryCodes().filter((code) => !withShapes.has(code));
    expect(without.length).toBeGreaterThan(0);
    expect(drawMap({ title: "Karta", width: 240, shades: shaded(without) })).toBeUndefined();
  });

  it.each([
    ["every country of the world", countryShapes().flatMap((shape) => (shape.code ? [shape.code] : []))],
    ["Sweden, the United States, Kenya and Fiji", ["SE", "US", "KE", "FJ"]],
    ["Russia, across the antimeridian", ["RU"]],
    ["Europe from Iceland to Greece", ["IS", "NO", "SE", "FI", "DK", "IE", "PT", "GR", "EE"]],
  ])("keeps a map of %s within 40 KB gzip, and land where land is", (_name, codes) => {
    const map = readMap(drawMap({ title: "Karta", width: 400, shades: shaded(codes) })!.svg);
    expect(map.gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES);
    // A polygon taken the wrong way round at the antimeridian fills the sea with land.
    expect(map.landShare).toBeLessThan(0.6);
  });
});
