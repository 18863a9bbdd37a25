/**
 * `npm run setup [-- --organisation "…" --url https://… --contact-name "…" --contact-title "…" …]`
 *
 * Takes the archive into use for an organisation (src/setup/setup.ts): asks in Swedish for what
 * the flags do not give, when it runs in a terminal, with the current answers as defaults; checks
 * each answer with the content schema's own rules and messages; then removes the example, writes
 * the settings and the first contact, checks the result as `npm run check` does, and lists what is
 * left to write by hand. Exit 0 when the content is valid afterwards, 1 when an answer is refused or
 * the content has errors, 2 for a wrong command line.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import matter from "gray-matter";
import { parse } from "yaml";
import type { z } from "zod";
import { displayPath, formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { CONTACTS_FOLDER } from "../content/reading/content-tree.ts";
import { swedishIssueMessage } from "../content/model/issue-messages.ts";
import { validateArchive } from "../harvest/load.ts";
import { contactSchema, siteSchema } from "../content/model/schema.ts";
import { todayInSweden } from "../format/date.ts";
import { EXAMPLE_FILES, namesTheExample, setUp, type SetupAnswers } from "../setup/setup.ts";
import { parseCommandLine } from "./command-line.ts";

const { values: flags } = parseCommandLine("setup", {
  input: { type: "string", default: "content" },
  organisation: { type: "string" },
  name: { type: "string" },
  url: { type: "string" },
  "organisation-number": { type: "string" },
  counties: { type: "string" },
  logo: { type: "string" },
  "logo-alt": { type: "string" },
  colour: { type: "string" },
  "contact-name": { type: "string" },
  "contact-title": { type: "string" },
  "contact-email": { type: "string" },
  "contact-phone": { type: "string" },
  repo: { type: "string" },
  yes: { type: "boolean", default: false },
  ask: { type: "boolean", default: false },
});
const contentDir = path.resolve(flags.input);
// Asks in a terminal, unless --yes; --ask asks also when the answers come from a pipe.
const interactive = (process.stdin.isTTY === true || flags.ask) && !flags.yes;

/** A question: its flag, its words, its check, and whether it may be left empty. */
interface Question {
  readonly flag: keyof typeof flags;
  readonly prompt: string;
  readonly required: boolean;
  /** The Swedish message when the answer is refused, or undefined when it is accepted. */
  readonly refuse?: (answer: string) => Promise<string | undefined> | string | undefined;
}

/** The schema's own message for a value, in Swedish. */
function refusal(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: swedishIssueMessage });
  return result.success ? undefined : result.error.issues[0]?.message;
}

const PICTURES = [".png", ".jpg", ".jpeg", ".webp", ".avif"];

const QUESTIONS: readonly Question[] = [
  { flag: "organisation", prompt: "Organisationens namn, till exempel Regionbibliotek Dalarna", required: true, refuse: (answer) => refusal(siteSchema.shape.organisation, answer) },
  { flag: "name", prompt: "Webbplatsens namn", required: true, refuse: (answer) => refusal(siteSchema.shape.name, answer) },
  {
    flag: "url",
    prompt: "Webbplatsens adress, till exempel https://regionbiblioteket.github.io/avslutade-projekt/",
    required: true,
    refuse: (answer) => refusal(siteSchema.shape.url, answer),
  },
  { flag: "organisation-number", prompt: "Organisationsnummer (tomt om ni inte vill ange det nu)", required: false, refuse: (answer) => refusal(siteSchema.shape.organisationNumber, answer) },
  {
    flag: "counties",
    prompt: "Län som organisationen arbetar för, med komma emellan (tomt för inga)",
    required: false,
    refuse: (answer) => refusal(siteSchema.shape.counties, splitList(answer)),
  },
  {
    flag: "logo",
    prompt: "Logotypen: sökvägen till en PNG-, JPEG-, WebP- eller AVIF-fil (tomt för ingen)",
    required: false,
    refuse: async (answer) => {
      if (!PICTURES.includes(path.extname(answer).toLowerCase())) return `logotypen ska vara en PNG-, JPEG-, WebP- eller AVIF-fil, inte ${path.basename(answer)}; SVG går inte att använda`;
      const file = await stat(path.resolve(answer)).catch(() => undefined);
      return file?.isFile() ? undefined : `filen ${answer} finns inte`;
    },
  },
  { flag: "colour", prompt: 'Webbplatsens färg, till exempel "#0b4f8a" (tomt för standardfärgen)', required: false, refuse: (answer) => refusal(siteSchema.shape.colour, answer) },
  { flag: "contact-name", prompt: "Den första kontaktpersonens namn", required: true, refuse: (answer) => refusal(contactSchema.shape.name, answer) },
  { flag: "contact-title", prompt: "Kontaktpersonens titel, till exempel Utvecklingsledare", required: true, refuse: (answer) => refusal(contactSchema.shape.title, answer) },
  { flag: "contact-email", prompt: "E-post (tomt för ingen)", required: false, refuse: (answer) => refusal(contactSchema.shape.email, answer) },
  { flag: "contact-phone", prompt: "Telefon, till exempel 023-123 45 (tomt för ingen)", required: false, refuse: (answer) => refusal(contactSchema.shape.phones, [answer]) },
  {
    flag: "repo",
    prompt: "Arkivet på GitHub som ägare/namn, för redigering i webbläsaren (tomt för att vänta)",
    required: false,
    refuse: (answer) => (/^[\w.-]+\/[\w.-]+$/.test(answer) ? undefined : "skriv ägare/namn som på GitHub, till exempel regionbiblioteket/avslutade-projekt"),
  },
];

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The answers the content already holds (a second run), as defaults: none of the example's. */
async function currentAnswers(): Promise<Partial<Record<keyof typeof flags, string>>> {
  const read = (file: string) => readFile(path.join(contentDir, file), "utf8").catch(() => "");
  const site = (parse(await read("_data/site.yaml")) as Record<string, unknown> | null) ?? {};
  const answers: Partial<Record<keyof typeof flags, string>> = {};
  const keep = (flag: keyof typeof flags, value: unknown) => {
    const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : undefined;
    if (text && !namesTheExample(text)) answers[flag] = text;
  };
  keep("organisation", site.organisation);
  keep("name", site.name);
  keep("url", site.url);
  keep("organisation-number", site.organisationNumber);
  keep("counties", site.counties);
  keep("colour", site.colour);
  keep("repo", (site.cms as { repo?: string } | undefined)?.repo);
  const first = (site.contacts as string[] | undefined)?.[0];
  if (first && !EXAMPLE_FILES[`${CONTACTS_FOLDER}/${first}.md`]) {
    const contact = matter(await read(`${CONTACTS_FOLDER}/${first}.md`)).data as Record<string, unknown>;
    keep("contact-name", contact.name);
    keep("contact-title", contact.title);
    keep("contact-email", contact.email);
    keep("contact-phone", (contact.phones as string[] | undefined)?.[0]);
  }
  return answers;
}

