/**
 * `npm run review [-- --months N] [--date YYYY-MM-DD] [--json] [--input DIR]`
 *
 * Lists every published page whose review date is older than the review interval, grouped by
 * content owner with the owner's phone and email, oldest first; then the finished projects that
 * have neither results nor lessons, by content owner; then the files in filer/ that no page links
 * to, which are published but cannot be found.
 */
import path from "node:path";
import { displayPath } from "../content/model/errors.ts";
import { loadArchiveOrExit } from "./load-or-exit.ts";
import { countOverdue, overduePages, overdueSummary, overdueText, projectsWithoutResults } from "../content/archive/review.ts";
import { formatSwedishDate, parsePartialDate, todayInSweden } from "../format/date.ts";
import { parseCommandLine } from "./command-line.ts";
import { contactLine } from "./contact-line.ts";

const { values } = parseCommandLine("review", {
  input: { type: "string", default: "content" },
  months: { type: "string" },
  date: { type: "string" },
  json: { type: "boolean", default: false },
});

function fail(message: string): never {
  console.error(`npm run review: ${message}`);
  process.exit(2);
}

const archive = await loadArchiveOrExit(path.resolve(values.input));
const interval = values.months === undefined ? archive.site.reviewIntervalMonths : Number(values.months);
if (!Number.isInteger(interval) || interval < 0) fail(`--months ska vara ett helt antal månader, inte "${values.months}"`);
const today = values.date ?? todayInSweden();
if (parsePartialDate(today)?.precision !== "day") fail(`--date ska vara ett datum som ÅÅÅÅ-MM-DD, inte "${today}"`);

const owners = overduePages(archive, today, interval);
const count = countOverdue(owners);
const withoutResults = projectsWithoutResults(archive, today);
const withoutResultsCount = withoutResults.flatMap((owner) => owner.projects).length;
const unreferenced = archive.files.unreferenced.map((attachment) => displayPath(attachment.file));

if (values.json) {
  const json = owners.map(({ owner, pages }) => ({
    owner: { id: owner.id, name: owner.name, title: owner.title, email: owner.email ?? null, phones: owner.phones.map((phone) => phone.display) },
    pages: pages.map((page) => ({ ...page, ...(page.sourcePath ? { sourcePath: displayPath(page.sourcePath) } : {}) })),
  }));
  const withoutResultsJson = withoutResults.map(({ owner, projects }) => ({
    owner: { id: owner.id, name: owner.name },
    projects: projects.map((project) => ({ title: project.title, url: project.url, sourcePath: displayPath(project.sourcePath), ...(project.period?.end ? { end: project.period.end.iso } : {}) })),
  }));
  console.log(JSON.stringify({ date: today, intervalMonths: interval, overdue: count, owners: json, withoutResults: withoutResultsJson, unreferencedFiles: unreferenced }, null, 2));
} else {
  if (count === 0) {
    console.log(`Alla sidor är granskade de senaste ${interval} månaderna.`);
  } else {
    const lines = [`${overdueSummary(count, interval)} (per ${formatSwedishDate(today)}):`];
    for (const { owner, pages } of owners) {
      lines.push("", contactLine(owner));
      for (const page of pages) {
        lines.push(`  ${formatSwedishDate(page.reviewed)}  ${page.title}  ${page.sourcePath ? displayPath(page.sourcePath) : page.url}  (${overdueText(page.monthsOverdue)})`);
      }
    }
    lines.push("", "Läs igenom sidan, rätta det som behövs och ändra reviewed till dagens datum.");
    console.log(lines.join("\n"));
  }
  if (withoutResultsCount > 0) {
    const lines = ["", `${withoutResultsCount === 1 ? "1 avslutat projekt saknar" : `${withoutResultsCount} avslutade projekt saknar`} både resultat och erfarenheter:`];
    for (const { owner, projects } of withoutResults) {
      lines.push("", contactLine(owner));
      for (const project of projects) lines.push(`  ${project.title}  ${displayPath(project.sourcePath)}  (avslutades ${formatSwedishDate(project.period!.end!)})`);
    }
    lines.push("", "Skriv under Resultat (results) vad projektet uppnådde och under Erfarenheter (lessons) vad ni lärde er, en rad för varje. Det är det som andra bibliotek letar efter.");
    console.log(lines.join("\n"));
  }
  if (unreferenced.length > 0) {
    console.log(["", "Filer i filer/ som ingen sida länkar till:", ...unreferenced.map((file) => `  ${file}`), "Länka filen från en sida eller ta bort den."].join("\n"));
  }
}

