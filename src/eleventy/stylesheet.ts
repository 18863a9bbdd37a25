/**
 * The site's stylesheet, layouts/assets/style.css, with the site's own colour (site.yaml's
 * `colour`) as the value of its one colour property, `--colour`. Written as a file rather than an
 * inline style, which the pages' security policy (style-src 'self') would refuse.
 */
import { readFileSync, statSync } from "node:fs";

const COLOUR_DECLARATION = /--colour: #[0-9a-f]{6};/;

let read: { file: string; version: number; text: string } | undefined;

export function siteStylesheet(file: string, colour: string | undefined): string {
  const version = statSync(file).mtimeMs;
  if (read?.file !== file || read.version !== version) read = { file, version, text: readFileSync(file, "utf8") };
  if (!COLOUR_DECLARATION.test(read.text)) throw new Error(`${file}: the declaration --colour: #xxxxxx; is missing`);
  return colour ? read.text.replace(COLOUR_DECLARATION, `--colour: ${colour};`) : read.text;
}
