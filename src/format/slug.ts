import slugify from "@sindresorhus/slugify";
import { createHash } from "node:crypto";
import { MAX_SLUG_LENGTH } from "./limits.ts";

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

/**
 * A slug of at most {@link MAX_SLUG_LENGTH} characters: a longer one is cut at a hyphen and ends in
 * eight characters of the whole slug's hash, so two long slugs with the same beginning stay apart.
 */
export function boundedSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const hash = createHash("sha256").update(slug).digest("hex").slice(0, 8);
  const room = MAX_SLUG_LENGTH - hash.length - 1;
  const cut = slug.slice(0, room);
  const atHyphen = cut.lastIndexOf("-");
  return `${(atHyphen > room / 2 ? cut.slice(0, atHyphen) : cut).replace(/-+$/, "")}-${hash}`;
}
