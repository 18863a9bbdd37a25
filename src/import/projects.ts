/**
 * One page, several projects: splits the content area into the introduction and the projects,
 * and reads each project's fields from its blocks. What the markup gives (a heading, a list under
 * "Mål", a line "Norge: A, B") is placed; what a sentence gives (a funder, a project owner, an end
 * date) is guessed and said so; the rest becomes the body as Markdown.
 */
import { countryCodes, countryName } from "../format/country.ts";
import { findSwedishDate } from "../format/date.ts";
import { MAX_NAME_LENGTH, nameTooLong } from "../format/limits.ts";
import { swedishSlug } from "../format/slug.ts";
import type { Block, Dropped, PageImage } from "./blocks.ts";
import { blockToMarkdown, htmlToMarkdown } from "./markdown.ts";
import { fileReport, type FileReport } from "./report.ts";
import type { PartnerRole } from "../content/model/schema.ts";

/** The content area in parts: the page's heading, the text before the first project, the projects. */
export interface PageParts {
  readonly heading: Extract<Block, { kind: "heading" }> | undefined;
  readonly intro: readonly Block[];
  /** Each project's blocks, starting with its heading. */
  readonly projects: readonly (readonly Block[])[];
  /** The heading level of the projects' titles. */
  readonly projectLevel: number;
}

type Heading = Extract<Block, { kind: "heading" }>;
const isHeading = (block: Block): block is Heading => block.kind === "heading";

/**
 * Splits blocks at separators (a rule, or a line of underscores) when the page has any, and
 * otherwise at its top-level headings. The page's h1 is its heading, not a project.
 */
export function splitPage(blocks: readonly Block[]): PageParts {
  const headingIndex = blocks.findIndex((block) => isHeading(block) && block.level === 1);
  const heading = headingIndex >= 0 ? (blocks[headingIndex] as Heading) : undefined;
  const rest = blocks.filter((_, index) => index !== headingIndex);
  const headings = rest.filter(isHeading);
  const projectLevel = Math.min(...headings.map((block) => block.level));
  const intro: Block[] = [];
  const projects: Block[][] = [];
  const separated = rest.some((block) => block.kind === "rule");
  let current: Block[] | undefined;
  let afterRule = true;
  for (const block of rest) {
    if (block.kind === "rule") {
      afterRule = true;
      continue;
    }
    const startsProject = isHeading(block) && (separated ? afterRule : block.level === projectLevel);
    if (startsProject) {
      current = [block];
      projects.push(current);
      afterRule = false;
    } else {
      (current ?? intro).push(block);
    }
  }
  // A page about one project: its own heading is the project's title.
  if (projects.length === 0 && heading && intro.length > 0) return { heading: undefined, intro: [], projects: [[heading, ...intro]], projectLevel: 1 };
  return { heading, intro, projects, projectLevel };
}

/** A file the page links or shows, which the importer fetches or copies into filer/. */
export type WantedFile =
  | { readonly kind: "document"; readonly address: string; readonly title: string }
  | ({ readonly kind: "picture" } & PageImage);

/** A piece of a body: Markdown, or the place of a picture that is put in once it has been fetched. */
export type BodyPart = { readonly markdown: string; readonly heading?: number } | { readonly picture: number };

/** A project read from its blocks, before its files are fetched. */
export interface ProjectReading {
  readonly title: string;
  /** The front matter's fields from the page's text, in the order a file shows them. */
  readonly fields: Record<string, unknown>;
  readonly body: readonly BodyPart[];
  readonly files: readonly WantedFile[];
  readonly report: FileReport;
}

