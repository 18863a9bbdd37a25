/**
 * The importer on pages written in the markup of real templates (test/fixtures/import/README.md):
 * Sitevision's municipal and regional templates, an index with a sub-page per project, WordPress's
 * classic and block themes, Optimizely, Drupal, and an old site of 240 projects in layout tables.
 * For each: every project found and nothing else taken for one, titles right, documents as
 * documents, every visible word in the drafts or named as dropped with at least 98 % in the drafts,
 * and `check` and the build passing once `draft: true` is removed. Facts (periods, funders,
 * partners) are test/import/page-facts' to assert.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { oldSitePage } from "../../src/bench/old-site-page.ts";
import { validateContent } from "../../src/content/archive/load.ts";
import { planImport, writeImport, type ImportPlan } from "../../src/import/import-page.ts";
import { buildSite, EXAMPLE_CONTENT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";
import { IMPORT_FIXTURES, useFixtureServer } from "./fixture-server.ts";
import { measureWords } from "./word-measure.ts";

const workspace = temporaryWorkspace();
const server = useFixtureServer();

interface Template {
  /** The saved pages, in test/fixtures/import/ (a folder is its pages). */
  readonly pages: string | readonly string[];
  /** Every project's title, and the titles of its documents where it has any. */
  readonly projects: Readonly<Record<string, readonly string[]>>;
  /** Documents recognised as documents, but on the site's own host, which a saved page never fetches from (only --origin). */
  readonly elsewhere?: readonly string[];
  /** How many lines of results and lessons each project with a section headed so has; the others have none. */
  readonly learned?: Readonly<Record<string, { readonly results: number; readonly lessons: number }>>;
}

const TEMPLATES: Readonly<Record<string, Template>> = {
  "Sitevision, en kommuns mall": {
    pages: "sitevision-kommun.html",
    projects: {
      "Sommarboken 2019": ["Slutrapport Sommarboken 2019", "Enkätsvar från föräldrarna"],
      "Språkcafé på biblioteket": ["Redovisning av Språkcaféet"],
      "Digitala lotsar": [],
    },
    learned: { "Sommarboken 2019": { results: 1, lessons: 0 } },
  },
  "Sitevision, en regions mall med dragspel": {
    pages: "sitevision-region.html",
    projects: {
      "Bibliotek i hela länet": ["Regional biblioteksplan 2021–2024", "Slutrapport", "Bilaga 1, enkät till kommunerna", "Bilaga 2, statistik", "Presentation från slutkonferensen", "Styrgruppens protokoll"],
      "Läslyftet på biblioteken": [],
      "Mobila bibliotek i glesbygd": [],
    },
  },
  "Sitevision, förteckning med en undersida per projekt": {
    pages: "sitevision-index",
    projects: {
      "Bokstart i Exempelby": ["Slutrapport Bokstart", "Projektplan Bokstart"],
      "Läsombud i hemtjänsten": ["Utvärdering av läsombuden"],
      "Sagostunder på meänkieli": [],
      "Digital delaktighet för äldre": [],
    },
    learned: {
      "Bokstart i Exempelby": { results: 4, lessons: 0 },
      "Läsombud i hemtjänsten": { results: 2, lessons: 1 },
      "Sagostunder på meänkieli": { results: 4, lessons: 0 },
      "Digital delaktighet för äldre": { results: 4, lessons: 0 },
    },
  },
  "WordPress, klassiskt tema": {
    pages: "wordpress-klassisk.html",
    projects: { "Bokstart Hälsingland": [], "Lättläst i Ljusdal": [] },
    elsewhere: ["Slutrapport (PDF)"],
  },
  "WordPress, blocktema": {
    pages: "wordpress-block.html",
    projects: { "Bibliotekens klimatvecka": [], Läsambassadörer: [] },
    elsewhere: ["Rapport från klimatveckan"],
  },
  "Optimizely (Episerver), blockyta och formulär": {
    pages: "optimizely.html",
    projects: { Fjällbiblioteket: ["Fjällbibliotekets slutrapport", "Budget och utfall"], "Sydsamiska berättelser": [] },
    learned: { "Sydsamiska berättelser": { results: 2, lessons: 0 } },
  },
  "Drupal, en vy av projekt": {
    pages: "drupal.html",
    projects: { "Bokcirklar för unga": ["Slutrapport Bokcirklar för unga"], "Talböcker i vården": [], "Öppna bibliotek på landsbygden": [] },
    learned: { "Öppna bibliotek på landsbygden": { results: 0, lessons: 3 } },
  },
};

