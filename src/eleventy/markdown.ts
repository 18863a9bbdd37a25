import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import type SanitizeHtml from "sanitize-html";
import { MARKDOWN_OPTIONS, markdownReader } from "../content/reading/markdown-options.ts";

/** sanitize-html and its parser are loaded only by a site that allows HTML; most never need them. */
const require = createRequire(import.meta.url);
const loadSanitizer = () => require("sanitize-html") as typeof SanitizeHtml;

/** The HTML a trusted site may write in its Markdown: text structure, links, tables, figures. */
const sanitizeOptions = (sanitizeHtml: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "picture", "source", "figure", "figcaption", "details", "summary"],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    "*": ["lang", "id"],
    a: ["href", "name", "target", "lang", "hreflang"],
    img: ["src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"],
    source: ["type", "srcset", "sizes"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan", "scope"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowProtocolRelative: false,
});

/** The HTML of a picture in filer/ by its address and text alternative, or undefined for markdown-it's own <img>. */
export type PictureRenderer = (src: string, alt: string) => string | undefined;

/** `![alt](/filer/…)` becomes the processed <picture> (src/eleventy/images.ts). */
function renderPictures(markdown: InstanceType<typeof MarkdownIt>, picture: PictureRenderer): void {
  const image = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return picture(String(token.attrGet("src") ?? ""), alt) ?? image(tokens, index, options, env, self);
  };
}

/** Renders editors' Markdown. */
export interface MarkdownRenderer {
  render(text: string): string;
  renderInline(text: string): string;
}


/**
 * The Markdown renderer for editors' text. By default raw HTML is off, so `<script>` in a body
 * shows as text. A trusted site can allow HTML (`markdown: { allowHtml: true }` in site.yaml); it
 * is then cleaned with sanitize-html, so scripts, event handlers and `javascript:` links are removed.
 * With `pictures: false`, images are not Markdown either.
 */
export function createMarkdown({ allowHtml = false, picture, pictures = true }: { allowHtml?: boolean; picture?: PictureRenderer; pictures?: boolean } = {}): MarkdownRenderer {
  const markdown = new MarkdownIt({ ...MARKDOWN_OPTIONS, html: allowHtml });
  // Text from other archives (src/harvest/) shows no pictures: `![…](…)` stays text, and the page loads nothing from elsewhere.
  if (!pictures) markdown.disable("image");
  if (picture) renderPictures(markdown, picture);
  if (!allowHtml) return { render: (text) => markdown.render(text), renderInline: (text) => markdown.renderInline(text) };
  const sanitizeHtml = loadSanitizer();
  const options = sanitizeOptions(sanitizeHtml);
  return {
    render: (text) => sanitizeHtml(markdown.render(text), options),
    renderInline: (text) => sanitizeHtml(markdown.renderInline(text), options),
  };
}

/** A line of inline Markdown as plain text, for places that show no HTML (the feed): "Läsa *mer*" is "Läsa mer", a link its text. */
export function markdownInlineText(text: string): string {
  const [line] = markdownReader.parseInline(text, {});
  return markdownReader.renderer.renderInlineAsText(line?.children ?? [], markdownReader.options, {});
}
