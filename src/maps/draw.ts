/**
 * A map as an SVG file, drawn once at build time with d3-geo: the countries in a shade each, framed
 * on the ones the map is about, with their neighbours around them for context and whatever falls
 * outside the frame cut away. The file is a picture only: every fact on it is also in the page's
 * text, so the page shows it with `alt=""`.
 */
import { geoBounds, geoConicEqualArea, geoEqualEarth, geoPath, type GeoProjection, type GeoStream } from "d3-geo";
import type { Feature, MultiPolygon, Position } from "geojson";
import { escapeMarkup } from "../format/markup.ts";
import { ShortPathData } from "./svg-path.ts";
import { angleBetween, countryShapes, unitVector, type CountryShape, type ShapePart, type UnitVector } from "./country-shapes.ts";

/** How a country is shaded: its colour, and the class that names its step of the scale ("steg-2"). */
export interface Shade {
  readonly fill: string;
  readonly className: string;
}

/** One entry of a map's legend. */
export interface LegendEntry {
  readonly fill: string;
  readonly label: string;
}

/** A map framed on the countries it shades. */
export interface MapSpec extends MapShading {
  /** Width in pixels; the height follows from the frame. */
  readonly width: number;
}

export interface MapDrawing {
  readonly width: number;
  readonly height: number;
  readonly svg: string;
}

/** Land that is no country of the map's: light grey. */
const NEUTRAL_LAND = "#e6e8ea";
const BORDER = "#ffffff";
const TEXT = "#222222";
/** Around a country too small to see at the map's scale, a ring in the text's colour. */
const MARKER_RADIUS = 4;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** The frame's height against its width: no flatter than this, and no taller. */
const MIN_ASPECT = 0.6;
const MAX_ASPECT = 1.25;
/** Room around the framed countries, as a share of the width, where their neighbours show. */
const MARGIN = 0.08;
/** The least angle a frame spans across, so that a small country is shown among its neighbours (about 1,300 km). */
const MIN_SPAN = (12 * Math.PI) / 180;
/** Framed countries spanning more than this (longitude, or twice latitude; degrees) are shown on a world projection. */
const WORLD_SPAN = 100;
/** Points closer than this to the last one drawn (in pixels) are left out: no one sees them, and they would fill the file. */
const TOLERANCE = 1;

/** How a map projects: on a world projection, or on a regional one with its middle meridian and standard parallels. */
interface Projecting {
  readonly world: boolean;
  readonly rotate: number;
  readonly parallels: [number, number];
}

/** A map's projection fitted to its frame, and the frame's size in pixels. */
interface Frame extends Projecting {
  readonly scale: number;
  readonly translate: [number, number];
  readonly width: number;
  readonly height: number;
}

/**
 * The projection, fitted to the frame when one is given. Polygons are cut where they cross the
 * antimeridian of its rotation, half a world away from the frame's middle; `cutting: false` leaves
 * the cut out, for polygons that do not cross it: it tests every polygon for the poles, which took
 * half the time of drawing a regional map.
 */
function projectionOf(settings: Projecting | Frame, cutting = true): GeoProjection {
  const projection = settings.world ? geoEqualEarth() : geoConicEqualArea().parallels(settings.parallels);
  // No adaptive resampling: Natural Earth's points lie close enough that straight lines between them do.
  projection.rotate([settings.rotate, 0]).precision(0);
  if ("scale" in settings) {
    projection
      .scale(settings.scale)
      .translate(settings.translate)
      .clipExtent([
        [0, 0],
        [settings.width, settings.height],
      ]);
  }
  if (!cutting) projection.preclip((stream) => stream);
  return projection;
}

