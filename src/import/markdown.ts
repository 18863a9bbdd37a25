/**
 * Imported blocks as Markdown, written by turndown in the editor guide's style: `##` headings,
 * `-` lists, `*kursiv*`, `**fet**`, links inline. The HTML it is given is already rebuilt from an
 * allow-list (blocks.ts); turndown's own escaping is widened to `<`, so that text that looks like a
 * tag on the old page stays text in the new one even on a site that allows HTML in Markdown.
 */
import { parse } from "node-html-parser";
import TurndownService from "turndown";
import type { Block } from "./blocks.ts";
import { definitionsOf, type Definition } from "./fact-labels.ts";

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
export function tableToMarkdown(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, index) => cell(row[index] ?? "")).join(" | ")} |`;
  const [header = [], ...rest] = rows;
  return [line(header), `|${" --- |".repeat(width)}`, ...rest.map(line)].join("\n");
}

/** One line of a label (text) and its values (clean HTML): `- **Projekttid:** 2020–2022`, never glued together. */
function labelLine(label: string, values: readonly string[]): string {
  const bold = label ? `**${turndown.escape(label.replace(/\s*:$/, ""))}:** ` : "";
  return `- ${bold}${values.map((value) => htmlToMarkdown(value).replace(/\s*\n\s*/g, " ")).join(", ")}`;
}

/** Definition lists as a list of labels and values, the labels in bold. */
export function definitionsToMarkdown(definitions: readonly Definition[]): string {
  return definitions.map((definition) => labelLine(definition.label, definition.values.map((value) => value.html))).join("\n");
}

/** A two-column table of labels and values as the same list. */
export const labelRowsToMarkdown = (rows: readonly (readonly string[])[]) => rows.map(([label = "", value = ""]) => labelLine(parse(label).text.replace(/\s+/g, " ").trim(), [value])).join("\n");

/** The lines of a paragraph's clean HTML, split at its line breaks, each with its text. */
export function htmlLines(html: string): { html: string; text: string }[] {
  return html.split(/<br>/).map((part) => ({ html: part, text: parse(part).text.replace(/\s+/g, " ").trim() }));
}

/** Plain text as Markdown that reads as the same text. */
export const textToMarkdown = (text: string): string => turndown.escape(text);

/** Clean HTML as one line of Markdown, for the fields that hold a line per item (goals, results, lessons). */
export const markdownLine = (html: string): string => htmlToMarkdown(html).replace(/\s*\n\s*/g, " ");

/**
 * A paragraph's lines (split at its line breaks) or a list's items as lines of Markdown, each with
 * its text; `omit` names lines already taken, as for {@link blockToMarkdown}.
 */
export function blockLines(block: Block, omit?: ReadonlySet<string>): { text: string; markdown: string }[] {
  const lines = block.kind === "paragraph" ? htmlLines(block.html) : block.kind === "list" ? block.items : [];
  return lines.flatMap((line) => {
    const markdown = line.text && !omit?.has(line.text) ? markdownLine(line.html) : "";
    return markdown ? [{ text: line.text, markdown }] : [];
  });
}

/**
 * The value of a line "Label: value" as Markdown, its links and emphasis kept: the line's HTML
 * without the label ("**Resultat:** 300 barn" gives "300 barn"), or the value's text escaped.
 */
export function valueMarkdown(html: string | undefined, label: string, value: string): string {
  const line = html === undefined ? "" : markdownLine(html);
  const escapedLabel = turndown.escape(label).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^(?:\\*{1,2})?${escapedLabel}(?:\\*{1,2})?\\s*:\\s*(?:\\*{1,2}(?=\\s))?\\s*`, "i").exec(line);
  return match && line.length > match[0].length ? line.slice(match[0].length) : textToMarkdown(value);
}

/**
 * A block as Markdown, or undefined for blocks that are not text. `topLevel` is the heading level
 * of the project's own title: a heading one level below it becomes `##`. `omit` names lines of a
 * paragraph, or items of a list, whose text went into fields and is left out.
 */
export function blockToMarkdown(block: Block, topLevel: number, omit?: ReadonlySet<string>): string | undefined {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(2, block.level - topLevel + 1)))} ${htmlToMarkdown(block.html)}`;
    case "paragraph": {
      const html = omit?.size ? htmlLines(block.html).filter((line) => !omit.has(line.text)).map((line) => line.html).join("<br>") : block.html;
      // Two line breaks in a row end a paragraph, as they look on the page.
      const markdown = htmlToMarkdown(html.split(/(?:<br>\s*){2,}/).map((part) => `<p>${part}</p>`).join(""));
      if (!markdown) return undefined;
      return block.caption ? htmlToMarkdown(`<p><em>${html}</em></p>`) : markdown;
    }
    case "list": {
      if (!omit?.size) return htmlToMarkdown(block.html);
      const tag = block.html.startsWith("<ol") ? "ol" : "ul";
      const items = block.items.filter((item) => !omit.has(item.text));
      return items.length > 0 ? htmlToMarkdown(`<${tag}>${items.map((item) => `<li>${item.html}</li>`).join("")}</${tag}>`) : undefined;
    }
    case "other": {
      const definitions = block.html.startsWith("<dl>") ? definitionsOf(block.html) : [];
      if (definitions.length === 0) return htmlToMarkdown(block.html);
      const kept = definitions.filter((definition) => !omit?.has(definition.label));
      return kept.length > 0 ? definitionsToMarkdown(kept) : undefined;
    }
    case "table":
      return tableToMarkdown(block.rows);
    default:
      return undefined;
  }
}
