import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium package; `npx playwright install` cannot download a browser here. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Starts Chromium headless, with the flags a machine without outside network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** One page of each kind the site has, by its path on the bundled site. */
export const PAGE_KINDS = {
  index: "",
  project: "projekt/vinna-vinna/",
  directory: "kontakt/",
  cookies: "kakor/",
  accessibility: "tillganglighet/",
  search: "sok/?q=bibliotek",
  openData: "oppna-data/",
  funder: "finansiar/statens-kulturrad/",
  theme: "amne/folkbildning-och-samverkan/",
  notFound: "finns-inte/",
} as const;
