import { geoBounds } from "d3-geo";
import { describe, expect, it } from "vitest";
import { countryCodes, countryName } from "../../src/format/country.ts";
import { alpha2OfNumeric, countryShapes } from "../../src/maps/country-shapes.ts";

describe("the countries' shapes (world-atlas, Natural Earth 1:50m)", () => {
  const shapes = countryShapes();
  const shapeOf = (code: string) => shapes.find((shape) => shape.code === code)!;

  it("reads ISO 3166-1 numeric codes as alpha-2 through CLDR's aliases", () => {
    expect(["578", "752", "208", "246", "352", "826", "010"].map(alpha2OfNumeric)).toEqual(["NO", "SE", "DK", "FI", "IS", "GB", "AQ"]);
    expect(alpha2OfNumeric("999")).toBeUndefined();
    expect(alpha2OfNumeric("NO")).toBeUndefined();
  });

  it("gives nearly every country a shape under a code the archive accepts, each code once", () => {
    const codes = shapes.flatMap((shape) => (shape.code ? [shape.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(countryName(code), code).toBeDefined();
    // Kosovo has no numeric code; its English name is matched.
    expect(codes).toEqual(expect.arrayContaining(["NO", "SE", "DK", "FI", "IS", "EE", "LV", "LT", "DE", "GB", "US", "KE", "XK"]));
    // Of the 249 codes, only microstates and small islands have no shape at this scale.
    expect(codes.length).toBeGreaterThan(countryCodes().length * 0.9);
    // Shapes without any code (Somaliland, Northern Cyprus …) are still drawn, as land.
    expect(shapes.filter((shape) => !shape.code).length).toBeLessThan(6);
  });

  it("frames a country on its main land: France without French Guiana, Norway without Svalbard, the United States without Alaska", () => {
    const extent = (code: string) => geoBounds(shapeOf(code).mainland);
    const [[franceWest, franceSouth], [franceEast]] = extent("FR");
    expect(franceWest).toBeGreaterThan(-6);
    expect(franceEast).toBeLessThan(10);
    expect(franceSouth).toBeGreaterThan(41); // Corsica stays
    expect(extent("NO")[1][1]).toBeLessThan(72);
    expect(extent("US")[0][0]).toBeGreaterThan(-125);
    // The whole country is still drawn.
    expect(shapeOf("FR").parts.length).toBeGreaterThan(shapeOf("FR").mainland.geometry.coordinates.length);
  });
});
