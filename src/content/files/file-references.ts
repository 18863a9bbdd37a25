/**
 * The content's references to files in filer/, resolved: a project's lead picture and documents,
 * the pictures in every body, the site's logo. Each reference is checked (attachments.ts), and
 * what the pages need is collected: the pictures to process, the documents with their format,
 * size and, for PDFs, what they lack; the accessibility statement's lists; and the files that
 * nothing refers to.
 */
import { formatFieldPath, type ContentError } from "../model/errors.ts";
import { basename } from "node:path";
import { joinSwedish } from "../../format/swedish-list.ts";
import { ATTACHMENTS_FOLDER, PROJECTS_FOLDER } from "../reading/content-tree.ts";
import {
  AttachmentChecker,
  attachmentPathOf,
  attachmentUrl,
  bodyPictures,
  DOCUMENT_FORMATS,
  extensionOf,
  filerPathsIn,
  unreferenced,
  type AttachmentListing,
} from "./attachments.ts";
import type { ValidatedFile } from "../model/content-file.ts";
import type { AccessibilityPage, ArchiveFiles, Attachment, ListedDocument, Picture, ProjectDocument, ProjectLink } from "../model/model.ts";
import { pdfShortcomings, type PdfFacts } from "./pdf-accessibility.ts";
import type { PictureFacts } from "./picture-facts.ts";
import type { DocumentData, PictureData } from "../model/schema.ts";

/** Office documents published before this day are exempt from the accessibility requirements (2018:1937, 4 §). */
const EXEMPTION_DATE = "2018-09-23";

/** The files of filer/ and what was read of its PDFs, for the references to be checked against. */
export interface FilesFound {
  readonly listing: AttachmentListing;
  readonly pdfs: ReadonlyMap<string, PdfFacts>;
  /** What was read of each picture's header (picture-facts.ts); absent in tests that have no pictures. */
  readonly pictures?: ReadonlyMap<string, PictureFacts>;
  /** Office documents and text files that are not what their names say (document-kinds.ts), with why. */
  readonly documents?: ReadonlyMap<string, string>;
}

/**
 * Calls `visit` with every string in front matter that names filer/: a link to /filer/… in any
 * field or setting is a reference too. Walks without building lists, since it sees every file.
 */
function forEachFilerString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === "string") {
    if (value.includes("filer/")) visit(value);
  } else if (Array.isArray(value)) {
    for (const item of value) forEachFilerString(item, visit);
  } else if (value && typeof value === "object") {
    for (const key in value) forEachFilerString((value as Record<string, unknown>)[key], visit);
  }
}

export class FileReferences {
  readonly errors: ContentError[] = [];
  private readonly checker: AttachmentChecker;
  private readonly pictures = new Map<string, Attachment>();
  private readonly listed: ListedDocument[] = [];
  private readonly draftListed: ListedDocument[] = [];
  /** The project files that link each file under filer/, by its path there: a file two projects link may be one's upload replacing the other's. */
  private readonly linkingProjects = new Map<string, Set<string>>();

  constructor(
    private readonly found: FilesFound,
    maxMegabytes: number,
    /** `markdown.allowHtml`: then an `<img>` in a body is a picture too. */
    private readonly allowHtml = false,
  ) {
    this.checker = new AttachmentChecker(found.listing, maxMegabytes);
  }

  /** A picture named in front matter: a project's lead picture or the site's logo. */
  picture(source: ValidatedFile, fieldPath: PropertyKey[], data: Pick<PictureData, "file" | "alt">): Picture | undefined {
    const report = this.at(source, [...fieldPath, "file"]);
    const attachment = this.usable(this.checker.picture(data.file, report), report);
    if (!attachment) return undefined;
    this.pictures.set(attachment.path, attachment);
    return { path: attachment.path, alt: data.alt };
  }

