import slugify from "@sindresorhus/slugify";

const SWEDISH_REPLACEMENTS: [string, string][] = [
  ["å", "a"],
  ["ä", "a"],
  ["ö", "o"],
  ["Å", "a"],
  ["Ä", "a"],
  ["Ö", "o"],
];

/** Slugs by text: a large archive names the same few funders thousands of times. */
const slugs = new Map<string, string>();

/** Makes a URL slug the way Swedes write one: "Rum för bildning" becomes "rum-for-bildning". */
export function swedishSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugify(text, { customReplacements: SWEDISH_REPLACEMENTS });
    slugs.set(text, slug);
  }
  return slug;
}

/** True when the text is already a slug: lowercase a-z, digits and single hyphens. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
