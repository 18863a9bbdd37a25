/**
 * The importer's results and lessons, read from the sections old pages head "Resultat",
 * "Erfarenheter", "Lärdomar", "Utvärdering" …, and what it must not take for them: running text,
 * a heading with nothing under it, a heading in a table, a menu or a footer. A long section is
 * bounded; text that looks like markup or YAML stays text. Also a document's category from its
 * words, and themes from a page's own tags. (The CMS fixtures' sections are asserted where those
 * pages are imported: facts-and-encodings, index-pages and cms-templates.)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { validateContent } from "../../src/content/archive/load.ts";
import { createMarkdown } from "../../src/eleventy/markdown.ts";
import { readPageBlocks } from "../../src/import/blocks.ts";
import { documentCategoryOf } from "../../src/import/document-category.ts";
import { planImport, writeImport } from "../../src/import/import-page.ts";
import { readProject } from "../../src/import/projects.ts";
import { learnedFieldOf, MAX_LEARNED_LINES } from "../../src/import/results-and-lessons.ts";
import { EXAMPLE_CONTENT, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** One project read from a page whose content area is `main`, as the importer reads it. */
const project = (main: string, around = "") => {
  const { blocks } = readPageBlocks(`<body>${around}<main><h1>Projektet</h1><p>Om projektet.</p>${main}</main>${around}</body>`, "https://www.example.se/");
  return readProject(
    blocks.filter((block) => block.inContent),
    1,
    "projekt/projektet.md",
  );
};
const bodyOf = (read: ReturnType<typeof project>) => read.body.map((part) => ("markdown" in part ? part.markdown : `(bild ${part.picture})`));

describe("the headings of results and lessons", () => {
  it("reads Swedish, Nordic and English headings, with or without a colon or a question mark, and no sentence", () => {
    for (const label of ["Resultat", "Resultat:", "Projektets resultat", "Resultat och effekter", "Vad blev resultatet?", "Utfall", "Måluppfyllelse", "Utvärdering", "Resultater", "Results"]) {
      expect(learnedFieldOf(label), label).toBe("results");
    }
    for (const label of ["Erfarenheter", "Lärdomar", "Lärdomar och erfarenheter", "Reflektioner", "Det här tar vi med oss…", "Vad lärde vi oss?", "Erfaringer", "Lessons learned"]) {
      expect(learnedFieldOf(label), label).toBe("lessons");
    }
    for (const text of ["Resultatet blev bättre än väntat", "Resultat från enkäten visar att fler lånar", "Bakgrund", "Mål", "Erfarenheterna används nu i sommarverksamheten."]) {
      expect(learnedFieldOf(text), text).toBeUndefined();
    }
  });
});