/** The frame that shows the given countries' main land in a map `width` wide, with room around them. */
function frameOf(focus: readonly CountryShape[], width: number): Frame {
  const mainland: Feature<MultiPolygon> = {
    type: "Feature",
    properties: {},
    geometry: { type: "MultiPolygon", coordinates: focus.flatMap((shape) => shape.mainland.geometry.coordinates) },
  };
  const [[west, south], [east, north]] = geoBounds(mainland);
  const lonSpan = (east - west + 360) % 360;
  const world = lonSpan > WORLD_SPAN || north - south > WORLD_SPAN / 2;
  const settings: Projecting = { world, rotate: -(west + lonSpan / 2), parallels: [south + (north - south) / 6, north - (north - south) / 6] };
  const projection = projectionOf(settings);
  const margin = Math.round(width * MARGIN);
  const inner = width - 2 * margin;
  const middle: [number, number] = [width / 2, margin + (inner * MAX_ASPECT) / 2];
  projection.fitExtent(
    [
      [margin, margin],
      [width - margin, margin + inner * MAX_ASPECT],
    ],
    mainland,
  );
  // A small country would fill the frame: zoom out until the frame spans MIN_SPAN.
  if (projection.scale() > inner / MIN_SPAN) {
    const centre = projection.invert!(middle)!;
    projection.scale(inner / MIN_SPAN);
    const moved = projection(centre)!;
    const [x, y] = projection.translate();
    projection.translate([x + middle[0] - moved[0], y + middle[1] - moved[1]]);
  }
  const [[, top], [, bottom]] = geoPath(projection).bounds(mainland);
  const height = Math.round(Math.min(width * MAX_ASPECT, Math.max(width * MIN_ASPECT, bottom - top + 2 * margin)));
  const [x, y] = projection.translate();
  return { ...settings, scale: projection.scale(), translate: [x, y + height / 2 - (top + bottom) / 2], width, height };
}

/**
 * What the frame shows of the globe, to leave out unprojected the polygons far outside it: a circle
 * around its middle, and its box in degrees (longitudes counted from the frame's middle meridian,
 * one degree wider on each side than the edges as sampled), or undefined for a world map or a
 * frame around a pole.
 */
function viewOf(projection: GeoProjection, { width, height, rotate }: Frame): { centre: UnitVector; radius: number; box: readonly [number, number, number, number] } | undefined {
  const middle = projection.invert!([width / 2, height / 2]);
  if (!middle || !Number.isFinite(middle[0])) return undefined;
  const centre = unitVector(middle);
  for (const pole of [[0, 90], [0, -90]] as [number, number][]) {
    const [x, y] = projection(pole) ?? [NaN, NaN];
    if (x >= 0 && x <= width && y >= 0 && y <= height) return undefined;
  }
  let [radius, west, south, east, north] = [0, Infinity, Infinity, -Infinity, -Infinity];
  for (let step = 0; step <= 16; step++) {
    const [across, down] = [(width * step) / 16, (height * step) / 16];
    for (const edge of [[across, 0], [across, height], [0, down], [width, down]] as [number, number][]) {
      const position = projection.invert!(edge);
      if (!position || !Number.isFinite(position[0])) return undefined;
      radius = Math.max(radius, angleBetween(centre, unitVector(position)));
      const longitude = ((((position[0] + rotate + 180) % 360) + 360) % 360) - 180;
      [west, east, south, north] = [Math.min(west, longitude), Math.max(east, longitude), Math.min(south, position[1]), Math.max(north, position[1])];
    }
  }
  return { centre, radius, box: [west - rotate - 1, south - 1, east - rotate + 1, north + 1] };
}

/** Whether a polygon may show in the view: its circle meets the view's, and its box the view's box. */
function mayShow(part: ShapePart, view: ReturnType<typeof viewOf>): boolean {
  if (!view) return true;
  if (angleBetween(part.centre, view.centre) > part.radius + view.radius) return false;
  const [west, south, east, north] = part.box;
  if (south > view.box[3] || north < view.box[1]) return false;
  return [-360, 0, 360].some((shift) => west + shift < view.box[2] && east + shift > view.box[0]);
}

/**
 * A stream that leaves out points within `tolerance` of the last point kept (the last point of each
 * line is always kept), and polygon rings left with fewer than three points. Before projection it
 * measures in degrees, and keeps every point on the antimeridian, where Natural Earth cuts the
 * polygons that cross it: without them, the cut of the projection takes a ring for one around a pole.
 */
