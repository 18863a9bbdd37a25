import slugify from "@sindresorhus/slugify";

const SWEDISH_REPLACEMENTS: [string, string][] = [
  ["å", "a"],
  ["ä", "a"],
  ["ö", "o"],
  ["Å", "a"],
  ["Ä", "a"],
  ["Ö", "o"],
];

/** Makes a URL slug the way Swedes write one: "Rum för bildning" becomes "rum-for-bildning". */
export function swedishSlug(text: string): string {
  return slugify(text, { customReplacements: SWEDISH_REPLACEMENTS });
}

/** True when the text is already a slug: lowercase a-z, digits and single hyphens. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
