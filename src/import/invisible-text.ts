/**
 * Characters the importer removes from a page before reading it, and says so: the bidirectional
 * controls (U+202A–U+202E, U+2066–U+2069), with which "gnp.exe" is shown as "exe.png" and a title
 * can be read backwards (content refuses them, src/format/invisible-characters.ts), and soft
 * hyphens (U+00AD), which an editor cannot see and which split a word for search. They are removed
 * from the markup as written, numeric references (`&#x202E;`) and `&shy;` included, so that none
 * reaches a text, an address or an alternative text.
 */
import { BIDI_CONTROL, describeInvisibleCharacter } from "../format/invisible-characters.ts";
import type { Dropped } from "./blocks.ts";

const SOFT_HYPHEN = "\u00ad";

/** A character to remove, written as itself or as a character reference. */
const REMOVED = new RegExp(
  `${BIDI_CONTROL.source.slice(0, -1)}${SOFT_HYPHEN}]|&shy;?|&#[xX]0*(?:202[a-eA-E]|206[6-9]|[aA][dD])(?:;|(?![0-9a-fA-F]))|&#0*(?:823[4-8]|829[4-7]|173)(?:;|(?![0-9]))`,
  "g",
);

/** The character a match stands for. */
function characterOf(match: string): string {
  if (!match.startsWith("&")) return match;
  if (/^&shy/.test(match)) return SOFT_HYPHEN;
  const hex = /^&#[xX]([0-9a-fA-F]+)/.exec(match)?.[1];
  return String.fromCodePoint(hex ? parseInt(hex, 16) : Number(/\d+/.exec(match)![0]));
}

/** The page's HTML without those characters, and for the report, each kind removed with the words it stood in. */
export function withoutInvisibleCharacters(html: string): { html: string; removed: Dropped[] } {
  const words = new Map<string, Set<string>>();
  // The words around each character, with the characters removed: what an editor searches for.
  for (const match of html.matchAll(new RegExp(`[^\\s<>"']*(?:${REMOVED.source})[^\\s<>"']*`, "g"))) {
    for (const found of match[0].matchAll(REMOVED)) {
      const character = characterOf(found[0]);
      const seen = words.get(character) ?? words.set(character, new Set()).get(character)!;
      const word = match[0].replace(REMOVED, "");
      if (word) seen.add(word);
    }
  }
  const removed = [...words].map(([character, where]) => ({
    what: character === SOFT_HYPHEN ? "mjukt bindestreck" : "osynligt tecken",
    text: [...where].join(" "),
    reason:
      character === SOFT_HYPHEN
        ? "U+00AD, ett avstavningstecken som inte syns: togs bort, så att ordet går att söka efter"
        : `${describeInvisibleCharacter(character)}: togs bort, så att texten visas som den står`,
  }));
  return { html: html.replace(REMOVED, ""), removed };
}