/** The old site's page, written once into the workspace. */
const OLD_SITE = oldSitePage(240);

/** Imports `pages` into `content` as the command would, files downloaded from the test server as --origin. */
async function importInto(pages: readonly string[], content: string): Promise<ImportPlan> {
  const plan = await planImport(pages, { contentDir: content, userAgent: "projektarkiv-lankkontroll/1.0", timeoutMs: 5000, origin: server.origin, templates: EXAMPLE_CONTENT });
  await writeImport(plan, content);
  return plan;
}

/** The saved pages a fixture names, as files. */
async function pagesOf(template: Template): Promise<string[]> {
  const names = typeof template.pages === "string" ? [template.pages] : template.pages;
  const found: string[] = [];
  for (const name of names) {
    const file = path.join(IMPORT_FIXTURES, name);
    found.push(...(name.endsWith(".html") ? [file] : (await readdir(file)).sort().map((page) => path.join(file, page))));
  }
  return found;
}

/** Every project file of a content folder without its `draft: true`, as an editor publishes them. */
async function publish(content: string): Promise<void> {
  for (const name of await readdir(path.join(content, "projekt"))) {
    const file = path.join(content, "projekt", name);
    await writeFile(file, (await readFile(file, "utf8")).replace(/^draft: true\n/m, ""));
  }
}

/** One content folder with every template's projects, as an archive that moved in from them all, for one check and one build. */
let together: string;

describe.each(Object.entries(TEMPLATES))("npm run import on %s", (_name, template) => {
  let plan: ImportPlan;
  let content: string;
  let htmls: string[];

  beforeAll(async () => {
    const pages = await pagesOf(template);
    htmls = await Promise.all(pages.map((page) => readFile(page, "utf8")));
    content = path.join(workspace.dir, path.basename(String(template.pages), ".html"));
    plan = await importInto(pages, content);
    together ??= path.join(workspace.dir, "tillsammans");
    await importInto(pages, together);
  });

  it("finds every project and takes nothing else for one, with its title and documents", async () => {
    const { archive, errors } = await validateContent(content, { includeDrafts: true });
    expect(errors).toEqual([]);
    const found = Object.fromEntries(archive!.projects.map((project) => [project.title, project.documents.map((document) => document.title)]));
    expect(found).toEqual(template.projects);
    for (const title of template.elsewhere ?? []) {
      expect(plan.report.files.flatMap((file) => file.dropped)).toContainEqual(expect.objectContaining({ what: "dokument", text: title, reason: expect.stringContaining("annan webbplats") }));
    }
  });

  it("moves the text under a heading of results or lessons into results and lessons, and no other text", async () => {
    const { archive } = await validateContent(content, { includeDrafts: true });
    const learned = Object.fromEntries(archive!.projects.map((project) => [project.title, { results: project.results.length, lessons: project.lessons.length }]));
    const none = { results: 0, lessons: 0 };
    expect(learned).toEqual(Object.fromEntries(Object.keys(template.projects).map((title) => [title, template.learned?.[title] ?? none])));
    for (const project of archive!.projects) expect(project.body).not.toMatch(/^#+ (?:Resultat|Erfarenheter|Lärdomar)$/m);
  });

  it("has every visible word in the drafts or named as dropped, and at least 98 % in the drafts", () => {
    const measure = measureWords(htmls, plan);
    expect(measure.missing).toEqual([]);
    expect(measure.inDrafts / measure.total).toBeGreaterThanOrEqual(0.98);
  });

  it("passes npm run check once draft: true is removed", async () => {
    await publish(content);
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/inga fel/);
  });
});

