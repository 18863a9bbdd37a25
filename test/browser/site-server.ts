import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { writeSyntheticArchive } from "../../src/bench/synthetic-archive.ts";
import { copyWithWebEditor } from "../../src/cli/admin-session.ts";
import { launchChromium } from "./chromium.ts";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { appendFile, cp, mkdir } from "node:fs/promises";
import { waitingFor } from "../waiting.ts";
import { buildSite, contentTree, EXAMPLE_CONTENT, FIXTURES, runCli, temporaryFolder } from "../helpers.ts";

/** A consent category whose script is served from the fixture's own attachments. */
export const CONSENT_CATEGORY = `cookies:
  categories:
    - id: statistik
      name: Statistik
      purpose: Vi räknar besök för att förbättra webbplatsen.
      scripts: [/filer/statistik.js]
      cookies:
        - name: _pk_id
          purpose: Skiljer besökare åt.
          lifetime: 13 månader
`;

/** Counts its own loads and sets the cookie the category declares. */
export const STATISTICS_SCRIPT = `window.statistikLaddad = (window.statistikLaddad || 0) + 1;
document.cookie = "_pk_id=test; path=/; max-age=3600";
`;

/** The editable site's logo, from the documentation fixture. */
export const EDITABLE_LOGO = "logo:\n  file: logo.png\n  alt: Regionbiblioteket\n";

export interface ServedSite {
  /** The content folder the site was built from. */
  readonly content: string;
  readonly output: string;
  readonly server: StaticServer;
  /** An absolute URL for a site path such as "projekt/alfa/". */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

/**
 * Builds a content tree with the real command and serves it on loopback. `source` is "bundled"
 * for the project's own content/, "editable" for a copy of it with the web editor's settings and a logo,
 * "consent" for the minimal fixture with a consent category, "paginated" for a synthetic archive
 * of 120 projects, whose lists span several pages, or "documentation" for the fixture with
 * documents, pictures, a logo and a colour (test/fixtures/dokumentation), or "national" for a
 * site with sources (test/fixtures/nationellt), harvested from the files in test/fixtures/kallor.
 */
export async function buildAndServe(source: SiteName, options: { pathPrefix?: string } = {}): Promise<ServedSite> {
  const workspace = await temporaryFolder();
  let content = EXAMPLE_CONTENT;
  if (source === "consent") {
    content = await contentTree(workspace.dir, "minimal", {
      "_data/site.yaml": (text) => text + CONSENT_CATEGORY,
      "filer/statistik.js": STATISTICS_SCRIPT,
    });
  } else if (source === "editable") {
    content = await copyWithWebEditor(EXAMPLE_CONTENT, path.join(workspace.dir, "content"));
    // With the organisation's logo, which the web editor's sign-in page shows.
    await mkdir(path.join(content, "filer"), { recursive: true });
    await cp(path.join(FIXTURES, "dokumentation/filer/logo.png"), path.join(content, "filer/logo.png"));
    await appendFile(path.join(content, "_data/site.yaml"), EDITABLE_LOGO);
  } else if (source === "documentation") {
    content = await contentTree(workspace.dir, "dokumentation");
  } else if (source === "national") {
    content = await contentTree(workspace.dir, "nationellt");
    await cp(path.join(FIXTURES, "kallor"), path.join(workspace.dir, "kallor"), { recursive: true });
    const harvested = await runCli("harvest", [content]);
    if (harvested.code !== 0) throw new Error(`The harvest failed:\n${harvested.stdout}${harvested.stderr}`);
  } else if (source === "paginated") {
    content = path.join(workspace.dir, "content");
    await writeSyntheticArchive(content, 120);
  }
  const args = options.pathPrefix ? [`--pathprefix=${options.pathPrefix}`] : [];
  const result = await buildSite(content, path.join(workspace.dir, "_site"), args);
  if (result.code !== 0) throw new Error(`The build failed:\n${result.stderr}`);
  const server = await serveStatic(result.output, options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
  return {
    content,
    output: result.output,
    server,
    url: (sitePath = "") => server.url + sitePath,
    close: async () => {
      await server.close();
      await workspace.remove();
    },
  };
}

type SiteName = "bundled" | "editable" | "consent" | "paginated" | "documentation" | "national";

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
    const [browser, ...sites] = await Promise.all([launchChromium(), ...names.map((name) => waitingFor(`the ${name} site to be built and served`, buildAndServe(name)))]);
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