function withoutClosePoints(output: GeoStream, tolerance: number, inDegrees = false): GeoStream {
  let inPolygon = false;
  // One array for every line, emptied at each start: a new one per ring was most of the garbage.
  const kept: number[] = [];
  let skipped = false;
  let [lastX, lastY] = [0, 0];
  return {
    point(x, y) {
      const count = kept.length;
      if (count > 0 && !(inDegrees && Math.abs(x) === 180)) {
        const [dx, dy] = [x - kept[count - 2]!, y - kept[count - 1]!];
        if (dx * dx + dy * dy < tolerance * tolerance) {
          [skipped, lastX, lastY] = [true, x, y];
          return;
        }
      }
      kept.push(x, y);
      skipped = false;
    },
    lineStart() {
      kept.length = 0;
      skipped = false;
    },
    lineEnd() {
      if (skipped) kept.push(lastX, lastY);
      if (kept.length >= (inPolygon ? 6 : 4)) {
        output.lineStart();
        for (let index = 0; index < kept.length; index += 2) output.point(kept[index]!, kept[index + 1]!);
        output.lineEnd();
      }
    },
    polygonStart() {
      inPolygon = true;
      output.polygonStart();
    },
    polygonEnd() {
      inPolygon = false;
      output.polygonEnd();
    },
    sphere() {
      output.sphere?.();
    },
  };
}

/** The legend under the map: a square of each shade and its label, in rows as wide as the map. */
function legendRows(legend: readonly LegendEntry[], width: number, top: number): { svg: string; height: number } {
  const size = 14;
  const gap = 16;
  const rowHeight = 22;
  // System fonts' letters average a little over half the font size.
  const textWidth = (label: string) => label.length * size * 0.58;
  let [x, y] = [0, top];
  const items: string[] = [];
  for (const entry of legend) {
    const itemWidth = size + 6 + textWidth(entry.label);
    if (x > 0 && x + itemWidth > width) [x, y] = [0, y + rowHeight];
    items.push(
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${entry.fill}" stroke="#767676" stroke-width="0.5"/>` +
        `<text x="${x + size + 6}" y="${y + size - 2}">${escapeMarkup(entry.label)}</text>`,
    );
    x += itemWidth + gap;
  }
  return { svg: `<g font-family="${FONT}" font-size="${size}" fill="${TEXT}">${items.join("")}</g>`, height: y + rowHeight - top };
}

/** A country of a map's frame, drawn: its path data, and where a ring goes when it is too small to see. */
interface DrawnCountry {
  readonly d: string;
  readonly ring?: readonly [number, number];
}

/**
 * The land of a frame, drawn once and shaded as often as needed: the frame around the given
 * countries (`width` wide), each of them drawn on its own, and all other land in one path.
 */
export interface MapLayers {
  readonly width: number;
  readonly height: number;
  /** Every country of the frame that has a shape, by its alpha-2 code. */
  readonly countries: ReadonlyMap<string, DrawnCountry>;
  /** The path data of the land around them. */
  readonly land: string;
}

