import { geoPath, geoIdentity } from "d3-geo";
import { describe, expect, it } from "vitest";
import { ShortPathData } from "../../src/maps/svg-path.ts";

describe("ShortPathData", () => {
  it("writes each ring's first point absolute and the rest as steps in tenths of a pixel, as short as SVG allows", () => {
    const data = new ShortPathData();
    data.moveTo(10, 20.04);
    data.lineTo(11.26, 19.6);
    data.lineTo(11.26, 19.6); // no step: left out
    data.lineTo(14.3, 19.6);
    data.lineTo(10, 20);
    data.closePath();
    data.moveTo(0.05, -3);
    data.lineTo(-1, 0);
    data.closePath();
    expect(data.result()).toBe("M10 20l1.3-.4 3 0-4.3 .4zM.1-3l-1.1 3z");
    expect(data.result()).toBe("");
  });

  it("draws what geoPath's own path data draws, to a tenth of a pixel", () => {
    const square = { type: "Polygon" as const, coordinates: [[[0, 0], [0, 10.27], [5.5, 10.27], [5.5, 0], [0, 0]]] };
    const data = new ShortPathData();
    geoPath(geoIdentity(), data)(square);
    const steps = data.result().match(/-?(?:\d+\.?\d*|\.\d+)/g)!.map(Number);
    const points = [[steps[0]!, steps[1]!]];
    for (let index = 2; index < steps.length; index += 2) points.push([points.at(-1)![0]! + steps[index]!, points.at(-1)![1]! + steps[index + 1]!]);
    const reference = geoPath(geoIdentity()).digits(1)(square)!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    expect(points.flat().map((value) => Math.round(value * 10) / 10)).toEqual(reference);
  });
});
