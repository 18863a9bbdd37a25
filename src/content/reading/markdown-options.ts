import MarkdownIt from "markdown-it";

/**
 * How editors' Markdown is read, wherever it is read: rendered into pages (src/eleventy/markdown.ts),
 * searched for links (src/links/) and for pictures (attachments.ts). Bare web addresses become
 * links, as they do on the page.
 */
export const MARKDOWN_OPTIONS = { linkify: true, typographer: false } as const;

/** A parser with these options and no raw HTML, for finding links and pictures in editors' text. */
export const markdownReader = new MarkdownIt({ ...MARKDOWN_OPTIONS, html: false });

/** The line (0-based) where `text` is written within a block's lines [start, end), or the block's first line. */
export function lineOf(lines: readonly string[], text: string, [start, end]: [number, number]): number {
  for (let line = start; line < end; line++) if (lines[line]?.includes(text)) return line;
  return start;
}