  /** A project's documents, each with its format and size; the same file twice is an error. */
  documents(source: ValidatedFile, documents: readonly DocumentData[], project: ProjectLink | undefined): ProjectDocument[] {
    const seen = new Map<string, number>();
    return documents.flatMap((document, index) => {
      const fieldPath = ["documents", index, "file"];
      const earlier = seen.get(document.file);
      if (earlier !== undefined) {
        this.at(source, fieldPath)(`filer/${document.file} står redan som documents[${earlier}]; ta bort den ena`);
        return [];
      }
      seen.set(document.file, index);
      const report = this.at(source, fieldPath);
      const attachment = this.usable(this.checker.document(document.file, report), report);
      if (!attachment) return [];
      const isPdf = extensionOf(attachment.path) === "pdf";
      const facts = isPdf ? (this.found.pdfs.get(attachment.path) ?? { tagged: false, unreadable: "PDF:en har inte lästs" }) : undefined;
      // A visitor would get a file that does not open (a PDF that cannot be read, an office file that
      // is something else): an error, where the accessibility statement would only list it.
      const unopenable = facts?.unreadable ?? this.found.documents?.get(attachment.path);
      if (unopenable) {
        report(`${ATTACHMENTS_FOLDER}/${attachment.path} går inte att öppna: ${unopenable}`);
        return [];
      }
      const resolved: ProjectDocument = {
        title: document.title,
        url: attachmentUrl(attachment.path),
        format: DOCUMENT_FORMATS[extensionOf(attachment.path)]!,
        size: attachment.size,
        ...(document.lang ? { lang: document.lang } : {}),
        ...(document.published ? { published: document.published } : {}),
        shortcomings: facts ? pdfShortcomings(facts) : [],
        ...(document.category ? { category: document.category } : {}),
      };
      if (project && resolved.shortcomings.length > 0) {
        this.listed.push({ ...resolved, project, sourcePath: source.file, line: source.locate(fieldPath), field: formatFieldPath(fieldPath) });
      }
      return [resolved];
    });
  }

  /**
   * The pictures of a body: each needs a text alternative (WCAG 1.1.1) and must be a file in
   * filer/, since the site's security policy shows no picture from another site.
   */
  private bodyPictures(source: ValidatedFile): void {
    for (const picture of bodyPictures(source.body)) {
      const report = (message: string) => this.errors.push({ file: source.file, line: source.bodyLine + picture.line, field: "brödtext", message });
      const relative = attachmentPathOf(picture.src);
      if (!picture.alt) {
        report(`bilden ${picture.src} saknar alternativtext: skriv vad bilden visar inom hakparenteserna, ![Så här såg det ut](${picture.src}) (WCAG 1.1.1)`);
      }
      if (relative) {
        const attachment = this.usable(this.checker.picture(relative, report), report);
        if (attachment) this.pictures.set(attachment.path, attachment);
      } else if (/^https?:\/\//i.test(picture.src)) {
        report(`bilder från andra webbplatser visas inte; ladda upp bilden till filer/ och skriv ![…](/filer/namn.jpg)`);
      } else {
        report(`bildens adress ska börja med /filer/, till exempel ![…](/filer/namn.jpg), inte ${picture.src}`);
      }
    }
  }

