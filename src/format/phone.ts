import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** A phone number as a visitor reads it and as a phone dials it. */
export interface PhoneNumber {
  /** "019-602 72 54": Swedish national format for Swedish numbers, international otherwise. */
  readonly display: string;
  /** "+46196027254", for `tel:` links and vCards. */
  readonly e164: string;
}

const PHONE_CHARACTERS = /^\+?[\d\s\u00a0().\/\u2010-\u2013-]+$/;

/**
 * Parses a phone number as people write it, Swedish by default. Returns undefined when
 * libphonenumber-js does not consider it a valid number.
 */
export function parsePhoneNumber(text: string): PhoneNumber | undefined {
  // libphonenumber finds a number inside any text ("ring 019-602 72 54", "… <script>"); a field
  // holds the number alone, as people write one: digits, spaces, + - ( ) / and dots.
  return PHONE_CHARACTERS.test(text.trim()) ? phoneNumberIn(text) : undefined;
}

/**
 * A date written as digits (2021-03-02, 2021/03/02, 20210302): libphonenumber reads 2021-03-02 as
 * the valid number 020-21 03 02, and a page's "Senast uppdaterad: 2021-03-02" became a phone.
 */
const DATE_AS_DIGITS = /\b(?:19|20)\d{2}([-/.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])\b/g;

/** The phone number in a line of text ("Telefon 019-602 72 54 (växel)"), as the importer reads a page; a date is never one. */
export function phoneNumberIn(text: string): PhoneNumber | undefined {
  const withoutDates = text.replace(DATE_AS_DIGITS, " ");
  if (!/\d/.test(withoutDates)) return undefined;
  const number = parsePhoneNumberFromString(withoutDates, "SE");
  if (!number || !number.isValid()) return undefined;
  const display = number.country === "SE" ? number.formatNational() : number.formatInternational();
  return { display, e164: number.number };
}
