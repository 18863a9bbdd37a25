/**
 * The files in the content folder's filer/: documents and pictures that pages link to. This module
 * lists them, says which kinds the site publishes, checks every reference to one (that it exists,
 * is of an accepted kind and not too large), finds the pictures in Markdown bodies, and finds the
 * files that nothing refers to.
 */
import { lstat, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { DOCUMENT_FORMATS } from "../../format/document-formats.ts";
import { formatFileSize, megabytes } from "../../format/file-size.ts";
import type { ContentError } from "../model/errors.ts";
import type { Attachment } from "../model/model.ts";
import { ATTACHMENTS_FOLDER } from "../reading/content-tree.ts";
import { lineOf, markdownReader } from "../reading/markdown-options.ts";
import { didYouMean } from "../model/suggest.ts";

/** Every file in filer/, by its path there. */
export type AttachmentListing = ReadonlyMap<string, Attachment>;

/**
 * The published address of a file in filer/: under its name's composed Unicode form (NFC), which a
 * build publishes a file saved in the decomposed form (macOS) under (plugin.ts).
 */
export const attachmentUrl = (relative: string) => `/${ATTACHMENTS_FOLDER}/${relative.normalize("NFC").split("/").map(encodeURIComponent).join("/")}`;

export { DOCUMENT_FORMATS } from "../../format/document-formats.ts";

/** Pictures that are shown on pages: each is resized and converted (src/eleventy/images.ts). */
export const PICTURE_EXTENSIONS: ReadonlySet<string> = new Set(["jpg", "jpeg", "png", "webp", "avif", "gif"]);

const DOCUMENT_LIST = "PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text, CSV och bilder i JPEG, PNG, WebP, AVIF eller GIF";

const SVG_MESSAGE =
  "SVG-filer kan inte publiceras, eftersom ett skript i en SVG-fil körs på webbplatsen när filen öppnas; spara bilden som PNG i stället";

export const extensionOf = (file: string) => path.extname(file).slice(1).toLowerCase();

/**
 * Lists filer/ (an absent folder is an empty list). Hidden files and folders are listed too, since
 * the whole folder is published: they are checked as any other file (refusedAttachments), but
 * never counted as files that nothing links to.
 */
export async function listAttachments(contentDir: string): Promise<AttachmentListing> {
  const root = path.join(contentDir, ATTACHMENTS_FOLDER);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => ({ file: path.join(entry.parentPath, entry.name), link: entry.isSymbolicLink() }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  const listing = await Promise.all(
    files.map(async ({ file, link }): Promise<Attachment | undefined> => {
      const relative = path.relative(root, file).split(path.sep).join("/");
      const hidden = relative.split("/").some((part) => part.startsWith("."));
      // A link outside hidden folders has been checked with the content tree (content-tree.ts); one inside is refused.
      if (link && hidden) {
        const info = await lstat(file);
        return { path: relative, file, size: 0, mtimeMs: info.mtimeMs, hidden: true, link: true };
      }
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      return { path: relative, file, size: info.size, mtimeMs: info.mtimeMs, ...(hidden ? { hidden: true as const } : {}) };
    }),
  );
  return new Map(listing.flatMap((entry) => (entry ? [[entry.path, entry] as const] : [])));
}

/** Kinds that a browser runs as a page, with scripts, when the file is opened by its address. */
const ACTIVE_DOCUMENTS = new Set(["html", "htm", "xhtml", "xht", "xhtm", "shtml", "xml", "xsl", "xslt", "mht", "mhtml"]);

/**
 * Files in filer/ that must not be published at all, linked or not: everything there is served
 * from the site's own address, and an SVG, HTML or XML file opened there runs its scripts as the
 * site. Hidden files and folders are no exception, and no symbolic link is published.
 */
export function refusedAttachments(listing: AttachmentListing): ContentError[] {
  return [...nameCollisions(listing), ...[...listing.values()].flatMap((attachment) => {
    if (attachment.link) {
      return [{ file: attachment.file, message: "länkar kan inte publiceras i filer/, inte heller i en dold mapp: lägg filen här i stället, eller ta bort länken" }];
    }
    const extension = extensionOf(attachment.path);
    if (extension === "svg" || extension === "svgz") return [{ file: attachment.file, message: SVG_MESSAGE }];
    if (ACTIVE_DOCUMENTS.has(extension)) {
      return [{ file: attachment.file, message: `${extension.toUpperCase()}-filer kan inte publiceras i filer/, eftersom ett skript i filen körs på webbplatsen när filen öppnas; spara innehållet som PDF eller skriv det som en sida` }];
    }
    return [];
  })];
}

/** A name as Windows and macOS compare names: in one Unicode form, whatever the case. */
const comparableName = (relative: string) => relative.normalize("NFC").toLocaleLowerCase("sv");

/**
 * Two files whose names differ only in case (slutrapport.pdf, Slutrapport.pdf) or only in Unicode
 * form (ö written as one character, or as o and two dots, as macOS saves it): on Windows and macOS
 * one overwrites the other when the repository is checked out, and which one a link reaches
 * depends on the machine. An error on the second, naming both.
 */
function nameCollisions(listing: AttachmentListing): ContentError[] {
  const first = new Map<string, Attachment>();
  const errors: ContentError[] = [];
  for (const attachment of listing.values()) {
    const key = comparableName(attachment.path);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, attachment);
      continue;
    }
    const onlyForm = earlier.path.normalize("NFC") === attachment.path.normalize("NFC");
    errors.push({
      file: attachment.file,
      message: onlyForm
        ? `filen finns två gånger, ${ATTACHMENTS_FOLDER}/${earlier.path} och den här, med namnet skrivet på två sätt i Unicode (som macOS och Windows sparar å, ä och ö); ta bort den ena`
        : `${ATTACHMENTS_FOLDER}/${earlier.path} och ${ATTACHMENTS_FOLDER}/${attachment.path} skiljer sig bara i stora och små bokstäver, och på Windows och macOS skriver den ena över den andra; byt namn på den ena eller ta bort den`,
    });
  }
  return errors;
}

