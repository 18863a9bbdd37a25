import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { validateArchive } from "../../src/harvest/load.ts";
import { writeDownloadFiles } from "../../src/open-data/download-files.ts";
import { downloadJob } from "../../src/open-data/downloads.ts";
import { GRANT_COLUMNS, markdownAsText, PROJECT_COLUMNS } from "../../src/open-data/project-table.ts";
import { MAX_CELL_TEXT, SheetRow, withFixedDates, xlsxWorkbook } from "../../src/open-data/spreadsheet.ts";
import { contentTree, PROJECT_ROOT, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** A title that a spreadsheet would run as a formula, and other cells that start like one. */
const HOSTILE_TITLE = '=HYPERLINK("http://evil.example/","Klicka")';
const ALFA = `---
title: '${HOSTILE_TITLE}'
summary: Det första projektet.
period:
  start: 2019-03
  end: 2019-12-31
themes: [läsfrämjande, barn och unga]
results:
  - +30 % fler lån, se [rapporten](https://example.se/rapport.pdf)
  - Bokcirklar på *fyra* bibliotek & en skola
lessons:
  - "@-nämn inte i rubriker: <b> blir text"
partners:
  - name: Larvik bibliotek
    country: NO
  - name: "-Minus förening"
funders:
  - name: Nordiska kulturfonden
    programme: Nordisk kulturkontakt
    caseNumber: NKF 2021-0345
    amount: 99500.50
    currency: EUR
    year: 2021
  - name: Statens kulturråd
    amount: 450000
contacts:
  - anna-berg
reviewed: 2020-01-02
contentOwner: anna-berg
publishedBy: bo-ek
---
Alfa handlar om läsning.
`;

let site: string;
let projectsCsv: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const content = await contentTree(workspace.dir, "minimal", { "projekt/alfa.md": ALFA });
  const { archive, errors } = await validateArchive(content);
  expect(errors).toEqual([]);
  site = path.join(workspace.dir, "site");
  await writeDownloadFiles(downloadJob(archive!, site));
  projectsCsv = await readFile(path.join(site, "projekt.csv"), "utf8");
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(site, "projekt.xlsx"));
});

const csvRows = (text: string): string[][] => parse(text, { bom: true, record_delimiter: "\r\n" });
/** Alfa's row in the CSV: the projects come newest first, and Beta ended later. */
const alfaRow = () => csvRows(projectsCsv).find((row) => row.at(-1) === "https://arkiv.example.se/projekt/alfa/")!;

describe("the table of projects", () => {
  it("has a row per project: dates as written and years as numbers, lists joined, Markdown as plain text", () => {
    expect(csvRows(projectsCsv)[0]).toEqual(PROJECT_COLUMNS.map((column) => column.heading));
    const cell = (name: string) => alfaRow()[PROJECT_COLUMNS.findIndex((column) => column.name === name)];
    expect(cell("start")).toBe("2019-03");
    expect(cell("end")).toBe("2019-12-31");
    expect(cell("startYear")).toBe("2019");
    expect(cell("themes")).toBe("läsfrämjande; barn och unga");
    expect(cell("organisation")).toBe("Testbiblioteket");
    expect(cell("partners")).toBe("Larvik bibliotek (Norge); -Minus förening");
    expect(cell("funders")).toBe("Nordiska kulturfonden; Statens kulturråd");
    expect(cell("results")).toBe("'+30 % fler lån, se rapporten (https://example.se/rapport.pdf)\nBokcirklar på fyra bibliotek & en skola");
    expect(cell("url")).toBe("https://arkiv.example.se/projekt/alfa/");
  });

  it("makes a Markdown line plain text: marks gone, a link's address kept once", () => {
    expect(markdownAsText("Läs *mer* om `kod` och [rapporten](https://example.se/r) &amp; https://example.se/")).toBe("Läs mer om kod och rapporten (https://example.se/r) & https://example.se/");
    expect(markdownAsText("[https://example.se/](https://example.se/) och <https://example.se/x>")).toBe("https://example.se/ och https://example.se/x");
  });
});

describe("cells a spreadsheet would run as formulas", () => {
  it("start with an apostrophe in the CSV, where data tools read them as text", () => {
    expect(alfaRow()[1]).toBe(`'${HOSTILE_TITLE}`);
    expect(alfaRow()[PROJECT_COLUMNS.findIndex((column) => column.name === "lessons")]).toBe("'@-nämn inte i rubriker: <b> blir text");
  });

  it("are text in the workbook, exactly as written, and no cell is a formula", () => {
    const sheet = workbook.getWorksheet("Projekt")!;
    const title = sheet.getRow(3).getCell(2);
    expect(title.value).toBe(HOSTILE_TITLE);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)));
    // The cell as the sheet holds it: an inline string, with no formula element.
    expect(new SheetRow([HOSTILE_TITLE]).xml(3)).toBe(`<row r="3"><c r="A3" t="inlineStr"><is><t>${HOSTILE_TITLE}</t></is></c></row>`);
  });
});

