/**
 * A project's themes from its page's own tags and keywords, where they are words of the site's
 * vocabulary (src/format/themes.ts): a WordPress tag "Läsfrämjande" or a Sitevision keyword "barn
 * och unga" is the theme with the same key. A theme is never guessed from the text: the report
 * asks an editor to choose where the page gives none.
 */
import { MAX_THEMES, themeKey } from "../format/themes.ts";
import type { FileReport } from "./report.ts";

const quoted = (words: readonly string[]) => words.map((word) => `”${word}”`).join(", ");

/** The themes of `vocabulary` that the page's tags name, at most {@link MAX_THEMES}; the report says what was read and what was not. */
export function themesOfTags(tags: readonly string[], vocabulary: readonly string[], report: FileReport): string[] {
  const labels = new Map(vocabulary.map((label) => [themeKey(label), label]));
  const themes: string[] = [];
  const unknown: string[] = [];
  for (const tag of tags) {
    const label = labels.get(themeKey(tag));
    if (!label) unknown.push(tag);
    else if (!themes.includes(label)) {
      themes.push(label);
      if (themes.length <= MAX_THEMES) report.placed.push({ field: `themes (${label})`, from: `sidans ämnesord ”${tag}”` });
    }
  }
  if (themes.length > MAX_THEMES) report.check.push(`sidans ämnesord ger ${themes.length} av webbplatsens ämnen; de ${MAX_THEMES} första står i themes (${quoted(themes.slice(0, MAX_THEMES))}), och ${quoted(themes.slice(MAX_THEMES))} togs inte med: välj de som projektet mest handlade om`);
  if (unknown.length > 0) report.check.push(`sidans ämnesord ${quoted(unknown)} finns inte bland webbplatsens ämnen och togs inte med; välj ett ämne ur listan i stället om något passar`);
  if (themes.length === 0) report.check.push(`projektet har inga ämnen: välj högst ${MAX_THEMES} ur webbplatsens lista (themes), så att projektet syns på ämnenas sidor och i sökningen`);
  return themes.slice(0, MAX_THEMES);
}
