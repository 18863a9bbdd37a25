/**
 * The projects as tables, for the downloads (CSV and Excel, src/open-data/downloads.ts), the
 * search page's list and the data dictionary (docs/open-data.md and /oppna-data/). Every column is
 * defined once here: its name, its Swedish heading, what it means, and how its value is read from
 * a project, so that the files, the site's dictionary and the docs cannot disagree.
 *
 * Two tables: one row per project, and one row per grant (a funder as a project names it).
 */
import { markdownReader } from "../content/reading/markdown-options.ts";
import type { Project, Site } from "../content/model/model.ts";
import { countryName } from "../format/country.ts";
import { DEFAULT_CURRENCY } from "../format/grant.ts";
import { publicUrl } from "../format/urls.ts";

/** The site's page that explains the files and every column (the data dictionary). */
export const OPEN_DATA_PAGE = "/oppna-data/";

/** A cell: text (empty when nothing is known) or a number. */
export type Cell = string | number | undefined;

/** What the rows are made with besides the project: the site's address and organisation. */
export interface TableContext {
  readonly site: Pick<Site, "url" | "organisation">;
}

/** One column of a table. */
export interface Column<Row> {
  /** The column's name in code and in the English docs. */
  readonly name: string;
  /** The heading in the files and on the site, in Swedish. */
  readonly heading: string;
  /** What the column holds, in Swedish, for the site's data dictionary. */
  readonly meaning: string;
  /** The same in English, for docs/open-data.md. */
  readonly description: string;
  readonly type: "text" | "number";
  /** The column's width in the Excel file, in characters. */
  readonly width: number;
  readonly value: (row: Row, context: TableContext) => Cell;
}

/** A project and a grant it had: one funder as the project names it. */
export interface Grant {
  readonly project: Project;
  readonly funder: Project["funders"][number];
}

/** What separates the entries of a list in one cell: themes, organisations, partners, funders. */
export const LIST_SEPARATOR = "; ";
/** What separates the lines of results and lessons in one cell. */
export const LINE_SEPARATOR = "\n";

const year = (iso: string | undefined) => (iso === undefined ? undefined : Number(iso.slice(0, 4)));
const names = (values: readonly string[]) => [...new Set(values)].join(LIST_SEPARATOR);

/**
 * A Markdown line as plain text: emphasis and code lose their marks, a link keeps its text and
 * gives its address in brackets when the text is not the address, a picture gives its text
 * alternative, and character references are read ("&amp;" is "&").
 */
