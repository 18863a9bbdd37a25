import { countryName as countryNameOf } from "../../format/country.ts";
import type { MentionRole } from "../../content/model/model.ts";
import { partnerRolesText, type PartnerRole } from "../../format/partner-roles.ts";
import { joinSwedish } from "../../format/swedish-list.ts";

/** `{{ ["A", "B", "C"] | joinSwedish }}`: "A, B och C". */
export { joinSwedish };

/** `{{ "NO" | countryName }}`: "Norge". */
export function countryName(code: string): string {
  return countryNameOf(code) ?? code;
}

/** `{{ partner.roles | partnerRoles }}`: "Projektägare och koordinator", or "" for a plain partner. */
export function partnerRoles(roles: readonly PartnerRole[]): string {
  return partnerRolesText(roles);
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
