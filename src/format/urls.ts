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

/**
 * An http(s) address in its normal form ("https://host/…"), or undefined when it is not one as a
 * reader takes it. The URL parser accepts `https:evil.example` and `https:\evil.example` and reads
 * a host out of them; a person reads something else, so an address must be written with `//` and
 * a host, and hold no white space and no name or password before the host.
 */
export function normalWebAddress(value: string): string | undefined {
  const written = value.trim();
  if (!/^https?:\/\/[^/\\?#\s]/i.test(written) || /\s/.test(written)) return undefined;
  try {
    const url = new URL(written);
    // https://www.kulturradet.se@evil.example/ goes to evil.example: a name and password before @ are refused.
    if (url.username !== "" || url.password !== "") return undefined;
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
