/**
 * What `npm run setup` asks, and how each answer is checked: with the rule `npm run check` applies
 * to the field the answer fills (the content schema's field, with its Swedish message), and with
 * the rules check applies to every line of a content file (no invisible characters). An answer
 * check would refuse is refused at the prompt, so that setup never writes a file check refuses.
 */
import { phoneNumberIn } from "../format/phone.ts";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { ContentError } from "../content/model/errors.ts";
import { swedishIssueMessage } from "../content/model/issue-messages.ts";
import { CONTACTS_FOLDER } from "../content/reading/content-tree.ts";
import { readContentFile } from "../content/reading/source.ts";
import { contactSchema, siteSchema } from "../content/model/schema.ts";
import { describeInvisibleCharacter, INVISIBLE_CHARACTER } from "../format/invisible-characters.ts";
import { isSlug } from "../format/slug.ts";
import { EXAMPLE_FILES, isRecord, namesTheExample } from "./setup.ts";

/** The answers, by the flag that gives each. */
export type AnswerKey =
  | "organisation"
  | "name"
  | "url"
  | "organisation-number"
  | "counties"
  | "logo"
  | "logo-alt"
  | "colour"
  | "contact-name"
  | "contact-title"
  | "contact-email"
  | "contact-phone"
  | "repo";

export type Answers = Partial<Record<AnswerKey, string>>;

/** An answer accepted, as it is to be written (an address in its normal form), or refused, with why. */
export type Verdict = { readonly value: string } | { readonly refused: string };

/** A question: its flag, its words, and its check. */
export interface Question {
  readonly key: AnswerKey;
  readonly prompt: string;
  readonly required: boolean;
  /** Checks a trimmed, non-empty answer, given the answers before it and the site's settings as they are. */
  check(answer: string, context: { readonly given: Answers; readonly site: Readonly<Record<string, unknown>> }): Promise<Verdict> | Verdict;
  /** What is offered when the content holds no answer, and taken when the question is not asked. */
  fallback?(given: Answers): string | undefined;
  /** Whether the question is left out, given the answers before it. */
  skip?(given: Answers): boolean;
}

/**
 * Checks an answer with a schema's field, as check does (the field's value is the answer, or
 * `value` made of it): the field's Swedish message, or the answer as it is to be written: as
 * typed, or what `written` makes of what the field reads (an address in its normal form).
 */
