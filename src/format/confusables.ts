/**
 * Names compared as a reader sees them: "Regiоn Dalarna" with a Cyrillic о looks like "Region
 * Dalarna" and must be taken for it. The skeleton is UTS #39's (NFD, the mapping of Unicode's
 * confusables.txt through unhomoglyph, NFD again) of the name in lower case with its white space
 * collapsed. Two names with the same skeleton are the same name to a reader.
 */
import unhomoglyph from "unhomoglyph";

/** The name as written, compared without case and extra spaces. */
const plainName = (name: string) => name.normalize("NFKC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

/** The name as UTS #39 compares it: look-alike letters, case and spacing folded. Never for display. */
export function nameSkeleton(name: string): string {
  return unhomoglyph(plainName(name).normalize("NFD")).normalize("NFD");
}

/** Whether two names look the same to a reader: the same name, or one a look-alike of the other. */
export const sameName = (a: string, b: string): boolean => nameSkeleton(a) === nameSkeleton(b);

/** Whether `name` looks like `known` without being the same letters: a look-alike, to be refused. */
export const isLookAlike = (name: string, known: string): boolean => plainName(name) !== plainName(known) && sameName(name, known);
