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
  /** Words of the content area that became facts, and how: for the report. */
  readonly dropped: readonly Dropped[];
}

const REVIEWED = /\b(?:granskades|granskad)\b/i;
const UPDATED = /\b(?:uppdaterad|uppdaterades|ändrad|ändrades)\b/i;
const CONTENT_OWNER = /^(?:innehållsansvarig|sidansvarig|ansvarig för sidan)\s*:?\s*(.+)$/i;
const PUBLISHED_BY = /^publicerad\s+av\s*:?\s*(.+)$/i;
const CONTACT_HEADING = /^(?:kontakt|kontakter|kontaktpersoner|kontakta oss)$/i;
const DETAIL_LABEL = /^(?:tel(?:efon)?|tfn|mobil(?:telefon)?|mob|växel|direkt|e-post|epost|mejl|mail)\.?\s*:?\s*/i;

/** A line of page information, as the fact it gives; undefined for any other line. */
function informationLine(line: string): Partial<Record<keyof PageInformation, string>> | undefined {
  const owner = CONTENT_OWNER.exec(line)?.[1];
  if (owner) return { contentOwner: owner.trim() };
  const publisher = PUBLISHED_BY.exec(line)?.[1];
  if (publisher) return { publishedBy: publisher.trim() };
  const date = (REVIEWED.test(line) || UPDATED.test(line)) && findSwedishDate(line);
  if (date && line.length < date.written.length + 40) return { reviewed: date.iso };
  return undefined;
}

/** The lines of a block that can hold facts. */
const linesOf = (block: Block): readonly string[] => (block.kind === "paragraph" ? block.lines : block.kind === "list" ? block.items.map((item) => item.text) : []);

/** Reads the page information and the contact block from all the blocks of a page. */
export function readPageFacts(blocks: readonly Block[]): PageFacts {
  const used = new Set<Block>();
  const dropped: Dropped[] = [];
  const information: { -readonly [K in keyof PageInformation]: PageInformation[K] } = {};
  for (const block of blocks) {
    const lines = linesOf(block);
    const facts = lines.map((line) => ({ line, fact: informationLine(line) }));
    if (lines.length === 0 || facts.some(({ fact }) => !fact)) continue;
    for (const { line, fact } of facts) {
      if (fact!.contentOwner && !information.contentOwner) information.contentOwner = { value: fact!.contentOwner, from: line };
      if (fact!.publishedBy && !information.publishedBy) information.publishedBy = { value: fact!.publishedBy, from: line };
      const updateOnly = !REVIEWED.test(line);
      if (fact!.reviewed && (!information.reviewed || (information.reviewed.guessed && !updateOnly))) {
        information.reviewed = { value: fact!.reviewed, from: line, guessed: updateOnly };
      }
      if (block.inContent) dropped.push({ what: "sidinformation", text: line, reason: "står i fälten reviewed, contentOwner och publishedBy" });
    }
    used.add(block);
  }
  const contacts = readContacts(blocks, used, dropped);
  return { information, contacts, used, dropped };
}

/** The people under a heading such as "Kontakt", up to the next heading of the same level or higher. */
function readContacts(blocks: readonly Block[], used: Set<Block>, dropped: Dropped[]): PageContact[] {
  const start = blocks.findIndex((block) => block.kind === "heading" && CONTACT_HEADING.test(block.text));
  if (start < 0) return [];
  const heading = blocks[start]! as Extract<Block, { kind: "heading" }>;
  const section: Block[] = [];
  for (const block of blocks.slice(start + 1)) {
    if ((block.kind === "heading" && block.level <= heading.level) || block.kind === "rule" || block.landmark !== heading.landmark) break;
    if (block.kind !== "removed") section.push(block);
  }
  const contacts = peopleOf(section.flatMap(linesOf));
  if (contacts.length === 0) return [];
  used.add(heading);
  if (heading.inContent) dropped.push({ what: "rubrik", text: heading.text, reason: "rubriken för kontaktlistan; startsidan visar en egen" });
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
function peopleOf(lines: readonly string[]): PageContact[] {
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
