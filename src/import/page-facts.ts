/**
 * What a page says about itself and its people, found anywhere on the page by its text, since it
 * often stands in a side column outside the content area: "Sidan granskades den 4 juli 2018",
 * "Innehållsansvarig: X", "Publicerad av X", and a "Kontakt" block of names, titles and numbers.
 */
import { findSwedishDate } from "../format/date.ts";
import { phoneNumberIn } from "../format/phone.ts";
import type { Block, Dropped } from "./blocks.ts";

/** A fact with the words of the page it was read from. */
export interface ReadFact<T> {
  readonly value: T;
  readonly from: string;
}

export interface PageInformation {
  readonly reviewed?: ReadFact<string> & { readonly guessed: boolean };
  readonly contentOwner?: ReadFact<string>;
  readonly publishedBy?: ReadFact<string>;
}

/** A person of the page's contact block. */
export interface PageContact {
  readonly name: string;
  readonly title: string | undefined;
  readonly phones: readonly string[];
  readonly email: string | undefined;
}

export interface PageFacts {
  readonly information: PageInformation;
  readonly contacts: readonly PageContact[];
  /** Blocks whose whole text went into these facts: they are not read again as a project's text. */
  readonly used: ReadonlySet<Block>;
  /** Lines of other blocks that went into these facts (page information after a project's text): left out of the body. */
  readonly usedLines: ReadonlyMap<Block, ReadonlySet<string>>;
  /** Words of the content area that became facts, and how: for the report. */
  readonly dropped: readonly Dropped[];
}

const REVIEWED = /\b(?:granskades|granskad)\b/i;
const UPDATED = /\b(?:uppdaterad|uppdaterades|ändrad|ändrades)\b/i;
const CONTENT_OWNER = /^(?:innehållsansvarig|sidansvarig|ansvarig för sidan)\s*:?\s*(.+)$/i;
const PUBLISHED_BY = /^publicerad\s+av\s*:?\s*(.+)$/i;
/** The words a piece of page information starts with. */
const INFORMATION_WORDS =
  "(?:sidan\\s+(?:granskades|uppdaterades|ändrades)|senast\\s+(?:granskad|uppdaterad|ändrad|reviderad)|granskad|uppdaterad|innehållsansvarig|sidansvarig|ansvarig\\s+för\\s+sidan|publicerad\\s+av)\\b";
/** Where the next piece starts in text run together, but not inside a label ("Senast granskad"). */
const NEXT_PIECE = new RegExp(`(?<!\\b(?:senast|sidan))\\s+(?=${INFORMATION_WORDS})`, "gi");
/** The stricter test for a line among other text: it starts with a label. */
const STARTS_WITH_LABEL = new RegExp(`^${INFORMATION_WORDS}`, "i");
/** A label alone, its value in the next block, as Drupal's fields write it ("Sidan granskades" above "3 oktober 2023"). */
const LABEL_ALONE = new RegExp(`^${INFORMATION_WORDS}\\s*:?$`, "i");
/** What runs page information together on one line: "Senast uppdaterad: 14 mars 2024 · Sidansvarig: Anna Berg". */
const SEPARATOR = /\s+[·|•]\s+|\s*\|\s*/;
const CONTACT_HEADING = /^(?:kontakt|kontakter|kontaktperson|kontaktpersoner|kontakta oss)$/i;
const DETAIL_LABEL = /^(?:tel(?:efon)?|tfn|mobil(?:telefon)?|mob|växel|direkt|e-post|epost|mejl|mail)\.?\s*:?\s*/i;

type Information = Partial<Record<keyof PageInformation, string>>;

/** One piece of page information, as the fact it gives; undefined for anything else. */
function informationPiece(piece: string): Information | undefined {
  const owner = CONTENT_OWNER.exec(piece)?.[1];
  if (owner) return { contentOwner: owner.trim() };
  const publisher = PUBLISHED_BY.exec(piece)?.[1];
  if (publisher) return { publishedBy: publisher.trim() };
  const date = (REVIEWED.test(piece) || UPDATED.test(piece)) && findSwedishDate(piece);
  if (date && piece.length < date.written.length + 40) return { reviewed: date.iso };
  return undefined;
}

