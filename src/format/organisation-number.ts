/**
 * Swedish organisation numbers (organisationsnummer): ten digits, written NNNNNN-NNNN, whose last
 * digit is a Luhn check digit over the first nine, as Skatteverket describes it.
 */

/** The Luhn check digit of nine digits: every other digit doubled from the left, digit sums added. */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (const [index, character] of [...digits].entries()) {
    const product = Number(character) * (index % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** An organisation number read, or why it cannot be one (in Swedish). */
export type OrganisationNumber = { readonly digits: string; readonly display: string } | { readonly error: string };

/** Reads "232100-0164" or "2321000164" (spaces allowed); checks the length and the check digit. */
export function parseOrganisationNumber(text: string): OrganisationNumber {
  const digits = text.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return { error: `"${text}" är inte ett organisationsnummer: skriv tio siffror, till exempel 232100-0164` };
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (Number(digits[9]) !== expected) {
    return { error: `organisationsnumret ${digits.slice(0, 6)}-${digits.slice(6)} har fel kontrollsiffra (${digits[9]}, inte ${expected}); kontrollera det mot Bolagsverket eller Skatteverket` };
  }
  return { digits, display: displayOrganisationNumber(digits) };
}

/** "232100-0164": ten digits as an organisation number is written. */
export const displayOrganisationNumber = (digits: string) => `${digits.slice(0, 6)}-${digits.slice(6)}`;

/** The ten digits of the organisation number that begins with these nine: its Luhn check digit added. */
export const withCheckDigit = (nineDigits: string) => `${nineDigits}${luhnCheckDigit(nineDigits)}`;

/** The organisation number a project identifier names (SE-ORGNR-2321000164-… gives 2321000164), or undefined. */
export function identifierOrganisation(id: string): string | undefined {
  return /^SE-ORGNR-(\d{10})-/.exec(id)?.[1];
}

/** A project's lasting identifier, after IATI's pattern: SE-ORGNR-2321000164-vinna-vinna. */
export const projectIdentifier = (organisationDigits: string, slug: string) => `SE-ORGNR-${organisationDigits}-${slug}`;

/** What a project identifier looks like. */
export const PROJECT_IDENTIFIER = /^SE-ORGNR-\d{10}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