/** Files that a computer leaves in folders by itself, with what made them. */
const SYSTEM_FILES: Readonly<Record<string, string>> = {
  ".ds_store": "Finder i macOS",
  "thumbs.db": "Utforskaren i Windows",
  "desktop.ini": "Utforskaren i Windows",
};

/**
 * The one allow-list of filer/, hidden files and folders included: documents and pictures of the
 * kinds a page may link (each also checked by its content: pdf-accessibility.ts, picture-facts.ts,
 * document-kinds.ts), scripts that a consent category loads, and `.gitkeep`. Everything else is an
 * error naming the file, linked or not, since everything in filer/ is published.
 */
export function filesOutsideAllowList(listing: AttachmentListing, consentScripts: ReadonlySet<string>): ContentError[] {
  return [...listing.values()].flatMap((attachment) => {
    const extension = extensionOf(attachment.path);
    const name = path.posix.basename(attachment.path).toLowerCase();
    if (attachment.link || extension === "svg" || extension === "svgz" || ACTIVE_DOCUMENTS.has(extension)) return []; // refusedAttachments
    if (DOCUMENT_FORMATS[extension] || name === ".gitkeep") return [];
    if (extension === "js" && consentScripts.has(attachment.path.normalize("NFC"))) return [];
    const madeBy = SYSTEM_FILES[name];
    return [
      {
        file: attachment.file,
        message: madeBy
          ? `filen skapas av ${madeBy} och ska inte publiceras; ta bort den (och lägg gärna ${path.posix.basename(attachment.path)} i .gitignore)`
          : `filtypen ${extension ? `.${extension}` : "utan filändelse"} kan inte publiceras i filer/; tillåtna är ${DOCUMENT_LIST}, och skript som en kakkategori i site.yaml laddar`,
      },
    ];
  });
}

/** The files of filer/ that no file names, which `check` warns about and `review` lists. */
export function unreferenced(listing: AttachmentListing, referenced: ReadonlySet<string>): Attachment[] {
  const named = new Set([...referenced].map((relative) => relative.normalize("NFC")));
  return [...listing.values()].filter((attachment) => !attachment.hidden && !named.has(attachment.path.normalize("NFC")));
}

/** Where a problem with a reference is reported: the field or line that names the file. */
type Report = (message: string) => void;

