/**
 * The pages of one import, as a set: the saved files and folders given on the command line, the
 * facts of all of them as one (the first page's page information, everyone's contacts), a project
 * page's blocks with its title first, and an index's introduction apart from its list of pages.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { droppedRegion, type Block, type Dropped } from "./blocks.ts";
import type { PageFacts } from "./page-facts.ts";
import type { IndexLink } from "./page-kinds.ts";

/** The saved pages a folder holds (`.html`, `.htm`), by name; its `_files` folders are the pages' files, not pages. */
export async function savedPagesIn(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info?.isDirectory()) return [input];
  const names = (await readdir(input)).filter((name) => /\.html?$/i.test(name)).sort();
  return names.map((name) => path.join(input, name));
}

/** The facts of several pages as one: each piece of page information from the first page that gives it, and every page's contacts once, in page order. */
export function mergedFacts(facts: readonly PageFacts[]): PageFacts {
  if (facts.length === 1) return facts[0]!;
  const information = Object.assign({}, ...[...facts].reverse().map((found) => found.information)) as PageFacts["information"];
  const names = new Set<string>();
  const contacts = facts.flatMap((found) => found.contacts).filter((person) => !names.has(person.name.toLowerCase()) && names.add(person.name.toLowerCase()));
  return {
    information,
    contacts,
    used: new Set(facts.flatMap((found) => [...found.used])),
    usedLines: new Map(facts.flatMap((found) => [...found.usedLines])),
    dropped: facts.flatMap((found) => found.dropped),
  };
}

type Heading = Extract<Block, { kind: "heading" }>;

/**
 * One project's page as a project: its title (the h1, else its first heading, else the page's
 * `<title>` up to its dash) and then every other block in page order, its headings sections.
 */
export function projectOfPage(content: readonly Block[], pageTitle: string): { blocks: Block[]; level: number } {
  const headings = content.filter((block): block is Heading => block.kind === "heading");
  const title = headings.find((block) => block.level === 1) ?? headings[0];
  if (title) return { blocks: [title, ...content.filter((block) => block !== title)], level: title.level };
  const text = pageTitle.split(/\s+[-–|]\s+/)[0] || "Projekt";
  const heading: Heading = { kind: "heading", level: 1, text, html: text.replace(/&/g, "&amp;").replace(/</g, "&lt;"), links: [], inContent: true, landmark: 0, dropped: [] };
  return { blocks: [heading, ...content], level: 1 };
}

/** Whether a block links to one of an index's pages. */
const linksTo = (block: Block, links: readonly IndexLink[]) => {
  const hrefs = new Set(links.map((link) => link.href));
  const found = block.kind === "list" || block.kind === "table" ? block.items.flatMap((item) => item.links) : block.kind === "heading" || block.kind === "paragraph" ? block.links : [];
  return found.some((link) => hrefs.has(link.href));
};

/**
 * An index in parts: its heading, the introduction before its first link to a project page (the
 * archive's own introduction), and its list of pages, which is dropped: the new site lists its
 * projects itself.
 */
export function indexParts(content: readonly Block[], links: readonly IndexLink[]): { heading: Heading | undefined; intro: Block[]; dropped: Dropped[] } {
  const heading = content.find((block): block is Heading => block.kind === "heading" && block.level === 1);
  const rest = content.filter((block) => block !== heading);
  let first = rest.findIndex((block) => linksTo(block, links));
  // A heading just above the list ("Projekt") heads the list, and goes with it.
  while (first > 0 && rest[first - 1]!.kind === "heading") first--;
  const intro = first < 0 ? rest : rest.slice(0, first);
  const listed = first < 0 ? [] : rest.slice(first);
  const text = listed.flatMap((block) => ("text" in block ? [block.text] : [])).join(" ");
  const dropped = [...listed.flatMap((block) => block.dropped), ...(text ? [droppedRegion("förteckning", text, "förteckningen över projektsidorna; projekten står på egna sidor, och den nya webbplatsen visar sin egen lista över dem")] : [])];
  return { heading, intro, dropped };
}
