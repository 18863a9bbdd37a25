/**
 * Facts a page keeps as a label and a value, wherever it keeps them: "Projekttid: 2020–2022" on a
 * line of a fact box ("Fakta om projektet"), a definition list (`<dt>Finansiär</dt><dd>…</dd>`, as
 * Optimizely templates write them), a two-column table, or a label standing above its value (a
 * heading, a bold line, a Drupal field's label). The labels are the ones Swedish project pages use.
 */
import { parse, type HTMLElement } from "node-html-parser";

/** What a label says a value is. */
export type FactKind = "period" | "start" | "end" | "funders" | "partners" | "owner" | "coordinator" | "contacts";

const FACT_LABELS: readonly (readonly [RegExp, FactKind])[] = [
  [/^(?:projekt)?(?:tid|period|tidsperiod|löptid|perioden?)$|^(?:projektperiod|genomförandeperiod|genomförandetid|projekttid|tidsram|tidplan)$/i, "period"],
  [/^(?:start|startdatum|projektstart|startade|påbörjat|påbörjades|projektet startade)$/i, "start"],
  [/^(?:slut|slutdatum|projektslut|avslutat|avslutades|avslut|projektet avslutades)$/i, "end"],
  [/^(?:finansiär(?:er)?|finansiering|finansierat av|finansierades av|bidragsgivare|medfinansiär(?:er)?|stöd från|stöd av|med stöd av|med stöd från|bidrag från)$/i, "funders"],
  [/^(?:partner|partners|partnerorganisationer|samarbetspartner(?:s|e)?|projektpartner(?:s)?|parter|samarbetsparter|i samarbete med|deltagande organisationer|medverkande organisationer)$/i, "partners"],
  [/^(?:projektägare|huvudman|ägare)$/i, "owner"],
  [/^(?:koordinator|samordnare|projektsamordnare)$/i, "coordinator"],
  [/^(?:kontaktperson(?:er)?|kontakt|kontakter|projektledare|projektansvarig|kontakta oss)$/i, "contacts"],
];

/** The kind of fact a label names ("Projekttid", "Finansiär:"), or undefined for any other label. */
export function factOfLabel(label: string): FactKind | undefined {
  const clean = label.replace(/\s*:\s*$/, "").replace(/\s+/g, " ").trim();
  return FACT_LABELS.find(([pattern]) => pattern.test(clean))?.[1];
}

/** A line written as "Label: value", with a label of at most four words. */
export function labelAndValue(line: string): { label: string; value: string } | undefined {
  const match = /^(\p{L}[\p{L}\s/-]{0,40}?)\s*:\s*(\S.*)$/u.exec(line.trim());
  if (!match || match[1]!.split(/\s+/).length > 4) return undefined;
  return { label: match[1]!, value: match[2]!.trim() };
}

/** A label on its own line ("Projekttid", "Finansiär:"), as a Drupal field or a fact box puts it above its value. */
export const isLabelOnly = (text: string) => text.length <= 40 && factOfLabel(text) !== undefined;

/** One label of a definition list with its values, as text and as (clean) HTML. */
export interface Definition {
  readonly label: string;
  readonly values: readonly { readonly text: string; readonly html: string }[];
}

const normal = (text: string) => text.replace(/\s+/g, " ").trim();
const elementsOf = (element: HTMLElement) => element.childNodes.filter((node): node is HTMLElement => node.nodeType === 1);

/** The pairs of the definition lists in clean HTML (blocks.ts keeps `dl`, `dt` and `dd`), never glued together. */
export function definitionsOf(html: string): Definition[] {
  const definitions: { label: string; values: { text: string; html: string }[] }[] = [];
  for (const list of parse(html).querySelectorAll("dl")) {
    for (const item of elementsOf(list)) {
      const tag = item.rawTagName?.toLowerCase();
      if (tag === "dt") definitions.push({ label: normal(item.text).replace(/\s*:$/, ""), values: [] });
      else if (tag === "dd") {
        if (definitions.length === 0) definitions.push({ label: "", values: [] });
        definitions.at(-1)!.values.push({ text: normal(item.text), html: item.innerHTML.trim() });
      }
    }
  }
  return definitions;
}

/** The text of a table cell's clean HTML. */
export const cellText = (html: string) => normal(parse(html).text);
