/**
 * Swedish whatever the browser's language. Sveltia CMS follows the browser unless the editor has
 * chosen a language in its settings, which it keeps in localStorage under sveltia-cms.prefs, and
 * reads that as it loads. Where no choice is kept, Swedish is written there first (admin.ts imports
 * this module before the CMS); an editor's own choice stays.
 */
const PREFERENCES = "sveltia-cms.prefs";

try {
  const preferences = JSON.parse(localStorage.getItem(PREFERENCES) ?? "{}") as { locale?: string };
  if (!preferences.locale || preferences.locale === "auto") localStorage.setItem(PREFERENCES, JSON.stringify({ ...preferences, locale: "sv" }));
} catch {
  // Storage that cannot be read or written (a private window with it turned off): the browser's language is used.
}

export {};
