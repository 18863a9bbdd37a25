/** Every filter the layouts use, registered by name in one loop by the plugin. */
export { isoDate, period, swedishDate } from "./dates.ts";
export { countryName, joinSwedish, mentionRoles, partnerRoles } from "./words.ts";
export { vcard } from "./vcard.ts";
export { jsonScript } from "./json.ts";
export { calendarDate, publicUrl } from "./urls.ts";
export { openData, openDataSchema } from "../open-data.ts";
export { feedEntries, newestReview, projectJsonLd, sitemapEntries } from "./structured-data.ts";
export { contentSecurityPolicy, headersFile } from "./security.ts";
