/**
 * The imported page's people as contact ids: the contact block's people, the folder's own, and the
 * names in the page information, matched with the "menade du …?" suggestion where the page spells a
 * name another way ("Publicerad av Sandra Spjut" is sandra-spjuth). Every match that is not exact,
 * and every role the page leaves open, is said in the report.
 */
import { suggestClosest } from "../content/model/suggest.ts";
import { todayInSweden } from "../format/date.ts";
import { boundedSlug, swedishSlug } from "../format/slug.ts";
import type { PageContact, PageFacts } from "./page-facts.ts";
import type { ProjectContact } from "./project-facts.ts";
import type { FileReport } from "./report.ts";

/** What the content folder already has. */
export interface Existing {
  /** Contact ids, by file name. */
  readonly contacts: ReadonlySet<string>;
  /** `_data/site.yaml` as parsed, if it could be. */
  readonly site: Record<string, unknown> | undefined;
}

/** Who answers for every imported page, and when it was reviewed. */
export type Responsibility = { reviewed: string; contentOwner: string; publishedBy: string };

export interface People {
  /** The contact files to write, by id. */
  readonly people: ReadonlyMap<string, PageContact & { id: string }>;
  /** The contact block's people, in the page's order. */
  readonly contactIds: readonly string[];
  readonly responsibility: Responsibility;
  /**
   * A project's contact people as ids: those it names ("Kontaktperson: Anna Berg"), matched with the
   * page's people and the folder's contacts (a new contact where none matches), and the page's
   * people whose names stand in its text. Each is said in the project's report.
   */
  readonly projectContacts: (project: { readonly contacts: readonly ProjectContact[]; readonly text: string; readonly report: FileReport }) => string[];
}

/** Two or three capitalised words in a row ("Anna Berg", "Linda Berg Ottoson"): where a person's name can stand. */
function nameCandidates(text: string): string[] {
  const candidates: string[] = [];
  for (const run of text.matchAll(/\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}-]+)+/gu)) {
    const words = run[0].split(/\s+/);
    for (let length = Math.min(3, words.length); length >= 2; length--) {
      for (let start = 0; start + length <= words.length; start++) candidates.push(words.slice(start, start + length).join(" "));
    }
  }
  return candidates;
}

type Role = "contentOwner" | "publishedBy";
const ROLE_NAMES: Readonly<Record<Role, string>> = { contentOwner: "vem som är innehållsansvarig", publishedBy: "vem som har publicerat sidan" };
const SITE_FILE = "_data/site.yaml";

/** An id not yet taken: "anna-berg", then "anna-berg-2"; `fallback` for a name that gives no slug ("★★★"). */
export function uniqueId(base: string, taken: Set<string>, fallback = "namnlos"): string {
  const root = boundedSlug(base) || fallback;
  let id = root;
  for (let number = 2; taken.has(id); number++) id = `${root}-${number}`;
  taken.add(id);
  return id;
}

