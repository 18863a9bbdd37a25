/**
 * One page, several projects: splits the content area into the introduction and the projects,
 * and reads each project's fields from its blocks, wherever the page keeps them. What the markup
 * gives is placed: a list under "Mål" (a heading or a bold line), the text under "Resultat" or
 * "Erfarenheter" (results-and-lessons.ts), a fact box's "Projekttid: 2020–2022" (a line, a
 * definition list, a two-column table, a label above its value), partners by country ("Norge: A,
 * B", "Namn (Sverige)", a table with a "Land" column). What a sentence gives (a funder, a project
 * owner, partners "i samarbete med", a period) is guessed and said so. The rest becomes the body as
 * Markdown, without the lines that went into fields; captions stay captions.
 */
import type { PartnerRole } from "../content/model/schema.ts";
import { countryCodeOfName } from "../format/country.ts";
import type { Block, Dropped, PageImage } from "./blocks.ts";
import { cellText, definitionsOf, factOfLabel, isLabelOnly, labelAndValue, type Definition, type FactKind } from "./fact-labels.ts";
import { blockLines, blockToMarkdown, definitionsToMarkdown, htmlLines, labelRowsToMarkdown, markdownLine, tableToMarkdown, textToMarkdown, valueMarkdown } from "./markdown.ts";
import { funderNames, isPartnerWithCountry, organisationNames, partnerOf } from "./organisations.ts";
import { headingText, linesOf } from "./page-facts.ts";
import { periodOfSentence } from "./periods.ts";
import { fieldOf, ProjectFacts, type ProjectContact } from "./project-facts.ts";
import { fileReport, type FileReport } from "./report.ts";
import { headingKeptCheck, headingMovedReason, LearnedLines, learnedFieldOf, type LearnedField } from "./results-and-lessons.ts";

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

/**
 * A piece of a body: Markdown, or the place of a picture that is put in once it has been fetched.
 * A heading says its level; one whose text went into results or lessons says which (`moved`). A
 * picture's caption says so.
 */
export type BodyPart =
  | { readonly markdown: string; readonly heading?: number; readonly moved?: { readonly field: LearnedField; readonly label: string }; readonly caption?: boolean }
  | { readonly picture: number };

/** The level a bold line that heads a section ("**Resultat**") has among the body's headings: below all of them. */
const BOLD_LINE_LEVEL = 7;

/** A project read from its blocks, before its files are fetched. */
export interface ProjectReading {
  readonly title: string;
  /** The front matter's fields from the page's text, in the order a file shows them. */
  readonly fields: Record<string, unknown>;
  readonly body: readonly BodyPart[];
  readonly files: readonly WantedFile[];
  readonly report: FileReport;
  /** People the project names as its contacts ("Kontaktperson: Anna Berg"), with what the page gives of them. */
  readonly contacts: readonly ProjectContact[];
  /** The project's text, in which the names of the page's people are looked for. */
  readonly text: string;
}

const GOALS_HEADING = /^(?:projektets\s+)?(?:mål|målsättning(?:ar)?|syfte och mål|mål och syfte|effektmål|projektmål)$/i;
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d"”(])/u;
const ROLE_WORDS: Readonly<Record<string, PartnerRole>> = { projektägare: "owner", huvudman: "owner", koordinator: "coordinator", samordnare: "coordinator" };
const ROLE = "(projektägare|huvudman|koordinator|samordnare)";
const ROLE_SENTENCE = new RegExp(`^(.+?)\\s+(?:har varit|var|är|har fungerat som|fungerade som)\\s+${ROLE}(?:\\s+(?:och|samt)\\s+${ROLE})?\\b`, "i");
const NOT_A_NAME = /^(?:projektet|vi|det|den|han|hon|de|som|och)$/i;
const FUNDER_SENTENCE =
  /\b(?:har\s+(?:haft|fått)\s+(?:stöd|bidrag|medel|finansiering|pengar)\s+(?:av|från)|(?:fick|beviljades|erhöll)\s+(?:stöd|bidrag|medel|finansiering|pengar)\s+(?:av|från)|(?:finansierat|finansierats|finansierades|finansieras|delfinansierades|medfinansierades|bekostades|bekostats|stöddes|stöttades)\s+(?:av|med medel från|genom)|med\s+(?:stöd|bidrag|medel|finansiering)\s+(?:av|från))\s+(.+?)[.!]?$/i;