describe("readProject: results and lessons from the page's sections", () => {
  it("moves the lines under h2–h4, a bold line and a label alone, each list item and paragraph line one line, and keeps the rest of the page", () => {
    const read = project(
      `<h2>Resultat</h2><p>Tre hundra barn deltog.</p><ul><li>Tolv <em>bokprat</em></li><li>En <a href="/rapport.html">rapport</a></li></ul>
       <h3>Erfarenheter</h3><p>Börja i tid.<br>Fråga barnen.</p>
       <p><strong>Reflektioner</strong></p><p>Det tog längre tid än vi trodde.</p>
       <h4>Utvärdering</h4><p>Nio av tio var nöjda.</p>
       <p>Lärdomar</p><p>Boka lokalen tidigt.</p>
       <h2>Läs mer</h2><p>Böckerna finns på biblioteket.</p>`,
    );
    expect(read.fields.results).toEqual(["Tre hundra barn deltog.", "Tolv *bokprat*", "En [rapport](https://www.example.se/rapport.html)", "Nio av tio var nöjda."]);
    expect(read.fields.lessons).toEqual(["Börja i tid.", "Fråga barnen.", "Det tog längre tid än vi trodde.", "Boka lokalen tidigt."]);
    expect(bodyOf(read)).toEqual(["Om projektet.", "## Läs mer", "Böckerna finns på biblioteket."]);
    expect(read.report.dropped.filter((item) => item.what === "rubrik").map((item) => item.text)).toEqual(["Resultat", "Erfarenheter", "Reflektioner", "Utvärdering", "Lärdomar"]);
    expect(read.report.placed).toContainEqual({ field: "results (3)", from: "texten under Resultat" });
  });

  it("takes nothing from running text, nor from a heading or a bold line that is a sentence", () => {
    const read = project("<p>Resultatet blev bättre än väntat.</p><h2>Resultatet av enkäten</h2><p>Fler lånar.</p><p><strong>Erfarenheterna visar att det går</strong></p><p>Text.</p>");
    expect(read.fields.results).toBeUndefined();
    expect(read.fields.lessons).toBeUndefined();
    expect(bodyOf(read)).toEqual(["Om projektet.", "Resultatet blev bättre än väntat.", "## Resultatet av enkäten", "Fler lånar.", "**Erfarenheterna visar att det går**", "Text."]);
    expect(read.report.check).toContainEqual(expect.stringMatching(/^sidan har inget avsnitt om resultat eller erfarenheter/));
  });

  it("makes no field of a heading with nothing under it, and drops the heading", () => {
    const read = project("<h2>Resultat</h2><h2>Lärdomar</h2><p><strong>Erfarenheter</strong></p>");
    expect(read.fields.results).toBeUndefined();
    expect(read.fields.lessons).toBeUndefined();
    expect(bodyOf(read)).toEqual(["Om projektet."]);
    expect(read.report.dropped).toContainEqual({ what: "rubrik", text: "Resultat", reason: "inget av texten under rubriken står kvar i brödtexten" });
  });

  it("never reads a heading in a table, a menu or a footer as the project's", () => {
    const cell = "Här står en lång text i en tabell som bara lägger ut sidan. ".repeat(6);
    const read = project(
      `<table><tr><th>Resultat</th><td><p>${cell}</p></td></tr></table>
       <table><thead><tr><th>Aktivitet</th><th>Resultat</th></tr></thead><tbody><tr><td>Bokprat</td><td>300 elever</td></tr></tbody></table>
       <nav><h2>Resultat</h2><ul><li><a href="/resultat.html">Alla resultat</a></li></ul></nav>
       <footer><h2>Erfarenheter</h2><p>Sidfoten har en egen text.</p></footer>`,
      "<footer><h2>Resultat</h2><p>Webbplatsens sidfot.</p></footer>",
    );
    expect(read.fields.results).toBeUndefined();
    expect(read.fields.lessons).toBeUndefined();
    expect(bodyOf(read)).toEqual(["Om projektet.", "Resultat", cell.trim(), "| Aktivitet | Resultat |\n| --- | --- |\n| Bokprat | 300 elever |", "## Erfarenheter", "Sidfoten har en egen text."]);
  });

  it(`takes at most ${MAX_LEARNED_LINES} lines, leaves the rest in the body under the heading, and says how many`, () => {
    const items = Array.from({ length: 500 }, (_, index) => `<li>Resultat nummer ${index + 1}</li>`).join("");
    const read = project(`<h2>Resultat</h2><ul>${items}</ul>`);
    expect(read.fields.results).toHaveLength(MAX_LEARNED_LINES);
    expect((read.fields.results as string[]).at(-1)).toBe(`Resultat nummer ${MAX_LEARNED_LINES}`);
    const body = bodyOf(read);
    expect(body.slice(0, 2)).toEqual(["Om projektet.", "## Resultat"]);
    expect(body[2]!.split("\n")).toHaveLength(500 - MAX_LEARNED_LINES);
    expect(body[2]!.split("\n")[0]).toBe(`- Resultat nummer ${MAX_LEARNED_LINES + 1}`);
    expect(read.report.check).toContainEqual(`sidan har fler än ${MAX_LEARNED_LINES} rader med resultaten: de första ${MAX_LEARNED_LINES} står i results, och de 450 andra står kvar i brödtexten; välj ut det viktigaste`);
    expect(read.report.check).toContainEqual(expect.stringMatching(/^under rubriken ”Resultat” står mer än stycken och listor/));
  });

  it("keeps a heading over what is not text (a subheading, a table) in the body, and leaves a picture where it stood", () => {
    const read = project(
      `<h2>Resultat</h2><p>Vi nådde fler.</p><h3>I siffror</h3><p>Tolv träffar.</p>
       <h2>Lärdomar</h2><p>Boka tidigt.</p><img src="/bild.jpg" alt="Barn läser."><p>Fråga barnen.</p>`,
    );
    expect(read.fields.results).toEqual(["Vi nådde fler."]);
    expect(read.fields.lessons).toEqual(["Boka tidigt.", "Fråga barnen."]);
    expect(bodyOf(read)).toEqual(["Om projektet.", "## Resultat", "### I siffror", "Tolv träffar.", "(bild 0)"]);
  });

  it("leaves what a paragraph under Resultat says of the whole project in the body, before the heading", () => {
    const read = project("<h2>Bakgrund</h2><p>Text.</p><h2>Resultat</h2><p>Tre hundra barn deltog. Projektet har haft stöd av Statens kulturråd.</p><p>Projektet pågick 2019–2021.</p>");
    expect(read.fields.results).toEqual(["Tre hundra barn deltog."]);
    expect(read.fields.funders).toEqual([{ name: "Statens kulturråd" }]);
    expect(read.fields.period).toEqual({ start: "2019", end: "2021" });
    expect(bodyOf(read)).toEqual(["Om projektet.", "## Bakgrund", "Text.", "Projektet har haft stöd av Statens kulturråd.", "Projektet pågick 2019–2021."]);
  });
});

