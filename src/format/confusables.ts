/**
 * Names compared as a reader sees them: "Regiоn Dalarna" with a Cyrillic о looks like "Region
 * Dalarna" and must be taken for it. The skeleton is UTS #39's (NFD, the mapping of Unicode's
 * confusables.txt through unhomoglyph, NFD again), without the characters that show nothing
 * (Default_Ignorable_Code_Point: a zero-width space, a soft hyphen, a word joiner) and folded for
 * case. Case is folded after the mapping, and once more after it, since the mapping tells capitals
 * apart that lower case does not (a capital I looks like l, as in "DaIarna"): the i that lower case
 * then leaves is folded into l too. Two names with the same skeleton look the same to a reader.
 */
import unhomoglyph from "unhomoglyph";

/** The name as written, compared without case and extra spaces. */
const plainName = (name: string) => name.normalize("NFKC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** The name as UTS #39 compares it: look-alike letters, invisible characters, case and spacing folded. Never for display. */
export function nameSkeleton(name: string): string {
  const visible = name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const mapped = unhomoglyph(visible.normalize("NFD")).toLocaleLowerCase("sv");
  return unhomoglyph(mapped.normalize("NFD")).normalize("NFD").replace(/i/g, "l");
}

/** Whether two names look the same to a reader: the same name, or one a look-alike of the other. */
export const sameName = (a: string, b: string): boolean => nameSkeleton(a) === nameSkeleton(b);

/** Whether `name` looks like `known` without being the same letters: a look-alike, to be refused. */
export const isLookAlike = (name: string, known: string): boolean => plainName(name) !== plainName(known) && sameName(name, known);
