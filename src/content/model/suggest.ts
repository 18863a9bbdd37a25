import { closest, distance } from "fastest-levenshtein";

/**
 * The known name closest to a misspelt one, or undefined when nothing is close enough to be a
 * likely typo (more than a third of the name would have to change). Names are compared as `by`
 * makes them, when given: "Gävleborg" and "Gävleborgs län" are the same county once the word
 * "län" and the genitive s are left out.
 */
export function suggestClosest(name: string, known: Iterable<string>, by?: (name: string) => string): string | undefined {
  const keyOf = by ?? ((same: string) => same);
  const candidates = new Map([...known].map((candidate) => [keyOf(candidate), candidate]));
  if (candidates.size === 0) return undefined;
  const key = keyOf(name);
  const best = closest(key, [...candidates.keys()]);
  // Keys are shorter than names and alike ("gotland", "norrland"): a quarter of one may change, not a third.
  const share = by === undefined ? 3 : 4;
  return distance(key, best) <= Math.max(2, Math.ceil(key.length / share)) ? candidates.get(best) : undefined;
}

/** " (menade du sandra-spjuth?)", or "" when there is no close match. */
export function didYouMean(name: string, known: Iterable<string>, by?: (name: string) => string): string {
  const suggestion = suggestClosest(name, known, by);
  return suggestion ? ` (menade du ${suggestion}?)` : "";
}
