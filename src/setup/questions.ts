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
import { ATTACHMENTS_FOLDER, CONTACTS_FOLDER } from "../content/reading/content-tree.ts";
import { readContentFile } from "../content/reading/source.ts";
import { contactSchema, siteSchema } from "../content/model/schema.ts";
import { describeInvisibleCharacter, firstInvisibleCharacter, INVISIBLE_CHARACTER } from "../format/invisible-characters.ts";
import { isSlug } from "../format/slug.ts";
import { darkenForText, parseHexColour } from "../format/colour.ts";
import { defaultPublishing, GIT_HOSTS, githubPagesUrl, hostAnswer, NO_HOST, publishingAnswer, publishingOf, type GitHost } from "./hosting.ts";
import { EXAMPLE_FILES, isRecord, namesTheExample } from "./setup.ts";

/** The answers, by the flag that gives each. */
export type AnswerKey =
  | "organisation"
  | "name"
  | "host"
  | "repo"
  | "base-url"
  | "app-id"
  | "publish"
  | "url"
  | "organisation-number"
  | "counties"
  | "logo"
  | "logo-alt"
  | "colour"
  | "contact-name"
  | "contact-title"
  | "contact-email"
  | "contact-phone";

export type Answers = Partial<Record<AnswerKey, string>>;

/**
 * An answer accepted, as it is to be written (an address in its normal form), or refused, with why
 * and, where the rule knows one, the answer it would take instead (a darker shade of a colour).
 */
export type Verdict = { readonly value: string } | { readonly refused: string; readonly suggestion?: string };

/** A question: its flag, its words, and its check. */
export interface Question {
  readonly key: AnswerKey;
  /** What is asked, given the answers before it (the repository's form depends on its host). */
  readonly prompt: string | ((given: Answers) => string);
  readonly required: boolean | ((given: Answers) => boolean);
  /** Checks a trimmed, non-empty answer, given the answers before it and the site's settings as they are. */
  check(answer: string, context: { readonly given: Answers; readonly site: Readonly<Record<string, unknown>> }): Promise<Verdict> | Verdict;
  /** What is offered when the content holds no answer, and taken when the question is not asked. */
  fallback?(given: Answers): string | undefined;
  /** Whether the question is left out, given the answers before it. */
  skip?(given: Answers): boolean;
}

/** A question's words, given the answers before it. */
export const promptOf = (question: Question, given: Answers) => (typeof question.prompt === "string" ? question.prompt : question.prompt(given));

/** Whether a question must be answered, given the answers before it. */
export const isRequired = (question: Question, given: Answers) => (typeof question.required === "boolean" ? question.required : question.required(given));

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
  const found = firstInvisibleCharacter(answer);
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

/**
 * A file's path as a terminal gives it when the file is dragged into the window: in single quotes
 * ('/home/x/min logga.png', with '\'' for a quote), in double quotes, or with a backslash before a
 * space or another character the shell would read ("/home/x/min\ logga.png"). A path typed plainly
 * is returned as it is; on Windows a backslash separates folders and is kept.
 */