describe("a linked document's category, from its link text or file name", () => {
  it("reads slutrapport, utvärdering, metodmaterial and presentation, and guesses nothing else", () => {
    const cases: [string, string, string | undefined][] = [
      ["Slutrapport Bokstart", "/download/18.1/1/Bokstart.pdf", "slutrapport"],
      ["Rapport", "/filer/slutredovisning-2021.pdf", "slutrapport"],
      ["Final report", "/files/report.pdf", "slutrapport"],
      ["Utvärdering av läsombuden", "/filer/a.pdf", "utvärdering"],
      ["Bilaga", "/filer/utvardering-lasombud.pdf", "utvärdering"],
      ["Metodmaterial för bokprat", "/filer/a.pdf", "metodmaterial"],
      ["Handbok för läsombud", "/filer/a.pdf", "metodmaterial"],
      ["Lathund", "/filer/a.docx", "metodmaterial"],
      ["Bildspel från slutkonferensen", "/filer/a.pdf", "presentation"],
      ["Från slutkonferensen", "/filer/konferens.pptx", "presentation"],
      ["Budget och utfall", "/filer/budget.pdf", undefined],
      ["Projektplan Bokstart", "/download/18.2/2/Bokstart%20projektplan.pdf", undefined],
      ["Enkätsvar från föräldrarna", "/filer/enkat.pdf", undefined],
    ];
    for (const [title, address, category] of cases) expect(documentCategoryOf(title, address)?.category, title).toBe(category);
  });
});

