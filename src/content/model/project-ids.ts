/**
 * Projects' lasting identifiers (`id:`), made once from the organisation number and the file name
 * the project has when it gets one (SE-ORGNR-2321000164-vinna-vinna), and never changed after:
 * a renamed project keeps its id, and a new project named like an old one gets a free id.
 */
import { projectIdentifier } from "../../format/organisation-number.ts";

/** The id for a project named `slug`, not one of `taken`: "…-vinna-vinna", else "…-vinna-vinna-2". */
export function newProjectIdentifier(organisationDigits: string, slug: string, taken: ReadonlySet<string>): string {
  const id = projectIdentifier(organisationDigits, slug);
  let candidate = id;
  for (let number = 2; taken.has(candidate); number++) candidate = `${id}-${number}`;
  return candidate;
}

/**
 * A project file's text with `id: …` as the first line of its front matter, and nothing else
 * changed: a byte-order mark and Windows line endings stay as they were.
 */
export function withIdentifierLine(text: string, id: string): string {
  const match = /^(\uFEFF?---)(\r?\n)/.exec(text);
  if (!match) throw new Error("the file does not start with a line of ---");
  const [opening, fence, newline] = match;
  return `${fence}${newline}id: ${id}${newline}${text.slice(opening.length)}`;
}
