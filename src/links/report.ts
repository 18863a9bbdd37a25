import type { Contact } from "../content/model/model.ts";
import type { LinkOutcome } from "./check.ts";
import type { ExternalLink } from "./collect.ts";

/** A link that needs an editor: dead, moved for good, or to an internal network, which is not checked. */
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
  /** Links to an address in an internal network, which were not asked. */
  readonly internal: number;
  readonly owners: readonly { readonly owner: Contact; readonly problems: readonly LinkProblem[] }[];
}

/** The report of a check: every link whose address did not simply answer, under its page's owner. */
export function linkReport(links: readonly ExternalLink[], outcomes: ReadonlyMap<string, LinkOutcome>): LinkReport {
  const byOwner = new Map<Contact, LinkProblem[]>();
  const counts = { dead: 0, moved: 0, internal: 0 };
  for (const link of links) {
    const outcome = outcomes.get(link.url)!;
    if (outcome.kind === "ok") continue;
    counts[outcome.kind]++;
    byOwner.set(link.owner, [...(byOwner.get(link.owner) ?? []), { link, outcome }]);
  }
  return {
    checked: new Set(links.map((link) => link.url)).size,
    ...counts,
    owners: [...byOwner].map(([owner, list]) => ({ owner, problems: list })).sort((a, b) => a.owner.name.localeCompare(b.owner.name, "sv")),
  };
}
