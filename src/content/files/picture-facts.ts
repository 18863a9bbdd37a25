/**
 * What the build will find in each picture of filer/, found by `check` first: that the file is the
 * kind of picture its name says (an iPhone's HEIC saved as foto.jpg, or a web page saved as one,
 * is not), that it is not larger than the picture library opens (sharp's pixel limit), that it is
 * whole (a JPEG ends with its end marker, a PNG with IEND), whether it is animated (only the first
 * frame is shown), and whether it records where it was taken (GPS), who took or owns it, and with
 * which camera.
 *
 * Only headers are read, through sharp's metadata, and the last bytes of the file: no picture is
 * decoded here. Answers are kept by file, size and modification time, as for PDFs.
 */
import type { AttachmentListing } from "./attachments.ts";
import { extensionOf, PICTURE_EXTENSIONS } from "./attachments.ts";
import { fileEnds } from "./document-kinds.ts";

export interface PictureFacts {
  /** Why the build could not use the picture; undefined when it can. */
  readonly unusable?: string;
  readonly animated?: true;
  /** The picture's metadata records a GPS position. */
  readonly gps?: true;
  /** What else in the picture's metadata tells who took it, and with what: its owner, its camera, the camera's serial number. */
  readonly identifying?: readonly IdentifyingFact[];
  /** The file has EXIF, XMP or IPTC metadata (camera, owner, place), which the published copy leaves out (images.ts). */
  readonly metadata?: true;
  /** Its size in pixels, as its header gives it, for a picture that can be used. */
  readonly width?: number;
  readonly height?: number;
}

/** Kinds of metadata that say who took a picture and with what, beside where (GPS). */
export type IdentifyingFact = "owner" | "camera" | "serial";

/**
 * The fields of EXIF, XMP and IPTC, by the names exifr gives them, that say who took or owns a
 * picture (EXIF Artist and Copyright, XMP dc:creator and dc:rights, IPTC By-line and Copyright
 * Notice, and the camera owner's name), which camera (Make and Model), and its serial numbers.
 */
const IDENTIFYING_FIELDS: Readonly<Record<string, IdentifyingFact>> = {
  Artist: "owner",
  Copyright: "owner",
  creator: "owner",
  rights: "owner",
  Byline: "owner",
  CopyrightNotice: "owner",
  Credit: "owner",
  OwnerName: "owner",
  CameraOwnerName: "owner",
  Make: "camera",
  Model: "camera",
  SerialNumber: "serial",
  BodySerialNumber: "serial",
  LensSerialNumber: "serial",
  CameraSerialNumber: "serial",
  InternalSerialNumber: "serial",
};

type Exifr = Pick<typeof import("exifr"), "sidecar">;
let exifr: Promise<Exifr> | undefined;

/**
 * exifr, loaded when a picture has metadata. Its CommonJS build (as Node and the commands' bundle
 * load it) has its functions on the default export; its ES module build (as tsx loads it) exports
 * them by name.
 */
async function loadExifr(): Promise<Exifr> {
  const loaded = await import("exifr");
  return typeof loaded.sidecar === "function" ? loaded : (loaded.default as unknown as Exifr);
}

/** Whether a value read from metadata says anything: not empty, not only white space. */
function hasText(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "number") return true;
  if (Array.isArray(value)) return value.some(hasText);
  // XMP's language alternatives: { lang: "x-default", value: "…" }
  if (value && typeof value === "object") return Object.values(value).some(hasText);
  return false;
}

/** The kinds of identifying fields in parsed metadata, at any depth (XMP groups fields by namespace). */
function identifyingIn(parsed: unknown, found: Set<IdentifyingFact>): void {
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return;
  for (const [key, value] of Object.entries(parsed)) {
    const kind = IDENTIFYING_FIELDS[key];
    if (kind && hasText(value)) found.add(kind);
    else if (!kind && key !== "xmlns") identifyingIn(value, found);
  }
}

/**
 * Who took a picture and with what, from the metadata blocks sharp gives (EXIF as a TIFF structure,
 * XMP, IPTC), read by exifr. A block that does not parse says nothing.
 */
async function identifyingFacts(metadata: { readonly exif?: Buffer | undefined; readonly xmp?: Buffer | undefined; readonly iptc?: Buffer | undefined }): Promise<IdentifyingFact[]> {
  const reader = await (exifr ??= loadExifr());
  const tiff = metadata.exif && (metadata.exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? metadata.exif.subarray(6) : metadata.exif);
  const blocks: [Buffer | undefined, string][] = [[tiff, "tiff"], [metadata.xmp, "xmp"], [metadata.iptc, "iptc"]];
  const found = new Set<IdentifyingFact>();
  for (const [block, type] of blocks) {
    if (!block || block.length === 0) continue;
    identifyingIn(await reader.sidecar(block, { gps: false, interop: false, ifd1: false }, type).catch(() => undefined), found);
  }
  return (["owner", "camera", "serial"] as const).filter((kind) => found.has(kind));
}

/** sharp's default limit of pixels in a picture it opens (16383 × 16383). */
export const PIXEL_LIMIT = 268_402_689;

/** The format sharp names for each extension. */
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  jpg: ["jpeg"],
  jpeg: ["jpeg"],
  png: ["png"],
  webp: ["webp"],
  avif: ["heif"],
  gif: ["gif"],
};

