/**
 * Writing the downloads (src/open-data/downloads.ts) from their rows, on a thread of their own
 * (downloads-worker.ts): every list's CSV and Excel workbook, /bidrag.csv and the search page's
 * list. Everything here is plain data, made by the build's main thread.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Cell } from "./project-table.ts";
import { csvCells, SheetRow, xlsxWorkbook, type SheetColumn } from "./spreadsheet.ts";

/** A project's rows, as the main thread made them once. */
export interface ProjectRows {
  /** Its page's path on the site, by which the search page's list knows it. */
  readonly url: string;
  readonly cells: readonly Cell[];
  /** Its CSV record, and its grants' records. */
  readonly record: string;
  readonly grantRecords: string;
  readonly grants: readonly (readonly Cell[])[];
}

/** Everything the files are written from. */
export interface DownloadJob {
  readonly siteDir: string;
  readonly organisation: string;
  readonly columns: { readonly projects: readonly SheetColumn[]; readonly grants: readonly SheetColumn[] };
  /** The first lines of the two CSV files. */
  readonly headers: { readonly projects: string; readonly grants: string };
  /** Every project the site shows, in the index's order. */
  readonly projects: readonly ProjectRows[];
  /** The files of each list, with its name, its date (YYYY-MM-DD) and its projects as positions in `projects`. */
  readonly lists: readonly { readonly csv: string; readonly xlsx: string; readonly title: string; readonly date: string; readonly projects: readonly number[] }[];
  /** Where every grant and the search page's list go. */
  readonly grantsCsv: string;
  readonly searchList: string;
}

/** The sheets of a workbook, named as Excel shows them on their tabs. */
const SHEET_NAMES = { projects: "Projekt", grants: "Bidrag" } as const;

/** How many workbooks are made at once: exceljs works on this thread, and compresses on libuv's. */
const WORKBOOKS_AT_ONCE = 2;

/** Writes every file of the job into the site. Returns how many were written. */
export async function writeDownloadFiles(job: DownloadJob): Promise<{ files: number }> {
  const write = async (sitePath: string, content: string | Buffer) => {
    const file = path.join(job.siteDir, sitePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  };
  // A project's rows in a workbook are made once, and written into every list it is on.
  const sheetRows = job.projects.map((project) => ({ project: new SheetRow(project.cells), grants: project.grants.map((grant) => new SheetRow(grant)) }));
  let files = 0;
  const queue = [...job.lists];
  const writeLists = async () => {
    for (let list = queue.shift(); list; list = queue.shift()) {
      await write(list.csv, job.headers.projects + list.projects.map((position) => job.projects[position]!.record).join(""));
      const rows = list.projects.map((position) => sheetRows[position]!);
      const workbook = await xlsxWorkbook(
        [
          { name: SHEET_NAMES.projects, columns: job.columns.projects, rows: rows.map((row) => row.project) },
          { name: SHEET_NAMES.grants, columns: job.columns.grants, rows: rows.flatMap((row) => row.grants) },
        ],
        { title: list.title, organisation: job.organisation, date: list.date },
      );
      await write(list.xlsx, workbook);
      files += 2;
    }
  };
  await Promise.all(Array.from({ length: WORKBOOKS_AT_ONCE }, writeLists));
  await write(job.grantsCsv, job.headers.grants + job.projects.map((project) => project.grantRecords).join(""));
  const searchList = {
    columns: job.columns.projects.map((column) => column.heading),
    projects: Object.fromEntries(job.projects.map((project) => [project.url, csvCells(project.cells)])),
  };
  await write(job.searchList, JSON.stringify(searchList));
  return { files: files + 2 };
}