describe("npm run import on an old site's page of 240 projects inside nested layout tables", () => {
  let plan: ImportPlan;
  let content: string;

  beforeAll(async () => {
    const folder = path.join(workspace.dir, "gammal-webbplats");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "avslutade-projekt.htm"), OLD_SITE.html);
    content = path.join(folder, "content");
    plan = await importInto([path.join(folder, "avslutade-projekt.htm")], content);
    together ??= path.join(workspace.dir, "tillsammans");
    await importInto([path.join(folder, "avslutade-projekt.htm")], together);
  });

  it("imports all 240 projects with their titles, reading the table cell that holds the headings", async () => {
    const { archive, errors } = await validateContent(content, { includeDrafts: true });
    expect(errors).toEqual([]);
    expect(archive!.projects.map((project) => project.title).sort()).toEqual([...OLD_SITE.titles].sort());
    expect(plan.report.contentArea).toBe("cell");
    expect(plan.report.warnings.join("\n")).not.toContain("inga rubriker");
  });

  it("moves the paragraph under every seventh project's Resultat into results", async () => {
    const { archive } = await validateContent(content, { includeDrafts: true });
    const withResults = archive!.projects.filter((project) => project.results.length > 0);
    expect(withResults.map((project) => project.title).sort()).toEqual(OLD_SITE.titles.filter((_, index) => index % 7 === 3).sort());
    for (const project of withResults) {
      expect(project.results).toHaveLength(1);
      expect(project.body).not.toMatch(/^#+ Resultat$/m);
    }
  });

  it("names every region it drops with its word count, and copies no spacer or statistics picture", async () => {
    const measure = measureWords([OLD_SITE.html], plan);
    expect(measure.missing).toEqual([]);
    expect(measure.inDrafts / measure.total).toBeGreaterThanOrEqual(0.98);
    expect(plan.report.dropped).toContainEqual(expect.objectContaining({ what: "utanför innehållet", text: expect.stringContaining("Startsida"), words: 13 }));
    expect(plan.files.some((file) => file.path.startsWith("filer/"))).toBe(false);
    expect(plan.report.files[0]!.dropped).toContainEqual(expect.objectContaining({ what: "distansbild" }));
  });

  it("passes npm run check once draft: true is removed", async () => {
    await publish(content);
    const check = await runCli("check", [content]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
  });
});

describe("the imported archive of every template together", () => {
  it("builds once draft: true is removed, with every project's page", async () => {
    await publish(together);
    const built = await buildSite(together, path.join(workspace.dir, "tillsammans-site"), ["--skip-search"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const { archive } = await validateContent(together);
    const titles = [...Object.values(TEMPLATES).flatMap((template) => Object.keys(template.projects)), ...OLD_SITE.titles];
    expect(archive!.projects.map((project) => project.title).sort()).toEqual(titles.sort());
    const bokstart = archive!.projects.find((project) => project.title === "Bokstart i Exempelby")!;
    const page = await readPage(built.output, `projekt/${bokstart.slug}/`);
    expect(textOf(page.querySelector("h1"))).toBe("Bokstart i Exempelby");
    expect(page.querySelectorAll("main h2").map((heading) => textOf(heading))).toEqual(expect.arrayContaining(["Bakgrund", "Mål", "Resultat"]));
    // The text under the old page's "Resultat" is on the page once: in its section, not in the body too.
    expect(textOf(page.querySelector("main")).split("Bibliotekarierna gjorde 212 hembesök")).toHaveLength(2);
  });
});
