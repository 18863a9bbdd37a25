/**
 * What a project achieved and what was learned, as old pages head it: "Resultat", "Vad blev
 * resultatet?", "Utfall", "Måluppfyllelse" give `results`; "Erfarenheter", "Lärdomar",
 * "Reflektioner", "Det här tar vi med oss" give `lessons`. An evaluation ("Utvärdering") reports
 * what was measured, how many came and what they said, so it gives `results`; a heading that names
 * both ("Resultat och erfarenheter") goes by its first word.
 *
 * A field holds at most {@link MAX_LEARNED_LINES} lines: a page with more keeps the rest in the body
 * under its heading, and the report says how many.
 */
import type { FileReport } from "./report.ts";

export type LearnedField = "results" | "lessons";

const RESULTS = [
  "(?:projektets\\s+)?resultat(?:et|en)?",
  "resultat och (?:effekter|erfarenheter|lärdomar)",
  "resultat och utvärdering",
  "(?:projektets\\s+)?effekter",
  "vad blev resultatet",
  "så (?:blev|gick) det",
  "utfall(?:et)?",
  "måluppfyllelse",
  "utvärdering(?:en)?",
  "utvärdering och resultat",
  // Norwegian, Danish, Finnish and English.
  "resultater(?:ne)?",
  "tulokset",
  "results?",
  "outcomes?",
  "evaluation",
];

const LESSONS = [
  "(?:våra\\s+|projektets\\s+)?erfarenheter(?:na)?",
  "(?:våra\\s+|projektets\\s+)?lärdomar(?:na)?",
  "lärdomar och erfarenheter",
  "erfarenheter och lärdomar",
  "reflektion(?:er)?",
  "(?:det här|detta) tar vi med oss",
  "vad (?:lärde vi oss|har vi lärt oss)",
  "(?:tips|råd) till andra",
  "erfaringer(?:ne)?",
  "lærdom(?:mer)?",
  "lessons(?: learned| learnt)?",
];

const pattern = (labels: readonly string[]) => new RegExp(`^(?:${labels.join("|")})$`, "i");
const RESULTS_LABEL = pattern(RESULTS);
const LESSONS_LABEL = pattern(LESSONS);

/** How many lines a field takes from a page: more is a report rather than a summary of what was learned. */
export const MAX_LEARNED_LINES = 50;

/** The field a label names ("Resultat", "Lärdomar:", "Vad blev resultatet?", "Det här tar vi med oss…"), or undefined. */
export function learnedFieldOf(label: string): LearnedField | undefined {
  const clean = label
    .replace(/[\s:?!.…]+$/u, "")
    .replace(/\s+/g, " ")
    .trim();
  if (RESULTS_LABEL.test(clean)) return "results";
  if (LESSONS_LABEL.test(clean)) return "lessons";
  return undefined;
}

/** What the report calls each field's lines. */
const NAMES: Readonly<Record<LearnedField, string>> = { results: "resultaten", lessons: "erfarenheterna" };

/** Why a heading over lines that went into a field is left out of the body. */
export const headingMovedReason = (field: LearnedField) => `rubriken för ${NAMES[field]}; texten under den står i fältet ${field}, och projektsidan visar en egen rubrik`;

/** What the report asks of a heading left in the body because something under it stayed there. */
export const headingKeptCheck = (field: LearnedField, label: string) =>
  `under rubriken ”${label}” står mer än stycken och listor (en tabell, en bild, en underrubrik eller fler rader än fältet tar), och det står kvar i brödtexten under rubriken: flytta det som hör till ${field} dit, eller ta bort rubriken`;

/**
 * The lines of a project's results and lessons, in page order, each field at most
 * {@link MAX_LEARNED_LINES}; the report says where each section's lines came from and what was left.
 */
export class LearnedLines {
  private readonly lines: Record<LearnedField, string[]> = { results: [], lessons: [] };
  private readonly left: Record<LearnedField, number> = { results: 0, lessons: 0 };
  private section: { field: LearnedField; label: string; taken: number } | undefined;

  constructor(private readonly report: FileReport) {}

  /** Starts the section under a label; what follows it is taken with {@link takeInSection} until {@link close}. */
  start(field: LearnedField, label: string): void {
    this.close();
    this.section = { field, label, taken: 0 };
  }

  /** Ends the section under way, if any, and says in the report how many lines it gave; returns it. */
  close(): { readonly field: LearnedField; readonly label: string; readonly taken: number } | undefined {
    const section = this.section;
    this.section = undefined;
    if (section && section.taken > 0) this.report.placed.push({ field: `${section.field} (${section.taken})`, from: `texten under ${section.label}` });
    return section;
  }

  /** Lines of the section under way: how many were taken; the rest stay in the body. */
  takeInSection(lines: readonly string[]): number {
    if (!this.section) return 0;
    const taken = this.add(this.section.field, lines);
    this.section.taken += taken;
    return taken;
  }

  /** Lines of a label's own value ("Resultat: 300 barn deltog", `<dt>Lärdomar</dt>`): how many were taken. */
  takeLabelled(field: LearnedField, label: string, lines: readonly string[]): number {
    const taken = this.add(field, lines);
    if (taken > 0) this.report.placed.push({ field: `${field} (${taken})`, from: `${label}: ${lines.slice(0, taken).join("; ")}` });
    return taken;
  }

  private add(field: LearnedField, lines: readonly string[]): number {
    const room = Math.max(0, MAX_LEARNED_LINES - this.lines[field].length);
    const taken = lines.slice(0, room);
    this.lines[field].push(...taken);
    this.left[field] += lines.length - taken.length;
    return taken.length;
  }

  /** The fields with lines, and what the report asks of those that were full. */
  fields(): Partial<Record<LearnedField, string[]>> {
    this.close();
    const fields: Partial<Record<LearnedField, string[]>> = {};
    for (const field of ["results", "lessons"] as const) {
      if (this.lines[field].length > 0) fields[field] = this.lines[field];
      if (this.left[field] > 0) {
        this.report.check.push(
          `sidan har fler än ${MAX_LEARNED_LINES} rader med ${NAMES[field]}: de första ${MAX_LEARNED_LINES} står i ${field}, och de ${this.left[field]} andra står kvar i brödtexten; välj ut det viktigaste`,
        );
      }
    }
    if (!fields.results && !fields.lessons) {
      this.report.check.push("sidan har inget avsnitt om resultat eller erfarenheter (Resultat, Erfarenheter, Lärdomar, Utvärdering): skriv results och lessons om ni vet vad projektet gav och vad ni lärde er; det är det andra bibliotek letar efter");
    }
    return fields;
  }
}