/** Draws the land of a map framed on `codes`; undefined when none of them has a shape in Natural Earth's countries. */
export function drawLayers(codes: Iterable<string>, width: number): MapLayers | undefined {
  const wanted = new Set(codes);
  const shapes = countryShapes();
  const focus = shapes.filter((shape) => shape.code !== undefined && wanted.has(shape.code));
  if (focus.length === 0) return undefined;
  const frame = frameOf(focus, width);

  // Polygons far outside the frame are not projected at all.
  const view = viewOf(projectionOf(frame), frame);
  const visible = (part: ShapePart) => mayShow(part, view);
  const cut = ((((360 - frame.rotate) % 360) + 360) % 360) - 180;
  const crossesCut = ({ box: [west, , east] }: ShapePart) => (west < cut && cut < east) || (west < cut + 360 && cut + 360 < east);
  // Points closer than a pixel are left out before projecting too (half a pixel, as the scale
  // varies across the frame): projecting them is most of the time a map takes.
  const degrees = (TOLERANCE / 2 / frame.scale) * (180 / Math.PI);
  const data = new ShortPathData();
  const [withCut, withoutCut] = [true, false].map((cutting) => {
    const projection = projectionOf(frame, cutting);
    return geoPath({ stream: (output) => withoutClosePoints(projection.stream(withoutClosePoints(output, TOLERANCE)), degrees, true) }, data);
  });
  const draw = (parts: readonly ShapePart[]) => {
    const multi = (list: readonly ShapePart[]): MultiPolygon => ({ type: "MultiPolygon", coordinates: list.map((part) => part.coordinates as Position[][]) });
    const crossing = parts.filter(crossesCut);
    if (crossing.length) withCut!(multi(crossing));
    if (crossing.length < parts.length) withoutCut!(multi(parts.filter((part) => !crossesCut(part))));
    return data.result();
  };
  const bounds = geoPath(projectionOf(frame)).bounds;

  const land: string[] = [];
  const countries = new Map<string, DrawnCountry>();
  for (const shape of shapes) {
    const parts = shape.parts.filter(visible);
    const inFocus = shape.code !== undefined && wanted.has(shape.code);
    if (parts.length === 0 && !inFocus) continue;
    const d = draw(parts);
    if (!inFocus) {
      if (d) land.push(d);
      continue;
    }
    // A country smaller than a few pixels (Luxembourg on a map of Europe) gets a ring around it.
    const [[left, top], [right, bottom]] = bounds(shape.mainland);
    const small = Number.isFinite(left) && Math.max(right - left, bottom - top) < 2 * MARKER_RADIUS;
    const ring = [(left + right) / 2, (top + bottom) / 2].map((value) => Math.round(value * 10) / 10) as [number, number];
    countries.set(shape.code!, small ? { d, ring } : { d });
  }
  return { width: frame.width, height: frame.height, countries, land: land.join("") };
}

/** What a map says on its land: each shaded country's colour and class, and the file's title and legend. */
export interface MapShading {
  /** The file's title, for someone who opens it directly. */
  readonly title: string;
  /** Countries drawn in a colour of their own, by ISO alpha-2 code; the rest are neutral land. */
  readonly shades: ReadonlyMap<string, Shade>;
  readonly legend?: readonly LegendEntry[];
}

/** The SVG file of drawn land with its countries shaded; undefined when none of the shaded countries is drawn. */
export function shadeMap(layers: MapLayers, { title, shades, legend: entries }: MapShading): MapDrawing | undefined {
  const { width, height: mapHeight } = layers;
  const neutral = [layers.land];
  const shaded: string[] = [];
  const rings: string[] = [];
  for (const [code, { d, ring }] of layers.countries) {
    const shade = shades.get(code);
    if (!shade) {
      neutral.push(d);
      continue;
    }
    const id = `land-${code.toLowerCase()}`;
    shaded.push(`<path id="${id}" class="${shade.className}" fill="${shade.fill}" d="${d}"/>`);
    if (ring) rings.push(`<circle data-land="${id}" cx="${ring[0]}" cy="${ring[1]}" r="${MARKER_RADIUS}" fill="${shade.fill}" stroke="${TEXT}" stroke-width="1"/>`);
  }
  if (shaded.length === 0) return undefined;
  const legend = entries?.length ? legendRows(entries, width, mapHeight + 12) : undefined;
  const height = mapHeight + (legend ? legend.height + 12 : 0);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeMarkup(title)}</title>` +
    `<g stroke="${BORDER}" stroke-width="0.6" stroke-linejoin="round">` +
    `<path fill="${NEUTRAL_LAND}" d="${neutral.join("")}"/>` +
    shaded.join("") +
    `</g>` +
    rings.join("") +
    (legend?.svg ?? "") +
    `</svg>\n`;
  return { width, height, svg };
}

/** A map framed on the countries in `spec.shades`, each in its shade; undefined when none of them has a shape. */
export function drawMap(spec: MapSpec): MapDrawing | undefined {
  const layers = drawLayers(spec.shades.keys(), spec.width);
  return layers && shadeMap(layers, spec);
}
