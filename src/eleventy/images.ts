/**
 * Pictures as pages show them: every picture in filer/ that a page shows (a project's lead
 * picture, a picture in a body, the logo) is made by @11ty/eleventy-img into AVIF and WebP, with
 * the original format as the fallback, at a few widths, and rendered as a <picture> with width
 * and height, so that nothing moves while it loads.
 *
 * Processing is the slow part of a build with pictures (about half a second for a photo), so its
 * results are kept in node_modules/.cache/projektarkiv/bilder/: one small JSON file per picture,
 * named by a hash of the picture's bytes and the settings below, next to the files made from it.
 * A picture whose JSON file and files are there is not processed again, in this build or the next,
 * whatever its file name or content folder. A build copies the files its pages use into /bilder/.
 * A picture no build has used for 30 days is removed from the cache, with its files.
 */
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import type { Attachment } from "../content/model/model.ts";
import { ATTACHMENTS_FOLDER } from "../content/reading/content-tree.ts";
import type { Picture } from "../content/model/model.ts";

/** One made file: a format at a width. */
interface MadeFile {
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly url: string;
  readonly sourceType: string;
  readonly srcset: string;
  readonly filename: string;
}

/** Every made file of one picture, by format ("avif", "webp", "jpeg"), narrowest first. */
export type PictureFiles = Readonly<Record<string, readonly MadeFile[]>>;

/** Widths for a list's thumbnail (and its double), a body column (and its double). */
const WIDTHS = [160, 320, 720, 1440];
const FORMATS = ["avif", "webp", "auto"] as const;
/**
 * AVIF at sharp's effort 2 instead of 4: measured here, a 3000 × 2000 photo is made three times
 * faster, and its AVIF files are 9 % larger (still about half the WebP).
 */
const AVIF = { effort: 2 };
/** The site's folder of made files. */
const PICTURES_FOLDER = "bilder";
const URL_PATH = `/${PICTURES_FOLDER}/`;

const imageVersion = (createRequire(import.meta.url)("@11ty/eleventy-img/package.json") as { version: string }).version;
const SETTINGS = JSON.stringify({ WIDTHS, FORMATS, URL_PATH, AVIF, imageVersion });

/** How the last call of {@link preparePictures} went: for the build's summary and its tests. */
export interface PictureRun {
  readonly processed: number;
  readonly reused: number;
}

/** The processed pictures of the current build, by their path under filer/. */
export class Pictures {
  /** By the path in one Unicode form (NFC): a body may name a file in either form (attachments.ts). */
  private readonly byName: ReadonlyMap<string, PictureFiles>;

  constructor(private readonly files: ReadonlyMap<string, PictureFiles>) {
    this.byName = new Map([...files].map(([relative, made]) => [relative.normalize("NFC"), made]));
  }

  get(relative: string): PictureFiles | undefined {
    return this.files.get(relative) ?? this.byName.get(relative.normalize("NFC"));
  }

  /** Every made file that the pages use, for copying into the site. */
  madeFiles(): string[] {
    return [...new Set([...this.files.values()].flatMap((files) => Object.values(files).flat().map((file) => file.filename)))];
  }
}

