/** What is known of a grant: the programme, the funder's case number, the amount in kronor, the year. */
export interface GrantDetails {
  readonly programme?: string;
  readonly caseNumber?: string;
  readonly amount?: number;
  readonly year?: number;
}

/** "450 000 kr", with a no-break space between the thousands, as Swedish is written. */
export const formatKronor = (amount: number) => `${amount.toLocaleString("sv-SE")} kr`;

/**
 * A grant as a visitor reads it after the funder's name: "Stärkta bibliotek, dnr KUR 2019/1234,
 * 450 000 kr, 2019", or "" when nothing is known beyond the funder.
 */
export function formatGrant(grant: GrantDetails): string {
  return [grant.programme, grant.caseNumber && `dnr ${grant.caseNumber}`, grant.amount !== undefined && formatKronor(grant.amount), grant.year && String(grant.year)]
    .filter(Boolean)
    .join(", ");
}
