/**
 * The facts of one project as they are found, in the order of its text: its period, funders,
 * partners and contact people. What a label, a list or a table gives is placed; what a sentence
 * gives is guessed, and a period from a label wins over one from a sentence. Each is said in the
 * report with the words it was read from.
 */
import type { PartnerRole } from "../content/model/schema.ts";
import { MAX_NAME_LENGTH, nameTooLong } from "../format/limits.ts";
import { swedishSlug } from "../format/slug.ts";
import type { FactKind } from "./fact-labels.ts";
import { funderNames, organisationNames, partnerOf, type FunderName, type PartnerName } from "./organisations.ts";
import { peopleOf, type PageContact } from "./page-facts.ts";
import { datesIn, periodOfValue, type ReadPeriod } from "./periods.ts";
import type { FileReport } from "./report.ts";

/** How a fact was found: from the page's structure (a label, a list, a table), or guessed from a sentence. */
export type Found = "placed" | "guessed";

/** The language partners' names are usually written in, by country: a guess, said so in the report. */
const NAME_LANGUAGES: Readonly<Record<string, string>> = { NO: "nb", DK: "da", IS: "is" };

interface Partner {
  name: string;
  country?: string;
  roles?: PartnerRole[];
  lang?: string;
}

/** A person the project names as its contact, with the words it was read from. */
export type ProjectContact = PageContact & { readonly from: string };

const FIELD_NAMES: Readonly<Record<FactKind, string>> = {
  period: "period",
  start: "period.start",
  end: "period.end",
  funders: "funders",
  partners: "partners",
  owner: "partners (projektägare)",
  coordinator: "partners (koordinator)",
  contacts: "contacts",
};

/** The field a kind of fact goes into, for the report. */
export const fieldOf = (kind: FactKind) => FIELD_NAMES[kind];

/** A name of an organisation ("Det Kongelige Bibliotek") rather than the start of a sentence ("Vi samarbetade …", "Projektet hade …"). */
const isName = (name: string) => name.split(/\s+/).length <= 10 && !/^(?:[Vv]i|[Dd]et|[Dd]en|[Dd]e|[Dd]etta|[Dd]essa|[Hh]an|[Hh]on|[Mm]an|[Pp]rojektet|[Hh]är|[Dd]är)\s+\p{Ll}/u.test(name);

/** Whether a start comes no later than an end, at the precision both have ("2020" and "2020-05" are in order). */
const inOrder = (start: string, end: string) => {
  const length = Math.min(start.length, end.length);
  return start.slice(0, length) <= end.slice(0, length);
};

export class ProjectFacts {
  private period: { start?: string; end?: string; from?: Found } = {};
  private readonly funders: FunderName[] = [];
  private readonly partners: Partner[] = [];
  readonly contacts: ProjectContact[] = [];

  constructor(private readonly report: FileReport) {}

  /**
   * A period, or its start or end. Dates are kept where they are already known, unless the known
   * ones were guessed from a sentence and these are placed; a period whose end comes before its
   * start is not taken.
   */
  addPeriod(period: ReadPeriod, from: string, found: Found): boolean {
    const known = found === "placed" && this.period.from === "guessed" ? {} : this.period;
    const start = known.start ?? period.start;
    const end = known.end ?? period.end;
    if (start === known.start && end === known.end) return (!period.start || period.start === start) && (!period.end || period.end === end);
    if (start && end && !inOrder(start, end)) return false;
    this.period = { ...(start ? { start } : {}), ...(end ? { end } : {}), from: found };
    const field = period.start && period.end ? "period" : period.start ? "period.start" : "period.end";
    const value = period.start && period.end && period.start !== period.end ? `${period.start}–${period.end}` : (period.start ?? period.end)!;
    if (found === "guessed") this.report.guessed.push({ field, value, from });
    else this.report.placed.push({ field: `${field} (${value})`, from });
    return true;
  }

  addFunders(names: readonly FunderName[], from: string, found: Found): boolean {
    const added = names.filter((funder) => !this.funders.some((known) => known.name.toLowerCase() === funder.name.toLowerCase()));
    this.funders.push(...added);
    for (const funder of added) {
      if (found === "guessed") this.report.guessed.push({ field: "funders", value: funder.name, from });
      else this.report.placed.push({ field: `funders (${funder.name})`, from });
      if (funder.programme) this.report.guessed.push({ field: `funders: ${funder.name}, programme`, value: funder.programme, from });
    }
    return names.length > 0;
  }

