/**
 * The maps of an archive's partner countries: one on the start page, shaded by the number of
 * projects with a partner in each country (the country facets), and a small one for each project
 * with its countries marked. Every map is framed on all the archive's partner countries, so a
 * project's countries are seen where they lie among the others, the same frame on every project
 * page; the land is drawn once per size, and each map only shades it. Projects with the same
 * countries share one file.
 */
import type { Archive, Project } from "../content/model/model.ts";
import { countryName } from "../format/country.ts";
import { boundedSlug } from "../format/slug.ts";
import { joinSwedish } from "../format/swedish-list.ts";
import { drawLayers, shadeMap, type MapDrawing, type MapLayers, type MapShading } from "./draw.ts";
import { countSteps, shadesOf, stepLabel, stepOf } from "./shades.ts";

/** Where the maps are published. */
const MAP_FOLDER = "/kartor/";
/** The start page's map, beside its table. */
const OVERVIEW_WIDTH = 400;
/** A project's map, beside its partners. */
const PROJECT_WIDTH = 240;

/** A map as a page shows it: `<img src width height>`. */
export interface MapImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** A map file to write. */
export interface MapFile {
  readonly url: string;
  readonly svg: string;
}

/** The class that names a step of the scale in the file: "steg-1" is the fewest projects. */
const stepClass = (index: number) => `steg-${index + 1}`;

/** The countries a project has partners in, in alphabetical order of their codes. */
function projectCountries(project: Project): string[] {
  return [...new Set(project.partnerGroups.flatMap((group) => (group.country ? [group.country] : [])))].sort();
}

/** The maps of one archive, each drawn when first asked for. */
class PartnerMaps {
  readonly #archive: Archive;
  /** Each map by its address; undefined for one with no country to draw. */
  readonly #drawings = new Map<string, MapDrawing | undefined>();
  /** The land framed on every partner country, drawn once for each width. */
  readonly #layers = new Map<number, MapLayers | undefined>();

  constructor(archive: Archive) {
    this.#archive = archive;
  }

  /** The start page's map, or undefined when no project names a country with a shape. */
  overview(): MapImage | undefined {
    return this.#image(`${MAP_FOLDER}partnerlander.svg`, OVERVIEW_WIDTH, () => {
      const countries = this.#archive.facets.countries;
      const steps = countSteps(countries.map((facet) => facet.projects.length));
      const shades = shadesOf(this.#archive.site.colour, steps.length);
      return {
        title: "Karta: antal projekt med partner i varje land",
        shades: new Map(
          countries.map((facet) => {
            const step = stepOf(steps, facet.projects.length);
            return [facet.key.toUpperCase(), { fill: shades[step]!, className: stepClass(step) }];
          }),
        ),
        legend: steps.map((step, index) => ({ fill: shades[index]!, label: stepLabel(step) })),
      };
    });
  }

  /** A project's map, shared by every project with the same countries; undefined for a project without any. */
  ofProject(project: Project): MapImage | undefined {
    const codes = projectCountries(project);
    if (codes.length === 0) return undefined;
    return this.#image(`${MAP_FOLDER}${boundedSlug(`land-${codes.join("-").toLowerCase()}`)}.svg`, PROJECT_WIDTH, () => {
      const [fill] = shadesOf(this.#archive.site.colour, 1);
      return {
        title: `Karta: ${joinSwedish(codes.map((code) => countryName(code) ?? code))} markerade`,
        shades: new Map(codes.map((code) => [code, { fill: fill!, className: "markerat" }])),
      };
    });
  }

  /** Every map the archive's pages show, drawn. */
  files(): MapFile[] {
    this.overview();
    for (const project of this.#archive.projects) this.ofProject(project);
    return [...this.#drawings].flatMap(([url, drawing]) => (drawing ? [{ url, svg: drawing.svg }] : []));
  }

  #image(url: string, width: number, shading: () => MapShading): MapImage | undefined {
    if (!this.#drawings.has(url)) {
      if (!this.#layers.has(width)) this.#layers.set(width, drawLayers(this.#archive.facets.countries.map((facet) => facet.key.toUpperCase()), width));
      const layers = this.#layers.get(width);
      this.#drawings.set(url, layers && shadeMap(layers, shading()));
    }
    const drawing = this.#drawings.get(url);
    return drawing && { url, width: drawing.width, height: drawing.height };
  }
}

const maps = new WeakMap<Archive, PartnerMaps>();

/** The maps of an archive, made once per archive. */
export function partnerMaps(archive: Archive): PartnerMaps {
  let made = maps.get(archive);
  if (!made) {
    made = new PartnerMaps(archive);
    maps.set(archive, made);
  }
  return made;
}
