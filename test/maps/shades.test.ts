import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrast, parseHexColour } from "../../src/format/colour.ts";
import { countSteps, DEFAULT_COLOUR, shadesOf, stepLabel, stepOf } from "../../src/maps/shades.ts";
import { PROJECT_ROOT } from "../helpers.ts";

describe("the steps of a map's scale", () => {
  it("has one step per count when there are at most five counts", () => {
    expect(countSteps([2, 1, 2, 7])).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 7, to: 7 },
    ]);
    expect(countSteps([3]).map(stepLabel)).toEqual(["3 projekt"]);
  });

  it("has five ranges of about as many countries each, covering every count from the least to the greatest, when there are more", () => {
    const counts = [1, 1, 1, 2, 2, 3, 4, 5, 8, 9, 12, 20, 40, 41, 300];
    const steps = countSteps(counts);
    expect(steps.map(stepLabel)).toEqual(["1 projekt", "2–3 projekt", "4–8 projekt", "9–20 projekt", "21–300 projekt"]);
    for (const count of counts) expect(stepOf(steps, count)).toBeGreaterThanOrEqual(0);
    for (let index = 1; index < steps.length; index++) expect(steps[index]!.from).toBe(steps[index - 1]!.to + 1);
  });
});

describe("the shades of a map's scale", () => {
  const neighbourContrasts = (shades: string[]) => shades.slice(1).map((shade, index) => contrast(parseHexColour(shade)!, parseHexColour(shades[index]!)!));

  it.each([
    ["the default colour", undefined],
    ["a light colour that just passes 4.5:1 on the grey panels", "#3a797b"],
    ["a red", "#a4262c"],
  ])("for %s: lightest first, the darkest the colour itself, each step as far from the next", (_name, colour) => {
    const shades = shadesOf(colour, 5);
    expect(shades).toHaveLength(5);
    expect(shades.at(-1)).toBe(colour ?? DEFAULT_COLOUR);
    const steps = neighbourContrasts(shades);
    // Told apart by lightness alone: every step at least 1.3:1 from the next, all about equally.
    for (const step of steps) {
      expect(step).toBeGreaterThanOrEqual(1.3);
      expect(step).toBeCloseTo(steps[0]!, 1);
    }
  });

  it("is the colour itself for a map of one step", () => {
    expect(shadesOf("#a4262c", 1)).toEqual(["#a4262c"]);
  });

  it("starts from the stylesheet's colour when the site names none", async () => {
    const css = await readFile(path.join(PROJECT_ROOT, "layouts/assets/style.css"), "utf8");
    expect(/--colour: (#[0-9a-f]{6});/.exec(css)?.[1]).toBe(DEFAULT_COLOUR);
  });
});
