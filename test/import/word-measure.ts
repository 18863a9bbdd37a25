/**
 * The word-count measure of the importer's tests, counted independently of the importer (from the
 * page's text as the importer decodes it, which decode.test.ts checks on its own): every
 * word a visitor reads in a page's content area (Sitevision's .pagecontent, else main, else the
 * body, without scripts and styles) must be in a written file or in the report's dropped list, as
 * often as on the page; and the share of them in the written files is what "in the drafts" means.
 * A project page writes its own heading over a list field ("Mål" over goals, "Resultat" over
 * results, "Erfarenheter" over lessons), so a draft that fills the field has that heading's word.
 */
import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";
import { parse as parseYaml } from "yaml";
import type { ImportPlan } from "../../src/import/import-page.ts";

/** Every word of a text, lower-cased, with how often it occurs. */
export function wordCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of texts.join("\n").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Elements that format text within a word (`<strong>Grön prick: i</strong>nga`); every other element's edge ends a word. */
const WITHIN_WORDS = new Set(["strong", "b", "em", "i", "u", "span", "mark", "small", "sub", "sup", "font"]);

/**
 * The words a visitor reads in a page's content area. Characters without width (soft hyphens,
 * zero-width spaces, bidi controls) join the letters around them, as a visitor sees them.
 */
export function contentAreaWords(html: string): Map<string, number> {
  const root = parse(html, { blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const area = root.querySelector(".pagecontent") ?? root.querySelector("main") ?? root.querySelector("body")!;
  let text = "";
  const visit = (node: Node) => {
    if (node instanceof TextNode) text += node.text;
    if (!(node instanceof HTMLElement) || ["script", "style", "template"].includes(node.tagName?.toLowerCase() ?? "")) return;
    const edge = WITHIN_WORDS.has(node.tagName?.toLowerCase() ?? "") ? "" : " ";
    text += edge;
    node.childNodes.forEach(visit);
    text += edge;
  };
  visit(area);
  return wordCounts([text.replace(/\p{Cf}/gu, "")]);
}

/** The heading a project page shows over each list field, as a visitor reads it. */
const FIELD_HEADINGS: Readonly<Record<string, string>> = { goals: "Mål", results: "Resultat", lessons: "Erfarenheter" };

/** A project file's text with the headings its page shows over the list fields it fills. */
function withFieldHeadings(path: string, text: string): string {
  if (!path.startsWith("projekt/")) return text;
  const fields = parseYaml(text.split(/^---$/m)[1] ?? "") as Record<string, unknown> | null;
  const headings = Object.entries(FIELD_HEADINGS).flatMap(([field, heading]) => (Array.isArray(fields?.[field]) ? [heading] : []));
  return [text, ...headings].join("\n");
}

export interface WordMeasure {
  /** The words of the pages' content areas. */
  readonly total: number;
  /** How many of them are in the written files. */
  readonly inDrafts: number;
  /** Words found neither in a written file nor among what the report says was dropped, with how often. */
  readonly missing: readonly string[];
}

/** Measures an import of the pages `htmls` (their content areas' words together) against its plan. */
export function measureWords(htmls: readonly string[], plan: ImportPlan): WordMeasure {
  const page = new Map<string, number>();
  for (const html of htmls) for (const [word, count] of contentAreaWords(html)) page.set(word, (page.get(word) ?? 0) + count);
  const written = wordCounts(plan.files.flatMap((file) => (typeof file.data === "string" ? [withFieldHeadings(file.path, file.data)] : [])));
  const dropped = wordCounts([...plan.report.dropped, ...plan.report.files.flatMap((file) => file.dropped)].map((item) => item.text));
  let total = 0;
  let inDrafts = 0;
  const missing: string[] = [];
  for (const [word, count] of page) {
    total += count;
    const drafted = Math.min(count, written.get(word) ?? 0);
    inDrafts += drafted;
    const found = drafted + (dropped.get(word) ?? 0);
    if (found < count) missing.push(`${word} (${count}, hittade ${found})`);
  }
  return { total, inDrafts, missing };
}
