/**
 * `npm run links [-- --json] [--concurrency N] [--timeout S] [--input DIR] [--origin https://… …]`
 *
 * Checks every web address the published content links to (src/links/), and lists the dead ones
 * and the ones that have moved for good, with file, line and field, grouped by content owner as
 * `npm run review` groups pages. Exit code 1 when a link is dead. Results are kept for a day.
 * Links to an internal network are listed and not asked, unless their origin is named with --origin.
 */
import path from "node:path";
import { displayPath } from "../content/model/errors.ts";
import { crawlerUserAgent } from "../fetch/origin.ts";
import { normalWebAddress } from "../format/urls.ts";
import { checkUrls, seemsOffline } from "../links/check.ts";
import { externalLinks, type ExternalLink } from "../links/collect.ts";
import { linkReport, type LinkProblem } from "../links/report.ts";
import { parseCommandLine } from "./command-line.ts";
import { contactLine } from "./contact-line.ts";
import { loadArchiveOrExit } from "./load-or-exit.ts";

const { values } = parseCommandLine("links", {
  input: { type: "string", default: "content" },
  json: { type: "boolean", default: false },
  concurrency: { type: "string", default: "8" },
  timeout: { type: "string", default: "10" },
  origin: { type: "string", multiple: true, default: [] },
});

function positiveNumber(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    console.error(`npm run links: --${option} ska vara ett tal större än 0, inte "${value}"`);
    process.exit(2);
  }
  return number;
}

/** The origins named with --origin: asked even when they are in an internal network. */
const trustedOrigins = (values.origin as unknown as string[]).map((origin) => {
  const address = normalWebAddress(origin);
  if (!address) {
    console.error(`npm run links: --origin ska vara en webbadress som börjar med http:// eller https://, inte "${origin}"`);
    process.exit(2);
  }
  return new URL(address).origin;
});

const archive = await loadArchiveOrExit(path.resolve(values.input));
const links = externalLinks(archive);
const cacheDir = process.env.PROJEKTARKIV_CACHE_DIR;
const outcomes = await checkUrls(
  links.map((link) => link.url),
  {
    concurrency: Math.floor(positiveNumber("concurrency", values.concurrency)),
    perHost: 2,
    timeoutMs: positiveNumber("timeout", values.timeout) * 1000,
    userAgent: crawlerUserAgent(archive.site.url),
    ...(cacheDir ? { cacheFile: path.join(cacheDir, "lankar.json") } : {}),
    cacheForMs: 24 * 3600 * 1000,
    trustedOrigins,
  },
);

if (seemsOffline(outcomes)) {
  console.error(
    `npm run links: ingen av de ${new Set(links.map((link) => link.url)).size} adresserna gick att nå, inte ens deras namn gick att slå upp, så datorn verkar vara utan nätverk. Inga länkar räknas som döda; kör kommandot igen när datorn är ansluten.`,
  );
  process.exit(2);
}

const report = linkReport(links, outcomes);
const place = (link: ExternalLink) => `${displayPath(link.file)}${link.line ? `:${link.line}` : ""}`;
const what = (outcome: LinkProblem["outcome"]) =>
  outcome.kind === "dead" ? `död: ${outcome.reason}` : outcome.kind === "moved" ? `flyttad för gott: skriv ${outcome.location} i stället` : `${outcome.reason}; den kontrolleras inte`;

if (values.json) {
  const owners = report.owners.map(({ owner, problems }) => ({
    owner: { id: owner.id, name: owner.name },
    links: problems.map(({ link, outcome }) => ({ file: displayPath(link.file), line: link.line ?? null, field: link.field, url: link.url, ...outcome })),
  }));
  console.log(JSON.stringify({ checked: report.checked, dead: report.dead, moved: report.moved, internal: report.internal, owners }, null, 2));
} else {
  // Links, not addresses, are counted: two pages may link the same address, and each is a dead link to mend.
  const addresses = report.checked === links.length ? "" : ` (${report.checked} ${report.checked === 1 ? "adress" : "olika adresser"})`;
  const internal = report.internal === 0 ? "" : ` ${report.internal} ${report.internal === 1 ? "länk pekar" : "länkar pekar"} på ett internt nät och kontrollerades inte.`;
  const lines = [`Kontrollerade ${links.length} ${links.length === 1 ? "länk" : "länkar"}${addresses}: ${report.dead} döda, ${report.moved} flyttade.${internal}`];
  for (const { owner, problems } of report.owners) {
    lines.push("", contactLine(owner));
    for (const { link, outcome } of problems) lines.push(`  ${place(link)}  ${link.field}  ${link.url}`, `    ${what(outcome)}`);
  }
  if (report.dead + report.moved > 0) lines.push("", "Rätta adressen eller ta bort länken. En flyttad sida fungerar än, men byt till den nya adressen.");
  if (report.internal > 0) {
    lines.push("", "En länk till ett internt nät (ett intranät, den egna datorn) fungerar inte för besökare utanför. Kontrollera den själv, eller kör med --origin och adressen om den ska kontrolleras.");
  }
  console.log(lines.join("\n"));
}
process.exit(report.dead > 0 ? 1 : 0);