/**
 * A line of page information as the facts it gives, or undefined when any piece of it is something
 * else. Pieces are split at separators (·, |, •) and, for text a portlet ran together, where the
 * next label starts ("Senast uppdaterad: 14 mars 2024 Sidansvarig: Anna Berg").
 */
export function informationLine(line: string): { piece: string; fact: Information }[] | undefined {
  const pieces = line
    .split(SEPARATOR)
    .flatMap((part) => part.split(NEXT_PIECE))
    .map((piece) => piece.trim().replace(/[,;]$/, ""))
    .filter(Boolean);
  const facts = pieces.map((piece) => ({ piece, fact: informationPiece(piece) }));
  return facts.length > 0 && facts.every(({ fact }) => fact) ? (facts as { piece: string; fact: Information }[]) : undefined;
}

/** A line of page information among other lines: it must start with one of the labels. */
const labelledInformation = (line: string) => (STARTS_WITH_LABEL.test(line) ? informationLine(line) : undefined);

/** The lines of a block that can hold facts. */
export const linesOf = (block: Block): readonly string[] => (block.kind === "paragraph" ? block.lines : block.kind === "list" ? block.items.map((item) => item.text) : []);

/** The text an HTML portlet had, which the page dropped whole: page information is often kept in one. */
const portletTexts = (block: Block): readonly string[] => (block.kind === "removed" ? block.dropped.filter((item) => item.what === "HTML-portlet" && item.text).map((item) => item.text) : []);

/** Reads the page information and the contact block from all the blocks of a page. */
export function readPageFacts(blocks: readonly Block[]): PageFacts {
  const used = new Set<Block>();
  const usedLines = new Map<Block, Set<string>>();
  const dropped: Dropped[] = [];
  const information: { -readonly [K in keyof PageInformation]: PageInformation[K] } = {};
  const take = (pieces: { piece: string; fact: Information }[]) => {
    for (const { piece, fact } of pieces) {
      if (fact.contentOwner && !information.contentOwner) information.contentOwner = { value: fact.contentOwner, from: piece };
      if (fact.publishedBy && !information.publishedBy) information.publishedBy = { value: fact.publishedBy, from: piece };
      const updateOnly = !REVIEWED.test(piece);
      if (fact.reviewed && (!information.reviewed || (information.reviewed.guessed && !updateOnly))) {
        information.reviewed = { value: fact.reviewed, from: piece, guessed: updateOnly };
      }
    }
  };
  const reason = "står i fälten reviewed, contentOwner och publishedBy";
  for (const [index, block] of blocks.entries()) {
    const label = blocks[index - 1];
    if (label?.kind === "paragraph" && label.lines.length === 1 && LABEL_ALONE.test(label.text) && block.kind === "paragraph" && block.lines.length === 1 && label.landmark === block.landmark) {
      const line = `${label.text.replace(/\s*:$/, "")} ${block.text}`;
      const pieces = informationLine(line);
      if (pieces) {
        take(pieces);
        if (block.inContent) dropped.push({ what: "sidinformation", text: line, reason });
        used.add(label).add(block);
        continue;
      }
    }
    for (const text of portletTexts(block)) {
      const pieces = informationLine(text);
      if (pieces) take(pieces);
    }
    const lines = linesOf(block);
    if (lines.length === 0) continue;
    const whole = lines.map(informationLine);
    if (whole.every(Boolean)) {
      for (const [index, pieces] of whole.entries()) {
        take(pieces!);
        if (block.inContent) dropped.push({ what: "sidinformation", text: lines[index]!, reason });
      }
      used.add(block);
      continue;
    }
    // Page information at the end of other text (a contact block, a project's last paragraph) starts with its label.
    for (const line of lines) {
      const pieces = labelledInformation(line);
      if (!pieces) continue;
      take(pieces);
      (usedLines.get(block) ?? usedLines.set(block, new Set()).get(block)!).add(line);
      if (block.inContent) dropped.push({ what: "sidinformation", text: line, reason });
    }
  }
  const contacts = readContacts(blocks, used, usedLines, dropped);
  return { information, contacts, used, usedLines, dropped };
}

