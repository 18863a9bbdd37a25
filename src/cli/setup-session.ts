/**
 * `npm run setup`'s work once its flags are read (src/cli/setup.ts): asks in Swedish for what the
 * flags do not give, when it runs in a terminal, with the current answers as defaults (and after a
 * refused colour, the darker shade it suggested); asks where the repository lives and where the
 * site is published, writes `cms` for that host and names the guide's steps for it; checks each
 * answer as check would check it (src/setup/questions.ts) and asks again, or stops, when it is
 * refused; then removes the example, writes the settings and the first contact, checks the result
 * as `npm run check` does, and lists what is left to write by hand.
 *
 * It reads and writes through the streams it is given and returns the exit code, so that the
 * tests run the same code, with the same messages, without starting a process for every case.
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { displayPath, formatContentError, formatErrorReport, formatWarningReport } from "../content/model/errors.ts";
import { validateArchive } from "../harvest/load.ts";
import { todayInSweden } from "../format/date.ts";
import { guideReference, hostName, pathPrefixAdvice, PUBLISHING_SECTIONS, REPOSITORY_SECTIONS, type GitHost, type Publishing } from "../setup/hosting.ts";
import { checkAnswer, currentAnswers, isRequired, lineRefusal, promptOf, QUESTIONS, shownAnswer, splitList, type Answers } from "../setup/questions.ts";
import { readSiteSettings, SITE_SETTINGS_FILE } from "../setup/site-settings.ts";
import { hostedAt, setUp, type SetupAnswers } from "../setup/setup.ts";
import type { OptionValues } from "./command-line.ts";

/** setup's flags, for parseCommandLine. */
export const SETUP_OPTIONS = {
  input: { type: "string", default: "content" },
  organisation: { type: "string" },
  name: { type: "string" },
  host: { type: "string" },
  repo: { type: "string" },
  "base-url": { type: "string" },
  "app-id": { type: "string" },
  publish: { type: "string" },
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
  yes: { type: "boolean", default: false },
  ask: { type: "boolean", default: false },
} as const;

/** Where setup reads answers from and writes to: the process's standard streams, or a test's. */
export interface SetupStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errors: NodeJS.WritableStream;
  /** Whether the input is a terminal a person types in. */
  readonly isTerminal: boolean;
}

/** site.yaml's `cms` as answered: none when the repository has no place, kept as it is when it has no name yet. */
function repositoryAnswer(answered: Answers): Pick<SetupAnswers, "repository"> {
  if (answered.host === "ingen") return { repository: null };
  if (!answered.repo) return {};
  const backend = answered.host as GitHost;
  return {
    repository: {
      backend,
      repo: answered.repo,
      ...(answered["base-url"] && backend !== "github" ? { baseUrl: answered["base-url"] } : {}),
      ...(answered["app-id"] && backend !== "github" ? { appId: answered["app-id"] } : {}),
    },
  };
}

/**
 * Takes the archive in `flags.input` into use. Exit code 0 when the content is valid afterwards, 1
 * when it has errors or site.yaml cannot be read, 2 when an answer is refused or missing.
 */