/** The made files of one picture, from the cache or made now. */
async function prepare(attachment: Attachment, cacheDir: string, remembered: Map<string, PictureFiles>): Promise<{ files: PictureFiles; processed: boolean }> {
  const version = `${attachment.file}:${attachment.size}:${attachment.mtimeMs}`;
  const known = remembered.get(version);
  if (known) return { files: known, processed: false };
  const bytes = await readFile(attachment.file);
  const key = createHash("sha256").update(SETTINGS).update(bytes).digest("hex").slice(0, 20);
  const record = path.join(cacheDir, `${key}.json`);
  const cached = await readFile(record, "utf8").then((text) => JSON.parse(text) as PictureFiles, () => undefined);
  if (cached && (await allExist(cached, cacheDir))) {
    // Marks the picture as used, for the removal of stale pictures.
    const now = new Date();
    await utimes(record, now, now).catch(() => undefined);
    remembered.set(version, cached);
    return { files: cached, processed: false };
  }
  // Made in a folder of this process's own and moved into the cache file by file, so that builds
  // running at the same time (the tests do) never read a half-written file.
  const staging = path.join(cacheDir, `.${key}.${process.pid}`);
  try {
    // eleventy-img's own cache in memory is off: this module's cache does its work, and that one
    // would hold every picture's buffers until the process ends.
    const options = { widths: WIDTHS, formats: [...FORMATS], outputDir: staging, urlPath: URL_PATH, sharpAvifOptions: AVIF, useCache: false };
    const metadata = (await Image(bytes, options)) as unknown as Record<string, (MadeFile & { outputPath?: string; size?: number })[]>;
    const files: Record<string, MadeFile[]> = {};
    for (const [format, made] of Object.entries(metadata)) {
      files[format] = made.map(({ format: kind, width, height, url, sourceType, srcset, filename }) => ({ format: kind, width, height, url, sourceType, srcset, filename }));
      for (const file of made) await rename(path.join(staging, file.filename), path.join(cacheDir, file.filename));
    }
    await writeFile(`${record}.${process.pid}`, JSON.stringify(files));
    await rename(`${record}.${process.pid}`, record);
    remembered.set(version, files);
    return { files, processed: true };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function allExist(files: PictureFiles, cacheDir: string): Promise<boolean> {
  const checks = Object.values(files).flat().map((file) => stat(path.join(cacheDir, file.filename)).then(() => true, () => false));
  return (await Promise.all(checks)).every(Boolean);
}

let lastRun: PictureRun = { processed: 0, reused: 0 };

/** How many pictures the last build of this process processed, and how many it found in the cache. */
export const lastPictureRun = (): PictureRun => lastRun;

/** Pictures already looked up in this process, by file, size and time: not even read again. */
const rememberedByCache = new Map<string, Map<string, PictureFiles>>();

/** Prepares every picture the pages show, two at a time (sharp uses threads of its own). */
export async function preparePictures(pictures: ReadonlyMap<string, Attachment>, cacheDir: string): Promise<Pictures> {
  lastRun = { processed: 0, reused: 0 };
  if (pictures.size === 0) return new Pictures(new Map());
  await mkdir(cacheDir, { recursive: true });
  const remembered = rememberedByCache.get(cacheDir) ?? new Map<string, PictureFiles>();
  rememberedByCache.set(cacheDir, remembered);
  const entries = [...pictures.values()];
  const prepared = new Map<string, PictureFiles>();
  let processed = 0;
  const next = async (): Promise<void> => {
    const attachment = entries.shift();
    if (!attachment) return;
    const result = await prepare(attachment, cacheDir, remembered);
    prepared.set(attachment.path, result.files);
    if (result.processed) processed++;
    return next();
  };
  await Promise.all([next(), next()]);
  if (!cleanedCaches.has(cacheDir)) {
    cleanedCaches.add(cacheDir);
    await removeStale(cacheDir);
  }
  lastRun = { processed, reused: pictures.size - processed };
  return new Pictures(prepared);
}

/** Pictures that no build has used for this long are removed from the cache. */
const STALE_AFTER_MS = 30 * 24 * 3600 * 1000;
const cleanedCaches = new Set<string>();

/** Removes the pictures of the cache that no build has used for 30 days, once per process. */
async function removeStale(cacheDir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(cacheDir)) {
    if (!name.endsWith(".json")) continue;
    const record = path.join(cacheDir, name);
    const info = await stat(record).catch(() => undefined);
    if (!info || now - info.mtimeMs < STALE_AFTER_MS) continue;
    const files = await readFile(record, "utf8").then((text) => JSON.parse(text) as PictureFiles, () => ({}) as PictureFiles);
    await Promise.all(Object.values(files).flat().map((file) => rm(path.join(cacheDir, file.filename), { force: true })));
    await rm(record, { force: true });
  }
}

/**
 * Puts the made files that the pages use into the site's /bilder/: as hard links to the cache's
 * files where the two folders share a file system, and as copies where they do not. A link makes
 * no new file: for 200 pictures (2,400 files) it took 0.04 s where copying took 0.7 s on this
 * project's disk. The cache's files are never changed once made (each is moved into place whole),
 * so the site's files stay as they were made.
 */
export async function copyPictures(pictures: Pictures, cacheDir: string, outputDir: string): Promise<void> {
  const names = pictures.madeFiles();
  if (names.length === 0) return;
  const target = path.join(outputDir, PICTURES_FOLDER);
  await mkdir(target, { recursive: true });
  await Promise.all(names.map((name) => linkOrCopy(path.join(cacheDir, name), path.join(target, name))));
}

/**
 * Replaces the published copy of each picture that has metadata (picture-facts.ts) with one
 * without it: turned as the camera said (EXIF orientation), with its colour profile, and nothing
 * else of the camera, the owner or the place. Made once per picture into the cache; JPEG at
 * quality 92, PNG and GIF without loss.
 */
export async function publishWithoutMetadata(pictures: readonly Attachment[], cacheDir: string, outputDir: string): Promise<void> {
  if (pictures.length === 0) return;
  const { default: sharp } = await import("sharp");
  const folder = path.join(cacheDir, "utan-metadata");
  await mkdir(folder, { recursive: true });
  await Promise.all(
    pictures.map(async (picture) => {
      const bytes = await readFile(picture.file);
      const extension = path.extname(picture.path).toLowerCase();
      const made = path.join(folder, `${createHash("sha256").update("utan-metadata-1").update(bytes).digest("hex").slice(0, 20)}${extension}`);
      if (!(await stat(made).then(() => true, () => false))) {
        const animated = extension === ".gif" || extension === ".webp";
        let image = sharp(bytes, { animated, limitInputPixels: false });
        if (!animated) image = image.rotate();
        image = image.keepIccProfile();
        const encoded =
          extension === ".png" ? image.png() : extension === ".gif" ? image.gif() : extension === ".webp" ? image.webp({ quality: 90 }) : extension === ".avif" ? image.avif({ quality: 70 }) : image.jpeg({ quality: 92 });
        await encoded.toFile(`${made}.${process.pid}.tmp`);
        await rename(`${made}.${process.pid}.tmp`, made);
      }
      const target = path.join(outputDir, ATTACHMENTS_FOLDER, picture.path.normalize("NFC"));
      await rm(target, { force: true });
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(made, target);
    }),
  );
}

async function linkOrCopy(source: string, target: string, again = true): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      await copyFile(source, target); // another file system (EXDEV), or one without hard links
      return;
    }
    // The preview puts the pictures into the same site after every rebuild. A file in the way that
    // is not this one is removed rather than written over, since it may be a link into the cache.
    const [made, present] = await Promise.all([stat(source), stat(target)]);
    if (made.ino === present.ino && made.dev === present.dev) return;
    await rm(target, { force: true });
    if (again) await linkOrCopy(source, target, false);
  }
}