  private partnerNamed(name: string): Partner {
    return this.partners.find((partner) => partner.name.toLowerCase() === name.toLowerCase()) ?? (this.partners.push({ name }), this.partners.at(-1)!);
  }

  /** Partners with the country each names, and the language their names are guessed to be in. */
  addPartners(named: readonly PartnerName[], from: string, found: Found, roles: readonly PartnerRole[] = []): boolean {
    for (const { name, country } of named) {
      const partner = this.partnerNamed(name);
      if (country) partner.country = country;
      const lang = country && NAME_LANGUAGES[country];
      if (lang) {
        partner.lang = lang;
        this.report.guessed.push({ field: `partners: ${name}, lang`, value: lang, from });
      }
      if (roles.length > 0) partner.roles = [...new Set([...(partner.roles ?? []), ...roles])];
      if (found === "guessed") this.report.guessed.push({ field: roles.length > 0 ? `partners: ${name}, roles` : "partners", value: roles.length > 0 ? roles.join(", ") : name, from });
    }
    if (found === "placed" && named.length > 0) {
      const countries = [...new Set(named.map((partner) => partner.country))];
      const what = [named.length === 1 ? named[0]!.name : String(named.length), countries.length === 1 ? countries[0] : undefined, ...roles].filter(Boolean).join(", ");
      this.report.placed.push({ field: `partners (${what})`, from });
    }
    return named.length > 0;
  }

  /** People named as the project's contacts: a name, then a title, numbers and addresses. */
  addContacts(lines: readonly string[], from: string): boolean {
    const people = peopleOf(lines);
    for (const person of people) if (!this.contacts.some((known) => known.name === person.name)) this.contacts.push({ ...person, from });
    return people.length > 0;
  }

  /** A label's value as the fact the label names; false when the value does not read as one ("Tid: kl. 18"). */
  addLabelled(kind: FactKind, value: string, from: string): boolean {
    switch (kind) {
      case "period": {
        const period = periodOfValue(value);
        return period !== undefined && this.addPeriod(period, from, "placed");
      }
      case "start":
      case "end": {
        const date = datesIn(value)[0];
        return date !== undefined && this.addPeriod({ [kind]: date }, from, "placed");
      }
      case "funders": {
        const funders = funderNames(value);
        return funders.every(({ name }) => isName(name)) && this.addFunders(funders, from, "placed");
      }
      case "partners":
      case "owner":
      case "coordinator": {
        const partners = organisationNames(value).map(partnerOf);
        return partners.every(({ name }) => isName(name)) && this.addPartners(partners, from, "placed", kind === "partners" ? [] : [kind]);
      }
      case "contacts":
        return this.addContacts(value.split(/\s*,\s*/), from);
    }
  }

  /** The facts as front matter fields, without names the content would refuse (said so in the report). */
  fields(): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    const { start, end } = this.period;
    if (start || end) fields.period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
    const usable = <T extends { name: string }>(named: T[], what: string) =>
      named.filter(({ name }) => {
        const reason = name.length > MAX_NAME_LENGTH ? nameTooLong(name.length) : swedishSlug(name) ? undefined : "namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det";
        if (reason) this.report.dropped.push({ what, text: name, reason: `${reason}; skriv in namnet för hand om det behövs` });
        return !reason;
      });
    const partners = usable(this.partners, "partner");
    const funders = usable(this.funders, "finansiär");
    if (partners.length > 0) {
      fields.partners = partners.map(({ name, country, roles, lang }) => ({ name, ...(country ? { country } : {}), ...(roles ? { roles } : {}), ...(lang ? { lang } : {}) }));
      for (const partner of partners.filter((found) => !found.country)) this.report.check.push(`partnern ${partner.name} har inget land: skriv country (till exempel SE, NO eller DK) om det ska stå i listan per land`);
    }
    if (funders.length > 0) {
      fields.funders = funders.map(({ name, programme }) => ({ name, ...(programme ? { programme } : {}) }));
      if (this.report.guessed.some((guess) => guess.field === "funders")) {
        this.report.check.push("finansiärerna är lästa ur meningar: kontrollera att namnen är hela och rätta");
      }
    }
    return fields;
  }
}
