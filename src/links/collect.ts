/**
 * Every web address the content links to, with the file, line and field it is written in and the
 * person who answers for the page: partners' and funders' sites, links in goals and bodies, and the
 * site pages' links. The files are read again for their lines, as `npm run check` does for stored
 * results; the archive says whose page each file is.
 */
import { readFileSync } from "node:fs";
import type { Archive, Contact } from "../content/model/model.ts";
import { formatFieldPath } from "../content/model/errors.ts";
import { readContentFile } from "../content/reading/source.ts";
import { lineOf, markdownReader as markdown } from "../content/reading/markdown-options.ts";

/** One place where the content links to a web address. */
export interface ExternalLink {
  readonly url: string;
  readonly file: string;
  readonly line?: number;
  /** The field ("partners[0].url", "goals[2]") or "brödtext" for the body. */
  readonly field: string;
  /** Who answers for the page the link is on. */
  readonly owner: Contact;
}

/** The web addresses that Markdown text links to, as the site renders it (bare addresses included). */
function webLinks(tokens: ReturnType<typeof markdown.parse>): { href: string; lines?: [number, number] }[] {
  return tokens.flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === "link_open")
      .map((child) => ({ href: String(child.attrGet("href") ?? ""), ...(token.map ? { lines: token.map } : {}) }))
      .filter(({ href }) => /^https?:\/\//i.test(href)),
  );
}

/** Every text in front matter, with its field path. */
function texts(value: unknown, fieldPath: PropertyKey[] = []): { text: string; fieldPath: PropertyKey[] }[] {
  if (typeof value === "string") return [{ text: value, fieldPath }];
  if (Array.isArray(value)) return value.flatMap((item, index) => texts(item, [...fieldPath, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => texts(item, [...fieldPath, key]));
  return [];
}

/** The links of one content file, each owned by `owner`. */
function linksInFile(file: string, owner: Contact): ExternalLink[] {
  const source = readContentFile(file, readFileSync(file));
  const inFields = texts(source.data).flatMap(({ text, fieldPath }) =>
    webLinks(markdown.parseInline(text, {})).map(({ href }) => ({ url: href, file, line: source.locate(fieldPath), field: formatFieldPath(fieldPath), owner })),
  );
  const bodyLines = source.body.split("\n");
  const inBody = webLinks(markdown.parse(source.body, {})).map(({ href, lines }) => ({
    url: href,
    file,
    ...(lines ? { line: source.bodyLine + lineOf(bodyLines, href, lines) } : {}),
    field: "brödtext",
    owner,
  }));
  return [...inFields, ...inBody];
}

/**
 * Every link from the published content to another site, in the order of the files. People's
 * presentations belong to the contact directory, whose owner is the generated pages'.
 */
export function externalLinks(archive: Archive): ExternalLink[] {
  const pages = [
    archive.pages.index,
    // Harvested projects' links are their own archives' to check.
    ...archive.ownProjects().filter((project) => !project.draft),
    archive.pages.cookies,
    archive.pages.accessibility,
  ].map((page) => ({ file: page.sourcePath, owner: page.responsibility.contentOwner }));
  const people = archive.contacts.map((contact) => ({ file: contact.sourcePath, owner: archive.site.generatedPages.contentOwner }));
  return [...pages, ...people].flatMap(({ file, owner }) => linksInFile(file, owner));
}
