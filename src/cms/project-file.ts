/**
 * How the web editor reads and writes a project file. It is front matter and Markdown like any
 * other content file, with one rule of its own: a project without a `draft` line is published.
 *
 * The CMS fills every field that a file leaves out with the field's default when it opens the
 * file. A new project starts as a draft (`draft: true` by default in the form), so a published
 * project, which has no `draft` line, would silently become a draft the first time an editor
 * opened and saved it. Reading a missing line as `draft: false`, and writing no line for `false`,
 * keeps the file as the editor guide describes it.
 */
import { parse, stringify } from "yaml";

/** The format's name in config.yml, which src/cms/admin.ts registers with the CMS; it must end in -frontmatter to go with .md. */
export const PROJECT_FILE_FORMAT = "projekt-frontmatter";

type Content = Record<string, unknown> & { body?: string };

const FRONT_MATTER = /^---\n([\s\S]*?)\n?---(?:\n([\s\S]*))?$/;

/**
 * Where the form's image and file fields find the files of filer/: by their published address, as
 * config.ts's `public_folder` says. A file may name one by its path in filer/ instead
 * ("vinna-vinna/bild.jpg", as the editor guide shows), which the CMS cannot find: the field then
 * shows an icon instead of the picture.
 */
const PUBLIC_FOLDER = "/filer/";

/** A path in filer/ as its published address; an address, or anything else, as it is. */
const asAddress = (file: unknown) => (typeof file === "string" && file.trim() !== "" && !file.startsWith("/") && !/^[a-z][a-z0-9+.-]*:/i.test(file) ? `${PUBLIC_FOLDER}${file.trim()}` : file);

/** The lead picture's and the documents' files as addresses, so that the form shows the picture and finds the file. */
function withAddresses(data: Record<string, unknown>): Record<string, unknown> {
  const image = data.image;
  const documents = data.documents;
  return {
    ...data,
    ...(image && typeof image === "object" && !Array.isArray(image) ? { image: { ...image, file: asAddress((image as Record<string, unknown>).file) } } : {}),
    ...(Array.isArray(documents)
      ? { documents: documents.map((document: unknown) => (document && typeof document === "object" ? { ...document, file: asAddress((document as Record<string, unknown>).file) } : document)) }
      : {}),
  };
}

/**
 * A project file's text as the form's values: its front matter, `draft` always set, files named by
 * their addresses, and its body. A file saved from the form names its files by their addresses
 * (/filer/…), which the content reads the same way.
 */
export function readProjectFile(text: string): Content {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = FRONT_MATTER.exec(normalised);
  if (!match) return { draft: false, body: normalised };
  const data: unknown = parse(match[1] ?? "") ?? {};
  if (typeof data !== "object" || Array.isArray(data)) throw new Error("fälten överst i filen är inte namn och värden");
  return { draft: false, ...withAddresses(data as Record<string, unknown>), body: match[2] ?? "" };
}

/** The form's values as a project file's text. A published project gets no `draft` line. */
export function writeProjectFile(content: Content): string {
  const { body = "", draft, ...fields } = content;
  const data = draft === true ? { ...fields, draft } : fields;
  // A value repeated in the form is written out again: the content reader refuses YAML anchors.
  return `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n${body.trimEnd() ? `${body.trimEnd()}\n` : ""}`;
}
