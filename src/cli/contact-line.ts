import type { Contact } from "../content/model/model.ts";

/** "Sandra Spjuth, Utvecklingsledare - bibliotek (019-602 72 53, sandra.spjuth@example.se)": how to reach a content owner. */
export function contactLine(owner: Contact): string {
  const reach = [...owner.phones.map((phone) => phone.display), ...(owner.email ? [owner.email] : [])].join(", ");
  return `${owner.name}, ${owner.title}${reach ? ` (${reach})` : ""}`;
}