const GOALS_HEADING = /^(?:projektets\s+)?(?:mål|målsättning(?:ar)?|syfte och mål|mål och syfte|effektmål|projektmål)$/i;
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d"”(])/u;
const ROLE_WORDS: Readonly<Record<string, PartnerRole>> = { projektägare: "owner", huvudman: "owner", koordinator: "coordinator", samordnare: "coordinator" };
const ROLE = "(projektägare|huvudman|koordinator|samordnare)";
const ROLE_SENTENCE = new RegExp(`^(.+?)\\s+(?:har varit|var|är|har fungerat som|fungerade som)\\s+${ROLE}(?:\\s+(?:och|samt)\\s+${ROLE})?\\b`, "i");
const NOT_A_NAME = /^(?:projektet|vi|det|den|han|hon|de|som|och)$/i;
const FUNDER_SENTENCE =
  /\b(?:har\s+(?:haft|fått)\s+(?:stöd|bidrag|medel|finansiering)\s+(?:av|från)|(?:finansierat|finansierats|finansierades|finansieras|bekostades|bekostats)\s+(?:av|med medel från|genom)|med\s+(?:stöd|bidrag|medel)\s+(?:av|från))\s+(?:programmet\s+)?(.+?)[.!]?$/i;
/** The sentence the project page writes itself after its funders. */
const FUNDING_ONLY = /^projektet\s+har\s+(?:haft|fått)\s+stöd\s+(?:av|från)\s+(?:programmet\s+)?[^.]+\.?$/i;
const END_SENTENCE = /\b(?:avslutades|avslutas|avslutade|slutade|slutfördes)\b/i;
const YEARS = /\bpågick\s+(?:mellan\s+|från\s+)?(\d{4})\s*(?:–|-|till|och)\s*(\d{4})\b/i;
const SUMMARY_LENGTH = 300;

/** Swedish country names to codes ("norge" → "NO"), from Intl's names. */
const COUNTRY_CODES = new Map(countryCodes().map((code) => [countryName(code)!.toLowerCase(), code]));

/** The language partners' names are usually written in, by country: a guess, said so in the report. */
const NAME_LANGUAGES: Readonly<Record<string, string>> = { NO: "nb", DK: "da", IS: "is" };

/** "Norge: A, B, C" as a country and its partners. */
function countryLine(line: string): { code: string; label: string; names: string[] } | undefined {
  const match = /^([\p{L}][\p{L} .-]*?)\s*:\s*(.+)$/u.exec(line);
  const code = match && COUNTRY_CODES.get(match[1]!.toLowerCase());
  if (!code) return undefined;
  const names = match[2]!.split(/\s*[,;]\s*/).map((name) => name.replace(/\.$/, "").trim()).filter(Boolean);
  return names.length > 0 ? { code, label: match[1]!, names } : undefined;
}

const sentencesOf = (text: string) => text.split(SENTENCE_END).map((sentence) => sentence.trim()).filter(Boolean);

/** A summary: whole sentences up to 300 characters, or the first sentence cut at a word. */
function summaryOf(text: string): { summary: string; cut: boolean } {
  let summary = "";
  for (const sentence of sentencesOf(text)) {
    const longer = summary ? `${summary} ${sentence}` : sentence;
    if (longer.length > SUMMARY_LENGTH) break;
    summary = longer;
  }
  if (summary) return { summary, cut: summary.length < text.length };
  const words = text.slice(0, SUMMARY_LENGTH - 1).replace(/\s+\S*$/, "");
  return { summary: `${words}…`, cut: true };
}

/** "Vinna Vinna - fortbildningsprojekt med folkbildningen": a title and, when the rest starts in lower case, a subtitle. */
export function titleOf(heading: string): { title: string; subtitle?: string } {
  const match = /^(.+?)\s+[-–—:]\s+(\p{Ll}.*)$/u.exec(heading);
  return match ? { title: match[1]!, subtitle: match[2]! } : { title: heading };
}

interface Partner {
  name: string;
  country?: string;
  roles?: PartnerRole[];
  lang?: string;
}

