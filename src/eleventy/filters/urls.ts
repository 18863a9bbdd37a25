/**
 * `{{ page.url | publicUrl(archive.site.url) }}`: the absolute public address of a site path. The
 * site's URL may have a path of its own (https://example.se/avslutade-projekt/), which a plain
 * URL resolution of "/projekt/x/" would drop.
 */
export function publicUrl(sitePath: string, siteUrl: string): string {
  const root = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  return new URL(sitePath.replace(/^\/+/, ""), root).href;
}

/** `{{ "/admin/" | publicPath(archive.site.url) }}`: the path part of `publicUrl`, "/avslutade-projekt/admin/". */
export function publicPath(sitePath: string, siteUrl: string): string {
  return new URL(publicUrl(sitePath, siteUrl)).pathname;
}

/** `{{ "2018-07-04" | calendarDate | dateToRfc3339 }}`: a calendar date as midnight UTC. */
export function calendarDate(iso: string): Date {
  return new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}