describe("the workbook", () => {
  it("has the sheets Projekt and Bidrag, bold frozen headings with a filter, and numbers as numbers", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Projekt", "Bidrag"]);
    expect(workbook.creator).toBe("Testbiblioteket");
    expect(workbook.title).toBe("Avslutade projekt");
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    const projects = workbook.getWorksheet("Projekt")!;
    expect(projects.getColumn(2).width).toBe(40);
    expect(projects.getRow(3).getCell(5).value).toBe(2019);
    const grants = workbook.getWorksheet("Bidrag")!;
    const values = (row: number) => (grants.getRow(row).values as unknown[]).slice(1, GRANT_COLUMNS.length + 1);
    expect(values(2)).toEqual([undefined, HOSTILE_TITLE, "Nordiska kulturfonden", "Nordisk kulturkontakt", "NKF 2021-0345", 99500.5, "EUR", 2021, "https://arkiv.example.se/projekt/alfa/"]);
    // A grant without a currency is in kronor, as in projekt.json.
    expect(values(3).slice(2, 8)).toEqual(["Statens kulturråd", undefined, undefined, 450000, "SEK", undefined]);
  });

  it("is the same bytes for the same content, whenever it is made", async () => {
    const sheets = [{ name: "Projekt", columns: PROJECT_COLUMNS, rows: [new SheetRow(["x", 1])] }];
    const made = await xlsxWorkbook(sheets, { title: "T", organisation: "O", date: "2020-01-02" });
    // Every entry is dated 2 January 2020 at midnight, in the local headers and the central directory.
    const dosDate = ((2020 - 1980) << 9) | (1 << 5) | 2;
    const dates: number[] = [];
    for (let offset = made.indexOf("PK\x03\x04"); offset >= 0; offset = made.indexOf("PK\x03\x04", offset + 4)) dates.push(made.readUInt16LE(offset + 12));
    for (let offset = made.indexOf("PK\x01\x02"); offset >= 0; offset = made.indexOf("PK\x01\x02", offset + 4)) dates.push(made.readUInt16LE(offset + 14));
    expect(dates.length).toBeGreaterThanOrEqual(16);
    expect(new Set(dates)).toEqual(new Set([dosDate]));
    expect(withFixedDates(Buffer.from(made), new Date("2020-01-02T00:00:00Z")).equals(made)).toBe(true);
  });

  it("cuts text longer than a cell may hold, and leaves out what XML cannot carry", () => {
    const xml = new SheetRow(["a".repeat(MAX_CELL_TEXT + 10), "x\u0001<y>&"]).xml(7);
    expect(xml).toContain(`<c r="A7" t="inlineStr"><is><t>${"a".repeat(MAX_CELL_TEXT - 1)}…</t></is></c>`);
    expect(xml).toContain(`<c r="B7" t="inlineStr"><is><t>x&lt;y&gt;&amp;</t></is></c>`);
  });
});

describe("the search page's list", () => {
  it("holds each project's cells by its page's path, as the CSV writes them", async () => {
    const list = JSON.parse(await readFile(path.join(site, "sok/projektlista.json"), "utf8")) as { columns: string[]; projects: Record<string, string[]> };
    const [headings, ...rows] = csvRows(projectsCsv);
    expect(list.columns).toEqual(headings);
    expect(Object.keys(list.projects).sort()).toEqual(["/projekt/alfa/", "/projekt/beta/"]);
    for (const row of rows) expect(list.projects[new URL(row.at(-1)!).pathname]).toEqual(row);
  });
});

describe("the data dictionary in docs/open-data.md", () => {
  it("lists every column of both tables, in order, as the column module defines them", async () => {
    const docs = await readFile(path.join(PROJECT_ROOT, "docs/open-data.md"), "utf8");
    /** The rows of the first table after a heading. */
    const table = (heading: string) => {
      const lines = docs.split(`### ${heading}\n`)[1]!.split("\n");
      const first = lines.findIndex((line) => line.startsWith("| `"));
      return lines.slice(first, lines.findIndex((line, index) => index > first && !line.startsWith("| `")));
    };
    const rows = (columns: typeof PROJECT_COLUMNS | typeof GRANT_COLUMNS) =>
      columns.map((column) => `| \`${column.name}\` | ${column.heading} | ${column.type} | ${column.description} |`);
    expect(table("The table of projects")).toEqual(rows(PROJECT_COLUMNS));
    expect(table("The table of grants")).toEqual(rows(GRANT_COLUMNS));
  });
});
