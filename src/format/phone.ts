import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** A phone number as a visitor reads it and as a phone dials it. */
export interface PhoneNumber {
  /** "019-602 72 54": Swedish national format for Swedish numbers, international otherwise. */
  readonly display: string;
  /** "+46196027254", for `tel:` links and vCards. */
  readonly e164: string;
}

/**
 * Parses a phone number as people write it, Swedish by default. Returns undefined when
 * libphonenumber-js does not consider it a valid number.
 */
export function parsePhoneNumber(text: string): PhoneNumber | undefined {
  const number = parsePhoneNumberFromString(text, "SE");
  if (!number || !number.isValid()) return undefined;
  const display = number.country === "SE" ? number.formatNational() : number.formatInternational();
  return { display, e164: number.number };
}
