/**
 * Where a command's requests may go. A command trusts only the origins a person named: the address
 * typed on the command line or with `--origin` (npm run import, npm run links), or a harvest source
 * that site.yaml names. What a page or a content file says (a canonical link, a `<base>`, a link, a
 * redirect) never widens that. A redirect stays on the origin it starts from, except from http:// to
 * https:// on the same host, which is the same site moved to encryption.
 */

/** The site's own requests say who asks, and where to read about it: the link check, the importer, the harvest. */
export const crawlerUserAgent = (siteUrl: string | undefined) => `projektarkiv-lankkontroll/1.0${siteUrl ? ` (+${siteUrl})` : ""}`;

/** Whether `url` is an http(s) address of `origin`, or of its https:// form on the same host. */
export function isOfOrigin(url: URL, origin: string): boolean {
  const allowed = new URL(origin);
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.origin === allowed.origin || (url.protocol === "https:" && allowed.protocol === "http:" && url.host === allowed.host);
}

/** Whether an address is an http(s) address at all. */
export const isWebAddress = (url: URL) => url.protocol === "http:" || url.protocol === "https:";
