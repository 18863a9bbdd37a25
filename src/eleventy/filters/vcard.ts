import type { Contact, Site } from "../../content/model/model.ts";
import { formatVCard } from "../../format/vcard.ts";

/** `{{ contact | vcard(archive.site) }}`: the person's vCard, with the site's organisation. */
export function vcard(contact: Contact, site: Site): string {
  return formatVCard({
    name: contact.name,
    title: contact.title,
    organisation: site.organisation,
    phones: contact.phones,
    revised: site.generatedPages.reviewed,
    ...(contact.email ? { email: contact.email } : {}),
  });
}