/** Checks references to files in filer/, and remembers which files were referenced. */
export class AttachmentChecker {
  readonly referenced = new Set<string>();

  constructor(
    private readonly listing: AttachmentListing,
    private readonly maxMegabytes: number,
  ) {}

  /** A file linked as a document: any accepted kind. */
  document(relative: string, report: Report): Attachment | undefined {
    const attachment = this.existing(relative, report);
    if (!attachment) return undefined;
    const extension = extensionOf(relative);
    if (extension === "svg") return fail(report, SVG_MESSAGE);
    if (!DOCUMENT_FORMATS[extension]) {
      return fail(report, `filtypen ${extension ? `.${extension}` : "utan filändelse"} kan inte publiceras här; tillåtna är ${DOCUMENT_LIST}`);
    }
    return this.withinLimit(attachment, report);
  }

  /** A file shown as a picture. */
  picture(relative: string, report: Report): Attachment | undefined {
    const attachment = this.existing(relative, report);
    if (!attachment) return undefined;
    const extension = extensionOf(relative);
    if (extension === "svg") return fail(report, SVG_MESSAGE);
    if (!PICTURE_EXTENSIONS.has(extension)) {
      return fail(report, `bara bilder i JPEG, PNG, WebP, AVIF eller GIF kan visas, inte filtypen ${extension ? `.${extension}` : "utan filändelse"}`);
    }
    return this.withinLimit(attachment, report);
  }

  /** The file a reference names, whichever Unicode form the name was typed and saved in; nothing is recorded or reported. */
  find(relative: string): Attachment | undefined {
    return this.listing.get(relative) ?? this.byNfc().get(relative.normalize("NFC"));
  }

  private existing(relative: string, report: Report): Attachment | undefined {
    this.referenced.add(relative);
    const attachment = this.find(relative);
    if (!attachment) report(`filen ${ATTACHMENTS_FOLDER}/${relative} finns inte${didYouMean(relative, this.listing.keys())}`);
    return attachment;
  }

  private byNfc(): ReadonlyMap<string, Attachment> {
    return (this.#byNfc ??= new Map([...this.listing.values()].map((attachment) => [attachment.path.normalize("NFC"), attachment])));
  }

  #byNfc?: Map<string, Attachment>;

  private withinLimit(attachment: Attachment, report: Report): Attachment | undefined {
    if (attachment.size <= megabytes(this.maxMegabytes)) return attachment;
    return fail(
      report,
      `filen är ${formatFileSize(attachment.size)}, men högst ${this.maxMegabytes.toLocaleString("sv-SE")} MB är tillåtet (maxFileMegabytes i _data/site.yaml); gör filen mindre, till exempel genom att spara PDF:en för webben eller minska bilden`,
    );
  }
}

function fail(report: Report, message: string): undefined {
  report(message);
  return undefined;
}

/** A picture written in a Markdown body: `![alt](src)`. */
export interface BodyPicture {
  readonly src: string;
  readonly alt: string;
  /** 0-based line of the body. */
  readonly line: number;
}

/** The pictures of a Markdown body, with their lines. Raw HTML is not searched (see markdown.ts). */
export function bodyPictures(body: string): BodyPicture[] {
  if (!body.includes("![")) return [];
  const lines = body.split("\n");
  return markdownReader.parse(body, {}).flatMap((token) =>
    (token.children ?? [])
      .filter((child) => child.type === "image")
      .map((image) => {
        const src = String(image.attrGet("src") ?? "");
        return { src, alt: image.content.trim(), line: lineOf(lines, src, token.map ?? [0, lines.length]) };
      }),
  );
}

/** The path under filer/ that a picture's address names, or undefined for any other address. */
export function attachmentPathOf(src: string): string | undefined {
  const match = /^\/?filer\/([^?#]+)$/.exec(src);
  return match ? decodedPath(match[1]!) : undefined;
}

/** A path with its %-escapes decoded, or as written when they are not valid. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Every path under filer/ that a text links to: `/filer/…` in Markdown, a URL or a script list. */
export function filerPathsIn(text: string): string[] {
  if (!text.includes("filer/")) return [];
  return [...text.matchAll(/(?:^|[\s("'<[=])\/?filer\/([^\s)"'<>\]?#]+)/g)].map((match) => decodedPath(match[1]!));
}
