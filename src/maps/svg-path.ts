/**
 * Path data for SVG from d3-geo's geoPath, written short: coordinates rounded to a tenth of a
 * pixel, each ring's first point absolute and the rest as steps from the point before ("l1.1-.4"),
 * which are small numbers that repeat. A map's file is about a third smaller than with geoPath's
 * own absolute coordinates, and its gzip-compressed size likewise.
 */
import type { GeoContext } from "d3-geo";

/**
 * A whole number of tenths as SVG writes it shortest: 12 is "1.2", -4 "-.4", 30 "3". In integer
 * arithmetic: formatting the division's float and trimming it took a third of a map's time.
 */
function tenths(value: number): string {
  const size = value < 0 ? -value : value;
  const whole = Math.floor(size / 10);
  const tenth = size - whole * 10;
  const sign = value < 0 ? "-" : "";
  if (tenth === 0) return `${sign}${whole}`;
  return whole === 0 ? `${sign}.${tenth}` : `${sign}${whole}.${tenth}`;
}

/** A number following another in path data: a minus sign separates it, anything else needs a space. */
const following = (value: number) => (value < 0 ? tenths(value) : ` ${tenths(value)}`);

/** A context for `geoPath(projection, context)` that collects short path data; read it with {@link result}. */
export class ShortPathData implements GeoContext {
  #data = "";
  #x = 0;
  #y = 0;
  /** Whether the last command was a relative line, so the next step needs no letter. */
  #inLine = false;

  moveTo(x: number, y: number): void {
    [this.#x, this.#y] = [Math.round(x * 10), Math.round(y * 10)];
    this.#data += `M${tenths(this.#x)}${following(this.#y)}`;
    this.#inLine = false;
  }

  lineTo(x: number, y: number): void {
    const [nextX, nextY] = [Math.round(x * 10), Math.round(y * 10)];
    const [dx, dy] = [nextX - this.#x, nextY - this.#y];
    if (dx === 0 && dy === 0) return;
    this.#data += this.#inLine ? `${following(dx)}${following(dy)}` : `l${tenths(dx)}${following(dy)}`;
    [this.#x, this.#y, this.#inLine] = [nextX, nextY, true];
  }

  closePath(): void {
    this.#data += "z";
    this.#inLine = false;
  }

  beginPath(): void {}

  /** Maps draw no points, which d3 would draw as circles. */
  arc(): void {
    throw new Error("a map draws no points");
  }

  /** The path data collected since the last call, and a fresh start. */
  result(): string {
    const data = this.#data;
    this.#data = "";
    return data;
  }
}
