import { joinSwedish } from "./swedish-list.ts";

/** A project's partners: their roles, as the schema names them and as the site writes them, and their grouping by country. */
export const PARTNER_ROLES = ["owner", "coordinator", "partner"] as const;

export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** What a partner's roles are called on the site. */
export const PARTNER_ROLE_NAMES: Readonly<Record<PartnerRole, string>> = {
  owner: "projektägare",
  coordinator: "koordinator",
  partner: "partner",
};


/** "Projektägare och koordinator", or "" for a plain partner. */
export function partnerRolesText(roles: readonly PartnerRole[]): string {
  const text = joinSwedish(roles.filter((role) => role !== "partner").map((role) => PARTNER_ROLE_NAMES[role]));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Partners grouped by country, countries in the order they first appear; a group without a country has none. */
export function groupByCountry<T extends { readonly country?: string | undefined }>(partners: readonly T[]): { country?: string; partners: T[] }[] {
  const groups = new Map<string | undefined, T[]>();
  for (const partner of partners) {
    const group = groups.get(partner.country) ?? [];
    group.push(partner);
    groups.set(partner.country, group);
  }
  return [...groups].map(([country, members]) => (country ? { country, partners: members } : { partners: members }));
}