  /**
   * Addresses in a body that Markdown cannot read as one: `![Karta](/filer/karta 2.png)` shows as
   * text, since an address ends at its first space. The corrected line puts it inside < >.
   */
  private addressesWithSpaces(source: ValidatedFile): void {
    if (!source.body.includes("filer/")) return;
    for (const [index, line] of source.body.split("\n").entries()) {
      for (const match of line.matchAll(/(!?)\[([^\]]*)\]\((\/?filer\/[^()<>"']*?\s[^()<>"']*?)\)/g)) {
        const [written, bang, text, address] = match as unknown as [string, string, string, string];
        const corrected = `${bang}[${text}](<${address}>)`;
        this.errors.push({
          file: source.file,
          line: source.bodyLine + index,
          field: "brödtext",
          message: `adressen ${address} har mellanslag, så ${bang ? "bilden" : "länken"} visas som text; skriv den inom < >: ${line.replace(written, corrected).trim()}`,
        });
      }
    }
  }

  /** With `allowHtml`: an `<img>` from another site, which the site's security policy would block. */
  private htmlPictures(source: ValidatedFile): void {
    if (!this.allowHtml || !/<img\b/i.test(source.body)) return;
    for (const [index, line] of source.body.split("\n").entries()) {
      for (const match of line.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
        const src = match[1]!;
        if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) continue;
        this.errors.push({
          file: source.file,
          line: source.bodyLine + index,
          field: "brödtext",
          message: `bilder från andra webbplatser visas inte (${src}); ladda upp bilden till filer/ och skriv ![…](/filer/namn.jpg)`,
        });
      }
    }
  }

  /** A page's text: the pictures of its body, and its links to files. */
  page(source: ValidatedFile): void {
    this.bodyPictures(source);
    this.addressesWithSpaces(source);
    this.htmlPictures(source);
    this.references(source);
  }

  /**
   * A draft's PDFs that the accessibility statement will list once the draft is published: a
   * warning now, while the PDF can still be replaced, rather than at publishing.
   */
  draftDocuments(source: ValidatedFile, documents: readonly DocumentData[], project: ProjectLink): void {
    for (const [index, document] of documents.entries()) {
      const attachment = this.checker.find(document.file);
      if (!attachment || extensionOf(attachment.path) !== "pdf") continue;
      const facts = this.found.pdfs.get(attachment.path);
      const shortcomings = facts ? pdfShortcomings(facts) : [];
      if (shortcomings.length === 0) continue;
      const fieldPath = ["documents", index, "file"];
      this.draftListed.push({
        title: document.title,
        url: attachmentUrl(attachment.path),
        format: "PDF",
        size: attachment.size,
        shortcomings,
        project,
        sourcePath: source.file,
        line: source.locate(fieldPath),
        field: formatFieldPath(fieldPath),
      });
    }
  }

  /**
   * A draft's pictures (its lead picture and those of its body), checked by their bytes although
   * they are made only when the draft is published: an SVG with a script saved as .avif is refused
   * now, not when an editor publishes what the importer wrote. A missing file is left for then.
   */
  draftPictures(source: ValidatedFile, image: Pick<PictureData, "file"> | undefined): void {
    if (image) {
      const attachment = this.checker.find(image.file);
      if (attachment) this.usable(attachment, this.at(source, ["image", "file"]));
    }
    for (const picture of bodyPictures(source.body)) {
      const relative = attachmentPathOf(picture.src);
      const attachment = relative === undefined ? undefined : this.checker.find(relative);
      if (attachment) this.usable(attachment, (message) => this.errors.push({ file: source.file, line: source.bodyLine + picture.line, field: "brödtext", message }));
    }
  }

  /** Links to files anywhere in a file, and (for a draft, which is not otherwise checked) its files. */
  references(source: ValidatedFile, draftFiles: readonly string[] = []): void {
    // Without files in filer/ nothing can be unreferenced: the walk is skipped (44 ms at N=10,000).
    if (this.found.listing.size === 0) return;
    const linked = new Set<string>();
    const add = (text: string) => {
      for (const relative of filerPathsIn(text)) linked.add(relative);
    };
    add(source.body);
    forEachFilerString(source.data, add);
    for (const relative of draftFiles) linked.add(relative);
    for (const relative of linked) {
      this.checker.referenced.add(relative);
      if (source.kind !== "project") continue;
      const path = this.checker.find(relative)?.path ?? relative.normalize("NFC");
      const projects = this.linkingProjects.get(path) ?? new Set<string>();
      projects.add(source.file);
      this.linkingProjects.set(path, projects);
    }
  }

  /** Files under filer/ that more than one project links, each with the project files, in order. */
  private sharedFiles(): ArchiveFiles["shared"] {
    return [...this.linkingProjects]
      .filter(([, projects]) => projects.size > 1)
      .map(([path, projects]) => ({ path, projects: [...projects].sort() }))
      .sort((a, b) => a.path.localeCompare(b.path, "sv"));
  }

  /**
   * Everything collected so far, as text: two files whose text gives the same are interchangeable
   * as far as the files are concerned (the same pictures to make, files referred to and documents
   * listed in the accessibility statement, with their project's title and line).
   */
  collected(): string {
    return JSON.stringify([[...this.checker.referenced].sort(), [...this.pictures.keys()].sort(), this.listed, this.sharedFiles()]);
  }

  /** What the archive keeps of the files, once every file's references were checked. */
  result(): ArchiveFiles {
    const byProject = (a: ListedDocument, b: ListedDocument) => a.project.title.localeCompare(b.project.title, "sv") || a.title.localeCompare(b.title, "sv");
    const exempt = (document: ListedDocument) => document.published !== undefined && document.published < EXEMPTION_DATE;
    return {
      pictures: this.pictures,
      unreferenced: unreferenced(this.found.listing, this.checker.referenced),
      statement: {
        inaccessible: this.listed.filter((document) => !exempt(document)).sort(byProject),
        exempt: this.listed.filter(exempt).sort(byProject),
      },
      withMetadata: [...(this.found.pictures ?? [])].flatMap(([relative, facts]) => (facts.metadata && !facts.unusable ? [this.found.listing.get(relative)!] : [])),
      draftDocuments: this.draftListed,
      shared: this.sharedFiles(),
      decomposedNames: [...this.found.listing.values()].filter((attachment) => !attachment.link && attachment.path !== attachment.path.normalize("NFC")),
    };
  }

  /** A picture the build could not use (picture-facts.ts) is an error where it is named, as the build would fail on it. */
  private usable(attachment: Attachment | undefined, report: (message: string) => void): Attachment | undefined {
    const unusable = attachment && this.found.pictures?.get(attachment.path)?.unusable;
    if (!unusable) return attachment;
    report(`${ATTACHMENTS_FOLDER}/${attachment.path} kan inte visas: ${unusable}`);
    return undefined;
  }

  private at(source: ValidatedFile, fieldPath: PropertyKey[]) {
    return (message: string) => this.errors.push({ file: source.file, line: source.locate(fieldPath), field: formatFieldPath(fieldPath), message });
  }
}


/** What a PDF lacks, as a clause: "saknar taggar och titel", "går inte att läsa". */
export function shortcomingText(shortcomings: readonly string[]): string {
  const lacks = shortcomings.filter((lack) => lack !== "går inte att läsa");
  return lacks.length < shortcomings.length ? "går inte att läsa" : `saknar ${joinSwedish(lacks)}`;
}

/**
 * The warnings `npm run check` prints about files: each PDF that the accessibility statement lists,
 * and each file in filer/ that nothing refers to. Warnings do not stop a build.
 */
export function fileWarnings(files: ArchiveFiles, statement: AccessibilityPage): ContentError[] {
  const listed = (document: ListedDocument, where: string): ContentError => ({
    file: document.sourcePath,
    ...(document.line ? { line: document.line } : {}),
    field: document.field,
    // The file as its editor named it, never its address: "filer/Slutrapport (2011).pdf", not "%20".
    message: `PDF:en ${decodeURIComponent(document.url.slice(1))} ${shortcomingText(document.shortcomings)} och listas i tillgänglighetsredogörelsen ${where}`,
  });
  return [
    ...files.statement.inaccessible.map((document) =>
      listed(document, "som innehåll som inte är tillgängligt; ersätt den med en tillgänglig PDF om det går (se redaktörsguiden)"),
    ),
    ...files.statement.exempt.map((document) => listed(document, "under undantaget för dokument publicerade före den 23 september 2018")),
    ...files.draftDocuments.map((document) => ({
      ...listed(document, ""),
      message: `PDF:en ${decodeURIComponent(document.url.slice(1))} ${shortcomingText(document.shortcomings)}; när utkastet publiceras listas den i tillgänglighetsredogörelsen, så ersätt den gärna med en tillgänglig PDF innan dess (se redaktörsguiden)`,
    })),
    // What the site says about itself must be true: a listed PDF is a known shortcoming.
    ...(files.statement.inaccessible.length > 0 && statement.statement.compliance === "helt förenlig"
      ? [
          {
            file: statement.sourcePath,
            field: "compliance",
            message:
              files.statement.inaccessible.length === 1
                ? "redogörelsen säger att webbplatsen är helt förenlig, men listar en PDF som inte är tillgänglig; skriv compliance: delvis förenlig tills den är ersatt"
                : `redogörelsen säger att webbplatsen är helt förenlig, men listar ${files.statement.inaccessible.length} PDF:er som inte är tillgängliga; skriv compliance: delvis förenlig tills de är ersatta`,
          },
        ]
      : []),
    // Uploads in the web editor go to filer/<project>/, so two projects linking one file is either
    // deliberate or a slip (a link copied from another project): said, so that it is a choice.
    ...files.shared.map(({ path, projects }) => ({
      file: projects.at(-1)!,
      message: `${ATTACHMENTS_FOLDER}/${path} länkas från ${projects.length} projekt (${joinSwedish(projects.map((file) => `${PROJECTS_FOLDER}/${basename(file)}`))}); är det meningen att de delar den går det bra, annars ladda upp en egen fil till varje projekt`,
    })),
    ...files.unreferenced.map((attachment) => ({
      file: attachment.file,
      message: "ingen sida eller inställning länkar till filen; länka den, till exempel som dokument i ett projekt, eller ta bort den",
    })),
  ];
}