describe("npm run import: results, lessons and themes in a draft", () => {
  it("writes markup and YAML in the text as text, takes themes from the page's tags, and passes the content's validation", async () => {
    const folder = path.join(workspace.dir, "wordpress-inlagg");
    const content = path.join(folder, "content");
    await mkdir(path.join(content, "_data"), { recursive: true });
    // The site's own vocabulary: the default one and a theme of its own.
    await writeFile(path.join(content, "_data/site.yaml"), "themes:\n  add:\n    - Sommarlov\n");
    const page = path.join(folder, "sommarlasning.html");
    await writeFile(
      page,
      `<!DOCTYPE html><html lang="sv"><head><title>Sommarläsning – Biblioteket</title><link rel="canonical" href="https://bibliotek.example/projekt/sommarlasning/"></head>
<body><main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Sommarläsning</h1></header>
<div class="entry-content">
<p>Barn läste under sommarlovet och berättade om böckerna på biblioteket.</p>
<h2>Resultat</h2>
<ul>
<li>&lt;script&gt;alert("x")&lt;/script&gt; stod som text på sidan</li>
<li>title: "ett fält som inte är ett fält"</li>
<li># ingen kommentar</li>
<li>--- och ...</li>
<li><a href="javascript:alert(1)">En länk som inte är en länk</a> och <a href="https://bibliotek.example/rapport/">en som är det</a></li>
<li>{{ site.name }} och {% if x %}</li>
</ul>
<h2>Erfarenheter</h2>
<p><strong>Börja</strong> i tid &amp; fråga barnen: "vad vill ni läsa?"</p>
</div>
<footer class="entry-footer"><span class="tags-links">Etiketter: <a href="/tag/lasframjande/" rel="tag">Läsfrämjande</a>, <a href="/tag/sommarlov/" rel="tag">Sommarlov</a>, <a href="/tag/barn-och-unga/" rel="tag">Barn och unga</a>, <a href="/tag/lasfest/" rel="tag">Läsfest</a></span></footer>
</article></main></body></html>`,
    );
    const plan = await planImport(page, { contentDir: content, userAgent: "test", timeoutMs: 1000, offline: true, templates: EXAMPLE_CONTENT });
    await writeImport(plan, content, { force: true });
    const text = await readFile(path.join(content, "projekt/sommarlasning.md"), "utf8");
    const data = parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
    expect(data.title).toBe("Sommarläsning");
    expect(data.results).toEqual([
      '\\<script>alert("x")\\</script> stod som text på sidan',
      'title: "ett fält som inte är ett fält"',
      "\\# ingen kommentar",
      "\\--- och ...",
      "En länk som inte är en länk och [en som är det](https://bibliotek.example/rapport/)",
      "{{ site.name }} och {% if x %}",
    ]);
    expect(data.lessons).toEqual(['**Börja** i tid & fråga barnen: "vad vill ni läsa?"']);
    expect(text).not.toMatch(/^title: "ett fält/m);
    expect(data.themes).toEqual(["läsfrämjande", "Sommarlov", "barn och unga"]);
    const report = plan.report.files.find((file) => file.file === "projekt/sommarlasning.md")!;
    expect(report.placed).toContainEqual({ field: "themes (Sommarlov)", from: "sidans ämnesord ”Sommarlov”" });
    expect(report.check).toContainEqual("sidans ämnesord ”Läsfest” finns inte bland webbplatsens ämnen och togs inte med; välj ett ämne ur listan i stället om något passar");
    // Even a site that allows HTML in Markdown shows the text as text.
    const rendered = (data.results as string[]).map((line) => createMarkdown({ allowHtml: true }).renderInline(line)).join("\n");
    expect(rendered).not.toMatch(/<script|javascript:/);
    expect(rendered).toContain("&lt;script&gt;");
    await writeFile(path.join(content, "projekt/sommarlasning.md"), text.replace("draft: true\n", ""));
    const { archive, errors } = await validateContent(content);
    expect(errors).toEqual([]);
    const imported = archive!.projects.find((found) => found.title === "Sommarläsning")!;
    expect(imported.themes.map((theme) => theme.name)).toEqual(["läsfrämjande", "Sommarlov", "barn och unga"]);
    expect(imported.results).toHaveLength(6);
  });

  it("takes no theme from a page of several projects, whose tags are the page's", async () => {
    const page = path.join(workspace.dir, "flera-projekt.html");
    await writeFile(
      page,
      `<html><head><meta name="keywords" content="Läsfrämjande, Tillgänglighet"></head><body><main><h1>Projekt</h1><h2>Bokbussen</h2><p>En buss med böcker.</p><h2>Talböcker</h2><p>Talböcker i vården.</p></main></body></html>`,
    );
    const plan = await planImport(page, { contentDir: path.join(workspace.dir, "flera-projekt"), userAgent: "test", timeoutMs: 1000, offline: true });
    const drafts = plan.files.filter((file) => file.path.startsWith("projekt/")).map((file) => parseYaml(String(file.data).split(/^---$/m)[1]!) as Record<string, unknown>);
    expect(drafts.map((draft) => draft.title)).toEqual(["Bokbussen", "Talböcker"]);
    for (const draft of drafts) expect(draft.themes).toBeUndefined();
    expect(plan.report.files[0]!.check).toContainEqual(expect.stringMatching(/^projektet har inga ämnen: välj högst 3/));
  });
});
