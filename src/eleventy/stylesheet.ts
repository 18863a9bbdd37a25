/**
 * The site's stylesheet, layouts/assets/style.css, with the site's own colour (site.yaml's
 * `colour`) as the value of its one colour property, `--colour`. Written as a file rather than an
 * inline style, which the pages' security policy (style-src 'self') would refuse.
 */
import { readFileSync } from "node:fs";

const COLOUR_DECLARATION = /--colour: #[0-9a-f]{6};/;

/** Read on every call: the stylesheet page is rendered once per full build. */
export function siteStylesheet(file: string, colour: string | undefined): string {
  const text = readFileSync(file, "utf8");
  if (!COLOUR_DECLARATION.test(text)) throw new Error(`${file}: the declaration --colour: #xxxxxx; is missing`);
  return colour ? text.replace(COLOUR_DECLARATION, `--colour: ${colour};`) : text;
}
