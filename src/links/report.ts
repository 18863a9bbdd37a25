import type { Contact } from "../content/model/model.ts";
import type { LinkOutcome } from "./check.ts";
import type { ExternalLink } from "./collect.ts";

/** A link that needs an editor: dead, or moved for good. */
export interface LinkProblem {
  readonly link: ExternalLink;
  readonly outcome: Exclude<LinkOutcome, { kind: "ok" }>;
}

/** What `npm run links` reports: counts, and the problems grouped by content owner, by name. */
export interface LinkReport {
  /** Different addresses checked. */
  readonly checked: number;
  readonly dead: number;
  readonly moved: number;
  readonly owners: readonly { readonly owner: Contact; readonly problems: readonly LinkProblem[] }[];
}

/** The report of a check: every link whose address did not simply answer, under its page's owner. */
export function linkReport(links: readonly ExternalLink[], outcomes: ReadonlyMap<string, LinkOutcome>): LinkReport {
  const byOwner = new Map<Contact, LinkProblem[]>();
  let dead = 0;
  for (const link of links) {
    const outcome = outcomes.get(link.url)!;
    if (outcome.kind === "ok") continue;
    if (outcome.kind === "dead") dead++;
    byOwner.set(link.owner, [...(byOwner.get(link.owner) ?? []), { link, outcome }]);
  }
  const problems = [...byOwner.values()].reduce((total, list) => total + list.length, 0);
  return {
    checked: new Set(links.map((link) => link.url)).size,
    dead,
    moved: problems - dead,
    owners: [...byOwner].map(([owner, list]) => ({ owner, problems: list })).sort((a, b) => a.owner.name.localeCompare(b.owner.name, "sv")),
  };
}
