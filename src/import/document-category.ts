/**
 * What a linked document is for, as its link text or file name says it: a final report
 * ("Slutrapport", "slutredovisning", "final report"), an evaluation ("Utvärdering av …"), method
 * material ("Metodmaterial", "handbok", "metodbok", "lathund") or a presentation (a PowerPoint
 * file, "presentation", "bildspel"). A guess from words, said so in the report; a document whose
 * words say none of these gets no category, never "annat", which only an editor can know.
 */
import type { DocumentCategory } from "../format/document-categories.ts";

/** The words of each category, in the order they are tried: "Utvärdering och slutrapport" is a final report. */
const CATEGORY_WORDS: readonly (readonly [Exclude<DocumentCategory, "annat">, RegExp])[] = [
  ["slutrapport", /slutrapport|slutredovisning|sluttrapport|loppuraportti|final[\s_-]*report/],
  ["utvärdering", /utvardering|evaluering|evaluation/],
  ["metodmaterial", /metodmaterial|metodbok|metodhandbok|metodstod|handbok|handledning|lathund|verktygslada|handbook|toolkit/],
  ["presentation", /presentation|bildspel|powerpoint|\bslides\b/],
];

/** The file formats of presentations. */
const PRESENTATION_FILE = /\.(?:pptx?|ppsx?|odp|key)$/;

/** Lower case without accents, so that a file name written "utvardering.pdf" reads as "Utvärdering". */
const plain = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The file name at the end of an address, decoded where it can be. */
function fileNameOf(address: string): string {
  const name = address.split(/[?#]/)[0]!.split("/").at(-1) ?? "";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A document's category by its link text, else its file name, and what it was read from; undefined when neither says. */
export function documentCategoryOf(title: string, address: string): { category: DocumentCategory; from: string } | undefined {
  const name = fileNameOf(address);
  if (PRESENTATION_FILE.test(plain(name))) return { category: "presentation", from: `filnamnet ${name}` };
  for (const [text, from] of [
    [title, `länktexten ”${title}”`],
    [name, `filnamnet ${name}`],
  ] as const) {
    const found = CATEGORY_WORDS.find(([, words]) => words.test(plain(text)));
    if (found) return { category: found[0], from };
  }
  return undefined;
}
