import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import projektarkiv, { inputDirectory, LAYOUTS_DIR } from "./src/eleventy/plugin.ts";

// The content and output folders come from the command line (see package.json), so that any
// content tree can be built into any folder.
export const config = {
  templateFormats: ["md", "njk"],
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
};

export default function (eleventyConfig: UserConfig) {
  // Layouts and partials come from the project, whichever content folder --input names.
  const layouts = path.relative(inputDirectory(eleventyConfig), LAYOUTS_DIR);
  eleventyConfig.setLayoutsDirectory(layouts);
  eleventyConfig.setIncludesDirectory(layouts);
  eleventyConfig.addPlugin(projektarkiv);
}