export function markdownAsText(line: string): string {
  const parts: string[] = [];
  let link: { href: string; from: number; bare: boolean } | undefined;
  for (const token of markdownReader.parseInline(line, {})[0]?.children ?? []) {
    switch (token.type) {
      case "text":
      case "code_inline":
        parts.push(token.content);
        break;
      case "softbreak":
      case "hardbreak":
        parts.push(" ");
        break;
      case "image":
        parts.push(token.content);
        break;
      case "link_open":
        // A bare address in the text (linkify) or in angle brackets (autolink) is its own text.
        link = { href: String(token.attrGet("href") ?? ""), from: parts.length, bare: token.markup === "linkify" || token.markup === "autolink" };
        break;
      case "link_close":
        if (link && !link.bare && parts.slice(link.from).join("") !== link.href) parts.push(` (${link.href})`);
        link = undefined;
        break;
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Markdown lines as plain text, one line each. */
const lines = (values: readonly string[]) => values.map(markdownAsText).join(LINE_SEPARATOR);

/** The columns of the table of projects, in their order in the files. */
export const PROJECT_COLUMNS: readonly Column<Project>[] = [
  {
    name: "id",
    heading: "Id",
    meaning: "Projektets bestående id i öppna data (SE, organisationsnumret och ett löpnummer), tomt för ett projekt som ännu inte har något.",
    description: "The project's lasting id in the open data (SE, the organisation number and a running number); empty for a project that has none yet.",
    type: "text",
    width: 22,
    value: (project) => project.id,
  },
  {
    name: "title",
    heading: "Titel",
    meaning: "Projektets namn.",
    description: "The project's name.",
    type: "text",
    width: 40,
    value: (project) => project.title,
  },
  {
    name: "start",
    heading: "Start",
    meaning: "När projektet började, så exakt som det står: ett år (2011), en månad (2011-04) eller en dag (2011-04-05).",
    description: "When the project started, as precisely as written: a year (2011), a month (2011-04) or a day (2011-04-05).",
    type: "text",
    width: 11,
    value: (project) => project.period?.start?.iso,
  },
  {
    name: "end",
    heading: "Slut",
    meaning: "När projektet avslutades, skrivet på samma sätt som Start.",
    description: "When the project ended, written as start is.",
    type: "text",
    width: 11,
    value: (project) => project.period?.end?.iso,
  },
  {
    name: "startYear",
    heading: "Startår",
    meaning: "Året projektet började, som ett tal.",
    description: "The year the project started, as a number.",
    type: "number",
    width: 8,
    value: (project) => year(project.period?.start?.iso),
  },
  {
    name: "endYear",
    heading: "Slutår",
    meaning: "Året projektet avslutades, som ett tal.",
    description: "The year the project ended, as a number.",
    type: "number",
    width: 8,
    value: (project) => year(project.period?.end?.iso),
  },
  {
    name: "themes",
    heading: "Ämnen",
    meaning: "Vad projektet handlade om: ämnen ur webbplatsens ämneslista, åtskilda av semikolon.",
    description: "What the project was about: themes from the site's vocabulary, separated by semicolons.",
    type: "text",
    width: 30,
    value: (project) => names(project.themes.map((theme) => theme.name)),
  },
  {
    name: "organisation",
    heading: "Organisation",
    meaning: "Organisationen som publicerar projektet: webbplatsens egen, eller i ett nationellt arkiv de arkiv som publicerar det, åtskilda av semikolon.",
    description: "The organisation that publishes the project: the site's own, or on a national archive the archives that publish it, separated by semicolons.",
    type: "text",
    width: 30,
    value: (project, { site }) => (project.homes?.length ? names(project.homes.map((home) => home.organisation)) : site.organisation),
  },
  {
    name: "partners",
    heading: "Partner",
    meaning: "Partnerna med sitt land inom parentes, till exempel Larvik bibliotek (Norge), åtskilda av semikolon.",
    description: "The partners with their country in brackets, such as Larvik bibliotek (Norge), separated by semicolons.",
    type: "text",
    width: 50,
    value: (project) =>
      names(
        project.partnerGroups.flatMap((group) => {
          const country = group.country && (countryName(group.country) ?? group.country);
          return group.partners.map((partner) => (country ? `${partner.name} (${country})` : partner.name));
        }),
      ),
  },
  {
    name: "funders",
    heading: "Finansiärer",
    meaning: "De som gav projektet bidrag, åtskilda av semikolon. Bidragen finns i tabellen Bidrag.",
    description: "Those who funded the project, separated by semicolons. The grants are in the table of grants.",
    type: "text",
    width: 30,
    value: (project) => names(project.funders.map((funder) => funder.name)),
  },
  {
    name: "results",
    heading: "Resultat",
    meaning: "Vad projektet åstadkom, som vanlig text, en rad för varje resultat.",
    description: "What the project achieved, as plain text, one line per result.",
    type: "text",
    width: 60,
    value: (project) => lines(project.results),
  },
  {
    name: "lessons",
    heading: "Erfarenheter",
    meaning: "Vad man lärde sig, som vanlig text, en rad för varje erfarenhet.",
    description: "What was learned, as plain text, one line per lesson.",
    type: "text",
    width: 60,
    value: (project) => lines(project.lessons),
  },
  {
    name: "url",
    heading: "Adress",
    meaning: "Projektets sida på den här webbplatsen.",
    description: "The project's page on this site.",
    type: "text",
    width: 50,
    value: (project, { site }) => publicUrl(project.url, site.url),
  },
];

/** The columns of the table of grants, in their order in the files. */
export const GRANT_COLUMNS: readonly Column<Grant>[] = [
  {
    name: "projectId",
    heading: "Projekt-id",
    meaning: "Projektets id, som i tabellen Projekt; tomt för ett projekt som ännu inte har något.",
    description: "The project's id, as in the table of projects; empty for a project that has none yet.",
    type: "text",
    width: 22,
    value: ({ project }) => project.id,
  },
  {
    name: "project",
    heading: "Projekt",
    meaning: "Projektets namn.",
    description: "The project's name.",
    type: "text",
    width: 40,
    value: ({ project }) => project.title,
  },
  {
    name: "funder",
    heading: "Finansiär",
    meaning: "Den som gav bidraget.",
    description: "The funder that gave the grant.",
    type: "text",
    width: 30,
    value: ({ funder }) => funder.name,
  },
  {
    name: "programme",
    heading: "Program",
    meaning: "Bidragsprogrammet, till exempel Stärkta bibliotek.",
    description: "The grant programme, such as Stärkta bibliotek.",
    type: "text",
    width: 30,
    value: ({ funder }) => funder.programme,
  },
  {
    name: "caseNumber",
    heading: "Diarienummer",
    meaning: "Finansiärens diarienummer eller projektnummer för bidraget, till exempel KUR 2019/1234.",
    description: "The funder's case number or project number for the grant, such as KUR 2019/1234.",
    type: "text",
    width: 18,
    value: ({ funder }) => funder.caseNumber,
  },
  {
    name: "amount",
    heading: "Belopp",
    meaning: "Bidragets belopp som ett tal, med högst två decimaler (punkt i CSV-filen).",
    description: "The grant's amount as a number, with at most two decimals (a point in the CSV file).",
    type: "number",
    width: 14,
    value: ({ funder }) => funder.amount,
  },
  {
    name: "currency",
    heading: "Valuta",
    meaning: "Beloppets valuta som en kod (ISO 4217): SEK, EUR, NOK eller DKK. SEK när projektet inte anger någon; tomt när beloppet saknas.",
    description: "The amount's currency as a code (ISO 4217): SEK, EUR, NOK or DKK. SEK where the project names none; empty where there is no amount.",
    type: "text",
    width: 8,
    value: ({ funder }) => (funder.amount === undefined ? undefined : (funder.currency ?? DEFAULT_CURRENCY)),
  },
  {
    name: "year",
    heading: "År",
    meaning: "Året bidraget beviljades, som ett tal.",
    description: "The year the grant was given, as a number.",
    type: "number",
    width: 8,
    value: ({ funder }) => funder.year,
  },
  {
    name: "url",
    heading: "Projektets adress",
    meaning: "Projektets sida på den här webbplatsen, som i tabellen Projekt.",
    description: "The project's page on this site, as in the table of projects.",
    type: "text",
    width: 50,
    value: ({ project }, { site }) => publicUrl(project.url, site.url),
  },
];

/** A row of a table: each column's value. */
export const rowOf = <Row>(columns: readonly Column<Row>[], row: Row, context: TableContext): Cell[] => columns.map((column) => column.value(row, context));

/** The grants of a project, one per funder it names, in its order. */
export const grantsOf = (project: Project): Grant[] => project.funders.map((funder) => ({ project, funder }));