const defaults = await currentAnswers();
const terminal = interactive ? createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true }) : undefined;
// Lines are read one by one as the questions are asked, so that answers typed ahead or piped in are not lost.
const lines = terminal?.[Symbol.asyncIterator]();
async function ask(prompt: string): Promise<string | undefined> {
  terminal!.setPrompt(prompt);
  terminal!.prompt();
  const line = await lines!.next();
  return line.done ? undefined : String(line.value);
}
if (interactive) {
  console.log("Ta arkivet i bruk. Svara på frågorna; ett svar inom [ ] behålls om du bara trycker på Retur.\n");
}

const given: Partial<Record<keyof typeof flags, string>> = {};
const problems: string[] = [];
for (const question of QUESTIONS) {
  // Asked, the current answer is offered; not asked, it is kept.
  let answer = (flags[question.flag] as string | undefined)?.trim() ?? (terminal ? undefined : defaults[question.flag]);
  if (answer === undefined && terminal) {
    for (;;) {
      const suggestion = defaults[question.flag] ?? (question.flag === "name" ? "Avslutade projekt" : undefined);
      const line = await ask(`${question.prompt}${suggestion ? ` [${suggestion}]` : ""}: `);
      if (!terminal.terminal) process.stdout.write("\n");
      if (line === undefined) break; // the input ended: what is missing is reported below
      const typed = line.trim() || suggestion || "";
      const refused = typed ? await question.refuse?.(typed) : question.required ? "måste fyllas i" : undefined;
      if (!refused) {
        answer = typed || undefined;
        break;
      }
      console.log(`  ${refused}`);
    }
  } else if (answer !== undefined && answer !== "") {
    const refused = await question.refuse?.(answer);
    if (refused) problems.push(`--${question.flag} ${JSON.stringify(answer)}: ${refused}`);
  }
  if (answer === undefined && question.flag === "name") answer = "Avslutade projekt";
  if (answer === undefined && question.required) problems.push(`--${question.flag} saknas: ${question.prompt.charAt(0).toLowerCase()}${question.prompt.slice(1)}`);
  if (answer) given[question.flag] = answer;
}
terminal?.close();
if (problems.length > 0) {
  console.error(`npm run setup: ${problems.length === 1 ? "ett svar" : `${problems.length} svar`} går inte att använda:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  process.exit(1);
}

const answers: SetupAnswers = {
  organisation: given.organisation!,
  name: given.name!,
  url: given.url!,
  ...(given["organisation-number"] ? { organisationNumber: given["organisation-number"] } : {}),
  ...(given.counties ? { counties: splitList(given.counties) } : {}),
  ...(given.logo ? { logo: path.resolve(given.logo), logoAlt: flags["logo-alt"]?.trim() || given.organisation! } : {}),
  ...(given.colour ? { colour: given.colour } : {}),
  contact: {
    name: given["contact-name"]!,
    title: given["contact-title"]!,
    ...(given["contact-email"] ? { email: given["contact-email"] } : {}),
    ...(given["contact-phone"] ? { phone: given["contact-phone"] } : {}),
  },
  ...(given.repo ? { repo: given.repo } : {}),
  today: todayInSweden(),
};

const report = await setUp(contentDir, answers);
console.log(report.done.length > 0 ? `Gjort i ${displayPath(contentDir)}:\n${report.done.map((line) => `  ${line}`).join("\n")}` : `Ingenting att ändra i ${displayPath(contentDir)}.`);

const result = await validateArchive(contentDir);
if (result.archive) {
  console.log(`\nKontrollen: ${result.archive.projects.length} projekt, ${result.archive.contacts.length} ${result.archive.contacts.length === 1 ? "kontakt" : "kontakter"}: inga fel.`);
  if (result.warnings.length > 0) console.log(formatWarningReport(result.warnings));
} else {
  console.error(`\n${formatErrorReport(result.errors)}`);
}
if (report.remaining.length > 0) {
  console.log(`\nKvar att göra för hand:\n${report.remaining.map((line) => `  ${line}`).join("\n")}`);
}
console.log("\nSedan: lägg till projekt med npm run new, förhandsgranska med npm start, och publicera enligt redaktörsguidens kapitel Ta arkivet i bruk.");
process.exit(result.archive ? 0 : 1);
