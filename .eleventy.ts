import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import projektarkiv, { inputDirectory, LAYOUTS_DIR } from "./src/eleventy/plugin.ts";

// The content and output folders come from the command line (see package.json), so that any
// content tree can be built into any folder. Every page is a virtual template of the plugin, so
// Eleventy reads no file of the content folder as a template.
export const config = {
  templateFormats: ["njk"],
};

export default function (eleventyConfig: UserConfig) {
  // Layouts and partials come from the project, whichever content folder --input names.
  const layouts = path.relative(inputDirectory(eleventyConfig), LAYOUTS_DIR);
  eleventyConfig.setLayoutsDirectory(layouts);
  eleventyConfig.setIncludesDirectory(layouts);
  eleventyConfig.addPlugin(projektarkiv);
}
