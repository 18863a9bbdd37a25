/** A site with sources: its own archive with every source's projects put in (records.ts, merge.ts). */
import type { ContentError } from "../content/model/errors.ts";
import { facetsOf } from "../content/archive/facets.ts";
import { Archive, type Home } from "../content/model/model.ts";
import { compareProjects } from "../content/archive/resolve.ts";
import { publicUrl } from "../format/urls.ts";
import { mergeProjects } from "./merge.ts";
import type { HarvestedSource } from "./records.ts";
import { siteOrganisation } from "./trust.ts";

/**
 * The archive with the harvested projects beside the site's own, each project once, and browsing
 * pages for every organisation and county. The site's own projects name the site as their home.
 * Returns it with the conflicts and proposals that showing each project once gave.
 */
export function withHarvest(archive: Archive, sources: readonly HarvestedSource[]): { archive: Archive; warnings: ContentError[] } {
  const { site } = archive;
  const ownHome = (url: string): Home => ({
    organisation: site.organisation,
    ...(site.organisationNumber ? { organisationNumber: site.organisationNumber } : {}),
    site: publicUrl("/", site.url),
    url: publicUrl(url, site.url),
    counties: site.counties,
  });
  const own = archive.projects.map((project) => ({ ...project, homes: [ownHome(project.url)] }));
  const { projects, merges, warnings, skipped } = mergeProjects(own, siteOrganisation(site), sources, compareProjects);
  // Copies skipped as conflicts are counted with the source's other skipped records.
  const summaries = sources.map(({ summary }, index) => ({ ...summary, projects: summary.projects - skipped[index]!, skipped: summary.skipped + skipped[index]! }));
  return {
    archive: new Archive(
      site,
      archive.pages,
      projects,
      archive.contacts,
      archive.drafts,
      facetsOf(projects.filter((project) => !project.draft)),
      archive.files,
      { sources: summaries, merges },
    ),
    warnings,
  };
}
