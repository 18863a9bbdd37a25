/**
 * Funders and partners as whole names, read from what follows "har haft stöd av", "i samarbete
 * med", or a fact's label: the name ends at a verb, a conjunction that starts a clause, a preposition
 * of time or a date ("Interreg Nord och pågick från 2019 till 2022" is Interreg Nord; "Allmänna
 * arvsfonden under tre år, 2020–2022" is Allmänna arvsfonden), and a list of names is split at its
 * commas and "och" ("Statens kulturråd och Region Örebro län" are two). A partner's country is read
 * from "Namn (Sverige)", "Namn, Norge" or "Namn – Danmark", in the Nordic languages and English.
 */
import { countryCodeOfName } from "../format/country.ts";

/** Where a name ends: a clause, a time, an amount, a programme, a date. */
const NAME_ENDS = new RegExp(
  [
    String.raw`\s+(?:som|vilket|vilka|där|när|då|eftersom|medan|men|för\s+att|så\s+att|med|genom|inom|via|under|mellan|sedan|från|fram\s+till|till\s+och\s+med|t\.\s?o\.\s?m\.?|åren|perioden|hösten|våren|sommaren|vintern)\b`,
    String.raw`\s+i\s+(?:\d|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\b`,
    String.raw`\s+till\s+(?:\d|och\b)`,
    String.raw`[\s,]+(?:den\s+)?(?:\d{1,2}\s+\p{L}+\s+)?(?:19|20)\d{2}\b`,
    String.raw`[\s,]+(?:ca\.?\s+)?\d[\d\s]*(?:kr|kronor|euro|€|mkr|miljoner|tkr)\b`,
    String.raw`[.!?;:](?:\s|$)`,
  ].join("|"),
  "iu",
);

/** "genom programmet Stärkta bibliotek": the programme a funder gave its grant through. */
const PROGRAMME = /\s+(?:genom|inom|via|från)\s+(?:programmet|satsningen|bidragsprogrammet|stödet|utlysningen)\s+(.+)$/i;

/** A word after "och" that starts a clause of its own, not the rest of a name: "Interreg Nord och pågick …". */
const CLAUSE_WORD =
  /^(?:har|hade|var|är|blev|blir|ska|skulle|kommer|kan|kunde|fick|får|gav|ger|gick|projektet|det|den|de|dessa|vi|man|därefter|sedan|nu|även|också|så|då|\p{Ll}+(?:ade|ades|ats|des|dde|tte|ick|ogs|ades))\b/u;

const startsAsName = (text: string) => /^[\p{Lu}\d]/u.test(text);

/** A name that goes on after "och" with a capital: Sveriges Kommuner och Regioner (and och Landsting, as it was called). */
const NAME_GOING_ON = /^Sveriges Kommuner$/i;

/**
 * The organisation names at the start of a text, each whole. A list is split at commas, "och" and
 * "samt" where a name follows ("Statens kulturråd och Region Örebro län"); "och" before words in
 * lower case is part of a name ("Stiftelsen för läsning och bildning"), but not before a verb
 * ("Interreg Nord och pågick …"), nor "Kultur- och fritidsförvaltningen"; Norwegian "og" and "&"
 * never split. The first name may start in lower case ("länets kommuner") unless `capitalised`.
 */
export function organisationNames(text: string, { capitalised = false } = {}): string[] {
  const end = NAME_ENDS.exec(text);
  const pieces = (end ? text.slice(0, end.index) : text).split(/(\s*,\s*|(?<!-)\s+(?:och|samt)\s+)/u);
  const names: string[] = [];
  for (let index = 0; index < pieces.length; index += 2) {
    const part = pieces[index]!.trim();
    const separator = pieces[index - 1]?.trim();
    if (!part) continue;
    if (names.length === 0) {
      if (capitalised && !startsAsName(part)) break;
      names.push(part.replace(/^programmet\s+/i, ""));
    } else if (countryCodeOfName(part) && separator === ",") {
      // "Nasjonalbiblioteket, Norge": a country after a comma belongs to the name before it.
      names[names.length - 1] += `, ${part}`;
    } else if (startsAsName(part) && !NAME_GOING_ON.test(names.at(-1)!)) {
      names.push(part);
    } else if (separator !== "," && !CLAUSE_WORD.test(part)) {
      names[names.length - 1] += ` ${separator} ${part}`;
    } else break;
  }
  return names;
}

/** A funder read from text: the name, and the programme where the text gives one. */
export interface FunderName {
  readonly name: string;
  readonly programme?: string;
}

/** The funders a text names after "stöd av" or a label "Finansiär": whole names, with a programme where it says "genom programmet X". */
export function funderNames(text: string): FunderName[] {
  const programme = PROGRAMME.exec(text);
  const names = organisationNames(programme ? text.slice(0, programme.index) : text);
  const programmeName = programme ? organisationNames(programme[1]!, { capitalised: true })[0] : undefined;
  return names.map((name, index) => ({ name, ...(programmeName && index === names.length - 1 ? { programme: programmeName } : {}) }));
}

/** A partner as a page writes it, with the country it names. */
export interface PartnerName {
  readonly name: string;
  readonly country?: string;
  /** How the country was written, for the report. */
  readonly countryWritten?: string;
}

/** "Nasjonalbiblioteket (Norge)", "Larvik bibliotek, Norge", "Fritid og Samfund – Danmark", or a name alone. */
export function partnerOf(text: string): PartnerName {
  const written = text.trim().replace(/[.;]$/, "");
  const forms = [/^(.+?)\s*\(([^()]+)\)$/u, /^(.+?)\s*,\s*([^,]+)$/u, /^(.+?)\s+[–—-]\s+([^–—-]+)$/u];
  for (const form of forms) {
    const match = form.exec(written);
    const country = match && countryCodeOfName(match[2]!);
    if (country) return { name: match[1]!.trim(), country, countryWritten: match[2]!.trim() };
  }
  return { name: written };
}

/** Whether a line is a partner with its country and nothing else: a line of a list of partners. */
export const isPartnerWithCountry = (text: string) => {
  const partner = partnerOf(text);
  return partner.country !== undefined && partner.name.length <= 120 && !/[.!?]\s|:/.test(partner.name) && /\p{L}/u.test(partner.name);
};
