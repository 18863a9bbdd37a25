import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { fixtureSite, type SiteName } from "../fixture-sites.ts";
import { launchChromium } from "./chromium.ts";

export interface ServedSite {
  /** The content folder the site was built from. */
  readonly content: string;
  readonly output: string;
  readonly server: StaticServer;
  /** An absolute URL for a site path such as "projekt/alfa/". */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

/** The named fixture site (test/fixture-sites.ts), built once per run, served on loopback for the calling file. */
export async function buildAndServe(name: SiteName, options: { pathPrefix?: string } = {}): Promise<ServedSite> {
  const site = await fixtureSite(name, options);
  const server = await serveStatic(site.output, options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
  return {
    content: site.content,
    output: site.output,
    server,
    url: (sitePath = "") => server.url + sitePath,
    close: () => server.close(),
  };
}

/** Chromium and served sites for the tests of one file, started before them and stopped after. */
export interface BrowserAndSites {
  readonly browser: Browser;
  readonly bundled: ServedSite;
  readonly editable: ServedSite;
  readonly consent: ServedSite;
  readonly paginated: ServedSite;
  readonly documentation: ServedSite;
  readonly national: ServedSite;
}

/** Launches Chromium and builds and serves the named sites, for the tests of the calling file. */
export function browserAndSites(names: readonly SiteName[]): BrowserAndSites {
  const state: { browser?: Browser; sites: Partial<Record<SiteName, ServedSite>> } = { sites: {} };
  beforeAll(async () => {
    const [browser, ...sites] = await Promise.all([launchChromium(), ...names.map((name) => buildAndServe(name))]);
    state.browser = browser;
    names.forEach((name, index) => (state.sites[name] = sites[index]));
  });
  afterAll(async () => {
    await Promise.all([state.browser?.close(), ...Object.values(state.sites).map((site) => site.close())]);
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (!value) throw new Error(`${name} is not started; list it in browserAndSites()`);
    return value;
  };
  return {
    get browser() {
      return started(state.browser, "Chromium");
    },
    get bundled() {
      return started(state.sites.bundled, "the bundled site");
    },
    get editable() {
      return started(state.sites.editable, "the editable site");
    },
    get national() {
      return started(state.sites.national, "the national site");
    },
    get consent() {
      return started(state.sites.consent, "the consent site");
    },
    get paginated() {
      return started(state.sites.paginated, "the paginated site");
    },
    get documentation() {
      return started(state.sites.documentation, "the documentation site");
    },
  };
}
