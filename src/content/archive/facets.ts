import { countryName } from "../../format/country.ts";
import { boundedSlug, swedishSlug } from "../../format/slug.ts";
import type { Facet, Facets, Project } from "../model/model.ts";
import { newestReview } from "./review.ts";
import { themeKey } from "../../format/themes.ts";

const collator = new Intl.Collator("sv");

/**
 * The last part of the address of a page named by a name (a funder, a programme, an organisation):
 * its slug, cut to at most 80 characters with a hash (boundedSlug), since a name of 200 characters
 * can make a slug of 800 ("&" is "and"), longer than a file system allows a folder's name.
 */
export const nameKey = (name: string) => boundedSlug(swedishSlug(name));

/** The URL of the page for a funder, named as the editor wrote it. */
export function funderPageUrl(name: string): string {
  return `/finansiar/${nameKey(name)}/`;
}

interface Grouping {
  readonly kind: Facet["kind"];
  readonly urlOf: (key: string) => string;
  /** The keys and display names a project belongs under. */
  readonly keysOf: (project: Project) => { key: string; name: string; website?: string }[];
}

function group(projects: readonly Project[], grouping: Grouping): Facet[] {
  const facets = new Map<string, { name: string; website?: string; projects: Project[] }>();
  for (const project of projects) {
    for (const { key, name, website } of grouping.keysOf(project)) {
      const facet = facets.get(key) ?? { name, projects: [] };
      if (!facet.website && website) facet.website = website;
      // A project is added to a facet once, even when it names the same funder or country twice;
      // projects come one at a time, so a repeat can only be the last one added.
      if (facet.projects.at(-1) !== project) facet.projects.push(project);
      facets.set(key, facet);
    }
  }
  return [...facets].map(([key, facet]) => ({
    kind: grouping.kind,
    key,
    name: facet.name,
    url: grouping.urlOf(key),
    ...(facet.website ? { website: facet.website } : {}),
    projects: facet.projects,
    reviewed: newestReview(facet.projects)!,
  }));
}

/**
 * The browsing pages of the archive, from projects already in display order: themes, funders, programmes,
 * countries, organisations and counties alphabetically, years newest first. Each page lists its
 * projects in that same order. Organisations and counties have pages only on a site with sources,
 * where projects know the archives that publish them (`homes`).
 */
export function facetsOf(projects: readonly Project[]): Facets {
  const byName = (a: Facet, b: Facet) => collator.compare(a.name, b.name);
  return {
    themes: group(projects, {
      kind: "theme",
      urlOf: (key) => `/amne/${key}/`,
      keysOf: (project) => project.themes.map((theme) => ({ key: themeKey(theme.name), name: theme.name })),
    }).sort(byName),
    programmes: group(projects, {
      kind: "programme",
      urlOf: (key) => `/program/${key}/`,
      keysOf: (project) => project.funders.flatMap((funder) => (funder.programme ? [{ key: nameKey(funder.programme), name: funder.programme }] : [])),
    }).sort(byName),
    organisations: group(projects, {
      kind: "organisation",
      urlOf: (key) => `/organisation/${key}/`,
      keysOf: (project) => (project.homes ?? []).map((home) => ({ key: nameKey(home.organisation), name: home.organisation, website: home.site })),
    }).sort(byName),
    counties: group(projects, {
      kind: "county",
      urlOf: (key) => `/lan/${key}/`,
      keysOf: (project) => (project.homes ?? []).flatMap((home) => home.counties.map((county) => ({ key: swedishSlug(county), name: county }))),
    }).sort(byName),
    funders: group(projects, {
      kind: "funder",
      urlOf: (key) => `/finansiar/${key}/`,
      keysOf: (project) =>
        project.funders.map((funder) => ({ key: nameKey(funder.name), name: funder.name, ...(funder.url ? { website: funder.url } : {}) })),
    }).sort(byName),
    years: group(projects, {
      kind: "year",
      urlOf: (key) => `/ar/${key}/`,
      keysOf: (project) => {
        const year = project.period?.end?.iso.slice(0, 4);
        return year ? [{ key: year, name: year }] : [];
      },
    }).sort((a, b) => b.key.localeCompare(a.key)),
    countries: group(projects, {
      kind: "country",
      urlOf: (key) => `/land/${key}/`,
      keysOf: (project) =>
        project.partnerGroups.flatMap((partnerGroup) =>
          partnerGroup.country ? [{ key: partnerGroup.country.toLowerCase(), name: countryName(partnerGroup.country) ?? partnerGroup.country }] : [],
        ),
    }).sort(byName),
  };
}
