/**
 * The shades of a map: steps of project counts, and a sequential scale of the site's colour whose
 * neighbouring steps differ by the same contrast ratio, so that each is told from the next by its
 * lightness alone, not only by hue.
 */
import { contrast, parseHexColour, toHex } from "../format/colour.ts";

/** The colour of a site that names none: layouts/assets/style.css's `--colour`. */
export const DEFAULT_COLOUR = "#0b4f8a";

/** At most this many steps: more are hard to tell apart on a map. */
const MAX_STEPS = 5;

/** The lightest step against white: light enough to leave room for four darker ones, dark enough to stand out from the grey land. */
const LIGHTEST_CONTRAST = 1.5;

/** A step of the scale: the counts from `from` to `to`, both included. */
export interface CountStep {
  readonly from: number;
  readonly to: number;
}

/**
 * The steps for a set of counts (one per country): one for each count when there are few, else up
 * to {@link MAX_STEPS} ranges with about as many countries in each, that together cover every
 * count from the least to the greatest.
 */
export function countSteps(counts: readonly number[]): CountStep[] {
  const sorted = [...counts].sort((a, b) => a - b);
  const values = [...new Set(sorted)];
  if (values.length <= MAX_STEPS) return values.map((value) => ({ from: value, to: value }));
  const uppers = [...new Set(Array.from({ length: MAX_STEPS }, (_, index) => sorted[Math.ceil(((index + 1) * sorted.length) / MAX_STEPS) - 1]!))];
  return uppers.map((to, index) => ({ from: index === 0 ? sorted[0]! : uppers[index - 1]! + 1, to }));
}

/** The index of the step a count belongs to. */
export function stepOf(steps: readonly CountStep[], count: number): number {
  return steps.findIndex((step) => count >= step.from && count <= step.to);
}

/** "1 projekt", "2–3 projekt". */
export function stepLabel({ from, to }: CountStep): string {
  return from === to ? `${from} projekt` : `${from}–${to} projekt`;
}

const WHITE = [255, 255, 255] as const;

/** The colour `share` of the way from white to `rgb`. */
const mix = (rgb: readonly number[], share: number) => rgb.map((channel, index) => WHITE[index]! + (channel - WHITE[index]!) * share);

/**
 * `count` shades of `colour`, lightest first, the darkest the colour itself: white mixed with the
 * colour so that each step has the same contrast ratio to the next (WCAG's relative luminance).
 * A site colour passes 4.5:1 against the grey panels, so about 5:1 against white (the schema,
 * src/format/colour.ts), which leaves at least 1.3:1 between neighbouring steps of five.
 */
export function shadesOf(colour: string | undefined, count: number): string[] {
  const rgb = parseHexColour(colour ?? DEFAULT_COLOUR) ?? parseHexColour(DEFAULT_COLOUR)!;
  if (count <= 1) return [toHex(rgb)];
  const darkest = contrast(rgb, WHITE);
  return Array.from({ length: count }, (_, index) => {
    if (index === count - 1) return toHex(rgb);
    const target = LIGHTEST_CONTRAST * (darkest / LIGHTEST_CONTRAST) ** (index / (count - 1));
    // Contrast with white grows with the share of the colour: find the share that gives the target.
    let [low, high] = [0, 1];
    for (let round = 0; round < 30; round++) {
      const share = (low + high) / 2;
      if (contrast(mix(rgb, share), WHITE) < target) low = share;
      else high = share;
    }
    return toHex(mix(rgb, (low + high) / 2));
  });
}
