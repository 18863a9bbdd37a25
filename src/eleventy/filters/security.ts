import type { Site } from "../../content/model.ts";

/**
 * `{{ archive.site | contentSecurityPolicy(needsWasm) }}`: the page's Content-Security-Policy.
 * Everything comes from the site itself; the only additions are the origins of consent scripts
 * configured in site.yaml, and WebAssembly for Pagefind on the search page.
 */
export function contentSecurityPolicy(site: Site, needsWasm = false): string {
  const scriptOrigins = new Set<string>();
  for (const category of site.consentCategories) {
    for (const script of category.scripts) {
      if (script.startsWith("https://")) scriptOrigins.add(new URL(script).origin);
    }
  }
  const scripts = ["'self'", ...[...scriptOrigins].sort(), ...(needsWasm ? ["'wasm-unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * `{{ archive.site | headersFile }}`: a `_headers` file for hosts that read one (Netlify,
 * Cloudflare Pages). It repeats the pages' policy as a header, where frame-ancestors also works.
 */
export function headersFile(site: Site): string {
  const header = (needsWasm: boolean) => `  Content-Security-Policy: ${contentSecurityPolicy(site, needsWasm)}; frame-ancestors 'self'`;
  return [
    "/*",
    header(false),
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
    "/sok/*",
    header(true),
    "",
    "/kontakt/*.vcf",
    "  Content-Type: text/vcard; charset=utf-8",
    "",
  ].join("\n");
}
