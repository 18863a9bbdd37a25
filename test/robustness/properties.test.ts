import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import { doubleQuoted } from "../../src/content/reading/yaml-slips.ts";
import { hasInvisibleCharacter } from "../../src/format/invisible-characters.ts";
import { buildSite, contentTree, readPage, runCli, temporaryFolder, textOf } from "../helpers.ts";

/** Random cases per in-process property; the build property makes one tree of many projects. */
const RUNS = 1000;

const STACK_LINE = /^\s+at .+[(:]\d+/m;

/** Text that is hard to escape: markup, quotes, template syntax, and Swedish letters. */
const hostileText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9 <>&"'`{}%#\/=:;.-]{1,80}$/),
  fc.constantFrom(`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `</script><script>alert(1)</script>`, "{{ 7*7 }}", "{% raw %}", "Åsa & Öberg's \"projekt\""),
);

const isoDate = fc.date({ min: new Date("1990-01-01"), max: new Date("2024-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** Front matter that is sometimes valid and often not: every field may be missing, wrong or odd. */
const frontMatter = fc.record(
  {
    title: fc.oneof(hostileText, fc.integer(), fc.constant(null), fc.array(fc.string())),
    summary: fc.oneof(hostileText, fc.string({ maxLength: 400 }), fc.boolean()),
    period: fc.oneof(fc.record({ start: fc.oneof(fc.integer({ min: 1900, max: 2030 }), isoDate), end: fc.oneof(isoDate, fc.string()) }), fc.string()),
    goals: fc.oneof(fc.array(hostileText, { maxLength: 4 }), fc.string()),
    partners: fc.array(fc.record({ name: hostileText, country: fc.constantFrom("SE", "NO", "XX", "se"), url: fc.constantFrom("https://example.se/", "javascript:alert(1)") }, { requiredKeys: ["name"] }), { maxLength: 3 }),
    contacts: fc.array(fc.constantFrom("anna-berg", "bo-ek", "okand"), { maxLength: 2 }),
    reviewed: fc.oneof(isoDate, fc.string(), fc.integer(), fc.constant("2018-02-30")),
    contentOwner: fc.constantFrom("anna-berg", "bo-ek", "ingen"),
    publishedBy: fc.constantFrom("anna-berg", "bo-ek"),
    draft: fc.oneof(fc.boolean(), fc.constant("ja")),
  },
  { requiredKeys: [] },
).chain((known) =>
  // Now and then a key the model does not know, such as a typo.
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.anything(), { maxKeys: 1 }).map((unknown) => ({ ...unknown, ...known })),
);

let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
let content: string;
beforeAll(async () => {
  workspace = await temporaryFolder();
  content = await contentTree(path.join(workspace.dir, "random"), "minimal");
});
afterAll(async () => {
  await workspace.remove();
});

/** Validates the tree with one generated project file; the rest of the tree is valid. */
async function validateWith(text: string, run: number) {
  const file = path.join(content, "projekt", `slump-${run}.md`);
  await writeFile(file, text);
  try {
    return { file, result: await validateContent(content) };
  } finally {
    await rm(file);
  }
}

describe(`properties (fast-check, ${RUNS} random cases each)`, () => {
  it("any front matter is accepted, or rejected with errors that name the file and a line", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(frontMatter, fc.string(), async (data, body) => {
        const { file, result } = await validateWith(`---\n${stringify(data)}---\n${body}\n`, run++);
        if (result.archive) {
          const project = result.archive.projects.find((candidate) => candidate.sourcePath === file);
          if (data.draft !== true) expect(project?.title).toBe(String(data.title).trim());
          return;
        }
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.file).toBe(file);
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.message).toMatch(/\S/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("any bytes in a file are rejected with an error naming it, never an exception", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.uint8Array().map((bytes) => Buffer.from(bytes).toString("latin1"))), async (text) => {
        const { file, result } = await validateWith(text, run++);
        if (result.archive) return;
        expect(result.errors.every((error) => error.file === file)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Text that hand-written YAML gets wrong: #, ": ", "- ", quotes of every kind, odd spaces. */
const slipProneText = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
    fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9 #:,.'"”“„«»*_!?&%@|>{}\[\]\u00a0\t-]{1,60}$/),
    fc.constantFrom("Vinna Vinna #2 i Dalarna", "Projektet: en översikt", "- Utveckla folkbiblioteken", "”Läslust”", "„Ett: två“", "#1", "a #b", "x: y # z"),
  )
  .filter((text) => text.trim() !== "");

/** A project file with its title and goals quoted as `npm run new` quotes the name. */
const quotedProject = (title: string, goals: readonly string[]) =>
  `---\ntitle: ${doubleQuoted(title)}\nsummary: Slump.\ngoals:${goals.length === 0 ? " []" : ""}\n${goals.map((goal) => `  - ${doubleQuoted(goal)}\n`).join("")}reviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\nText.\n`;

describe("quoting as npm run new does", () => {
  it(`loses and merges no text: ${RUNS} random titles and goal lists read back exactly`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(slipProneText, fc.array(slipProneText, { maxLength: 6 }), async (title, goals) => {
        const { file, result } = await validateWith(quotedProject(title, goals), run++);
        expect(result.errors).toEqual([]);
        const project = result.archive!.projects.find((candidate) => candidate.sourcePath === file)!;
        expect(project.title).toBe(title.trim());
        expect(project.goals).toEqual(goals.map((goal) => goal.trim()));
      }),
      { numRuns: RUNS },
    );
  });

  it("builds 30 such projects whose titles and goals the open data gives back exactly", async () => {
    const samples = fc.sample(fc.tuple(slipProneText, fc.array(slipProneText, { minLength: 1, maxLength: 4 })), { numRuns: 30, seed: 14 });
    const tree = await contentTree(path.join(workspace.dir, "quoted"), "minimal");
    await Promise.all(samples.map(([title, goals], index) => writeFile(path.join(tree, "projekt", `citerad-${index}.md`), quotedProject(title, goals))));
    const result = await buildSite(tree, path.join(workspace.dir, "quoted", "_site"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const published = JSON.parse(await readFile(path.join(result.output, "projekt.json"), "utf8")) as { slug: string; title: string; goals: string[] }[];
    for (const [index, [title, goals]] of samples.entries()) {
      const project = published.find((candidate) => candidate.slug === `citerad-${index}`)!;
      expect(project.title).toBe(title.trim());
      expect(project.goals).toEqual(goals.map((goal) => goal.trim()));
    }
  });
});

describe("the real commands on random content", () => {
  it("build accepted projects with every title escaped in HTML, attributes, JSON-LD and the feed", async () => {
    const titles = fc.sample(hostileText.filter((title) => title.trim().length > 0 && !hasInvisibleCharacter(title) && !/[\ufffe\uffff]/.test(title)), { numRuns: 40, seed: 2026 });
    const tree = await contentTree(path.join(workspace.dir, "titles"), "minimal");
    await Promise.all(
      titles.map((title, index) =>
        writeFile(
          path.join(tree, "projekt", `titel-${index}.md`),
          `---\n${stringify({ title, summary: title, reviewed: "2020-01-02", contentOwner: "anna-berg", publishedBy: "bo-ek", partners: [{ name: `Partner ${title}` }] })}---\nText.\n`,
        ),
      ),
    );
    const result = await buildSite(tree, path.join(workspace.dir, "titles", "_site"));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const feed = await readFile(path.join(result.output, "feed.xml"), "utf8");
    expect(feed).not.toMatch(/<script|<img/);
    for (const [index, title] of titles.entries()) {
      const url = `/projekt/titel-${index}/`;
      const html = await readFile(path.join(result.output, url, "index.html"), "utf8");
      const page = await readPage(result.output, url);
      const trimmed = title.trim();
      expect(textOf(page.querySelector("h1")), url).toBe(trimmed.replace(/\s+/g, " "));
      expect(page.querySelector('meta[property="og:title"]')!.getAttribute("content"), url).toBe(trimmed);
      expect(page.querySelectorAll("script").length, url).toBe(2);
      expect(JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent).name, url).toBe(trimmed);
      expect(html, url).not.toMatch(/<script>alert|<img src=x/);
    }
  });

  it("check on a tree of random broken files exits with 1, names every file, and prints no stack trace", async () => {
    const tree = await contentTree(path.join(workspace.dir, "broken"), "minimal");
    const samples = fc.sample(frontMatter, { numRuns: 30, seed: 7 });
    await Promise.all(samples.map((data, index) => writeFile(path.join(tree, "projekt", `trasig-${index}.md`), `---\n${stringify({ ...data, reviewed: "2018-13-01" })}---\n`)));
    const result = await runCli("check", [tree]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    for (let index = 0; index < samples.length; index++) {
      expect(result.stderr).toContain(path.join(tree, "projekt", `trasig-${index}.md`));
    }
  });
});
