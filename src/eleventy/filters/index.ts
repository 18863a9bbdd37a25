/** Every filter the layouts use, registered by name in one loop by the plugin. */
export { calendarDate, isoDate, period, swedishDate } from "./dates.ts";
export { countryName, joinSwedish, mentionRoles, partnerRoles } from "./words.ts";
export { vcard } from "./vcard.ts";
export { overviewMap, projectMap } from "./maps.ts";
export { jsonScript } from "./json.ts";
/** `{{ page.url | publicUrl(archive.site.url) }}` and `{{ "/admin/" | publicPath(archive.site.url) }}`. */
export { publicPath, publicUrl } from "../../format/urls.ts";
export { openData, openDataSchema } from "../open-data.ts";
export { dcatCatalogue } from "../../open-data/dcat.ts";
export { listDownload } from "../downloads.ts";
export { feedEntries, feedSummary, projectJsonLd, sitemapEntries } from "./structured-data.ts";
/** `{{ projects | newestReview }}`: the latest review date, for the feed's `updated`. */
export { newestReview } from "../../content/archive/review.ts";
export { contentSecurityPolicy, headersFile, htaccessFile, nginxSnippet } from "./security.ts";
/** `{{ funder | grant }}`: "Stärkta bibliotek, dnr KUR 2019/1234, 450 000 kr, 2019". */
export { formatGrant as grant } from "../../format/grant.ts";
/** `{{ document.size | fileSize }}`: "1,2 MB". */
export { formatFileSize as fileSize } from "../../format/file-size.ts";
/** `{{ document | documentCategory }}`: "Slutrapport", beside the document's link. */
export { documentCategoryName as documentCategory } from "../../format/document-categories.ts";
/** `{{ document.shortcomings | shortcomingText }}`: "saknar taggar och titel". */
export { shortcomingText } from "../../content/files/file-references.ts";
