import MarkdownIt from "markdown-it";

/**
 * The one Markdown renderer for editors' text. Raw HTML is off, so `<script>` in a body shows as
 * text; links to other sites are written as plain links and marked by the stylesheet.
 */
export function createMarkdown(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: false, linkify: true, typographer: false });
}
