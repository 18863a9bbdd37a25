/**
 * Tables as files: CSV (RFC 4180) with csv-stringify, and Excel workbooks (.xlsx) with exceljs's
 * streaming writer. Both read their columns from src/open-data/project-table.ts.
 */
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type * as ExcelJS from "exceljs";
import type { Cell, Column } from "./project-table.ts";

/** What a workbook needs of a column: its heading and width. */
export type SheetColumn = Pick<Column<never>, "name" | "heading" | "width">;

/**
 * exceljs is large, and only a build that writes the downloads loads it; of it, only the
 * streaming writer (`ExcelJS.stream.xlsx.WorkbookWriter`), which loads in half the time of the
 * whole package with its readers.
 */
const require = createRequire(import.meta.url);

/** Every record ends with CRLF, as RFC 4180 writes them. */
const CSV_OPTIONS = { record_delimiter: "\r\n" } as const;

/**
 * A text cell as a spreadsheet may safely open it. A cell that starts with =, +, -, @, a tab or a
 * carriage return is a formula to Excel, LibreOffice and Google Sheets, which would run
 * `=HYPERLINK("http://…")` in a title (OWASP's "CSV injection"); such a cell gets an apostrophe
 * first, the mark spreadsheets read as "this is text". csv-stringify's `escape_formulas` does the
 * same, but here the rule is applied before the CSV is written, so that the search page's list
 * (download-files.ts), which the browser turns into a CSV, holds exactly the same cells.
 * Numbers are left alone: a year or an amount is never negative.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row's cells as the CSV and the search page's list write them: text made safe, numbers as numerals, nothing as "". */
export function csvCells(row: readonly Cell[]): string[] {
  return row.map((cell) => (cell === undefined ? "" : typeof cell === "number" ? String(cell) : spreadsheetText(cell)));
}

/** One CSV record, with its CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return stringify([cells], CSV_OPTIONS);
}

/** The first line of a CSV file: the byte order mark, so that Excel reads UTF-8, and the headings. */
export function csvHeader(columns: readonly SheetColumn[]): string {
  return stringify([columns.map((column) => column.heading)], { ...CSV_OPTIONS, bom: true });
}

/** The most characters a cell of an Excel workbook may hold; Excel refuses to open a file with more. */
export const MAX_CELL_TEXT = 32_767;

/** Where the row's number goes in a {@link SheetRow} being made: a character XML does not allow, so never in a cell's text. */
const ROW_NUMBER = "\u0000";

/** Characters XML 1.0 does not allow, which a cell's text cannot hold. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const xmlText = (text: string) => text.replace(NOT_IN_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** "A" for the first column, "Z" for the 26th, "AA" for the 27th. */
const columnLetters = (index: number): string => (index < 26 ? "" : columnLetters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/**
 * A row of a sheet as SpreadsheetML (ECMA-376 part 1, 18.3.1.73), made once and written into any
 * workbook at any row number: a project is on many lists, and its row is the same on each but for
 * its number. Numbers are numbers (`<v>`), text is text (an inline string), and an empty cell is
 * left out. Text longer than Excel allows in a cell is cut, with "…" at the end.
 */
export class SheetRow {
  readonly #parts: readonly string[];

  constructor(cells: readonly Cell[]) {
    let xml = `<row r="${ROW_NUMBER}">`;
    cells.forEach((cell, index) => {
      if (cell === undefined || cell === "") return;
      const reference = `${columnLetters(index)}${ROW_NUMBER}`;
      if (typeof cell === "number") {
        xml += `<c r="${reference}"><v>${cell}</v></c>`;
        return;
      }
      const text = cell.length > MAX_CELL_TEXT ? `${cell.slice(0, MAX_CELL_TEXT - 1)}…` : cell;
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      xml += `<c r="${reference}" t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
    });
    this.#parts = `${xml}</row>`.split(ROW_NUMBER);
  }

  /** The row's SpreadsheetML as row `number` of its sheet. */
  xml(number: number): string {
    return this.#parts.join(String(number));
  }
}

/** A sheet of a workbook: its name, columns and rows. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
}

/** What a workbook says about itself (File, Properties in Excel). */
export interface WorkbookProperties {
  readonly title: string;
  /** The organisation that publishes it: creator and company. */
  readonly organisation: string;
  /** The date of its content, YYYY-MM-DD: created and modified, so that two builds of the same content write the same bytes. */
  readonly date: string;
}

/**
 * zlib's fastest level: the sheets are repetitive XML, which it still packs to a ninth (level 6, the
 * default, to a twelfth). At 4,000 projects every workbook together took 0.1-0.15 s less CPU, and
 * the index's workbook was 495 KB against 397 KB.
 */
const DEFLATE_LEVEL = 1;

/** Rows handed to exceljs's worksheet stream at a time. */
const ROWS_PER_WRITE = 500;

/**
 * An Excel workbook of the sheets, as bytes, written by exceljs's streaming writer. Each sheet has
 * its headings in bold in a frozen first row with a filter, and each column the width its
 * definition gives. exceljs writes everything but the rows after the headings: those are the
 * sheet's {@link SheetRow}s, made once per project, which go into the worksheet's stream between
 * the headings and the end of the sheet's data. Rendering each row through exceljs for every list
 * it is on took most of the build at 4,000 projects (docs/performance.md).
 */
export async function xlsxWorkbook(sheets: readonly Sheet[], properties: WorkbookProperties): Promise<Buffer> {
  const WorkbookWriter = require("exceljs/lib/stream/xlsx/workbook-writer.js") as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const date = new Date(`${properties.date}T00:00:00Z`);
  const workbook = new WorkbookWriter({ stream: output, useStyles: true, zip: { zlib: { level: DEFLATE_LEVEL } } });
  Object.assign(workbook, { creator: properties.organisation, lastModifiedBy: properties.organisation, company: properties.organisation, title: properties.title, language: "sv-SE", created: date, modified: date });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    worksheet.columns = sheet.columns.map((column) => ({ header: column.heading, key: column.name, width: column.width }));
    worksheet.getRow(1).font = { bold: true };
    // Committing the headings opens the sheet's data; the rows follow them, numbered from 2.
    worksheet.getRow(1).commit();
    const data = (worksheet as unknown as { stream: { write(text: string): void } }).stream;
    for (let first = 0; first < sheet.rows.length; first += ROWS_PER_WRITE) {
      data.write(sheet.rows.slice(first, first + ROWS_PER_WRITE).map((row, offset) => row.xml(first + offset + 2)).join(""));
    }
    worksheet.commit();
  }
  await workbook.commit();
  return withFixedDates(Buffer.concat(chunks), date);
}

/**
 * A zip file with every entry dated `date`. exceljs's writer (archiver) dates each entry with the
 * time it was written and takes no date of its own, which would make every build's workbooks
 * differ; the date and time of each entry stand in two places, its local header and its entry in
 * the central directory, both in MS-DOS format (APPNOTE.TXT 4.3.7 and 4.3.12).
 */
export function withFixedDates(zip: Buffer, date: Date): Buffer {
  const dosTime = 0;
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("exceljs skrev ingen zip-fil");
  const entries = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error("exceljs skrev en zip-fil som inte går att läsa");
    zip.writeUInt16LE(dosTime, entry + 12);
    zip.writeUInt16LE(dosDate, entry + 14);
    const local = zip.readUInt32LE(entry + 42);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}
