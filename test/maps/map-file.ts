/** Reads a map's SVG as a visitor's browser would get it, for the tests' assertions. */
import { gzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface ReadMap {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** Each country drawn in a colour of its own: lowercase code → the class of its step and its fill. */
  readonly countries: ReadonlyMap<string, { className: string; fill: string }>;
  /** The codes of countries too small to see, marked with a ring. */
  readonly rings: readonly string[];
  /** The legend's labels, in order. */
  readonly legend: readonly string[];
  /** The file's size gzip-compressed, as a server sends it. */
  readonly gzipBytes: number;
  /** The share of the picture that land covers, from the paths' areas. */
  readonly landShare: number;
}

/** The area inside a path's rings (path data as src/maps/svg-path.ts writes it: M, then l steps, then z). */
function areaOf(data: string): number {
  let area = 0;
  for (const ring of data.split("M").filter(Boolean)) {
    const numbers = (ring.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    let [x, y] = [numbers[0]!, numbers[1]!];
    let twice = 0;
    for (let index = 2; index + 1 < numbers.length; index += 2) {
      const [nextX, nextY] = [x + numbers[index]!, y + numbers[index + 1]!];
      twice += x * nextY - nextX * y;
      [x, y] = [nextX, nextY];
    }
    twice += x * numbers[1]! - numbers[0]! * y;
    area += Math.abs(twice) / 2;
  }
  return area;
}

type Element = Record<string, unknown>;
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Element[];

/** Parses a map's SVG; throws when it is not well-formed XML or not an SVG picture with a title. */
export function readMap(svg: string): ReadMap {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  const root = (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(svg) as { svg?: Element }).svg;
  if (!root || root.xmlns !== "http://www.w3.org/2000/svg" || root.role !== "img") throw new Error("not an SVG picture with role=img");
  const groups = list(root.g);
  const paths = groups.flatMap((group) => list(group.path));
  const countries = new Map(
    paths.filter((path) => typeof path.id === "string").map((path) => [(path.id as string).replace(/^land-/, ""), { className: path.class as string, fill: path.fill as string }]),
  );
  return {
    width: Number(root.width),
    height: Number(root.height),
    title: String(root.title),
    countries,
    rings: list(root.circle).map((circle) => (circle["data-land"] as string).replace(/^land-/, "")),
    legend: groups.flatMap((group) => list(group.text).map((text) => String(text["#text"] ?? text))),
    gzipBytes: gzipSync(svg).length,
    landShare: paths.reduce((total, path) => total + areaOf(String(path.d ?? "")), 0) / (Number(root.width) * Number(root.height)),
  };
}
