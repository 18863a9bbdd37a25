/**
 * How editors' Markdown is read, wherever it is read: rendered into pages (src/eleventy/markdown.ts),
 * searched for links (src/links/) and for pictures (attachments.ts). Bare web addresses become
 * links, as they do on the page.
 */
export const MARKDOWN_OPTIONS = { linkify: true, typographer: false } as const;
