/**
 * The downloads of every list as built sites publish them: each CSV read with csv-parse and each
 * workbook with exceljs, row by row against the projects on the pages the list came from (every
 * page of it), on the shared fixture sites. Each file is read once.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../src/format/file-size.ts";
import { GRANT_COLUMNS, PROJECT_COLUMNS } from "../../src/open-data/project-table.ts";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A CSV file's rows after its headings, checked for the byte order mark, CRLF records and the headings. */
async function csvFile(site: string, sitePath: string, columns: typeof PROJECT_COLUMNS | typeof GRANT_COLUMNS) {
  const bytes = await readFile(path.join(site, sitePath));
  expect(bytes.subarray(0, 3).equals(BOM), `${sitePath} begins with a BOM`).toBe(true);
  const text = bytes.toString("utf8");
  // Every record ends with CRLF; a line feed alone is only ever inside a quoted cell.
  const [headings, ...rows] = parse(text, { bom: true, record_delimiter: "\r\n" }) as string[][];
  expect(headings).toEqual(columns.map((column) => column.heading));
  expect(text.endsWith("\r\n")).toBe(true);
  return { rows, bytes: bytes.length };
}

/** A workbook's sheets, each as rows of cells (numbers as numbers) after the headings. */
async function workbookFile(site: string, sitePath: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(site, sitePath));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Projekt", "Bidrag"]);
  const rowsOf = (name: string, columns: number) => {
    const rows: unknown[][] = [];
    workbook.getWorksheet(name)!.eachRow((row, number) => {
      if (number > 1) rows.push(Array.from({ length: columns }, (_, index) => row.getCell(index + 1).value ?? ""));
    });
    return rows;
  };
  return { projects: rowsOf("Projekt", PROJECT_COLUMNS.length), grants: rowsOf("Bidrag", GRANT_COLUMNS.length) };
}

/** A CSV row as the workbook holds it: years and amounts as numbers. */
const asWorkbookRow = (row: readonly string[], columns: typeof PROJECT_COLUMNS | typeof GRANT_COLUMNS) =>
  row.map((cell, index) => (columns[index]!.type === "number" && cell !== "" ? Number(cell) : cell));

/** One project as a list page shows it. */
interface Listed {
  readonly href: string;
  readonly title: string;
  readonly times: string[];
  readonly publisher: string;
}

/** Every page of a list, followed through "Nästa": the projects it shows, and its download line on each page. */
async function listPages(site: string, firstUrl: string): Promise<{ projects: Listed[]; lines: HTMLElement[] }> {
  const projects: Listed[] = [];
  const lines: HTMLElement[] = [];
  for (let url: string | undefined = firstUrl; url; ) {
    const page = await readPage(site, url);
    for (const summary of page.querySelectorAll(".project-list .project-summary")) {
      const link = summary.querySelector("h2 a, h3 a")!;
      projects.push({
        href: link.getAttribute("href")!,
        title: textOf(link),
        times: summary.querySelectorAll(".period time").map((time) => time.getAttribute("datetime")!),
        publisher: textOf(summary.querySelector(".publisher")),
      });
    }
    lines.push(page.querySelector("p.downloads")!);
    url = page.querySelector('nav.pagination a[rel="next"]')?.getAttribute("href");
  }
  return { projects, lines };
}

const column = (name: string) => PROJECT_COLUMNS.findIndex((candidate) => candidate.name === name);

/**
 * Checks a list's CSV and workbook against the projects its pages show, in their order, and the
 * download line on every page; returns the CSV's rows.
 */
async function checkList(site: string, siteUrl: string, folder: string, grants: string[][]) {
  const { projects, lines } = await listPages(site, folder);
  const csv = await csvFile(site, `${folder}projekt.csv`, PROJECT_COLUMNS);
  expect(csv.rows.map((row) => row[column("url")])).toEqual(projects.map((project) => new URL(project.href.slice(1), siteUrl).href));
  expect(csv.rows.map((row) => row[column("title")])).toEqual(projects.map((project) => project.title));
  for (const [index, project] of projects.entries()) {
    const row = csv.rows[index]!;
    if (project.times.length === 2) expect([row[column("start")], row[column("end")]]).toEqual(project.times);
    expect(row[column("endYear")]).toBe(row[column("end")]!.slice(0, 4));
    if (project.publisher) expect(row[column("organisation")]!.split("; ").join(" och ")).toBe(project.publisher);
  }
  const workbook = await workbookFile(site, `${folder}projekt.xlsx`);
  expect(workbook.projects).toEqual(csv.rows.map((row) => asWorkbookRow(row, PROJECT_COLUMNS)));
  // The workbook's grants are the list's projects' grants in /bidrag.csv, in the list's order.
  const urls = csv.rows.map((row) => row[column("url")]);
  const listed = urls.flatMap((url) => grants.filter((grant) => grant.at(-1) === url));
  expect(workbook.grants).toEqual(listed.map((row) => asWorkbookRow(row, GRANT_COLUMNS)));
  // Every page of the list offers the whole list, with the CSV's size.
  for (const line of lines) {
    const [csvLink, excelLink] = line.querySelectorAll("a");
    expect(csvLink!.getAttribute("href")).toBe(`${folder}projekt.csv`);
    expect(csvLink!.hasAttribute("download")).toBe(true);
    expect(textOf(csvLink)).toBe(`CSV (${projects.length} projekt, ${formatFileSize(csv.bytes)})`);
    expect(excelLink!.getAttribute("href")).toBe(`${folder}projekt.xlsx`);
  }
  return { rows: csv.rows, pages: lines.length };
}

