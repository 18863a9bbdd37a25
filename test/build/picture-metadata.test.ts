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

/** An XMP packet that names the picture's creator, as Lightroom and Photoshop write it. */
const XMP_CREATOR = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Cecilia Dahl</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/** A JPEG with an XMP packet (an APP1 segment) after its start marker; sharp 0.33 cannot write XMP. */
function withXmp(jpeg: Buffer, xmp: string): Buffer {
  const payload = Buffer.concat([Buffer.from("http://ns.adobe.com/xap/1.0/\0", "latin1"), Buffer.from(xmp)]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

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
  // A camera's photo without a place: its maker, model and serial number, and the owner's copyright.
  const camera = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#996633" } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: "Canon", Model: "EOS R6", Copyright: "Bo Ek" }, IFD2: { BodySerialNumber: "012345678901" } })
    .toBuffer();
  await writeFile(path.join(content, "filer/kamera.jpg"), camera);
  // A photo edited in a program that names its creator only in XMP (dc:creator).
  await writeFile(path.join(content, "filer/redigerad.jpg"), withXmp(await sharp({ create: { width: 20, height: 20, channels: 3, background: "#669933" } }).jpeg().toBuffer(), XMP_CREATOR));
  // A picture with metadata that says nothing of who or where (only its orientation): no word.
  await writeFile(path.join(content, "filer/vriden.jpg"), await sharp({ create: { width: 20, height: 10, channels: 3, background: "#663399" } }).jpeg().withMetadata({ orientation: 3 }).toBuffer());
  checked = await runCli("check", [content]);
  const built = await buildSite(content, path.join(workspace.dir, "site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

describe("a phone photo with a GPS position", () => {
  it("is a warning in check, naming the file and what it tells: the place, the owner and the camera", () => {
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(
      `${path.join(content, "filer/foto.jpg")}  bilden har kvar var den togs (en GPS-position), vem som tog eller äger den (fotografens namn eller upphovsrätten) och vilken kamera den togs med i filen; den publicerade kopian är rensad, men kopian i arkivet har kvar uppgifterna, och de följer med i git-historiken; ta bort dem och spara om bilden`,
    );
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

describe("a photo with its owner's name and camera, but no place", () => {
  it("is a warning too: the published copy is clean, but the repository's copy keeps them", () => {
    const warning = (name: string) => checked.stdout.split("\n").find((line) => line.includes(`${path.join(content, "filer", name)}  bilden har kvar`));
    expect(warning("kamera.jpg")).toContain("bilden har kvar vem som tog eller äger den (fotografens namn eller upphovsrätten), vilken kamera den togs med och kamerans serienummer i filen; den publicerade kopian är rensad, men kopian i arkivet har kvar uppgifterna");
    expect(warning("redigerad.jpg")).toContain("bilden har kvar vem som tog eller äger den (fotografens namn eller upphovsrätten) i filen; den publicerade kopian är rensad, men kopian i arkivet har kvar uppgiften, och den följer med i git-historiken");
    expect(warning("vriden.jpg")).toBeUndefined();
  });

  it("is published without them", async () => {
    for (const [name, kept] of [["kamera.jpg", "012345678901"], ["redigerad.jpg", "Cecilia Dahl"]] as const) {
      const published = await readFile(path.join(site, "filer", name));
      expect(published.includes(kept), name).toBe(false);
      expect((await readFile(path.join(content, "filer", name))).includes(kept), name).toBe(true);
    }
  });
});

describe("an animated GIF", () => {
  it("is a warning that the page shows only the first frame", () => {
    expect(checked.stdout).toContain(`${path.join(content, "filer/blink.gif")}  bilden är animerad, men sidan visar bara den första bilden`);
  });
});
