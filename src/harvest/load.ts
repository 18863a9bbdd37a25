/**
 * The site's archive as the commands and the build read it: the content tree validated
 * (src/content/archive/load.ts) and, on a site with sources, the last harvested copy of each source
 * read with it, their projects beside the site's own (archive.ts).
 */
import { validateContent, type HarvestedCopies, type LoadOptions, type ValidationResult } from "../content/archive/load.ts";
import { withHarvest } from "./archive.ts";
import { readHarvestedSources } from "./records.ts";
import { cachePaths, uniqueSources } from "./sources.ts";
import { siteOrganisation } from "./trust.ts";

// A source listed twice in site.yaml is read once, as it is harvested once.
const HARVESTED_COPIES: HarvestedCopies = {
  paths: (contentDir, sources) => uniqueSources(contentDir, sources).sources.map((source) => cachePaths(contentDir, source).copy),
  read(archive, contentDir, sources) {
    const harvested = readHarvestedSources(contentDir, siteOrganisation(archive.site), uniqueSources(contentDir, sources).sources, archive.site.themeVocabulary);
    const merged = harvested.length > 0 ? withHarvest(archive, harvested) : { archive, warnings: [] };
    return { archive: merged.archive, warnings: [...harvested.flatMap((source) => source.warnings), ...merged.warnings] };
  },
};

/**
 * Reads and validates the content tree, with every source's last harvested copy, into one archive.
 * Reports every error of every file; never throws for bad content.
 */
export function validateArchive(folder: string, options: LoadOptions = {}): Promise<ValidationResult> {
  return validateContent(folder, options, HARVESTED_COPIES);
}