/** Resolves the page's people and page information into ids, reporting into `reportFor`'s files. */
export function resolvePeople(facts: PageFacts, existing: Existing, reportFor: (file: string) => FileReport): People {
  const taken = new Set(existing.contacts);
  const people = new Map<string, PageContact & { id: string }>();
  const contactIds = facts.contacts.map((person) => {
    const base = swedishSlug(person.name);
    const id = existing.contacts.has(base) ? base : uniqueId(base, taken);
    people.set(id, { ...person, id });
    return id;
  });
  const known = new Set([...existing.contacts, ...people.keys()]);
  const site = reportFor(SITE_FILE);
  const addPerson = (id: string, name: string) => {
    known.add(id);
    people.set(id, { id, name, title: undefined, phones: [], email: undefined });
  };

  /** The person a fact names: an existing id, the closest one (said so), or a new contact file. */
  const personNamed = (role: Role, fact: { value: string; from: string }): string => {
    const slug = swedishSlug(fact.value);
    if (known.has(slug)) {
      site.placed.push({ field: `generatedPages.${role}`, from: fact.from });
      return slug;
    }
    const closest = suggestClosest(slug, known);
    if (closest) {
      site.guessed.push({ field: `generatedPages.${role}`, value: closest, from: fact.from });
      site.check.push(`sidan skriver ”${fact.value}” (${fact.from}), som lästes som ${closest} (${people.get(closest)?.name ?? closest}), det närmaste namnet i kontaktlistan; ändra om det var en annan person`);
      return closest;
    }
    const id = uniqueId(slug, taken);
    addPerson(id, fact.value);
    site.placed.push({ field: `generatedPages.${role}`, from: fact.from });
    return id;
  };
  const named: Partial<Record<Role, string>> = {};
  for (const role of ["contentOwner", "publishedBy"] as const) {
    const fact = facts.information[role];
    if (fact) named[role] = personNamed(role, fact);
  }

  /** A role the page does not name: the other role's person, the folder's own, or the first person of the page. */
  const personFor = (role: Role): string => {
    const id = named[role];
    if (id) return id;
    const generated = existing.site?.generatedPages as Record<string, unknown> | undefined;
    const own = typeof generated?.[role] === "string" && known.has(generated[role] as string) ? (generated[role] as string) : undefined;
    const fallback = named[role === "contentOwner" ? "publishedBy" : "contentOwner"] ?? own ?? contactIds[0];
    if (fallback) {
      site.check.push(`sidan säger inte ${ROLE_NAMES[role]}; ${fallback} står där nu`);
      return (named[role] = fallback);
    }
    const created = uniqueId("innehallsansvarig", taken);
    addPerson(created, "Innehållsansvarig");
    reportFor(`kontakter/${created}.md`).check.push("sidan nämner ingen person: skriv namnet på den som ansvarar för arkivet, och byt namn på filen efter personen");
    return (named[role] = created);
  };

  const { reviewed } = facts.information;
  const responsibility = { reviewed: reviewed?.value ?? todayInSweden(), contentOwner: personFor("contentOwner"), publishedBy: personFor("publishedBy") };
  if (!reviewed) site.check.push(`sidan säger inte när den granskades; dagens datum (${responsibility.reviewed}) står som reviewed i varje fil`);
  else if (reviewed.guessed) site.guessed.push({ field: "reviewed", value: reviewed.value, from: reviewed.from });
  else site.placed.push({ field: "generatedPages.reviewed, reviewed i varje fil", from: reviewed.from });

  // People the page names for itself (found by words, or made up for a role): never a project's contact by their name alone.
  const pagePeople = new Set([...existing.contacts, ...contactIds]);
  const projectContacts: People["projectContacts"] = ({ contacts, text, report }) => {
    const ids: string[] = [];
    for (const person of contacts) {
      const slug = swedishSlug(person.name);
      let id = known.has(slug) ? slug : suggestClosest(slug, known);
      if (id && id !== slug) {
        report.guessed.push({ field: "contacts", value: id, from: person.from });
        report.check.push(`projektet nämner ”${person.name}” (${person.from}), som lästes som ${id} (${people.get(id)?.name ?? id}), det närmaste namnet bland kontakterna; ändra om det var en annan person`);
      } else if (!id) {
        id = uniqueId(slug, taken);
        known.add(id);
        people.set(id, { id, name: person.name, title: person.title, phones: person.phones, email: person.email });
        report.placed.push({ field: `contacts (${id}, ny kontakt)`, from: person.from });
      } else report.placed.push({ field: `contacts (${id})`, from: person.from });
      if (!ids.includes(id)) ids.push(id);
    }
    for (const name of nameCandidates(text)) {
      const id = swedishSlug(name);
      if (!pagePeople.has(id) || ids.includes(id)) continue;
      ids.push(id);
      report.guessed.push({ field: "contacts", value: id, from: `namnet ${name} står i projektets text` });
    }
    return ids;
  };
  return { people, contactIds, responsibility, projectContacts };
}
