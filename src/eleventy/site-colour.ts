/**
 * The site's own colour (site.yaml's `colour`) in the files that show it: the stylesheet,
 * layouts/assets/style.css, as the value of its one colour property, `--colour`, and the browser
 * tab's icon, layouts/assets/favicon.svg, as its background. Both are written as files rather than
 * inline, which the pages' security policy (style-src 'self') would refuse.
 */
import { readFileSync } from "node:fs";

/** The one place in each file that holds the colour, and how it is written with another. */
const COLOUR_PLACES = {
  stylesheet: { pattern: /--colour: #[0-9a-f]{6};/, what: "the declaration --colour: #xxxxxx;", write: (colour: string) => `--colour: ${colour};` },
  favicon: { pattern: /<rect([^>]*) fill="#[0-9a-f]{6}"/, what: 'a <rect fill="#xxxxxx"> as the background', write: (colour: string) => `<rect$1 fill="${colour}"` },
} as const;

/** Reads a file and puts the site's colour in its place; the file as it is without one. Read on every call: each is rendered once per full build. */
function withSiteColour(file: string, place: keyof typeof COLOUR_PLACES, colour: string | undefined): string {
  const text = readFileSync(file, "utf8");
  const { pattern, what, write } = COLOUR_PLACES[place];
  if (!pattern.test(text)) throw new Error(`${file}: ${what} is missing`);
  return colour ? text.replace(pattern, write(colour)) : text;
}

/** The stylesheet, with the site's colour as `--colour`. */
export const siteStylesheet = (file: string, colour: string | undefined) => withSiteColour(file, "stylesheet", colour);

/** The browser tab's icon (an open book on a rounded square), on the site's colour. */
export const siteFavicon = (file: string, colour: string | undefined) => withSiteColour(file, "favicon", colour);
