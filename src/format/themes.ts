/**
 * Themes (ämnen): what a project was about, from a vocabulary that a site may add to or replace
 * in site.yaml. A theme is known by its label; its key (the last part of /amne/<key>/) is the
 * label's slug, so a national archive joins the same theme from many sources by its label.
 */
import { ZERO_WIDTH } from "./invisible-characters.ts";
import { boundedSlug, swedishSlug } from "./slug.ts";

/** The default vocabulary: the Swedish library field's common subjects, written as they read in a sentence ("Projekt om läsfrämjande"). */
export const DEFAULT_THEMES = [
  "läsfrämjande",
  "digital delaktighet",
  "medie- och informationskunnighet",
  "mångspråk",
  "barn och unga",
  "tillgänglighet",
  "folkbildning och samverkan",
  "kompetensutveckling",
  "demokrati och yttrandefrihet",
  "kulturarv och lokalhistoria",
  "hållbarhet",
  "lokaler och meröppet",
] as const;

/** How many themes a project may have. */
export const MAX_THEMES = 3;

/** A soft hyphen, which Word leaves in a word and which shows only where a line breaks. */
const SOFT_HYPHEN = /\u00ad/g;

/**
 * The key a theme is compared and addressed by: its slug ("barn-och-unga"), bounded like other
 * names. A character without width, or a soft hyphen, is left out first: pasted inside a word
 * ("läs\u200bfrämjande", "kompetens\u00adutveckling"), it would split the slug, and the editor
 * could not see why the theme was unknown.
 */
export const themeKey = (label: string): string => boundedSlug(swedishSlug(label.replace(ZERO_WIDTH, "").replace(SOFT_HYPHEN, "")));

/** The URL of a theme's browsing page. */
export const themePageUrl = (label: string): string => `/amne/${themeKey(label)}/`;

/** The site's settings for its vocabulary: themes added to the default, or a vocabulary of its own. */
export interface ThemeSettings {
  readonly add?: readonly string[];
  readonly replace?: readonly string[];
}

/** The site's vocabulary, in the order it is offered to editors: the default (or the site's own) and then what the site adds. */
export function themeVocabulary(settings: ThemeSettings | undefined): readonly string[] {
  const base = settings?.replace ?? DEFAULT_THEMES;
  const all = [...base, ...(settings?.add ?? [])];
  const seen = new Set<string>();
  return all.filter((label) => {
    const key = themeKey(label);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Finds a theme in a vocabulary by its label however it is written ("Barn och unga" is the
 * vocabulary's "barn och unga"): the vocabulary's own label, or undefined when it has none.
 */
export function vocabularyLabels(vocabulary: readonly string[]): (label: string) => string | undefined {
  const byKey = new Map(vocabulary.map((label) => [themeKey(label), label]));
  return (label) => byKey.get(themeKey(label));
}