/** "i samarbete med X och Y": partners named in a sentence. */
const PARTNER_SENTENCE = /\bi\s+(?:samarbete|samverkan|partnerskap)\s+med\s+(.+)$/i;
/** The sentence the project page writes itself after its funders. */
const FUNDING_ONLY = /^projektet\s+har\s+(?:haft|fått)\s+stöd\s+(?:av|från)\s+(?:programmet\s+)?[^.]+\.?$/i;
const SUMMARY_LENGTH = 300;
/** A sentence about the project as a whole ("Projektet pågick 2019–2021.", "Projektet har haft stöd av X."): never one of its results. */
const ABOUT_THE_PROJECT = /^projektet\s+(?:pågick|varade|startade|avslutades|har\s+(?:haft|fått)\s+stöd|finansierades|fick\s+stöd|(?:genomfördes|drevs)\s+med\s+stöd)\b/i;

/** A partner table's columns, by their headings: the name, the country and the role. */
const COUNTRY_COLUMN = /^(?:land|länder|country|maa|lande?)$/i;
const NAME_COLUMN = /partner|organisation|namn|name|aktör|bibliotek|institution|deltagare/i;
const ROLE_COLUMN = /^(?:roll|role|funktion)$/i;

/** "Norge: A, B, C" as a country and its partners. */
function countryLine(line: string): { code: string; label: string; names: string[] } | undefined {
  const match = /^([\p{L}][\p{L} .-]*?)\s*:\s*(.+)$/u.exec(line);
  const code = match && countryCodeOfName(match[1]!);
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

/** A label standing above its value: a heading, a bold line, or a line that is a known label alone ("Projekttid", "Resultat"). */
function labelOf(block: Block): string | undefined {
  const heading = headingText(block);
  if (heading !== undefined) return heading.replace(/\s*:$/, "");
  if (block.kind === "paragraph" && block.lines.length === 1 && (isLabelOnly(block.text) || learnedFieldOf(block.text))) return block.text.replace(/\s*:$/, "");
  return undefined;
}

/** A short line that can be a value under a label: a name or a date, not a sentence of prose. */
const isShortValue = (text: string) => text.length <= 150 && !/[.!?]\s+\p{Lu}/u.test(text) && !(text.split(/\s+/).length >= 4 && /[.!?]$/.test(text));

/** Reads one project from its blocks; `file` is where it will be written, for the report. `usedLines` are lines the page's facts took. */
export function readProject(blocks: readonly Block[], projectLevel: number, file: string, usedLines: ReadonlyMap<Block, ReadonlySet<string>> = new Map()): ProjectReading {
  const report = fileReport(file);
  const [heading, ...rest] = blocks as [Heading, ...Block[]];
  const { title, subtitle } = titleOf(heading.text);
  report.placed.push({ field: "title", from: heading.text });
  if (subtitle) report.guessed.push({ field: "subtitle", value: subtitle, from: heading.text });
  const fields: Record<string, unknown> = { title, ...(subtitle ? { subtitle } : {}) };
  const facts = new ProjectFacts(report);
  const goals: string[] = [];
  const learned = new LearnedLines(report);
  const files: WantedFile[] = [];
  const body: BodyPart[] = [];
  const texts: string[] = [heading.text];
  let summary: string | undefined;
  const drop = (item: Dropped) => report.dropped.push(item);
  const tookFact = (kind: FactKind, text: string) => drop({ what: "fakta", text, reason: `står i fältet ${fieldOf(kind)}` });
  /** The blocks after one, without those left out whole. */
  function* later(index: number): Generator<Block> {
    for (const block of rest.slice(index + 1)) if (block.kind !== "removed") yield block;
  }

  /** The blocks under a label that are its value: a list, or the short lines up to the next label; how many were taken. */
  const labelledValues = (kind: FactKind, label: string, index: number): number => {
    const values: Block[] = [];
    for (const block of later(index)) {
      if (block.kind === "list" && values.length === 0 && kind !== "period" && kind !== "start" && kind !== "end") {
        values.push(block);
        break;
      }
      if (block.kind !== "paragraph" || block.caption || labelOf(block) !== undefined || !block.lines.every(isShortValue)) break;
      values.push(block);
      if (kind === "period" || kind === "start" || kind === "end") break;
    }
    if (values.length === 0) return 0;
    const lines = values.flatMap((block) => linesOf(block).filter((line) => !usedLines.get(block)?.has(line)));
    const from = `${label}: ${lines.join(", ")}`;
    const taken =
      kind === "contacts"
        ? facts.addContacts(lines, from)
        : kind === "funders" || kind === "partners" || kind === "owner" || kind === "coordinator"
          ? lines.map((line) => (kind === "partners" ? facts.addPartners([partnerOf(line)], from, "placed") : facts.addLabelled(kind, line, from))).some(Boolean)
          : facts.addLabelled(kind, lines.join(" "), from);
    if (!taken) return 0;
    tookFact(kind, from);
    for (const block of values) block.dropped.forEach(drop);
    return rest.indexOf(values.at(-1)!) - index;
  };

  /**
   * Lines "Label: value" whose label names a fact, or results or lessons ("Resultat: 300 barn
   * deltog"): taken into fields, and their text left out of the body. `html` gives a line's HTML,
   * so that a result keeps its links.
   */
  const labelledLines = (block: Block, lines: readonly string[], html: (line: string) => string | undefined): Set<string> => {
    const taken = new Set<string>();
    for (const line of lines) {
      const pair = labelAndValue(line);
      if (!pair) continue;
      const field = block.frame ? undefined : learnedFieldOf(pair.label);
      if (field) {
        if (learned.takeLabelled(field, pair.label, [valueMarkdown(html(line), pair.label, pair.value)]) > 0) {
          taken.add(line);
          drop({ what: "rubrik", text: pair.label, reason: headingMovedReason(field) });
        }
        continue;
      }
      const kind = factOfLabel(pair.label);
      if (kind && facts.addLabelled(kind, pair.value, line)) {
        taken.add(line);
        tookFact(kind, line);
      }
    }
    return taken;
  };

  /**
   * The section under way under a label of results or lessons (its field and label are `learned`'s):
   * the part of the page it stands in, and its heading in the body, which says so once text under
   * it was moved.
   */
  type SectionHeading = { markdown: string; heading: number; moved?: { field: LearnedField; label: string } };
  let section: { landmark: number; heading?: SectionHeading } | undefined;
  const startSection = (field: LearnedField, label: string, block: Block, heading?: SectionHeading) => {
    closeSection();
    learned.start(field, label);
    section = { landmark: block.landmark, ...(heading ? { heading } : {}) };
  };
  const closeSection = () => {
    const closed = learned.close();
    if (closed && closed.taken > 0 && section?.heading) section.heading.moved = { field: closed.field, label: closed.label };
    section = undefined;
  };
  /**
   * Whether a block goes on with the section under way: the paragraphs and lists under its label, in
   * the same part of the page, and the pictures and files among them, which stay where they are.
   */
  const continuesSection = (block: Block) =>
    block.kind === "removed" ||
    block.kind === "file" ||
    block.kind === "picture" ||
    (block.landmark === section?.landmark && (block.kind === "list" || (block.kind === "paragraph" && (block.caption || labelOf(block) === undefined))));
  /**
   * Moves a paragraph's or a list's lines into the section under way, as many as its field takes,
   * adding them to `omitted`. A line of a paragraph that is a label alone ("Lärdomar" above its
   * lines) starts a section of its own. `closing` (sentences about the whole project that end the
   * block) is left out of its last line: whether it was.
   */
  const moveToSection = (block: Block, omitted: Set<string>, closing = ""): boolean => {
    const lines = blockLines(block, omitted);
    const last = lines.at(-1);
    const cut = closing !== "" && last !== undefined && last.markdown.length > closing.length && last.markdown.endsWith(closing);
    if (cut) last.markdown = last.markdown.slice(0, -closing.length).trimEnd();
    let run: typeof lines = [];
    let moved = false;
    const flush = () => {
      const taken = learned.takeInSection(run.map((line) => line.markdown));
      for (const line of run.slice(0, taken)) omitted.add(line.text);
      moved ||= run.slice(0, taken).includes(last!);
      run = [];
    };
    for (const line of lines) {
      const field = block.kind === "paragraph" && lines.length > 1 && !block.frame ? learnedFieldOf(line.text) : undefined;
      if (field) {
        flush();
        startSection(field, line.text.replace(/\s*:$/, ""), block);
        omitted.add(line.text);
        drop({ what: "rubrik", text: line.text, reason: headingMovedReason(field) });
      } else if (section) {
        run.push(line);
      }
    }
    flush();
    return cut && moved;
  };

  for (let index = 0; index < rest.length; index++) {
    const block = rest[index]!;
    const next = later(index).next().value as Block | undefined;
    const label = labelOf(block);
    if (section && !continuesSection(block)) closeSection();
    if (label !== undefined && GOALS_HEADING.test(label) && next?.kind === "list" && goals.length === 0) {
      block.dropped.forEach(drop);
      drop({ what: "rubrik", text: label, reason: "rubriken för målen; sidan visar en egen" });
      goals.push(...blockLines(next).map((line) => line.markdown));
      next.dropped.forEach(drop);
      report.placed.push({ field: `goals (${next.items.length})`, from: `listan under ${label}` });
      index = rest.indexOf(next);
      continue;
    }
    // A heading, a bold line or a label alone over results or lessons: what follows goes into the field.
    const field = label === undefined || block.frame ? undefined : learnedFieldOf(label);
    if (field) {
      block.dropped.forEach(drop);
      const heading = { markdown: blockToMarkdown(block, projectLevel)!, heading: block.kind === "heading" ? block.level : BOLD_LINE_LEVEL };
      startSection(field, label!, block, heading);
      body.push(heading);
      continue;
    }
    const kind = label === undefined ? undefined : factOfLabel(label);
    if (kind) {
      const taken = labelledValues(kind, label!, index);
      if (taken > 0) {
        block.dropped.forEach(drop);
        index += taken;
        continue;
      }
    }
    block.dropped.forEach(drop);
    switch (block.kind) {
      case "heading":
        texts.push(block.text);
        body.push({ markdown: blockToMarkdown(block, projectLevel)!, heading: block.level });
        break;
      case "paragraph": {
        if (block.caption) {
          texts.push(block.text);
          body.push({ markdown: blockToMarkdown(block, projectLevel)!, caption: true });
          report.placed.push({ field: "brödtexten (bildtext)", from: block.text });
          break;
        }
        const omitted = new Set(usedLines.get(block));
        const lines = block.lines.filter((line) => !omitted.has(line));
        const countries = lines.map(countryLine);
        const introLines = lines.filter((_, line) => !countries[line]);
        if (countries.some(Boolean) && introLines.every((line) => line.endsWith(":"))) {
          for (const line of introLines) drop({ what: "mening", text: line, reason: "inledde listan över partner, som sidan visar själv" });
          for (const country of countries.filter((found) => found !== undefined)) {
            drop({ what: "land", text: country.label, reason: `står som country: ${country.code} hos partnerna` });
            facts.addPartners(country.names.map((name) => ({ name, country: country.code })), `${country.label}: ${country.names.join(", ")}`, "placed");
          }
          break;
        }
        const lineHtml = new Map(htmlLines(block.html).map((line) => [line.text, line.html]));
        for (const line of labelledLines(block, lines, (text) => lineHtml.get(text))) omitted.add(line);
        // Lines that are each a partner and its country: "Nasjonalbiblioteket (Norge)".
        const remaining = lines.filter((line) => !omitted.has(line));
        if (remaining.length > 0 && remaining.every(isPartnerWithCountry)) {
          facts.addPartners(remaining.map(partnerOf), remaining.join(", "), "placed");
          tookFact("partners", remaining.join(", "));
          break;
        }
        const text = block.lines.filter((line) => !omitted.has(line)).join(" ");
        if (!text) break;
        texts.push(text);
        // Read from every sentence; what is only about the project as a whole is none of its results.
        const sentences = sentencesOf(text).map((sentence) => ({ sentence, about: readSentence(sentence, facts) && ABOUT_THE_PROJECT.test(sentence) }));
        const aboutProject = sentences.every(({ about }) => about);
        const closing = sentences.slice(sentences.findLastIndex(({ about }) => !about) + 1).map(({ sentence }) => sentence);
        // A paragraph that only says who funded the project: the page writes that sentence itself.
        if (sentences.length === 1 && FUNDING_ONLY.test(text) && summary !== undefined) {
          drop({ what: "mening", text, reason: "sidan skriver själv ”Projektet har haft stöd av …” efter fältet funders" });
          break;
        }
        // Said under "Resultat", what is about the whole project stays in the body, before that heading.
        const beforeSection = () => (section?.heading ? body.indexOf(section.heading) : body.length);
        if (!aboutProject && moveToSection(block, omitted, closing.join(" "))) body.splice(beforeSection(), 0, { markdown: textToMarkdown(closing.join(" ")) });
        const kept = block.lines.filter((line) => !omitted.has(line)).join(" ");
        if (!kept) break;
        const keptSentences = sentencesOf(kept);
        let markdown = blockToMarkdown(block, projectLevel, omitted) ?? "";
        // "Övriga partner var:" before lines of partners by country leads into a list the page shows itself.
        const lead = keptSentences.at(-1);
        if (lead?.endsWith(":") && next?.kind === "paragraph" && next.lines.some((line) => countryLine(line)) && keptSentences.length > 1 && markdown.endsWith(lead)) {
          markdown = markdown.slice(0, -lead.length).trimEnd();
          drop({ what: "mening", text: lead, reason: "inledde listan över partner, som sidan visar själv" });
        }
        if (summary === undefined) {
          const first = summaryOf(kept);
          summary = first.summary;
          report.placed.push({ field: "summary", from: first.cut ? `början av första stycket (kortat till hela meningar, högst ${SUMMARY_LENGTH} tecken)` : "första stycket" });
        }
        if (markdown) body.splice(aboutProject ? beforeSection() : body.length, 0, { markdown });
        break;
      }
      case "list": {
        const omitted = labelledLines(
          block,
          block.items.map((item) => item.text),
          (text) => block.items.find((item) => item.text === text)?.html,
        );
        const items = block.items.filter((item) => !omitted.has(item.text));
        if (items.length > 0 && items.every((item) => isPartnerWithCountry(item.text))) {
          facts.addPartners(items.map((item) => partnerOf(item.text)), items.map((item) => item.text).join(", "), "placed");
          tookFact("partners", items.map((item) => item.text).join(", "));
          break;
        }
        texts.push(...items.map((item) => item.text));
        moveToSection(block, omitted);
        const markdown = blockToMarkdown(block, projectLevel, omitted);
        if (markdown) body.push({ markdown });
        break;
      }
      case "table": {
        const markdown = readTable(block.rows, facts, tookFact);
        texts.push(block.text);
        if (markdown) body.push({ markdown });
        break;
      }
      case "other": {
        const definitions = block.html.startsWith("<dl>") ? definitionsOf(block.html) : [];
        const omitted = new Set<string>();
        const left: Definition[] = [];
        for (const definition of definitions) {
          // `<dt>Resultat</dt>`: each value a line; what the field has no room for stays in the body.
          const learnedField = block.frame ? undefined : learnedFieldOf(definition.label);
          if (learnedField) {
            const lines = definition.values.map((value) => markdownLine(value.html)).filter(Boolean);
            const taken = learned.takeLabelled(learnedField, definition.label, lines);
            if (taken === 0) continue;
            omitted.add(definition.label);
            drop({ what: "rubrik", text: definition.label, reason: headingMovedReason(learnedField) });
            if (taken < definition.values.length) left.push({ label: definition.label, values: definition.values.slice(taken) });
            continue;
          }
          const kind = factOfLabel(definition.label);
          const from = `${definition.label}: ${definition.values.map((value) => value.text).join(", ")}`;
          if (!kind) continue;
          const taken = kind === "period" || kind === "start" || kind === "end" ? facts.addLabelled(kind, definition.values.map((value) => value.text).join(" "), from) : definition.values.map((value) => facts.addLabelled(kind, value.text, from)).some(Boolean);
          if (!taken) continue;
          omitted.add(definition.label);
          tookFact(kind, from);
        }
        texts.push(block.text);
        const markdown = [blockToMarkdown(block, projectLevel, omitted), left.length > 0 ? definitionsToMarkdown(left) : undefined].filter(Boolean).join("\n");
        if (markdown) body.push({ markdown });
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
    }
  }
  closeSection();
  Object.assign(fields, { summary: summary ?? "" });
  const { period, ...others } = facts.fields();
  if (period) fields.period = period;
  if (goals.length > 0) fields.goals = goals;
  Object.assign(fields, learned.fields());
  Object.assign(fields, others);
  return { title, fields, body: withoutEmptyHeadings(body, report), files, report, contacts: facts.contacts, text: texts.join("\n") };
}

/** What one sentence says: a partner's roles, funders, partners "i samarbete med", the period; whether it gave funders or a period. */
function readSentence(sentence: string, facts: ProjectFacts): boolean {
  const role = ROLE_SENTENCE.exec(sentence);
  if (role && !NOT_A_NAME.test(role[1]!)) {
    const roles = [...new Set([role[2]!, role[3]].filter((word): word is string => Boolean(word)).map((word) => ROLE_WORDS[word.toLowerCase()]!))];
    facts.addPartners([{ name: role[1]!.trim() }], sentence, "guessed", roles);
  }
  const funders = FUNDER_SENTENCE.exec(sentence)?.[1];
  const funded = funders !== undefined && facts.addFunders(funderNames(funders), sentence, "guessed");
  const partners = PARTNER_SENTENCE.exec(sentence)?.[1];
  if (partners) facts.addPartners(organisationNames(partners, { capitalised: true }).map(partnerOf), sentence, "guessed");
  const labelled = labelAndValue(sentence.replace(/[.]$/, ""));
  const kind = labelled && factOfLabel(labelled.label);
  if (kind === "period" || kind === "start" || kind === "end") return facts.addLabelled(kind, labelled!.value, sentence) || funded;
  const period = periodOfSentence(sentence);
  return (period !== undefined && facts.addPeriod(period, sentence, "guessed")) || funded;
}

/**
 * A table's facts: a table with a "Land" column is a list of partners, a two-column table of
 * labels a fact box. What the fields do not hold stays in the body, as Markdown.
 */
function readTable(rows: readonly (readonly string[])[], facts: ProjectFacts, took: (kind: FactKind, text: string) => void): string | undefined {
  const texts = rows.map((row) => row.map(cellText));
  const header = texts[0] ?? [];
  const country = header.findIndex((cell) => COUNTRY_COLUMN.test(cell));
  if (country >= 0 && texts.length > 1) {
    const name = header.findIndex((cell, index) => index !== country && NAME_COLUMN.test(cell));
    const nameColumn = name >= 0 ? name : header.findIndex((_, index) => index !== country);
    const role = header.findIndex((cell) => ROLE_COLUMN.test(cell));
    for (const row of texts.slice(1)) {
      const partnerName = row[nameColumn];
      if (!partnerName) continue;
      const code = countryCodeOfName(row[country] ?? "");
      const roles = role >= 0 && ROLE_WORDS[(row[role] ?? "").toLowerCase()] ? [ROLE_WORDS[row[role]!.toLowerCase()]!] : [];
      facts.addPartners([{ name: partnerName, ...(code ? { country: code } : {}) }], row.join(" | "), "placed", roles);
    }
    const whole = header.every((_, index) => [country, nameColumn, role].includes(index));
    if (whole) {
      took("partners", texts.map((row) => row.join(" | ")).join("; "));
      return undefined;
    }
    return tableToMarkdown(rows);
  }
  if (header.length !== 2 || !texts.every((row) => row.length === 2 && row[0]!.length <= 40)) return tableToMarkdown(rows);
  const kept = rows.filter((row, index) => {
    const [label, value] = texts[index]!;
    const kind = factOfLabel(label!);
    if (!kind || !facts.addLabelled(kind, value!, `${label}: ${value}`)) return true;
    took(kind, `${label}: ${value}`);
    return false;
  });
  if (kept.length === rows.length) return tableToMarkdown(rows);
  return kept.length > 0 ? labelRowsToMarkdown(kept) : undefined;
}

/**
 * Headings with nothing left under them (their text went into fields) are dropped, and said so. A
 * heading whose text went into results or lessons is dropped when only pictures are left under it.
 */
function withoutEmptyHeadings(body: readonly BodyPart[], report: FileReport): BodyPart[] {
  return body.filter((part, index) => {
    if (!("heading" in part) || part.heading === undefined) return true;
    const level = part.heading;
    const after = body.slice(index + 1);
    const end = after.findIndex((later) => "heading" in later && later.heading !== undefined && later.heading <= level);
    const text = (later: BodyPart) => "markdown" in later && later.heading === undefined && !later.caption;
    const kept = (end < 0 ? after : after.slice(0, end)).some((later) => (part.moved ? text(later) : !("heading" in later) || later.heading === undefined));
    const heading = part.markdown.replace(/^#+\s*|^\*\*(.*)\*\*$/, "$1");
    if (!kept) report.dropped.push({ what: "rubrik", text: heading, reason: part.moved ? headingMovedReason(part.moved.field) : "inget av texten under rubriken står kvar i brödtexten" });
    else if (part.moved) report.check.push(headingKeptCheck(part.moved.field, part.moved.label));
    return kept;
  });
}