describe("the downloads of a site whose lists span several pages", () => {
  it("give the index's and a browsing page's every project, each row as its page lists it", async () => {
    const { output } = await fixtureSite("paginated");
    const grants = (await csvFile(output, "bidrag.csv", GRANT_COLUMNS)).rows;
    const index = await checkList(output, "https://arkiv.example.se/", "/", grants);
    expect(index.rows).toHaveLength(120);
    expect(index.pages).toBe(3);
    // The browsing page with the most projects: a partner country, over two pages.
    const country = await checkList(output, "https://arkiv.example.se/", "/land/no/", grants);
    expect(country.pages).toBe(2);
    expect(country.rows.every((row) => row[column("partners")]!.includes("(Norge)"))).toBe(true);
    // Every grant of every project, as many as the projects name.
    const open = JSON.parse(await readFile(path.join(output, "projekt.json"), "utf8")) as { funders: unknown[] }[];
    expect(grants).toHaveLength(open.reduce((sum, project) => sum + project.funders.length, 0));
    // The search page's list: every project's row, by its page's path.
    const list = JSON.parse(await readFile(path.join(output, "sok/projektlista.json"), "utf8")) as { columns: string[]; projects: Record<string, string[]> };
    expect(list.columns).toEqual(PROJECT_COLUMNS.map((candidate) => candidate.heading));
    expect(Object.values(list.projects)).toEqual(index.rows);
    expect(Object.keys(list.projects)).toEqual(index.rows.map((row) => new URL(row[column("url")]!).pathname));
  });
});

describe("the downloads of a national archive", () => {
  it("have every project the site shows, harvested ones with their organisation, where projekt.json has only its own", async () => {
    const { output } = await fixtureSite("national");
    const grants = (await csvFile(output, "bidrag.csv", GRANT_COLUMNS)).rows;
    const { rows } = await checkList(output, "https://projekt.example.se/", "/", grants);
    const harvested = rows.find((row) => row[column("title")] === "Läsambassadörer i Dalarna")!;
    expect(harvested[column("organisation")]).toBe("Region Dalarna");
    const own = JSON.parse(await readFile(path.join(output, "projekt.json"), "utf8")) as { title: string }[];
    expect(own.map((project) => project.title)).not.toContain("Läsambassadörer i Dalarna");
    // Its grant, in kronor since the source names no currency.
    expect(grants.filter((grant) => grant[1] === "Läsambassadörer i Dalarna").map((grant) => grant.slice(2, 8))).toEqual([
      ["Statens kulturråd", "Stärkta bibliotek", "KUR 2019/1234", "450000", "SEK", "2019"],
    ]);
    await checkList(output, "https://projekt.example.se/", "/organisation/region-dalarna/", grants);
  });
});

describe("the downloads of the documentation site", () => {
  it("give each grant in /bidrag.csv and on the workbook's second sheet: amount as a number, its currency, and nothing where nothing is known", async () => {
    const { output } = await fixtureSite("documentation");
    const grants = (await csvFile(output, "bidrag.csv", GRANT_COLUMNS)).rows;
    expect(grants.map((grant) => grant.slice(1, 8))).toEqual([
      ["Beta", "Nordiska kulturfonden", "Nordisk kulturkontakt", "NKF 2021-0345", "99500.5", "EUR", "2021"],
      ["Beta", "Region Örebro län", "", "", "", "", ""],
    ]);
    const { rows } = await checkList(output, "https://arkiv.example.se/", "/finansiar/nordiska-kulturfonden/", grants);
    expect(rows.map((row) => row[column("funders")])).toEqual(["Nordiska kulturfonden; Region Örebro län"]);
  });

  it("give each project's themes, results and lessons as its page shows them, as text", async () => {
    const { output } = await fixtureSite("documentation");
    const { rows } = await csvFile(output, "projekt.csv", PROJECT_COLUMNS);
    const withResults = rows.filter((row) => row[column("results")] !== "");
    expect(withResults.length).toBeGreaterThan(0);
    for (const row of withResults) {
      const page = await readPage(output, new URL(row[column("url")]!).pathname);
      const lines = (id: string) => page.querySelectorAll(`section[aria-labelledby="${id}"] li`).map((item) => textOf(item)).join("\n");
      expect(row[column("results")]).toBe(lines("resultat"));
      expect(row[column("lessons")]).toBe(lines("erfarenheter"));
      expect(row[column("themes")]).toBe(page.querySelectorAll(".themes a").map((link) => textOf(link)).join("; "));
    }
  });
});
