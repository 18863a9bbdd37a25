import { expect, it } from "vitest";
import { didYouMean, suggestClosest } from "../../../src/content/model/suggest.ts";

it("suggests a known name when at most a third of it would change, and a quarter of a key made by `by`", () => {
  // 4 of the 12 letters differ: a third of a name, more than a quarter of a key.
  expect(suggestClosest("sandr-xyzuth", ["sandra-spjuth", "eva-carlbom"])).toBe("sandra-spjuth");
  expect(didYouMean("sandr-xyzuth", ["sandra-spjuth"])).toBe(" (menade du sandra-spjuth?)");
  expect(suggestClosest("sandr-xyzuth", ["sandra-spjuth"], (name) => name.toLowerCase())).toBeUndefined();
  expect(suggestClosest("sandra-spjut", ["sandra-spjuth"], (name) => name.toLowerCase())).toBe("sandra-spjuth");
  expect(suggestClosest("helt-annat-namn", ["sandra-spjuth"])).toBeUndefined();
  expect(didYouMean("x", [])).toBe("");
});
