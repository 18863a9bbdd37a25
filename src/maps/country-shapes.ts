/**
 * The world's countries as Natural Earth draws them (1:50 million), from the world-atlas package:
 * TopoJSON whose countries carry ISO 3166-1 numeric codes, while the archive writes alpha-2 codes
 * ("NO"). Unicode CLDR, which Node's Intl carries, lists each numeric code as an alias of its
 * alpha-2 code, so `Intl.getCanonicalLocales("und-578")` is "und-NO": the table comes from a
 * maintained source with no package of its own. The few shapes without a numeric code (Kosovo,
 * Somaliland …) are matched by their English name where CLDR knows it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { countryCodeOfName, countryName } from "../format/country.ts";

/** One country's shape. */
export interface CountryShape {
  /** The ISO 3166-1 alpha-2 code, or undefined for a shape no code names (N. Cyprus, Somaliland). */
  readonly code: string | undefined;
  readonly parts: readonly ShapePart[];
  /**
   * The country's main land, for framing a map: the polygons near its largest one. France without
   * French Guiana, the United States without Alaska and Hawaii, Norway without Svalbard and Bjørnøya.
   */
  readonly mainland: Feature<MultiPolygon>;
}

/**
 * Polygons farther than this from a country's largest polygon (the middles of their boxes) are not
 * its main land: about 900 km. It keeps Corsica with France, Sicily with Italy and Hokkaido with
 * Japan, and leaves out Bjørnøya, far north of Norway, which would leave a map of Norway half sea.
 */
const MAINLAND_RADIUS = (8 * Math.PI) / 180;

/** One polygon of a country, with the circle around it: what a frame far away can leave out unprojected. */
export interface ShapePart {
  readonly coordinates: Position[][];
  /** The polygon's box in degrees: west, south, east, north; east may be past 180° when the box crosses the antimeridian. */
  readonly box: readonly [number, number, number, number];
  /** The middle of the box, as a point on the unit sphere. */
  readonly centre: UnitVector;
  /** How far (in radians on the sphere) the polygon's box reaches from its centre. */
  readonly radius: number;
}

/** A point on the unit sphere: the angle between two is one dot product, where geoDistance streams a line. */
export type UnitVector = readonly [number, number, number];

/** A longitude and latitude in degrees as a point on the unit sphere. */
export function unitVector([longitude, latitude]: readonly [number, number]): UnitVector {
  const [lambda, phi] = [(longitude * Math.PI) / 180, (latitude * Math.PI) / 180];
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** The angle between two points on the unit sphere, in radians. */
export function angleBetween(a: UnitVector, b: UnitVector): number {
  return Math.acos(Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
}

/** The alpha-2 code of an ISO 3166-1 numeric code ("578" is "NO"), through CLDR's aliases; undefined when it names no country. */
export function alpha2OfNumeric(numeric: string): string | undefined {
  if (!/^\d{3}$/.test(numeric)) return undefined;
  const region = Intl.getCanonicalLocales(`und-${numeric}`)[0]!.slice("und-".length);
  return countryName(region) === undefined ? undefined : region;
}

/**
 * A polygon's box, centre and reach, and its area on a plane in degrees scaled by the cosine of
 * its latitude: rough, but enough to tell a country's largest polygon and what lies near it, and
 * a tenth of what the exact spherical measures cost. A polygon that touches the antimeridian (the
 * east of Russia, Fiji) has its box measured east from 0° to 360°, where it is narrower.
 */
function partOf(coordinates: Position[][]): ShapePart & { readonly area: number } {
  const ring = coordinates[0]!;
  let [south, north] = [Infinity, -Infinity];
  const west = [Infinity, Infinity];
  const east = [-Infinity, -Infinity];
  let twiceArea = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x, y] = ring[index]! as [number, number];
    const shifted = x < 0 ? x + 360 : x;
    west[0] = Math.min(west[0]!, x);
    east[0] = Math.max(east[0]!, x);
    west[1] = Math.min(west[1]!, shifted);
    east[1] = Math.max(east[1]!, shifted);
    south = Math.min(south, y);
    north = Math.max(north, y);
    twiceArea += (ring[previous]![0]! - x) * (ring[previous]![1]! + y);
  }
  const way = east[1]! - west[1]! < east[0]! - west[0]! ? 1 : 0;
  const box = [west[way]!, south, east[way]!, north] as const;
  const middle = [(box[0] + box[2]) / 2, (south + north) / 2] as const;
  const centre = unitVector(middle);
  const corners = [[box[0], south], [box[0], north], [box[2], south], [box[2], north]] as const;
  const radius = Math.max(...corners.map((corner) => angleBetween(centre, unitVector(corner))));
  return { coordinates, box, centre, radius, area: Math.abs(twiceArea / 2) * Math.cos((middle[1] * Math.PI) / 180) };
}

/** A country's polygons, and its main land: those near its largest polygon. */
function partsOf(geometry: Polygon | MultiPolygon): { parts: readonly ShapePart[]; mainland: Feature<MultiPolygon> } {
  const parts = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates).map(partOf);
  const largest = parts.reduce((a, b) => (b.area > a.area ? b : a));
  const near = parts.filter((part) => angleBetween(part.centre, largest.centre) <= MAINLAND_RADIUS);
  return {
    parts: parts.map(({ area: _area, ...part }) => part),
    mainland: { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: near.map((part) => part.coordinates) } },
  };
}

let shapes: readonly CountryShape[] | undefined;

/** Every country's shape, read from world-atlas once per process, when a map is first drawn. */
export function countryShapes(): readonly CountryShape[] {
  if (shapes) return shapes;
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features as Feature<Polygon | MultiPolygon, { name: string }>[];
  // Natural Earth draws a few territories apart from the country whose code they carry (Ashmore
  // and Cartier Islands are Australia's): one shape per code, with all of them.
  const polygons = new Map<string | undefined, Position[][][]>();
  const unnamed: Position[][][][] = [];
  for (const country of countries) {
    const code = country.id === undefined ? countryCodeOfName(country.properties.name) : alpha2OfNumeric(String(country.id));
    const own = country.geometry.type === "Polygon" ? [country.geometry.coordinates] : country.geometry.coordinates;
    if (code === undefined) unnamed.push(own);
    else polygons.set(code, [...(polygons.get(code) ?? []), ...own]);
  }
  shapes = [...[...polygons].map(([code, list]) => ({ code, list })), ...unnamed.map((list) => ({ code: undefined, list }))].map(({ code, list }) => ({
    code,
    ...partsOf({ type: "MultiPolygon", coordinates: list }),
  }));
  return shapes;
}