/** Reads one project from its blocks; `file` is where it will be written, for the report. */
export function readProject(blocks: readonly Block[], projectLevel: number, file: string): ProjectReading {
  const report = fileReport(file);
  const [heading, ...rest] = blocks as [Heading, ...Block[]];
  const { title, subtitle } = titleOf(heading.text);
  report.placed.push({ field: "title", from: heading.text });
  if (subtitle) report.guessed.push({ field: "subtitle", value: subtitle, from: heading.text });
  const fields: Record<string, unknown> = { title, ...(subtitle ? { subtitle } : {}) };
  const goals: string[] = [];
  const partners: Partner[] = [];
  const funders: { name: string }[] = [];
  const period: { start?: string; end?: string } = {};
  const files: WantedFile[] = [];
  const body: BodyPart[] = [];
  let summary: string | undefined;
  const drop = (item: Dropped) => report.dropped.push(item);
  const partnerNamed = (name: string) => partners.find((partner) => partner.name.toLowerCase() === name.toLowerCase());

  for (let index = 0; index < rest.length; index++) {
    const block = rest[index]!;
    block.dropped.forEach(drop);
    const next = rest.slice(index + 1).find((later) => later.kind !== "removed");
    switch (block.kind) {
      case "heading":
        if (GOALS_HEADING.test(block.text) && next?.kind === "list" && goals.length === 0) {
          drop({ what: "rubrik", text: block.text, reason: "rubriken för målen; sidan visar en egen" });
          for (const item of next.items) goals.push(htmlToMarkdown(item.html).replace(/\s*\n\s*/g, " "));
          next.dropped.forEach(drop);
          report.placed.push({ field: `goals (${next.items.length})`, from: `listan under ${block.text}` });
          index = rest.indexOf(next);
        } else {
          body.push({ markdown: blockToMarkdown(block, projectLevel)!, heading: block.level });
        }
        break;
      case "paragraph": {
        const countries = block.lines.map(countryLine);
        const introLines = block.lines.filter((_, line) => !countries[line]);
        if (countries.some(Boolean) && introLines.every((line) => line.endsWith(":"))) {
          for (const line of introLines) drop({ what: "mening", text: line, reason: "inledde listan över partner, som sidan visar själv" });
          for (const country of countries.filter((found) => found !== undefined)) {
            drop({ what: "land", text: country.label, reason: `står som country: ${country.code} hos partnerna` });
            for (const name of country.names) {
              const partner = partnerNamed(name) ?? (partners.push({ name }), partners.at(-1)!);
              partner.country = country.code;
              const lang = NAME_LANGUAGES[country.code];
              if (lang) {
                partner.lang = lang;
                report.guessed.push({ field: `partners: ${name}, lang`, value: lang, from: `${country.label}: …` });
              }
            }
            report.placed.push({ field: `partners (${country.names.length}, ${country.code})`, from: `${country.label}: ${country.names.join(", ")}` });
          }
          break;
        }
        const sentences = sentencesOf(block.text);
        for (const sentence of sentences) {
          const role = ROLE_SENTENCE.exec(sentence);
          if (role && !NOT_A_NAME.test(role[1]!)) {
            const name = role[1]!.trim();
            const roles = [...new Set([role[2]!, role[3]].filter((word): word is string => Boolean(word)).map((word) => ROLE_WORDS[word.toLowerCase()]!))];
            const partner = partnerNamed(name) ?? (partners.push({ name }), partners.at(-1)!);
            partner.roles = [...new Set([...(partner.roles ?? []), ...roles])];
            report.guessed.push({ field: `partners: ${name}, roles`, value: roles.join(", "), from: sentence });
          }
          const funder = FUNDER_SENTENCE.exec(sentence)?.[1]?.trim();
          if (funder && !funders.some((known) => known.name === funder)) {
            funders.push({ name: funder });
            report.guessed.push({ field: "funders", value: funder, from: sentence });
          }
          const end = END_SENTENCE.test(sentence) && findSwedishDate(sentence);
          if (end && !period.end) {
            period.end = end.iso;
            report.guessed.push({ field: "period.end", value: end.iso, from: sentence });
          }
          const years = YEARS.exec(sentence);
          if (years && !period.start && Number(years[1]) <= Number(years[2])) {
            period.start = years[1];
            period.end ??= years[2];
            report.guessed.push({ field: "period", value: `${years[1]}–${years[2]}`, from: sentence });
          }
        }
        // A paragraph that only says who funded the project: the page writes that sentence itself.
        if (sentences.length === 1 && FUNDING_ONLY.test(sentences[0]!) && summary !== undefined) {
          drop({ what: "mening", text: block.text, reason: "sidan skriver själv ”Projektet har haft stöd av …” efter fältet funders" });
          break;
        }
        let markdown = blockToMarkdown(block, projectLevel)!;
        // "Övriga partner var:" before lines of partners by country leads into a list the page shows itself.
        const lead = sentences.at(-1);
        if (lead?.endsWith(":") && next?.kind === "paragraph" && next.lines.some((line) => countryLine(line)) && sentences.length > 1 && markdown.endsWith(lead)) {
          markdown = markdown.slice(0, -lead.length).trimEnd();
          drop({ what: "mening", text: lead, reason: "inledde listan över partner, som sidan visar själv" });
        }
        if (summary === undefined) {
          const first = summaryOf(block.text);
          summary = first.summary;
          report.placed.push({ field: "summary", from: first.cut ? `början av första stycket (kortat till hela meningar, högst ${SUMMARY_LENGTH} tecken)` : "första stycket" });
        }
        body.push({ markdown });
        break;
      }
      case "picture":
        files.push({ kind: "picture", src: block.src, alt: block.alt });
        body.push({ picture: files.length - 1 });
        break;
      case "file":
        files.push({ kind: "document", address: block.href, title: block.text });
        break;
      case "rule":
      case "removed":
        break;
      default:
        body.push({ markdown: blockToMarkdown(block, projectLevel)! });
    }
  }
  Object.assign(fields, { summary: summary ?? "" });
  if (period.start || period.end) fields.period = period;
  if (goals.length > 0) fields.goals = goals;
  // A name the content would refuse (too long, or with no letter to make an address of) is left out, and said so.
  const usable = <T extends { name: string }>(named: T[], what: string) =>
    named.filter(({ name }) => {
      const reason = name.length > MAX_NAME_LENGTH ? nameTooLong(name.length) : swedishSlug(name) ? undefined : "namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det";
      if (reason) drop({ what, text: name, reason: `${reason}; skriv in namnet för hand om det behövs` });
      return !reason;
    });
  partners.splice(0, partners.length, ...usable(partners, "partner"));
  funders.splice(0, funders.length, ...usable(funders, "finansiär"));
  if (partners.length > 0) {
    fields.partners = partners.map(({ name, country, roles, lang }) => ({ name, ...(country ? { country } : {}), ...(roles ? { roles } : {}), ...(lang ? { lang } : {}) }));
    for (const partner of partners.filter((found) => !found.country)) report.check.push(`partnern ${partner.name} har inget land: skriv country (till exempel SE, NO eller DK) om det ska stå i listan per land`);
  }
  if (funders.length > 0) {
    fields.funders = funders;
    report.check.push("finansiärerna är lästa ur meningar: kontrollera att namnen är hela och rätta, och dela upp dem om flera står i samma mening");
  }
  return { title, fields, body: withoutEmptyHeadings(body, report), files, report };
}

/** Headings with nothing left under them (their text went into fields) are dropped, and said so. */
function withoutEmptyHeadings(body: readonly BodyPart[], report: FileReport): BodyPart[] {
  return body.filter((part, index) => {
    if (!("heading" in part) || part.heading === undefined) return true;
    const level = part.heading;
    const after = body.slice(index + 1);
    const end = after.findIndex((later) => "heading" in later && later.heading !== undefined && later.heading <= level);
    const kept = (end < 0 ? after : after.slice(0, end)).some((later) => !("heading" in later) || later.heading === undefined);
    if (!kept) report.dropped.push({ what: "rubrik", text: part.markdown.replace(/^#+\s*/, ""), reason: "inget av texten under rubriken står kvar i brödtexten" });
    return kept;
  });
}
