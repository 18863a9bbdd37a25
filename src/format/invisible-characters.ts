/**
 * Characters that no text on a page may hold, because the reader cannot see them and they change
 * what is shown: control characters (Word's line break U+000B makes a feed ill-formed XML, ESC is
 * obeyed by a terminal) and the bidirectional controls U+202A–U+202E and U+2066–U+2069, with which
 * "gnp.exe" can be shown as "exe.png" and an organisation's name read backwards. Content files,
 * harvested records and setup's answers refuse them; the importer removes them and says so.
 */

/** Control characters other than tab and line breaks, and the bidirectional controls. */
export const INVISIBLE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The bidirectional controls alone: what the importer removes from text it writes. */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Characters without width that a page's text holds without its editor knowing: the zero-width
 * space, non-joiner and joiner, the word joiner, and U+FEFF inside a text. The importer removes them,
 * since a reader turns them into visible spaces and they split words and slugs.
 */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

const INVISIBLE_CHARACTER_TEST = new RegExp(INVISIBLE_CHARACTER.source);
const BIDI_CONTROL_TEST = new RegExp(BIDI_CONTROL.source);

/** Whether a text holds a character that no text on a page may hold. */
export const hasInvisibleCharacter = (text: string) => INVISIBLE_CHARACTER_TEST.test(text);

/** The first such character and where it stands, or null. */
export const firstInvisibleCharacter = (text: string) => INVISIBLE_CHARACTER_TEST.exec(text);

/** "U+202E": a character's code point as Unicode writes it. */
export const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** What the characters are, where they have a name an editor knows. */
const NAMES: Readonly<Record<string, string>> = {
  "\u000b": "en radbrytning från Word (Skift+Retur)",
  "\u000c": "en sidbrytning från Word",
  "\u0000": "ett nolltecken",
  "\u001b": "ett terminaltecken (ESC)",
};

/** "U+202E, en riktningsmarkör": the character's code point and, where known, what it is. */
export function describeInvisibleCharacter(character: string): string {
  const code = codePoint(character);
  const name = NAMES[character] ?? (BIDI_CONTROL_TEST.test(character) ? "en riktningsmarkör, som vänder texten" : undefined);
  return name ? `${code}, ${name}` : code;
}
