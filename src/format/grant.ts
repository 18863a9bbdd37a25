/**
 * Grants as a visitor reads them and as the open data gives them: the amount in its currency, the
 * funder's case number or project number, and the format of a case number where the funder's own
 * format is known.
 */

/** The currencies a grant can be given in: kronor, and the euro and Nordic kronor of EU and Nordic programmes. */
export const CURRENCIES = ["SEK", "EUR", "NOK", "DKK"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A grant without a currency is in kronor. */
export const DEFAULT_CURRENCY: Currency = "SEK";

/**
 * Each currency as Swedish running text writes it after the amount: "450 000 kr", "1 250 000 euro",
 * "300 000 norska kronor" (Språkrådet: the unit after the number, and words rather than codes in
 * running text). The form offers the same names.
 */
export const CURRENCY_NAMES: Readonly<Record<Currency, string>> = { SEK: "kr", EUR: "euro", NOK: "norska kronor", DKK: "danska kronor" };

/** What is known of a grant: the programme, the funder's case number, the amount and its currency, the year. */
export interface GrantDetails {
  readonly programme?: string;
  readonly caseNumber?: string;
  readonly amount?: number;
  readonly currency?: Currency;
  readonly year?: number;
}

/**
 * "450 000 kr" or "1 250 000,50 euro": thousands grouped with a no-break space, so that the amount
 * never breaks across lines, and öre or cents only where there are any.
 */
export function formatAmount(amount: number, currency: Currency = DEFAULT_CURRENCY): string {
  const decimals = Number.isInteger(amount) ? 0 : 2;
  const number = amount.toLocaleString("sv-SE", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${number}\u00a0${CURRENCY_NAMES[currency]}`;
}

/**
 * Whether an amount has at most two decimals (öre or cents), as YAML wrote it: 450000, 1250000.5
 * and 1250000.50 do, 0.125 does not.
 */
export const hasAtMostTwoDecimals = (amount: number) => /^\d+(?:\.\d{1,2})?$/.test(String(amount));

/**
 * A case number (diarienummer) as Swedish public bodies write them: an optional letter prefix, a
 * year and a running number, sometimes with a part: "KUR 2019/1234", "2019-00123", "RUN 2020/45:3".
 * Other numbers, such as Interreg's "NYPS 20201234", are project numbers.
 */
const SWEDISH_CASE_NUMBER = /^(?:[A-ZÅÄÖ]{1,8}\s+)?(?:19|20)\d{2}[/-]\d{1,6}(?:[:.-]\d{1,4})?$/;

/** A funder whose own format of case numbers is known, by its names and its website. */
interface KnownCaseNumberFormat {
  /** The funder as the message names it. */
  readonly funder: string;
  /** Its names as editors write them, compared without regard to case. */
  readonly names: readonly string[];
  /** Its website's host, with or without www. */
  readonly host: string;
  readonly pattern: RegExp;
  /** The message when a case number does not fit, after the field's name. */
  readonly message: string;
}

/**
 * Funders whose case numbers have a format that can be checked. Kulturrådet writes KUR, the year,
 * a slash and a running number ("KUR 2019/1234"). A funder not listed here may write any number.
 */
const KNOWN_FORMATS: readonly KnownCaseNumberFormat[] = [
  {
    funder: "Statens kulturråd",
    names: ["statens kulturråd", "kulturrådet"],
    host: "kulturradet.se",
    pattern: /^KUR\s?(?:19|20)\d{2}\/\d{1,6}$/,
    message: "ska vara ett diarienummer som KUR 2019/1234, som Statens kulturråd skriver dem: KUR, ett år, ett snedstreck och ett löpnummer; det står i beslutet",
  },
];

/** The host of a web address without www., or undefined for text that is not one. */
function hostOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).hostname.replace(/^www\./, "");
}

/**
 * The format of a funder's case numbers, when the funder is one whose format is known: by its name
 * ("Statens kulturråd", "Kulturrådet") or its website (kulturradet.se).
 */
export function knownCaseNumberFormat(funder: { readonly name: string; readonly url?: string | undefined }): KnownCaseNumberFormat | undefined {
  const name = funder.name.trim().toLocaleLowerCase("sv");
  const host = hostOf(funder.url);
  return KNOWN_FORMATS.find((known) => known.names.includes(name) || (host !== undefined && (host === known.host || host.endsWith(`.${known.host}`))));
}

/** "dnr KUR 2019/1234" for a Swedish case number, "projektnummer NYPS 20201234" for another. */
export function formatCaseNumber(caseNumber: string): string {
  return `${SWEDISH_CASE_NUMBER.test(caseNumber) ? "dnr" : "projektnummer"} ${caseNumber}`;
}

/**
 * A grant as a visitor reads it after the funder's name: "Stärkta bibliotek, dnr KUR 2019/1234,
 * 450 000 kr, 2019", or "" when nothing is known beyond the funder.
 */
export function formatGrant(grant: GrantDetails): string {
  return [grant.programme, grant.caseNumber && formatCaseNumber(grant.caseNumber), grant.amount !== undefined && formatAmount(grant.amount, grant.currency), grant.year && String(grant.year)]
    .filter(Boolean)
    .join(", ");
}