export async function runSetup(flags: OptionValues<typeof SETUP_OPTIONS>, streams: SetupStreams): Promise<number> {
  const print = (text: string) => streams.output.write(`${text}\n`);
  const printError = (text: string) => streams.errors.write(`${text}\n`);
  const contentDir = path.resolve(flags.input);
  // Asks in a terminal, unless --yes; --ask asks also when the answers come from a pipe.
  const interactive = (streams.isTerminal || flags.ask) && !flags.yes;

  // site.yaml is read as check reads it; setup writes it again, so one it cannot read stops it here.
  const settings = await readSiteSettings(contentDir);
  if ("errors" in settings) {
    printError(`npm run setup: ${SITE_SETTINGS_FILE} går inte att läsa; rätta ${SITE_SETTINGS_FILE} och kör npm run setup igen. Ingenting har ändrats.`);
    printError(settings.errors.map((error) => `  ${formatContentError(error)}`).join("\n"));
    return 1;
  }
  const site = settings.values;
  const { answers: defaults, unreadable } = await currentAnswers(contentDir, site);
  if (unreadable.length > 0) {
    printError(`Den första kontaktpersonens fil går inte att läsa, så svaren därifrån föreslås inte:\n${unreadable.map((error) => `  ${formatContentError(error)}`).join("\n")}\n`);
  }

  const terminal = interactive ? createInterface({ input: streams.input, output: streams.output, terminal: streams.isTerminal }) : undefined;
  // Lines are read one by one as the questions are asked, so that answers typed ahead or piped in are not lost.
  const lines = terminal?.[Symbol.asyncIterator]();
  async function ask(prompt: string): Promise<string | undefined> {
    terminal!.setPrompt(prompt);
    terminal!.prompt();
    const line = await lines!.next();
    return line.done ? undefined : String(line.value);
  }
  if (interactive) {
    print("Ta arkivet i bruk. Svara på frågorna; ett svar inom [ ] behålls om du bara trycker på Retur.\n");
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
      // An answer in the content with a character check refuses is not offered: a terminal would obey it.
      const current = defaults[question.key];
      let suggestion = current !== undefined && lineRefusal(current) === undefined ? current : question.fallback?.(given);
      for (;;) {
        const line = await ask(`${promptOf(question, given)}${suggestion ? ` [${suggestion}]` : ""}: `);
        if (!terminal.terminal) streams.output.write("\n");
        if (line === undefined) break; // the input ended: what is missing is reported below
        const typed = line.trim() || suggestion || "";
        const verdict = typed ? await checkAnswer(question, typed, context) : isRequired(question, given) ? { refused: "måste fyllas i" } : { value: "" };
        if ("value" in verdict) {
          answer = verdict.value || undefined;
          break;
        }
        print(`  ${verdict.refused}`);
        // What the check suggested instead (a darker shade of a colour) is what Enter takes next.
        if ("suggestion" in verdict && verdict.suggestion) suggestion = verdict.suggestion;
      }
    } else if (answer !== undefined && answer !== "") {
      const verdict = await checkAnswer(question, answer, context);
      // An answer not given as a flag is the one the content holds.
      const what = flag === undefined ? `--${question.key}, som i innehållet är ${shownAnswer(answer)}` : `--${question.key} ${shownAnswer(answer)}`;
      if ("refused" in verdict) problems.push(`${what}: ${verdict.refused}`);
      else answer = verdict.value;
    }
    answer ||= question.fallback?.(given);
    const prompt = promptOf(question, given);
    if (answer === undefined && isRequired(question, given)) problems.push(`--${question.key} saknas: ${prompt.charAt(0).toLowerCase()}${prompt.slice(1)}`);
    if (answer) given[question.key] = answer;
  }
  terminal?.close();
  if (problems.length > 0) {
    printError(`npm run setup: ${problems.length === 1 ? "ett svar" : `${problems.length} svar`} går inte att använda:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    return 2;
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
    ...repositoryAnswer(given),
    publishing: given.publish as Publishing,
    today: todayInSweden(),
  };

  const report = await setUp(contentDir, answers);
  print(report.done.length > 0 ? `Gjort i ${displayPath(contentDir)}:\n${report.done.map((line) => `  ${line}`).join("\n")}` : `Ingenting att ändra i ${displayPath(contentDir)}.`);

  const result = await validateArchive(contentDir);
  if (result.archive) {
    print(`\nKontrollen: ${result.archive.projects.length} projekt, ${result.archive.contacts.length} ${result.archive.contacts.length === 1 ? "kontakt" : "kontakter"}: inga fel.`);
    if (result.warnings.length > 0) print(formatWarningReport(result.warnings));
  } else {
    printError(`\n${formatErrorReport(result.errors)}`);
  }
  if (report.remaining.length > 0) {
    print(`\nKvar att göra för hand:\n${report.remaining.map((line) => `  ${line}`).join("\n")}`);
  }
  // Where the site goes, and the guide's steps for the repository's host and for publishing there.
  const settingsAfter = await readSiteSettings(contentDir);
  const hosted = "values" in settingsAfter ? hostedAt(settingsAfter.values.cms) : undefined;
  const publishing = answers.publishing ?? "github-pages";
  const prefix = pathPrefixAdvice({ cms: hosted, publishing, url: answers.url });
  print(
    [
      "",
      `Publiceringen: ${answers.url}${hosted ? `, från arkivet ${hosted.repo} på ${hostName(hosted.backend)}` : ""}.${prefix.done ? ` ${prefix.done}.` : ""}`,
      ...(hosted ? [`  Arkivet: ${guideReference(REPOSITORY_SECTIONS[hosted.backend])}`] : []),
      `  Publicera: ${guideReference(PUBLISHING_SECTIONS[publishing])}`,
      "",
      "Sedan: lägg till projekt med npm run new och förhandsgranska med npm start.",
    ].join("\n"),
  );
  return result.archive ? 0 : 1;
}
