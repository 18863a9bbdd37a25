/**
 * The fixture sites many test files read, each built once per test run and shared.
 *
 * Fourteen files read the example archive as built with no options, five the documentation
 * fixture; each built its own copy (about a second of both cores each). Here the first file to ask
 * for a site builds it, with the real command, into a folder of the run (made by
 * test/global-setup.ts); a file that asks while it is being built waits for it, watching the folder.
 * The sites are read, never changed: a test that edits content or output builds its own.
 */
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, readFile, rename, watch, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeSyntheticArchive } from "../src/bench/synthetic-archive.ts";
import { copyWithWebEditor } from "../src/cli/admin-session.ts";
import { buildSite, contentTree, EXAMPLE_CONTENT, FIXTURES, runCli, type CommandResult } from "./helpers.ts";
import { waitingFor } from "./waiting.ts";

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

/**
 * "bundled": the example archive (test/fixtures/exempel); "editable": a copy of it with the web
 * editor's settings and a logo; "consent": the minimal fixture with a consent category;
 * "paginated": a synthetic archive of 120 projects, whose lists span several pages;
 * "documentation": the fixture with documents, pictures, a logo and a colour
 * (test/fixtures/dokumentation); "national": a site with sources (test/fixtures/nationellt),
 * harvested from the files in test/fixtures/kallor.
 */
export type SiteName = "bundled" | "editable" | "consent" | "paginated" | "documentation" | "national";

export interface BuiltSite extends CommandResult {
  /** The content folder the site was built from. */
  readonly content: string;
  /** The built site. */
  readonly output: string;
}

/** Writes the content of a fixture site into `dir` (or names the fixture itself) and returns its folder. */
async function contentOf(name: SiteName, dir: string): Promise<string> {
  switch (name) {
    case "bundled":
      return EXAMPLE_CONTENT;
    case "editable": {
      const content = await copyWithWebEditor(EXAMPLE_CONTENT, path.join(dir, "content"));
      // With the organisation's logo, which the web editor's sign-in page shows.
      await mkdir(path.join(content, "filer"), { recursive: true });
      await cp(path.join(FIXTURES, "dokumentation/filer/logo.png"), path.join(content, "filer/logo.png"));
      await appendFile(path.join(content, "_data/site.yaml"), EDITABLE_LOGO);
      return content;
    }
    case "consent":
      return contentTree(dir, "minimal", { "_data/site.yaml": (text) => text + CONSENT_CATEGORY, "filer/statistik.js": STATISTICS_SCRIPT });
    case "documentation":
      return contentTree(dir, "dokumentation");
    case "national": {
      const content = await contentTree(dir, "nationellt");
      await cp(path.join(FIXTURES, "kallor"), path.join(dir, "kallor"), { recursive: true });
      const harvested = await runCli("harvest", [content]);
      if (harvested.code !== 0) throw new Error(`The harvest failed:\n${harvested.stdout}${harvested.stderr}`);
      return content;
    }
    case "paginated": {
      const content = path.join(dir, "content");
      await writeSyntheticArchive(content, 120);
      return content;
    }
  }
}

async function build(name: SiteName, pathPrefix: string | undefined, dir: string): Promise<BuiltSite> {
  const content = await contentOf(name, dir);
  const result = await buildSite(content, path.join(dir, "_site"), pathPrefix ? [`--pathprefix=${pathPrefix}`] : []);
  if (result.code !== 0) throw new Error(`The build of the ${name} site failed:\n${result.stderr}`);
  return { ...result, content };
}

/** Waits until `file` exists, watching its folder (made before the watch starts). */
async function appearance(file: string): Promise<void> {
  const watcher = watch(path.dirname(file));
  const changes = watcher[Symbol.asyncIterator]();
  try {
    while (!existsSync(file)) await changes.next();
  } finally {
    await changes.return?.();
  }
}

/**
 * The named fixture site, built by the real command, with `--pathprefix` when one is given. Built
 * once per test run; read it, never change it.
 */
export async function fixtureSite(name: SiteName, options: { pathPrefix?: string } = {}): Promise<BuiltSite> {
  const runFolder = process.env.PROJEKTARKIV_SHARED_SITES;
  if (!runFolder) throw new Error("PROJEKTARKIV_SHARED_SITES is made by test/global-setup.ts, which vitest.config.ts names");
  const dir = path.join(runFolder, `${name}${options.pathPrefix?.replace(/\W+/g, "-") ?? ""}`);
  const done = path.join(dir, "site.json");
  return waitingFor(`the ${name} site to be built`, async () => {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      await appearance(done); // another file builds it
      const shared = JSON.parse(await readFile(done, "utf8")) as BuiltSite | { failure: string };
      if ("failure" in shared) throw new Error(shared.failure);
      return shared;
    }
    const site = await build(name, options.pathPrefix, dir).catch((error: Error) => ({ failure: error.message }));
    await writeFile(`${done}.tmp`, JSON.stringify(site));
    await rename(`${done}.tmp`, done);
    if ("failure" in site) throw new Error(site.failure);
    return site;
  });
}