function bySchema<T extends z.ZodType>(
  schema: T,
  answer: string,
  { value = answer, written }: { readonly value?: unknown; readonly written?: (data: z.output<T>) => string } = {},
): Verdict {
  const result = schema.safeParse(value, { error: swedishIssueMessage });
  if (!result.success) return { refused: result.error.issues[0]?.message ?? "går inte att använda" };
  return { value: written ? written(result.data) : answer };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * What check refuses on any line of a content file, for an answer: an invisible character (a
 * control or bidirectional character, src/format/invisible-characters.ts). A line break is refused
 * too: every answer is one line of the file.
 */
export function lineRefusal(answer: string): string | undefined {
  const found = new RegExp(INVISIBLE_CHARACTER.source).exec(answer);
  if (found) {
    const before = answer.slice(Math.max(0, found.index - 20), found.index).replace(INVISIBLE_CHARACTER, "").trim();
    return `svaret har ett osynligt styrtecken (${describeInvisibleCharacter(found[0])})${before ? ` efter "${before}"` : ""}; skriv svaret utan det`;
  }
  return LINE_BREAK.test(answer) ? "svaret ska stå på en rad" : undefined;
}

/** An answer as a message can show it: quoted, its invisible characters written out, and a long one cut. */
export function shownAnswer(answer: string): string {
  const cut = answer.length > 80 ? `${answer.slice(0, 60)}…` : answer;
  return JSON.stringify(cut).replace(INVISIBLE_CHARACTER, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** "Dalarnas län, Gävleborgs län" as a list. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

const PICTURES = [".png", ".jpg", ".jpeg", ".webp", ".avif"];

/**
 * The repository as `cms.repo` of site.yaml, checked with the rest of `cms` as it stands (GitLab
 * allows subgroups). An owner or name `.` or `..` names no repository but climbs out of one in
 * the addresses the web editor builds from it.
 */
function byRepository(answer: string, site: Readonly<Record<string, unknown>>): Verdict {
  const cms = isRecord(site.cms) ? site.cms : {};
  const result = siteSchema.shape.cms.safeParse({ ...cms, repo: answer }, { error: swedishIssueMessage });
  const issue = result.error?.issues.find((candidate) => candidate.path[0] === "repo");
  return issue ? { refused: issue.message } : { value: answer };
}

const logoSchema = siteSchema.shape.logo.unwrap();

export const QUESTIONS: readonly Question[] = [
  { key: "organisation", prompt: "Organisationens namn, till exempel Regionbibliotek Dalarna", required: true, check: (answer) => bySchema(siteSchema.shape.organisation, answer) },
  { key: "name", prompt: "Webbplatsens namn", required: true, check: (answer) => bySchema(siteSchema.shape.name, answer), fallback: () => "Avslutade projekt" },
  {
    key: "url",
    prompt: "Webbplatsens adress, till exempel https://regionbiblioteket.github.io/avslutade-projekt/",
    required: true,
    // Written in its normal form (https://host/…), as the site publishes it.
    check: (answer) => bySchema(siteSchema.shape.url, answer, { written: (url) => url }),
  },
  {
    key: "organisation-number",
    prompt: "Organisationsnummer (tomt om ni inte vill ange det nu)",
    required: false,
    check: (answer) => bySchema(siteSchema.shape.organisationNumber, answer),
  },
  {
    key: "counties",
    prompt: "Län som organisationen arbetar för, med komma emellan (tomt för inga)",
    required: false,
    check: (answer) => bySchema(siteSchema.shape.counties, answer, { value: splitList(answer) }),
  },
  {
    key: "logo",
    prompt: "Logotypen: sökvägen till en PNG-, JPEG-, WebP- eller AVIF-fil (tomt för ingen)",
    required: false,
    check: async (answer) => {
      if (!PICTURES.includes(path.extname(answer).toLowerCase())) {
        return { refused: `logotypen ska vara en PNG-, JPEG-, WebP- eller AVIF-fil, inte ${path.basename(answer)}; SVG går inte att använda` };
      }
      const file = await stat(path.resolve(answer)).catch(() => undefined);
      return file?.isFile() ? { value: answer } : { refused: `filen ${answer} finns inte` };
    },
  },
  {
    key: "logo-alt",
    prompt: "Vad logotypen visar, för den som inte ser den",
    required: false,
    check: (answer) => bySchema(logoSchema.shape.alt, answer),
    fallback: (given) => given.organisation,
    skip: (given) => !given.logo,
  },
  {
    key: "colour",
    prompt: 'Webbplatsens färg, till exempel "#0b4f8a" (tomt för standardfärgen)',
    required: false,
    check: (answer) => bySchema(siteSchema.shape.colour, answer),
  },
  {
    key: "contact-name",
    prompt: "Den första kontaktpersonens namn",
    required: true,
    // The schema refuses a name with no letter or digit, which would make no file name.
    check: (answer) => bySchema(contactSchema.shape.name, answer),
  },
  {
    key: "contact-title",
    prompt: "Kontaktpersonens titel, till exempel Utvecklingsledare",
    required: true,
    check: (answer) => bySchema(contactSchema.shape.title, answer),
  },
  { key: "contact-email", prompt: "E-post (tomt för ingen)", required: false, check: (answer) => bySchema(contactSchema.shape.email, answer) },
  {
    key: "contact-phone",
    prompt: "Telefon, till exempel 023-123 45 (tomt för ingen)",
    required: false,
    // Written as the site shows it: "tel. 023-77 50 00" becomes 023-77 50 00.
    // "tel. 023-77 50 00" is taken as the number in it; the file gets the number alone, as check wants it.
    check: (answer) => bySchema(contactSchema.shape.phones, answer, { value: [phoneNumberIn(answer)?.display ?? answer], written: (phones) => phones[0]!.display }),
  },
  {
    key: "repo",
    prompt: "Arkivet på GitHub som ägare/namn, för redigering i webbläsaren (tomt för att vänta)",
    required: false,
    check: (answer, { site }) => byRepository(answer, site),
  },
];

/**
 * The longest answer. Check refuses a content file over 1 MB (MAX_FILE_BYTES, content-tree.ts); at
 * this length every file setup writes stays far below it. Names have the schema's shorter limit.
 */
export const MAX_ANSWER_LENGTH = 1000;

/** Checks an answer: first what check refuses on any line, then the question's own rule, then its length. */
export async function checkAnswer(question: Question, answer: string, context: Parameters<Question["check"]>[1]): Promise<Verdict> {
  const refused = lineRefusal(answer);
  if (refused) return { refused };
  const verdict = await question.check(answer, context);
  return "value" in verdict && answer.length > MAX_ANSWER_LENGTH ? { refused: `svaret är ${answer.length} tecken långt; högst ${MAX_ANSWER_LENGTH} går` } : verdict;
}

/** The answers the content already holds (a second run), offered as defaults, and the files that could not be read for them. */
export interface CurrentAnswers {
  readonly answers: Answers;
  readonly unreadable: readonly ContentError[];
}

/**
 * The answers site.yaml and the first contact already hold, none of the example's. The contact is
 * read through the content reader, as check reads it: nothing in it runs, and a file it refuses
 * gives no answers and is named.
 */
export async function currentAnswers(contentDir: string, site: Readonly<Record<string, unknown>>): Promise<CurrentAnswers> {
  const answers: Answers = {};
  const keep = (key: AnswerKey, value: unknown) => {
    const text = Array.isArray(value) ? value.filter((item) => typeof item === "string").join(", ") : typeof value === "string" ? value : undefined;
    if (text && !namesTheExample(text)) answers[key] = text;
  };
  keep("organisation", site.organisation);
  keep("name", site.name);
  keep("url", site.url);
  keep("organisation-number", site.organisationNumber);
  keep("counties", site.counties);
  keep("colour", site.colour);
  if (isRecord(site.cms)) keep("repo", site.cms.repo);
  if (isRecord(site.logo)) keep("logo-alt", site.logo.alt);
  const first = Array.isArray(site.contacts) ? site.contacts[0] : undefined;
  const relative = `${CONTACTS_FOLDER}/${String(first)}.md`;
  if (typeof first !== "string" || !isSlug(first) || EXAMPLE_FILES[relative]) return { answers, unreadable: [] };
  const file = path.join(contentDir, relative);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return { answers, unreadable: [] };
  const contact = readContentFile(file, bytes);
  if (!isRecord(contact.data)) return { answers, unreadable: contact.errors };
  keep("contact-name", contact.data.name);
  keep("contact-title", contact.data.title);
  keep("contact-email", contact.data.email);
  if (Array.isArray(contact.data.phones)) keep("contact-phone", contact.data.phones[0]);
  return { answers, unreadable: [] };
}
