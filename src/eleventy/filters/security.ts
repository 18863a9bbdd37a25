import type { Site } from "../../content/model/model.ts";
import { hostOrigins } from "../../cms/hosts.ts";
import { publicUrl } from "../../format/urls.ts";

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
 * The policy of /admin/, the web editor (its page has it as `cms.policy`), which is no public page.
 * Scripts still come only from the site. Sveltia CMS sets inline styles, shows pictures and files
 * being uploaded as blob: and data: URLs, runs workers, shows its preview in a frame made from a
 * blob, and talks to the chosen git host's API once an editor has signed in: exactly that host's
 * origins (src/cms/hosts.ts).
 * The hosts' status pages are left out: src/cms/admin.ts never asks them.
 */
export function adminContentSecurityPolicy(cms: Site["cms"]): string {
  const host = hostOrigins(cms).join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${host}`,
    "media-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' blob: data: ${host}`,
    "worker-src 'self' blob:",
    // The preview beside the form is a frame the CMS makes from a blob (project-preview.ts).
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Response headers for a part of the site: all of it, one folder, or one kind of file in a folder. */
interface HeaderRule {
  /** A folder of the site ("/" for all of it, "/sok/"), as published under the site's address. */
  readonly folder: string;
  /** Only files with this extension, such as "vcf". */
  readonly extension?: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/**
 * The powerful browser features no page of the site uses, the web editor included, turned off for
 * every page and for anything that a page might frame: sensors, cameras and microphones, the
 * screen, devices, payment, installed fonts and interest-based advertising. Each is a name that
 * Chromium knows; an unknown one (such as "bluetooth", or the obsolete "interest-cohort") is an
 * error in its console.
 */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "local-fonts",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * The headers each part of the site should be served with, for hosts that can set them: the
 * pages' policy as a header (where frame-ancestors also works), and the rest. A later rule's header
 * replaces an earlier one's of the same name; the others still apply.
 */
function headerRules(site: Site): HeaderRule[] {
  const policy = (needsWasm: boolean) => ["Content-Security-Policy", `${contentSecurityPolicy(site, needsWasm)}; frame-ancestors 'self'`] as const;
  return [
    {
      folder: "/",
      headers: [policy(false), ["X-Content-Type-Options", "nosniff"], ["Referrer-Policy", "strict-origin-when-cross-origin"], ["Permissions-Policy", PERMISSIONS_POLICY]],
    },
    // Pagefind searches in a web worker, which takes the policy of its own response, not the search
    // page's: its folder needs the same WebAssembly allowance, and nothing more.
    { folder: "/sok/", headers: [policy(true)] },
    { folder: "/pagefind/", headers: [policy(true)] },
    ...(site.cms
      ? [{ folder: "/admin/", headers: [["Content-Security-Policy", `${adminContentSecurityPolicy(site.cms)}; frame-ancestors 'none'`], ["X-Robots-Tag", "noindex"]] as const }]
      : []),
    { folder: "/kontakt/", extension: "vcf", headers: [["Content-Type", "text/vcard; charset=utf-8"]] },
  ];
}

/**
 * `{{ archive.site | headersFile }}`: a `_headers` file for hosts that read one (Netlify,
 * Cloudflare Pages). A later rule's header replaces an earlier one's on Netlify, as in headerRules.
 */
export function headersFile(site: Site): string {
  return headerRules(site)
    .flatMap((rule) => [`${rule.folder}*${rule.extension ? `.${rule.extension}` : ""}`, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`), ""])
    .join("\n");
}

/** A value in double quotes for Apache and nginx, with " and \\ escaped. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * `{{ archive.site | htaccessFile(folder) }}`: the `.htaccess` of one folder of the site, for
 * Apache. Each folder with a rule of its own gets its own file, which works under any path
 * prefix; a file type is matched by name. Needs `AllowOverride FileInfo` and mod_headers, which
 * Debian's Apache leaves off: the `Header` lines are not wrapped in `<IfModule mod_headers.c>`, so
 * that without it Apache answers 500 ("Invalid command 'Header'" in its error log) instead of
 * serving every page without its headers, unnoticed.
 */
export function htaccessFile(site: Site, folder: string): string {
  const rules = headerRules(site);
  const lines = [
    "# Made by projektarkiv from the same rules as _headers (src/eleventy/filters/security.ts).",
    "# Needs mod_headers (on Debian: a2enmod headers). Without it Apache answers 500 and logs",
    "# \"Invalid command 'Header'\", rather than serve the site without its security headers.",
  ];
  for (const rule of rules.filter((found) => found.folder === folder && !found.extension)) {
    for (const [name, value] of rule.headers) lines.push(`Header always set ${name} ${quoted(value)}`);
  }
  if (folder === "/") {
    for (const rule of rules.filter((found) => found.extension)) {
      const type = rule.headers.find(([name]) => name === "Content-Type")?.[1];
      if (type) lines.push(`<FilesMatch "\\.${rule.extension}$">`, `  ForceType ${quoted(type)}`, "</FilesMatch>");
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `{{ archive.site | nginxSnippet }}`: the same headers for nginx, to `include` in the server block
 * that serves the site. nginx drops inherited `add_header` lines in a location that has its own, so
 * each location repeats every header that applies to it.
 */
export function nginxSnippet(site: Site): string {
  const rules = headerRules(site);
  const [root, ...folders] = rules;
  const addHeaders = (headers: readonly (readonly [string, string])[], indent: string) =>
    headers.filter(([name]) => name !== "Content-Type").map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
  const merged = (rule: HeaderRule) => [...new Map([...root!.headers, ...rule.headers]).entries()];
  const lines = [
    "# Made by projektarkiv from the same rules as _headers (src/eleventy/filters/security.ts).",
    "# Include it in the server block that serves the site: include /path/to/site/_nginx.conf;",
    ...addHeaders(root!.headers, ""),
  ];
  for (const rule of folders) {
    const folder = new URL(publicUrl(rule.folder, site.url)).pathname;
    const type = rule.headers.find(([name]) => name === "Content-Type")?.[1];
    lines.push(
      "",
      rule.extension ? `location ~ ^${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^/]+\\.${rule.extension}$ {` : `location ^~ ${folder} {`,
      ...(type ? ["  types { }", `  default_type ${quoted(type)};`] : []),
      ...addHeaders(merged(rule), "  "),
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}
