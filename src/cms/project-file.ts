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

/** A project file's text as the form's values: its front matter, `draft` always set, and its body. */
export function readProjectFile(text: string): Content {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = FRONT_MATTER.exec(normalised);
  if (!match) return { draft: false, body: normalised };
  const data: unknown = parse(match[1] ?? "") ?? {};
  if (typeof data !== "object" || Array.isArray(data)) throw new Error("fälten överst i filen är inte namn och värden");
  return { draft: false, ...(data as Record<string, unknown>), body: match[2] ?? "" };
}

/** The form's values as a project file's text. A published project gets no `draft` line. */
export function writeProjectFile(content: Content): string {
  const { body = "", draft, ...fields } = content;
  const data = draft === true ? { ...fields, draft } : fields;
  // A value repeated in the form is written out again: the content reader refuses YAML anchors.
  return `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n${body.trimEnd() ? `${body.trimEnd()}\n` : ""}`;
}