/** A heading, or a paragraph of bold text alone (`<p><strong>Kontakt</strong></p>`), as hand-written pages make headings. */
export function headingText(block: Block): string | undefined {
  if (block.kind === "heading") return block.text;
  if (block.kind === "paragraph" && block.lines.length === 1 && /^<(strong|b)>[^<]*<\/\1>:?$/.test(block.html.trim())) return block.text.replace(/:$/, "");
  return undefined;
}

/**
 * The people under a heading such as "Kontakt", up to the next heading of the same level or higher
 * and never past page information ("Senast uppdaterad: 2021-03-02" is no phone number). The page's
 * contact block is the first one outside the content area, else the first one in it.
 */
function readContacts(blocks: readonly Block[], used: Set<Block>, usedLines: Map<Block, Set<string>>, dropped: Dropped[]): PageContact[] {
  const headings = blocks.flatMap((block, index) => (headingText(block) !== undefined && CONTACT_HEADING.test(headingText(block)!) ? [index] : []));
  const start = headings.find((index) => !blocks[index]!.inContent) ?? headings[0];
  if (start === undefined) return [];
  const heading = blocks[start]!;
  const level = heading.kind === "heading" ? heading.level : 7;
  const section: Block[] = [];
  const lines: string[] = [];
  sections: for (const block of blocks.slice(start + 1)) {
    if ((block.kind === "heading" && block.level <= level) || block.kind === "rule" || block.landmark !== heading.landmark || used.has(block)) break;
    if (block.kind === "removed") continue;
    section.push(block);
    for (const line of linesOf(block)) {
      if (usedLines.get(block)?.has(line) || informationLine(line)) break sections;
      lines.push(line);
    }
  }
  const contacts = peopleOf(lines);
  if (contacts.length === 0) return [];
  used.add(heading);
  if (heading.inContent) {
    dropped.push({ what: "rubrik", text: headingText(heading)!, reason: "rubriken för kontaktlistan; startsidan visar en egen" });
    dropped.push({ what: "kontaktuppgifter", text: lines.join(", "), reason: "står i kontaktfilerna (kontakter/) och i contacts i site.yaml" });
  }
  for (const block of section) if (linesOf(block).length > 0) used.add(block);
  return contacts;
}

type Line = { kind: "phone"; value: string } | { kind: "email"; value: string } | { kind: "text"; value: string };

function classify(line: string): Line {
  const value = line.replace(DETAIL_LABEL, "").trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { kind: "email", value };
  // The number as the site shows it: a line may say more ("019-602 72 54 (växel)"), a field may not.
  const phone = /\d/.test(value) ? phoneNumberIn(value) : undefined;
  if (phone) return { kind: "phone", value: phone.display };
  return { kind: "text", value: line };
}

/** People from lines: a name, a title, then numbers and addresses; a name after a number starts the next person. */
export function peopleOf(lines: readonly string[]): PageContact[] {
  const people: { texts: string[]; phones: string[]; email?: string }[] = [];
  let detailsSeen = true;
  for (const line of lines.map(classify)) {
    if (line.kind === "text") {
      if (detailsSeen) people.push({ texts: [], phones: [] });
      detailsSeen = false;
      people.at(-1)!.texts.push(line.value);
    } else if (people.length > 0) {
      detailsSeen = true;
      if (line.kind === "phone") people.at(-1)!.phones.push(line.value);
      else people.at(-1)!.email ??= line.value;
    }
  }
  return people
    .filter((person) => /\p{L}/u.test(person.texts[0] ?? "") && person.texts[0]!.length <= 80)
    .map(({ texts: [name, ...title], phones, email }) => ({ name: name!, title: title.length > 0 ? title.join(", ") : undefined, phones, email }));
}
