/**
 * What a project's document is for ("Dokumenttyp"): a final report, an evaluation, method
 * material. An editor's word about its content, kept apart from the file format that the build
 * finds by reading the file (src/content/files/document-kinds.ts).
 */
export const DOCUMENT_CATEGORIES = ["slutrapport", "utvärdering", "metodmaterial", "presentation", "annat"] as const;

export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** Each category as a visitor reads it beside the link. */
export const DOCUMENT_CATEGORY_NAMES: Readonly<Record<DocumentCategory, string>> = {
  slutrapport: "Slutrapport",
  utvärdering: "Utvärdering",
  metodmaterial: "Metodmaterial",
  presentation: "Presentation",
  annat: "Annat",
};

/**
 * What a document's link is introduced with ("Slutrapport"), or undefined when it has no category
 * or its title already says just that: "Slutrapport: Slutrapport (PDF, 1,2 MB)" says it twice.
 */
export function documentCategoryName(document: { readonly title: string; readonly category?: DocumentCategory }): string | undefined {
  if (!document.category) return undefined;
  const name = DOCUMENT_CATEGORY_NAMES[document.category];
  return document.title.trim().toLocaleLowerCase("sv") === name.toLocaleLowerCase("sv") ? undefined : name;
}
