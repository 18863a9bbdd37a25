/**
 * A phone photo with its GPS position, camera and owner: check warns, and the published site holds
 * none of it, neither in the original under /filer/ nor in the pictures made from it. An animated
 * GIF is a warning that only the first frame is shown.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { hasGps } from "../../src/content/files/picture-facts.ts";
import { buildSite, contentTree, runCli, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** Two frames of one pixel each. */
const ANIMATED_GIF = (() => {
  const frame = [0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00];
  return Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, ...frame, ...frame, 0x3b]);
})();

let content: string;
let checked: Awaited<ReturnType<typeof runCli>>;
let site: string;

beforeAll(async () => {
  content = await contentTree(workspace.dir, "minimal", {
    "projekt/alfa.md": (text) => text.replace("contacts:", "image:\n  file: foto.jpg\n  alt: Läsecirkel i Örebro\ncontacts:").replace("Alfa handlar om läsning.", "Alfa handlar om läsning.\n\n![En blinkande punkt](/filer/blink.gif)"),
  });
  // 40 × 20 as stored, turned a quarter (EXIF orientation 6): 20 × 40 as seen.
  const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#336699" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: "Apple", Model: "iPhone 15", Artist: "Anna Berg" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 16/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "15/1 12/1 0/1" } })
    .toBuffer();
  const original = await sharp(photo).metadata();
  expect(hasGps(original.exif)).toBe(true);
  expect(original.orientation).toBe(6);
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir(path.join(content, "filer"), { recursive: true });
  await writeFile(path.join(content, "filer/foto.jpg"), photo);
  await writeFile(path.join(content, "filer/blink.gif"), ANIMATED_GIF);
  checked = await runCli("check", [content]);
  const built = await buildSite(content, path.join(workspace.dir, "site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

describe("a phone photo with a GPS position", () => {
  it("is a warning in check, naming the file", () => {
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`${path.join(content, "filer/foto.jpg")}  bilden har kvar var den togs (en GPS-position) i filen`);
  });

  it("is published without its metadata, turned as the camera said, and so are the pictures made from it", async () => {
    const published = await readFile(path.join(site, "filer/foto.jpg"));
    const facts = await sharp(published).metadata();
    expect(facts.exif).toBeUndefined();
    expect(facts.xmp).toBeUndefined();
    expect([facts.width, facts.height]).toEqual([20, 40]);
    expect(published.includes("iPhone")).toBe(false);
    for (const name of await readdir(path.join(site, "bilder"))) {
      const made = await readFile(path.join(site, "bilder", name));
      expect(made.includes("iPhone"), name).toBe(false);
      expect(hasGps((await sharp(made).metadata()).exif), name).toBe(false);
    }
  });

  it("stays as it was in the content folder", async () => {
    expect(hasGps((await sharp(path.join(content, "filer/foto.jpg")).metadata()).exif)).toBe(true);
  });
});

describe("an animated GIF", () => {
  it("is a warning that the page shows only the first frame", () => {
    expect(checked.stdout).toContain(`${path.join(content, "filer/blink.gif")}  bilden är animerad, men sidan visar bara den första bilden`);
  });
});