/** How a picture is shown: at the top of a page, in a body, small in a list, or as the logo. */
export type PictureUse = "lead" | "body" | "thumbnail" | "logo";

/** The width a picture takes on the page, for the browser to choose a file: the `sizes` attribute. */
const COLUMN = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";
const SIZES: Record<Exclude<PictureUse, "logo">, string> = {
  lead: COLUMN,
  body: COLUMN,
  thumbnail: "8rem",
};

/** The logo's height in the header, in CSS pixels (style.css, .site-name img). */
const LOGO_HEIGHT = 48;

/** A <picture> for a picture, or undefined when it was not prepared. */
export function pictureHtml(pictures: Pictures, picture: Picture, use: PictureUse): string | undefined {
  const files = pictures.get(picture.path);
  if (!files) return undefined;
  const largest = Object.values(files)[0]!.at(-1)!;
  const sizes = use === "logo" ? `${Math.round((LOGO_HEIGHT * largest.width) / largest.height)}px` : SIZES[use];
  // The lead picture and the logo are in view when the page opens: loaded at once, the lead first.
  const loading = use === "lead" ? { fetchpriority: "high" } : use === "logo" ? {} : { loading: "lazy", decoding: "async" };
  const attributes = { alt: use === "thumbnail" ? "" : picture.alt, sizes, ...loading };
  return Image.generateHTML(files as never, attributes);
}

/** The picture a page is shared with (og:image): the fallback format at the widest size up to 1440 px. */
export function sharedPicture(pictures: Pictures, picture: Picture): MadeFile | undefined {
  const files = pictures.get(picture.path);
  if (!files) return undefined;
  const fallback = Object.entries(files).find(([format]) => format !== "avif" && format !== "webp")?.[1] ?? Object.values(files)[0]!;
  return fallback.at(-1);
}
