import type { PhoneNumber } from "./phone.ts";

/** What a vCard needs to know about a person. */
export interface VCardPerson {
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly phones: readonly PhoneNumber[];
  readonly email?: string;
  readonly url?: string;
}

/** Escapes a text value as RFC 2426 section 4 requires. */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/,/g, "\\,").replace(/;/g, "\\;");
}

/** Splits "Linda Berg Ottoson" into the structured N property: family name last, given first. */
function structuredName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const given = parts.shift() ?? "";
  return `${escapeText(parts.join(" "))};${escapeText(given)};;;`;
}

/** Folds content lines longer than 75 octets, as RFC 2426 section 2.6 requires. */
function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const chunks: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = chunks.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      chunks.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += size;
  }
  chunks.push(current);
  return chunks.join("\r\n ");
}

/**
 * A vCard 3.0 (RFC 2426), the version every phone address book imports: name, title,
 * organisation, phones in E.164, and email.
 */
export function formatVCard(person: VCardPerson): string {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `FN:${escapeText(person.name)}`,
    `N:${structuredName(person.name)}`,
    `TITLE:${escapeText(person.title)}`,
    `ORG:${escapeText(person.organisation)}`,
    ...person.phones.map((phone) => `TEL;TYPE=WORK,VOICE:${phone.e164}`),
    ...(person.email ? [`EMAIL;TYPE=INTERNET,WORK:${person.email}`] : []),
    ...(person.url ? [`URL:${person.url}`] : []),
    "END:VCARD",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
