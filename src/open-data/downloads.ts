/**
 * Downloads of every list: the projects of the index and of each browsing page (theme, funder,
 * programme, year, country, organisation, county) as CSV and as an Excel workbook in the list's
 * folder (`/finansiar/statens-kulturrad/projekt.csv` and `.xlsx`; the index's are `/projekt.csv`
 * and `/projekt.xlsx`, every project the site shows), every grant as `/bidrag.csv`, and the list the
 * search page makes its CSV from (`/sok/projektlista.json`). Each project's row is made once per
 * build and reused by every list it is on; the files are written from them by download-files.ts.
 */
import type { Archive, Project } from "../content/model/model.ts";
import { newestReview } from "../content/archive/review.ts";
import { GRANT_COLUMNS, grantsOf, PROJECT_COLUMNS, rowOf, type TableContext } from "./project-table.ts";
import { csvCells, csvHeader, csvRecord } from "./spreadsheet.ts";
import type { DownloadJob, ProjectRows } from "./download-files.ts";

/** A list of projects that can be downloaded: the folder of its page, its name and its projects in the page's order. */
export interface ProjectList {
  readonly folder: string;
  readonly title: string;
  readonly projects: readonly Project[];
}

/** The files of a list, by the folder of its page. */
export const listFiles = (folder: string) => ({ csv: `${folder}projekt.csv`, xlsx: `${folder}projekt.xlsx` });

/** Every grant of every project the site shows. */
export const GRANTS_CSV = "/bidrag.csv";

/** The search page's list of every project's cells (docs/open-data.md). */
export const SEARCH_LIST = "/sok/projektlista.json";

/** The lists of the site: the index (every project) and each browsing page. */
export function projectLists(archive: Archive): ProjectList[] {
  const { index } = archive.pages;
  return [
    { folder: index.url, title: index.title, projects: archive.projects },
    ...Object.values(archive.facets)
      .flat()
      .map((facet) => ({ folder: facet.url, title: facet.name, projects: facet.projects })),
  ];
}

const HEADERS = { projects: csvHeader(PROJECT_COLUMNS), grants: csvHeader(GRANT_COLUMNS) };

/** The rows of an archive's projects and grants, each made once and kept for every list. */
export class DownloadTables {
  readonly #context: TableContext;
  readonly #rows = new Map<Project, ProjectRows & { readonly bytes: number }>();
  readonly #sizes = new Map<readonly Project[], number>();

  constructor(context: TableContext) {
    this.#context = context;
  }

  /** A project's rows: its cells, its CSV record and its size, and its grants'. */
  rows(project: Project): ProjectRows & { readonly bytes: number } {
    let rows = this.#rows.get(project);
    if (!rows) {
      const cells = rowOf(PROJECT_COLUMNS, project, this.#context);
      const record = csvRecord(csvCells(cells));
      const grants = grantsOf(project).map((grant) => rowOf(GRANT_COLUMNS, grant, this.#context));
      rows = { url: project.url, cells, record, bytes: Buffer.byteLength(record), grants, grantRecords: grants.map((grant) => csvRecord(csvCells(grant))).join("") };
      this.#rows.set(project, rows);
    }
    return rows;
  }

  /** The size in bytes of the projects' CSV file. */
  csvBytes(projects: readonly Project[]): number {
    let size = this.#sizes.get(projects);
    if (size === undefined) {
      size = projects.reduce((sum, project) => sum + this.rows(project).bytes, Buffer.byteLength(HEADERS.projects));
      this.#sizes.set(projects, size);
    }
    return size;
  }
}

const tables = new WeakMap<Archive, DownloadTables>();

/** The tables of an archive, made once per archive. */
export function downloadTables(archive: Archive): DownloadTables {
  let made = tables.get(archive);
  if (!made) {
    made = new DownloadTables({ site: archive.site });
    tables.set(archive, made);
  }
  return made;
}

/** What the files of an archive's downloads are written from (download-files.ts), as plain data for another thread. */
export function downloadJob(archive: Archive, siteDir: string): DownloadJob {
  const made = downloadTables(archive);
  const positions = new Map(archive.projects.map((project, position) => [project, position]));
  const columns = (all: typeof PROJECT_COLUMNS | typeof GRANT_COLUMNS) => all.map(({ name, heading, width }) => ({ name, heading, width }));
  return {
    siteDir,
    organisation: archive.site.organisation,
    columns: { projects: columns(PROJECT_COLUMNS), grants: columns(GRANT_COLUMNS) },
    headers: HEADERS,
    projects: archive.projects.map((project) => {
      const { bytes: _bytes, ...rows } = made.rows(project);
      return rows;
    }),
    lists: projectLists(archive).map((list) => ({
      ...listFiles(list.folder),
      title: list.title,
      date: newestReview(list.projects) ?? archive.site.generatedPages.reviewed,
      projects: list.projects.map((project) => positions.get(project)!),
    })),
    grantsCsv: GRANTS_CSV,
    searchList: SEARCH_LIST,
  };
}
