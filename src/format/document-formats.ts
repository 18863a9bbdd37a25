/**
 * The kinds of file a page may link as a document, by extension, with the name a visitor reads
 * after the link ("Slutrapport (PDF, 1,2 MB)"). Office and OpenDocument formats, text, CSV and
 * pictures; not archives or programs, which a visitor cannot check before opening.
 */
export const DOCUMENT_FORMATS: Readonly<Record<string, string>> = {
  pdf: "PDF",
  docx: "Word",
  doc: "Word",
  xlsx: "Excel",
  xls: "Excel",
  pptx: "PowerPoint",
  ppt: "PowerPoint",
  odt: "OpenDocument-text",
  ods: "OpenDocument-kalkylblad",
  odp: "OpenDocument-presentation",
  rtf: "RTF",
  txt: "text",
  csv: "CSV",
  jpg: "JPEG",
  jpeg: "JPEG",
  png: "PNG",
  webp: "WebP",
  avif: "AVIF",
  gif: "GIF",
};
