/**
 * A file of the content tree as the stages pass it on: listed and classified by where it lies
 * (reading/content-tree.ts), validated against its schema (archive/load.ts), and then resolved,
 * its references to files in filer/ with it (files/file-references.ts, archive/resolve.ts). The
 * types live here, below every stage that hands them on.
 */

export type ContentKind = "index" | "cookies" | "accessibility" | "project" | "contact" | "site";

/** A file of the content tree, classified by where it lies. */
export interface ContentFile {
  readonly kind: ContentKind;
  readonly file: string;
  /** The project slug or contact id; the file name without `.md`. */
  readonly id: string;
}

/** A file that passed its schema, with the way back to its lines for reference errors. */
export interface ValidatedFile extends ContentFile {
  readonly data: unknown;
  readonly body: string;
  /** The line of the file where the body starts. */
  readonly bodyLine: number;
  locate(fieldPath: readonly PropertyKey[]): number | undefined;
}
