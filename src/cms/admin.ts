/**
 * The script of /admin/, bundled with Sveltia CMS by src/cms/bundle.ts. It starts the CMS, which
 * reads the generated config.yml next to the page, with the format of project files
 * (project-file.ts).
 *
 * Sveltia CMS asks the git host's status page (www.githubstatus.com for GitHub, GitLab's at
 * status-api.hostedstatus.com) when it starts, and every five minutes after. That would tell a
 * third party whenever an editor opens the page, even before signing in, so the question is
 * answered here, as a failed request, and nothing leaves the site. The CMS then shows no status,
 * as when the status page cannot be reached.
 */
// First, before Sveltia CMS reads its settings as it loads: Swedish by default (default-locale.ts).
import "./default-locale.ts";
import CMS from "@sveltia/cms";
import { PROJECT_FILE_FORMAT, readProjectFile, writeProjectFile } from "./project-file.ts";
import { PREVIEWED_COLLECTION, projectPreview } from "./project-preview.ts";

const STATUS_PAGES = ["https://www.githubstatus.com/", "https://status-api.hostedstatus.com/", "https://status.gitlab.com/"];
const fetchFromNetwork = window.fetch.bind(window);

window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (STATUS_PAGES.some((page) => url.startsWith(page))) return Promise.reject(new TypeError("Statussidan frågas inte härifrån"));
  return fetchFromNetwork(input, init);
};

// Sveltia CMS adds a viewport with maximum-scale=1, which stops editors from zooming the page on a
// phone (WCAG 1.4.4). The limit is taken out wherever the CMS sets it.
const allowZoom = () => {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="viewport"]')) {
    const content = meta.content.replace(/,?\s*maximum-scale=[\d.]+/, "");
    if (content !== meta.content) meta.content = content;
  }
};
new MutationObserver(allowZoom).observe(document.head, { childList: true, subtree: true, attributes: true, attributeFilter: ["content"] });

// Sveltia CMS shows the organisation's logo with an empty text alternative. On the sign-in page it
// stands for the organisation, whose name (site.yaml's logo.alt, put on the page by
// layouts/admin.njk) is its text; after sign-in it is inside a button with a name of its own.
const logoAlt = document.documentElement.dataset.logoAlt;
if (logoAlt) {
  const nameLogos = () => {
    for (const logo of document.querySelectorAll<HTMLImageElement>("img.logo")) if (logo.alt !== logoAlt) logo.alt = logoAlt;
  };
  new MutationObserver(nameLogos).observe(document.body, { childList: true, subtree: true });
}

CMS.registerCustomFormat(PROJECT_FILE_FORMAT, "md", { fromFile: readProjectFile, toFile: writeProjectFile });
// The preview beside the form, in the site's own stylesheet (relative to /admin/, so that the
// site's path prefix is right), and a project as its page shows it (project-preview.ts).
CMS.registerPreviewStyle("../assets/style.css");
CMS.registerPreviewTemplate(PREVIEWED_COLLECTION, projectPreview((window as unknown as { h: Parameters<typeof projectPreview>[0] }).h) as never);
await CMS.init();
