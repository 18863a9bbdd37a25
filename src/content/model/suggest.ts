import { closest, distance } from "fastest-levenshtein";

/**
 * The known name closest to a misspelt one, or undefined when nothing is close enough to be a
 * likely typo (more than a third of the name would have to change).
 */
export function suggestClosest(name: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const best = closest(name, candidates);
  return distance(name, best) <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}

/** " (menade du sandra-spjuth?)", or "" when there is no close match. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const suggestion = suggestClosest(name, known);
  return suggestion ? ` (menade du ${suggestion}?)` : "";
}