export function droppedPath(answer: string, platform: NodeJS.Platform = process.platform): string {
  const single = /^'(.*)'$/s.exec(answer);
  if (single) return single[1]!.replaceAll("'\\''", "'");
  const double = /^"(.*)"$/s.exec(answer);
  if (double) return platform === "win32" ? double[1]! : double[1]!.replace(/\\(["\\$`])/g, "$1");
  return platform === "win32" ? answer : answer.replace(/\\([ '"()&;!$#[\]{}*?<>|~`\\])/g, "$1");
}

/** An address with the / at the end that site.yaml's url asks for: https://example.se/projekt becomes https://example.se/projekt/. */
function withFinalSlash(url: string): string {
  const address = new URL(url);
  if (!address.pathname.endsWith("/")) address.pathname += "/";
  return address.href;
}

const PICTURES = [".png", ".jpg", ".jpeg", ".webp", ".avif"];

/** The repository's host, as answered: none when it has no place yet. */
const gitHost = (given: Answers): GitHost | undefined => (GIT_HOSTS as readonly string[]).includes(given.host ?? "") ? (given.host as GitHost) : undefined;

/** The names of the web editor's settings in site.yaml's `cms`, by the question that gives each. */
const CMS_FIELDS = { repo: "repo", "base-url": "baseUrl", "app-id": "appId" } as const;

/**
 * An answer for site.yaml's `cms`, checked with the rest of `cms` as the answers before it make it
 * (GitLab allows subgroups; a Forgejo needs its address). An owner or name `.` or `..` names no
 * repository but climbs out of one in the addresses the web editor builds from it. The written
 * value is the schema's (an address in its normal form).
 */
function byCms(key: keyof typeof CMS_FIELDS, answer: string, given: Answers): Verdict {
  const field = CMS_FIELDS[key];
  const cms: Record<string, string> = { backend: gitHost(given) ?? "github", repo: given.repo ?? "" };
  if (given["base-url"]) cms.baseUrl = given["base-url"];
  cms[field] = answer;
  const result = siteSchema.shape.cms.safeParse(cms, { error: swedishIssueMessage });
  const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
  if (issue) return { refused: issue.message };
  // An address is written in its normal form, as the schema reads it.
  return key === "base-url" ? bySchema(siteSchema.shape.cms.unwrap().shape.baseUrl.unwrap(), answer, { written: (url) => url }) : { value: answer };
}

const logoSchema = siteSchema.shape.logo.unwrap();

/** How the repository is named on each host. */
const REPOSITORY_PROMPTS: Readonly<Record<GitHost, string>> = {
  github: "Arkivet på GitHub som ägare/namn, till exempel regionbiblioteket/avslutade-projekt (tomt för att vänta)",
  gitlab: "Projektet på GitLab som grupp/namn, till exempel region/bibliotek/avslutade-projekt (tomt för att vänta)",
  forgejo: "Arkivet på Forgejo som ägare/namn, till exempel bibliotek/avslutade-projekt (tomt för att vänta)",
};

/** Whether the repository has a place on GitLab or a Forgejo, which have settings of their own. */
const onGitlabOrForgejo = (given: Answers) => !given.repo || !["gitlab", "forgejo"].includes(gitHost(given) ?? "");

export const QUESTIONS: readonly Question[] = [
  { key: "organisation", prompt: "Organisationens namn, till exempel Regionbibliotek Dalarna", required: true, check: (answer) => bySchema(siteSchema.shape.organisation, answer) },
  { key: "name", prompt: "Webbplatsens namn", required: true, check: (answer) => bySchema(siteSchema.shape.name, answer), fallback: () => "Avslutade projekt" },
  {
    key: "host",
    prompt: `Var ligger arkivet? ${GIT_HOSTS.join(", ")} eller ${NO_HOST} (om det inte har någon plats än)`,
    required: true,
    check: (answer) => bySchema(hostAnswer, answer.toLowerCase(), { written: (host) => host }),
    fallback: () => "github",
  },
  {
    key: "repo",
    prompt: (given) => REPOSITORY_PROMPTS[gitHost(given) ?? "github"],
    required: false,
    check: (answer, { given }) => byCms("repo", answer, given),
    skip: (given) => !gitHost(given),
  },
  {
    key: "base-url",
    prompt: (given) =>
      gitHost(given) === "forgejo" ? "Er Forgejos adress, till exempel https://codeberg.org eller https://git.region.se" : "Er egen GitLabs adress, till exempel https://gitlab.region.se (tomt för gitlab.com)",
    required: (given) => gitHost(given) === "forgejo",
    check: (answer, { given }) => byCms("base-url", answer, given),
    skip: onGitlabOrForgejo,
  },
  {
    key: "app-id",
    prompt: (given) =>
      gitHost(given) === "forgejo"
        ? "OAuth2-applikationens klient-id (Client ID) för knappen Logga in med Forgejo (tomt: redaktörerna loggar in med en nyckel)"
        : "OAuth-applikationens id (Application ID) för knappen Logga in med GitLab (tomt: redaktörerna loggar in med en nyckel)",
    required: false,
    check: (answer, { given }) => byCms("app-id", answer, given),
    skip: onGitlabOrForgejo,
  },
  {
    key: "publish",
    prompt: "Var publiceras webbplatsen? github-pages, gitlab-pages eller server (organisationens egen webbserver)",
    required: true,
    check: (answer) => bySchema(publishingAnswer, answer.toLowerCase(), { written: (publishing) => publishing }),
    fallback: (given) => defaultPublishing(gitHost(given)),
  },
  {
    key: "url",
    prompt: (given) =>
      given.publish === "gitlab-pages"
        ? "Webbplatsens adress, som GitLab visar den under Deploy → Pages, till exempel https://region.gitlab.io/avslutade-projekt/"
        : given.publish === "server"
          ? "Webbplatsens adress på er webbserver, till exempel https://www.region.se/avslutade-projekt/"
          : "Webbplatsens adress, till exempel https://regionbiblioteket.github.io/avslutade-projekt/",
    required: true,
    // Written in its normal form (https://host/…/), as the site publishes it.
    check: (answer) => bySchema(siteSchema.shape.url, answer, { written: withFinalSlash }),
    // GitHub Pages' address is known from the repository's name.
    fallback: (given) => (given.publish === "github-pages" && gitHost(given) === "github" && given.repo ? githubPagesUrl(given.repo) : undefined),
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
    prompt: "Logotypen: sökvägen till en PNG-, JPEG-, WebP- eller AVIF-fil; du kan dra filen till fönstret (tomt för ingen)",
    required: false,
    check: async (typed) => {
      const answer = droppedPath(typed);
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
    check: (answer) => {
      const verdict = bySchema(siteSchema.shape.colour, answer);
      const rgb = parseHexColour(answer.trim());
      // A colour too light to read is refused with a darker shade of it, which Enter then takes.
      return "refused" in verdict && rgb ? { ...verdict, suggestion: darkenForText(rgb) } : verdict;
    },
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
    prompt: "Ett telefonnummer, till exempel 023-123 45 (bara ett; fler skrivs i kontaktens fil efteråt; tomt för inget)",
    required: false,
    // "tel. 023-77 50 00" is taken as the number in it; the file gets the number alone, as check wants it.
    check: (answer) => bySchema(contactSchema.shape.phones, answer, { value: [phoneNumberIn(answer)?.display ?? answer], written: (phones) => phones[0]!.display }),
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
  if (isRecord(site.cms)) {
    keep("host", site.cms.backend ?? "github");
    keep("repo", site.cms.repo);
    keep("base-url", site.cms.baseUrl);
    keep("app-id", site.cms.appId);
  }
  if (answers.url) answers.publish = publishingOf(answers.url, gitHost(answers));
  if (isRecord(site.logo) && typeof site.logo.file === "string") {
    // The logo as it is in filer/, so that Enter keeps it.
    const file = path.join(contentDir, ATTACHMENTS_FOLDER, site.logo.file);
    keep("logo", path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file));
  }
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
