/**
 * `npm run setup [-- --organisation "…" --url https://… --contact-name "…" --contact-title "…" …]`
 *
 * Takes the archive into use for an organisation (src/setup/setup.ts): asks in Swedish for what
 * the flags do not give, when it runs in a terminal, with the current answers as defaults; checks
 * each answer as check would check it (src/setup/questions.ts) and asks again, or stops, when it
 * is refused; then removes the example, writes the settings and the first contact, checks the
 * result as `npm run check` does, and lists what is left to write by hand. Content files are read
 * only through the content reader: nothing in them runs. Exit 0 when the content is valid
 * afterwards, 1 when it has errors or site.yaml cannot be read, 2 when an answer is refused or
 * missing, or for a wrong command line.
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { displayPath, formatContentError, formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { validateArchive } from "../harvest/load.ts";
import { todayInSweden } from "../format/date.ts";
import { checkAnswer, currentAnswers, lineRefusal, QUESTIONS, shownAnswer, splitList, type Answers } from "../setup/questions.ts";
import { readSiteSettings, SITE_SETTINGS_FILE } from "../setup/site-settings.ts";
import { setUp, type SetupAnswers } from "../setup/setup.ts";
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

// site.yaml is read as check reads it; setup writes it again, so one it cannot read stops it here.
const settings = await readSiteSettings(contentDir);
if ("errors" in settings) {
  console.error(`npm run setup: ${SITE_SETTINGS_FILE} går inte att läsa; rätta ${SITE_SETTINGS_FILE} och kör npm run setup igen. Ingenting har ändrats.`);
  console.error(settings.errors.map((error) => `  ${formatContentError(error)}`).join("\n"));
  process.exit(1);
}
const site = settings.values;
const { answers: defaults, unreadable } = await currentAnswers(contentDir, site);
if (unreadable.length > 0) {
  console.error(`Den första kontaktpersonens fil går inte att läsa, så svaren därifrån föreslås inte:\n${unreadable.map((error) => `  ${formatContentError(error)}`).join("\n")}\n`);
}

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

const given: Answers = {};
const problems: string[] = [];
for (const question of QUESTIONS) {
  const flag = flags[question.key]?.trim();
  if (flag === undefined && question.skip?.(given)) continue;
  const context = { given, site };
  // Asked, the current answer is offered; not asked, it is kept.
  let answer: string | undefined = flag ?? (terminal ? undefined : defaults[question.key]);
  if (answer === undefined && terminal) {
    for (;;) {
      // An answer in the content with a character check refuses is not offered: a terminal would obey it.
      const current = defaults[question.key];
      const suggestion = current !== undefined && lineRefusal(current) === undefined ? current : question.fallback?.(given);
      const line = await ask(`${question.prompt}${suggestion ? ` [${suggestion}]` : ""}: `);
      if (!terminal.terminal) process.stdout.write("\n");
      if (line === undefined) break; // the input ended: what is missing is reported below
      const typed = line.trim() || suggestion || "";
      const verdict = typed ? await checkAnswer(question, typed, context) : question.required ? { refused: "måste fyllas i" } : { value: "" };
      if ("value" in verdict) {
        answer = verdict.value || undefined;
        break;
      }
      console.log(`  ${verdict.refused}`);
    }
  } else if (answer !== undefined && answer !== "") {
    const verdict = await checkAnswer(question, answer, context);
    // An answer not given as a flag is the one the content holds.
    const what = flag === undefined ? `--${question.key}, som i innehållet är ${shownAnswer(answer)}` : `--${question.key} ${shownAnswer(answer)}`;
    if ("refused" in verdict) problems.push(`${what}: ${verdict.refused}`);
    else answer = verdict.value;
  }
  answer ||= question.fallback?.(given);
  if (answer === undefined && question.required) problems.push(`--${question.key} saknas: ${question.prompt.charAt(0).toLowerCase()}${question.prompt.slice(1)}`);
  if (answer) given[question.key] = answer;
}
terminal?.close();
if (problems.length > 0) {
  console.error(`npm run setup: ${problems.length === 1 ? "ett svar" : `${problems.length} svar`} går inte att använda:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  process.exit(2);
}

const answers: SetupAnswers = {
  organisation: given.organisation!,
  name: given.name!,
  url: given.url!,
  ...(given["organisation-number"] ? { organisationNumber: given["organisation-number"] } : {}),
  ...(given.counties ? { counties: splitList(given.counties) } : {}),
  ...(given.logo ? { logo: path.resolve(given.logo), logoAlt: given["logo-alt"] ?? given.organisation! } : {}),
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
