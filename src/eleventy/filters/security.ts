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

/** GitHub's API and the hosts of its files and avatars, which the web editor reaches once an editor has signed in. */
const GITHUB_API = "https://api.github.com";
const GITHUB_CONTENT = "https://*.githubusercontent.com";

/**
 * The policy of /admin/, the web editor (its page has it as `cms.policy`), which
 * is no public page. Scripts still come only from the site. Sveltia CMS sets inline styles, shows
 * pictures and files being uploaded as blob: and data: URLs, runs workers, and talks to GitHub's API
 * once an editor has signed in. GitHub's status page is left out: src/cms/admin.ts never asks it.
 */
export function adminContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${GITHUB_CONTENT}`,
    "media-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' blob: data: ${GITHUB_API} ${GITHUB_CONTENT}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * `{{ archive.site | headersFile }}`: a `_headers` file for hosts that read one (Netlify,
 * Cloudflare Pages). It repeats the pages' policy as a header, where frame-ancestors also works.
 * A later rule's header replaces an earlier one's on Netlify, so /sok/ and /admin/ get their own.
 */
export function headersFile(site: Site): string {
  const header = (needsWasm: boolean) => `  Content-Security-Policy: ${contentSecurityPolicy(site, needsWasm)}; frame-ancestors 'self'`;
  const admin = site.cms ? ["/admin/*", `  Content-Security-Policy: ${adminContentSecurityPolicy()}; frame-ancestors 'none'`, "  X-Robots-Tag: noindex", ""] : [];
  return [
    "/*",
    header(false),
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
    "/sok/*",
    header(true),
    "",
    ...admin,
    "/kontakt/*.vcf",
    "  Content-Type: text/vcard; charset=utf-8",
    "",
  ].join("\n");
}
