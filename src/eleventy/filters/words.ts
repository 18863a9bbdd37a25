import { countryName as countryNameOf } from "../../format/country.ts";
import type { MentionRole } from "../../content/model.ts";
import { PARTNER_ROLE_NAMES, type PartnerRole } from "../../content/schema.ts";

const conjunction = new Intl.ListFormat("sv", { style: "long", type: "conjunction" });

/** `{{ ["A", "B", "C"] | joinSwedish }}`: "A, B och C". */
export function joinSwedish(items: readonly string[]): string {
  return conjunction.format(items);
}

/** `{{ "NO" | countryName }}`: "Norge". */
export function countryName(code: string): string {
  return countryNameOf(code) ?? code;
}

/** `{{ partner.roles | partnerRoles }}`: "Projektägare och koordinator", or "" for a plain partner. */
export function partnerRoles(roles: readonly PartnerRole[]): string {
  const named = roles.filter((role) => role !== "partner").map((role) => PARTNER_ROLE_NAMES[role]);
  const text = joinSwedish(named);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MENTION_ROLE_WORDS: Record<MentionRole, string> = {
  contact: "kontaktperson",
  contentOwner: "innehållsansvarig",
  publishedBy: "publicerad av",
};

/** `{{ mention.roles | mentionRoles }}`: "kontaktperson och innehållsansvarig". */
export function mentionRoles(roles: readonly MentionRole[]): string {
  return joinSwedish(roles.map((role) => MENTION_ROLE_WORDS[role]));
}
