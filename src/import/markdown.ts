/**
 * Imported blocks as Markdown, written by turndown in the editor guide's style: `##` headings,
 * `-` lists, `*kursiv*`, `**fet**`, links inline. The HTML it is given is already rebuilt from an
 * allow-list (blocks.ts); turndown's own escaping is widened to `<`, so that text that looks like a
 * tag on the old page stays text in the new one even on a site that allows HTML in Markdown.
 */
import TurndownService from "turndown";
import type { Block } from "./blocks.ts";

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  emDelimiter: "*",
  strongDelimiter: "**",
  codeBlockStyle: "fenced",
  hr: "---",
});
// "- item" and "1. item" with one space, as the editor guide writes lists; turndown's own rule pads to four.
turndown.addRule("listItem", {
  filter: "li",
  replacement(content, node) {
    const parent = node.parentNode as HTMLElement | null;
    const prefix = parent?.nodeName === "OL" ? `${Array.prototype.indexOf.call(parent.children, node) + Number(parent.getAttribute("start") ?? 1)}. ` : "- ";
    const text = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/gm, `\n${" ".repeat(prefix.length)}`);
    return prefix + text + (node.nextSibling && !text.endsWith("\n") ? "\n" : "");
  },
});
const escapeMarkdown = turndown.escape.bind(turndown);
turndown.escape = (text: string) => escapeMarkdown(text).replace(/</g, "\\<");

/** Clean HTML (from blocks.ts) as Markdown. */
export const htmlToMarkdown = (html: string): string => turndown.turndown(html).trim();

/** A table cell's content on one line, with `|` escaped. */
const cell = (html: string) => htmlToMarkdown(html).replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");

/** A table as a GFM pipe table, its first row the header (markdown-it renders these). */
function tableToMarkdown(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, index) => cell(row[index] ?? "")).join(" | ")} |`;
  const [header = [], ...rest] = rows;
  return [line(header), `|${" --- |".repeat(width)}`, ...rest.map(line)].join("\n");
}

/**
 * A block as Markdown, or undefined for blocks that are not text. `topLevel` is the heading level
 * of the project's own title: a heading one level below it becomes `##`.
 */
export function blockToMarkdown(block: Block, topLevel: number): string | undefined {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(2, block.level - topLevel + 1)))} ${htmlToMarkdown(block.html)}`;
    case "paragraph":
      // Two line breaks in a row end a paragraph, as they look on the page.
      return htmlToMarkdown(block.html.split(/(?:<br>\s*){2,}/).map((part) => `<p>${part}</p>`).join(""));
    case "list":
    case "other":
      return htmlToMarkdown(block.html);
    case "table":
      return tableToMarkdown(block.rows);
    default:
      return undefined;
  }
}
