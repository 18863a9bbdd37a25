/**
 * Characters the importer removes from a page before reading it, and says so: the bidirectional
 * controls (U+202A–U+202E, U+2066–U+2069), with which "gnp.exe" is shown as "exe.png" and a title
 * can be read backwards (content refuses them, src/format/invisible-characters.ts); soft hyphens
 * (U+00AD), which an editor cannot see and which split a word for search and a slug
 * ("bok-prat-i-storvik"); and zero-width characters (U+200B–U+200D, U+2060, U+FEFF), which a reader
 * turned into visible spaces. They are removed from the markup as written, numeric references
 * (`&#x202E;`) and named ones (`&shy;`, `&ZeroWidthSpace;`) included, so that none reaches a
 * title, a slug, a text, an address or an alternative text.
 */
import { BIDI_CONTROL, codePoint, describeInvisibleCharacter, ZERO_WIDTH } from "../format/invisible-characters.ts";
import type { Dropped } from "./blocks.ts";

const SOFT_HYPHEN = "\u00ad";

/** HTML's names for them, in lower case (the pattern is read without regard to case). */
const NAMED: ReadonlyMap<string, string> = new Map([["shy", SOFT_HYPHEN], ["zerowidthspace", "\u200b"], ["zwnj", "\u200c"], ["zwj", "\u200d"], ["nobreak", "\u2060"]]);

/** Code points removed, as hex: the bidirectional controls, the soft hyphen and the zero-width characters. */
const CODE_POINTS = "202[a-e]|206[6-9]|ad|200[b-d]|2060|feff";

/** A character to remove, written as itself or as a character reference (`&#x200B;`, `&#8203;`, `&ZeroWidthSpace;`). */
const REMOVED = new RegExp(
  [
    `${BIDI_CONTROL.source.slice(0, -1)}${SOFT_HYPHEN}${ZERO_WIDTH.source.slice(1, -1)}]`,
    "&shy;?",
    `&(?:${[...NAMED.keys()].filter((name) => name !== "shy").join("|")});`,
    `&#[xX]0*(?:${CODE_POINTS})(?:;|(?![0-9a-fA-F]))`,
    `&#0*(?:${[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].join("|")})(?:;|(?![0-9]))`,
  ].join("|"),
  "gi",
);

/** The character a match stands for. */
function characterOf(match: string): string {
  if (!match.startsWith("&")) return match;
  const name = /^&([a-z]+)/i.exec(match)?.[1];
  if (name) return NAMED.get(name.toLowerCase())!;
  const hex = /^&#[xX]([0-9a-fA-F]+)/.exec(match)?.[1];
  return String.fromCodePoint(hex ? parseInt(hex, 16) : Number(/\d+/.exec(match)![0]));
}

/** What the report calls a kind of character, and why it went. */
function described(character: string): Pick<Dropped, "what" | "reason"> {
  if (character === SOFT_HYPHEN) return { what: "mjukt bindestreck", reason: "U+00AD, ett avstavningstecken som inte syns: togs bort, så att ordet går att söka efter och inte delar filnamnet" };
  if (new RegExp(ZERO_WIDTH.source).test(character)) {
    return { what: "osynligt tecken", reason: `${codePoint(character)}, ett tecken utan bredd: togs bort, så att det inte blir ett mellanslag eller delar ord och filnamn` };
  }
  return { what: "osynligt tecken", reason: `${describeInvisibleCharacter(character)}: togs bort, så att texten visas som den står` };
}

/** The page's HTML without those characters, and for the report, each kind removed with the words it stood in. */
export function withoutInvisibleCharacters(html: string): { html: string; removed: Dropped[] } {
  const words = new Map<string, Set<string>>();
  // The words around each character, with the characters removed: what an editor searches for.
  for (const match of html.matchAll(new RegExp(`[^\\s<>"']*(?:${REMOVED.source})[^\\s<>"']*`, "gi"))) {
    for (const found of match[0].matchAll(REMOVED)) {
      const character = characterOf(found[0]);
      const seen = words.get(character) ?? words.set(character, new Set()).get(character)!;
      const word = match[0].replace(REMOVED, "");
      if (word) seen.add(word);
    }
  }
  const removed = [...words].map(([character, where]) => ({ ...described(character), text: [...where].join(" ") }));
  return { html: html.replace(REMOVED, ""), removed };
}
