/**
 * How deep a JSON text nests, found without parsing it. `JSON.parse` itself reads any depth, but
 * every walk through the result that recurses (a schema, a search for control characters) ends in
 * "Maximum call stack size exceeded" on a list nested 200,000 deep. A text from elsewhere is
 * therefore measured first, by a loop over its characters, and refused past a limit that no
 * honest file comes near (a projekt.json nests five deep).
 */

/** The deepest nesting of lists and objects that is read. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_LIST = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_LIST = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** The index of the quote that ends the string opened at `start` (or the end of the text): found natively, since strings are most of a file. */
function endOfString(bytes: Uint8Array, start: number): number {
  for (let quote = bytes.indexOf(QUOTE, start + 1); quote !== -1; quote = bytes.indexOf(QUOTE, quote + 1)) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return bytes.length;
}

/**
 * "filen är nästlad djupare än 64 nivåer" when the JSON text nests deeper than `limit`, else
 * undefined. The text is read as UTF-8 bytes (every byte that matters to JSON's structure is
 * ASCII); strings are skipped, escapes and all. Anything else wrong with the text is left to
 * `JSON.parse`.
 */
export function jsonDepthProblem(json: Uint8Array | string, limit: number = MAX_JSON_DEPTH): string | undefined {
  const bytes = typeof json === "string" ? new TextEncoder().encode(json) : json;
  let depth = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte === QUOTE) {
      index = endOfString(bytes, index);
    } else if (byte === OPEN_LIST || byte === OPEN_OBJECT) {
      if (++depth > limit) return `filen är nästlad djupare än ${limit} nivåer`;
    } else if (byte === CLOSE_LIST || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return undefined;
}
