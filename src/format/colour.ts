/**
 * Colour contrast as WCAG 2.1 defines it (1.4.3, "contrast ratio" and "relative luminance"), for
 * the one colour a site may choose: it is used for links on white and on the grey panels (contact
 * cards, the cookie notice), and behind the white text of buttons, so it needs 4.5:1 against each.
 */

/** The contrast text needs against its background (WCAG 2.1 1.4.3, level AA). */
export const MINIMUM_TEXT_CONTRAST = 4.5;

/** "#0b4f8a" or "#08c" as red, green and blue from 0 to 255; undefined for anything else. */
export function parseHexColour(value: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return undefined;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((digit) => digit + digit).join("") : match[1]!;
  return [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

function relativeLuminance([red, green, blue]: readonly number[]): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red!) + 0.7152 * linear(green!) + 0.0722 * linear(blue!);
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The contrast ratio of a colour against white, from 1 to 21. */
export function contrastOnWhite(rgb: readonly number[]): number {
  return contrast(rgb, [255, 255, 255]);
}

/**
 * Every background the site's colour is read against, as layouts/assets/style.css declares them
 * (`--background`, `--panel`; a test keeps the two in step). Buttons are white text on the colour,
 * the same contrast as the colour on white.
 */
export const BACKGROUNDS = [
  { name: "vit bakgrund", hex: "#ffffff" },
  { name: "de grå rutorna (kontaktkort och kakmeddelandet, #f2f4f5)", hex: "#f2f4f5" },
] as const;

/** The background the colour has the least contrast against, and that contrast. */
export function weakestContrast(rgb: readonly number[]): { background: (typeof BACKGROUNDS)[number]; ratio: number } {
  return BACKGROUNDS.map((background) => ({ background, ratio: contrast(rgb, parseHexColour(background.hex)!) })).sort((a, b) => a.ratio - b.ratio)[0]!;
}

/** A colour as #rrggbb. */
export const toHex = (rgb: readonly number[]) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;

/** The same hue made just dark enough for text on every background: what to suggest for a colour that fails. */
export function darkenForText(rgb: readonly number[]): string {
  for (let factor = 1; factor > 0; factor -= 0.01) {
    const darker = rgb.map((channel) => Math.floor(channel * factor));
    if (weakestContrast(darker).ratio >= MINIMUM_TEXT_CONTRAST) return toHex(darker);
  }
  return "#000000";
}

/** "3,9:1", rounded down so that a colour is never said to pass that does not. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}:1`;
}
