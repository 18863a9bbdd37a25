/**
 * The absolute public address of a site path. The site's URL may have a path of its own
 * (https://example.se/avslutade-projekt/), which a plain URL resolution of "/projekt/x/" would drop.
 */
export function publicUrl(sitePath: string, siteUrl: string): string {
  const root = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  return new URL(sitePath.replace(/^\/+/, ""), root).href;
}

/** The path part of {@link publicUrl}: "/admin/" under https://example.se/avslutade-projekt/ is "/avslutade-projekt/admin/". */
export function publicPath(sitePath: string, siteUrl: string): string {
  return new URL(publicUrl(sitePath, siteUrl)).pathname;
}
