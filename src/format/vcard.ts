import VCard from "vcard-creator";
import type { PhoneNumber } from "./phone.ts";

/** What a vCard needs to know about a person. */
export interface VCardPerson {
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly phones: readonly PhoneNumber[];
  readonly email?: string;
  /** YYYY-MM-DD, written as REV. Fixed by the content, so two builds give the same file. */
  readonly revised: string;
}

/**
 * A vCard 3.0 (RFC 2426), the version every phone address book imports: name, title,
 * organisation, phones in E.164, and email. "Linda Berg Ottoson" is given name Linda, family
 * name Berg Ottoson.
 */
export function formatVCard(person: VCardPerson): string {
  const [givenName = "", ...familyNames] = person.name.trim().split(/\s+/);
  const card = new VCard()
    .addName({ givenName, familyName: familyNames.join(" ") })
    .addCompany({ name: person.organisation })
    .addJobtitle(person.title)
    .addRevision(new Date(`${person.revised}T00:00:00Z`));
  for (const phone of person.phones) card.addPhoneNumber({ number: phone.e164, type: ["work", "voice"] });
  if (person.email) card.addEmail({ address: person.email, type: ["internet", "work"] });
  return card.toString();
}