/** What a picture really is, in Swedish, for the message when its name says otherwise. */
const FORMAT_NAMES: Readonly<Record<string, string>> = { jpeg: "en JPEG-bild", png: "en PNG-bild", webp: "en WebP-bild", gif: "en GIF-bild", heif: "en HEIC-bild (som iPhone sparar)", tiff: "en TIFF-bild", svg: "en SVG-bild" };

/** Whether the EXIF block (TIFF structure) has a GPS directory: tag 0x8825 in the first directory. */
export function hasGps(exif: Buffer | undefined): boolean {
  if (!exif || exif.length < 14) return false;
  // sharp gives the APP1 payload, starting with "Exif\0\0"; the TIFF header follows.
  const start = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0;
  const tiff = exif.subarray(start);
  if (tiff.length < 8) return false;
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const directory = u32(4);
  if (directory + 2 > tiff.length) return false;
  const entries = u16(directory);
  for (let entry = 0; entry < entries; entry++) {
    const at = directory + 2 + entry * 12;
    if (at + 12 > tiff.length) return false;
    if (u16(at) === 0x8825) return u32(at + 8) > 0;
  }
  return false;
}

/** Whether a picture of this format ends as a whole file does: cut off, the rest of the picture is grey. */
async function isWhole(tail: () => Promise<Buffer>, format: string): Promise<boolean> {
  if (format === "jpeg") return (await tail()).includes(Buffer.from([0xff, 0xd9]));
  if (format === "png") return (await tail()).includes(Buffer.from("IEND", "latin1"));
  if (format === "gif") return (await tail()).includes(0x3b);
  return true;
}

type Sharp = typeof import("sharp");
let sharp: Promise<{ default: Sharp }> | undefined;

/** A picture to read: a file in filer/, or bytes the importer has fetched. */
interface PictureSource {
  /** The file's path, or its bytes. */
  readonly input: string | Buffer;
  readonly extension: string;
  readonly size: number;
  /** The picture's last 64 bytes. */
  readonly tail: () => Promise<Buffer>;
}

/** Reads one picture's facts. */
async function readFacts({ input, extension, size, tail }: PictureSource): Promise<PictureFacts> {
  if (size === 0) return { unusable: "filen är tom" };
  const { default: load } = await (sharp ??= import("sharp"));
  let metadata: Awaited<ReturnType<ReturnType<Sharp>["metadata"]>>;
  try {
    metadata = await load(input, { limitInputPixels: false }).metadata();
  } catch {
    return { unusable: `filen är ingen bild som går att läsa, fast namnet slutar på .${extension}; spara om den som JPEG eller PNG` };
  }
  const format = metadata.format ?? "";
  if (!FORMATS[extension]?.includes(format) || (extension === "avif" && metadata.compression !== "av1")) {
    const what = format === "heif" && metadata.compression === "av1" ? "en AVIF-bild" : (FORMAT_NAMES[format] ?? `en bild i formatet ${format}`);
    return { unusable: `filen är ${what}, fast namnet slutar på .${extension}; spara om den som JPEG eller PNG` };
  }
  const { width = 0, height = 0 } = metadata;
  if (width * height > PIXEL_LIMIT) {
    return { unusable: `bilden är ${width.toLocaleString("sv-SE")} × ${height.toLocaleString("sv-SE")} bildpunkter, fler än ${PIXEL_LIMIT.toLocaleString("sv-SE")} som går att öppna; minska den, till exempel till 3 000 bildpunkter på bredden` };
  }
  if (!(await isWhole(tail, format))) {
    return { unusable: "bilden är avklippt: slutet av filen saknas, så en del av bilden skulle bli grå; spara eller ladda ner den igen" };
  }
  const hasMetadata = Boolean(metadata.exif || metadata.xmp || metadata.iptc);
  const identifying = hasMetadata ? await identifyingFacts(metadata) : [];
  return {
    width,
    height,
    ...((metadata.pages ?? 1) > 1 ? { animated: true as const } : {}),
    ...(hasGps(metadata.exif) ? { gps: true as const } : {}),
    ...(identifying.length > 0 ? { identifying } : {}),
    ...(hasMetadata ? { metadata: true as const } : {}),
  };
}

/** The facts of a picture that is not yet a file, by its bytes and the extension of the name it is to have (npm run import). */
export function pictureFactsOfBytes(bytes: Uint8Array, extension: string): Promise<PictureFacts> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readFacts({ input: buffer, extension, size: buffer.byteLength, tail: async () => buffer.subarray(-64) });
}

const remembered = new Map<string, { version: string; facts: PictureFacts }>();

/** The facts of every picture in filer/ (by extension), by path there. */
export async function inspectPictures(listing: AttachmentListing): Promise<ReadonlyMap<string, PictureFacts>> {
  const facts = new Map<string, PictureFacts>();
  for (const attachment of listing.values()) {
    if (attachment.link || !PICTURE_EXTENSIONS.has(extensionOf(attachment.path))) continue;
    const version = `${attachment.size}:${attachment.mtimeMs}`;
    let known = remembered.get(attachment.file);
    if (known?.version !== version) {
      const { file, size } = attachment;
      const tail = async () => (await fileEnds(file, size, { tail: 64 })).tail;
      known = { version, facts: await readFacts({ input: file, extension: extensionOf(attachment.path), size, tail }) };
      remembered.set(attachment.file, known);
    }
    facts.set(attachment.path, known.facts);
  }
  return facts;
}
