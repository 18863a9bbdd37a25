/**
 * The importer's report: for each file it writes, which field each piece of the page went into,
 * what was guessed, what a person must check, and what was dropped and why. One report, shown as
 * Swedish text in the terminal or as JSON with `--json`.
 */
import type { ContentArea, Dropped } from "./blocks.ts";

/** A piece of the page and the field it went into. */
export interface Placed {
  readonly field: string;
  readonly from: string;
}

/** A value that the importer read from a sentence or a pattern rather than from the page's structure. */
export interface Guessed {
  readonly field: string;
  readonly value: string;
  readonly from: string;
}

export interface FileReport {
  /** The file's path in the content folder: "projekt/vinna-vinna.md". */
  readonly file: string;
  readonly placed: Placed[];
  readonly guessed: Guessed[];
  readonly check: string[];
  readonly dropped: Dropped[];
}

/** A page the import read, and what it was. */
export interface PageRead {
  readonly source: string;
  readonly address: string | undefined;
  readonly sitevision: boolean;
  readonly contentArea: ContentArea;
  /** An index of project pages, one project's page, or a page of several projects. */
  readonly kind: "index" | "project" | "projects";
  /** How many projects it gave. */
  readonly projects: number;
}

/** A project page an index links to: the file it became, or why it was not imported. */
export interface LinkedPage {
  readonly address: string;
  readonly text: string;
  readonly file?: string;
  readonly reason?: string;
}

export interface ImportReport {
  /** The saved file or the address that was read. */
  readonly source: string;
  /** The page's own address, where known. */
  readonly address: string | undefined;
  readonly sitevision: boolean;
  /** Where the content area was found. */
  readonly contentArea: ContentArea;
  /** Every page read, the first named by the fields above (an index, where there is one). */
  readonly pages: PageRead[];
  /** The project pages an index links to, and what became of each. */
  readonly linked: LinkedPage[];
  /** What concerns the whole page: not Sitevision, no content area. */
  readonly warnings: string[];
  readonly files: FileReport[];
  /** What was dropped outside any one file: navigation, scripts, the old cookie notice. */
  readonly dropped: Dropped[];
  /** Files a saved page links that were not in its folder and were not fetched, as the page writes them: --origin fetches them. */
  readonly notFetched: string[];
  /** Files written, and files that existed and were left alone (without --force). */
  written: string[];
  left: string[];
  readonly dryRun: boolean;
}

/** An empty report for one file. */
export const fileReport = (file: string): FileReport => ({ file, placed: [], guessed: [], check: [], dropped: [] });

const quoted = (text: string) => `”${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;

/** "navigation ”Startsida Om oss …” (12 ord): reason"; a region left out whole says how many words it had. */
function droppedLine(item: Dropped): string {
  const words = item.words === undefined ? "" : ` (${item.words} ord)`;
  return item.text ? `${item.what} ${quoted(item.text)}${words}: ${item.reason}` : `${item.what}${words}: ${item.reason}`;
}

const CONTENT_AREAS: Readonly<Record<ContentArea, string>> = {
  pagecontent: "innehållsytan (.pagecontent)",
  main: "huvudinnehållet (main)",
  cell: "cellen i sidans layouttabell som har rubrikerna",
  body: "hela sidan",
};

const PAGE_KINDS = { index: "en förteckning över projektsidor", project: "ett projekts sida", projects: "en sida med flera projekt" } as const;

/** "källa (adress): Sitevision, innehållsytan (.pagecontent)" */
const pageLine = (page: Pick<PageRead, "source" | "address" | "sitevision" | "contentArea">) =>
  `${page.source}${page.address && page.address !== page.source ? ` (${page.address})` : ""}: ${page.sitevision ? "Sitevision" : "inte Sitevision"}, ${CONTENT_AREAS[page.contentArea]}`;

/** Lines said more than once (the same spacer under every heading) as one line, with how many times. */
function counted(lines: readonly string[]): string[] {
  const times = new Map<string, number>();
  for (const line of lines) times.set(line, (times.get(line) ?? 0) + 1);
  return [...times].map(([line, count]) => (count > 1 ? `${line} (${count} gånger)` : line));
}

/** The report as the terminal shows it, in Swedish. */
export function formatImportReport(report: ImportReport): string {
  const lines = report.pages.length > 1 ? [`Läste ${report.pages.length} sidor:`, ...report.pages.map((page) => `  - ${pageLine(page)}; ${PAGE_KINDS[page.kind]}, ${page.projects} projekt`)] : [`Läste ${pageLine(report)}.`];
  for (const warning of report.warnings) lines.push(`Varning: ${warning}`);
  if (report.linked.length > 0) {
    lines.push("", `Förteckningen länkar till ${report.linked.length} ${report.linked.length === 1 ? "sida" : "sidor"}:`);
    for (const page of report.linked) lines.push(`  - ${page.text || page.address} (${page.address})${page.file ? ` → ${page.file}` : `: ${page.reason}`}`);
  }
  for (const file of report.files) {
    lines.push("", file.file);
    const section = (title: string, items: string[]) => {
      if (items.length === 0) return;
      lines.push(`  ${title}:`);
      for (const item of items) lines.push(`    - ${item}`);
    };
    section("Fält", file.placed.map((item) => `${item.field} ← ${quoted(item.from)}`));
    section("Gissat", file.guessed.map((item) => `${item.field}: ${quoted(item.value)}, läst ur ${quoted(item.from)}`));
    section("Kontrollera", file.check);
    section("Borttaget", counted(file.dropped.map(droppedLine)));
  }
  if (report.dropped.length > 0) {
    lines.push("", "Borttaget från sidan:");
    for (const line of counted(report.dropped.map(droppedLine))) lines.push(`  - ${line}`);
  }
  if (report.notFetched.length > 0) {
    lines.push("", "Hämtades inte (finns inte i den sparade mappen; --origin hämtar dem):");
    for (const address of report.notFetched) lines.push(`  - ${address}`);
  }
  lines.push("");
  if (report.dryRun) {
    lines.push(`Provkörning (--dry-run): ingenting skrevs. ${report.written.length} filer skulle skrivas.`);
  } else {
    lines.push(`Skrev ${report.written.length} ${report.written.length === 1 ? "fil" : "filer"}.`);
  }
  if (report.left.length > 0) {
    lines.push(`Lämnade ${report.left.length} befintliga ${report.left.length === 1 ? "fil" : "filer"} orörda (skriv över med --force):`);
    for (const file of report.left) lines.push(`  - ${file}`);
  }
  if (!report.dryRun && report.written.length > 0) {
    lines.push("Allt som importerades är utkast. Nästa steg: npm start, läs varje utkast i förhandsgranskningen, kontrollera med npm run check och ta bort draft: true när projektet ska publiceras.");
  }
  return lines.join("\n");
}
