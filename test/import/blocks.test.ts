import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { readPageBlocks, type Block } from "../../src/import/blocks.ts";
import { blockToMarkdown } from "../../src/import/markdown.ts";
import { readPageFacts } from "../../src/import/page-facts.ts";

const markdown = (html: string) => readPageBlocks(`<main>${html}</main>`, "https://www.example.se/bibliotek/sida.html").blocks.map((block) => blockToMarkdown(block, 2));
const rendered = (html: string) => new MarkdownIt().render(markdown(html).join("\n\n"));

describe("reading hand-written Sitevision markup", () => {
  it("keeps emphasis against its words, and two line breaks as a new paragraph", () => {
    expect(markdown('<p class="normal"><strong>Grön prick: i</strong>nga tillsatser.<br><br>Nytt stycke.</p>')).toEqual(["**Grön prick: i**nga tillsatser.\n\nNytt stycke."]);
    expect(markdown("<p><strong><br>Anna Berg</strong><br>Bibliotekarie <br><br></p>")).toEqual(["**Anna Berg**  \nBibliotekarie"]);
    expect(rendered("<p><strong><br>Anna Berg</strong><br>Bibliotekarie</p>")).toBe("<p><strong>Anna Berg</strong><br>\nBibliotekarie</p>\n");
  });

  it("makes links absolute against the page's address, and keeps only http(s), mailto and tel", () => {
    expect(markdown('<p><a href="../om/">Om oss</a>, <a href="mailto:a@example.se">e-post</a>, <a href="javascript:alert(1)">skript</a>, <a href="#topp">upp</a></p>')).toEqual([
      "[Om oss](https://www.example.se/om/), [e-post](mailto:a@example.se), skript, upp",
    ]);
  });

  it("writes no attribute of the page and no element outside the allow-list", () => {
    const [block] = readPageBlocks('<main><p class="x" style="color:red" onclick="alert(1)" id="p1"><span lang="en" onmouseover="x()">Hej <font color="red">där</font></span> <u>du</u></p></main>').blocks as Extract<Block, { kind: "paragraph" }>[];
    expect(block!.html).toBe("Hej där du");
  });

  it("reads a line of underscores as a separator, and a file portlet as files with their sizes dropped", () => {
    const { blocks } = readPageBlocks(
      '<main><p>______________</p><div class="sv-file-portlet"><a href="/download/18.1a/1612345678901/Rapport.pdf"><img src="/sitevision/system-resource/x/pdf.png" alt="">Rapport</a> <span>(pdf, 245 kB)</span></div></main>',
      "https://www.example.se/",
    );
    expect(blocks.map((block) => block.kind)).toEqual(["rule", "file"]);
    expect(blocks[1]).toMatchObject({ kind: "file", href: "/download/18.1a/1612345678901/Rapport.pdf", text: "Rapport", dropped: [{ what: "filinformation", text: "(pdf, 245 kB)" }] });
  });

  it("finds the contact block's people, and stops at the end of the column it stands in", () => {
    const { blocks } = readPageBlocks(
      `<main><p>Text</p></main><aside><h2>Kontakt</h2><p><strong><br>Anna Berg</strong><br>Bibliotekarie<br>Tel: 021-10 20 30<br><a href="mailto:anna@example.se">anna@example.se</a></p>
       <p>Bo Ek</p><p>Konsulent</p><p>08-123 456 78</p></aside><footer><p>Region Exempel, Box 1</p><p>Växel: 019-602 10 00</p></footer>`,
    );
    expect(readPageFacts(blocks).contacts).toEqual([
      { name: "Anna Berg", title: "Bibliotekarie", phones: ["021-10 20 30"], email: "anna@example.se" },
      { name: "Bo Ek", title: "Konsulent", phones: ["08-123 456 78"], email: undefined },
    ]);
  });
});

const kinds = (html: string, address = "https://www.example.se/sida.html") => readPageBlocks(html, address).blocks.filter((block) => block.inContent);

describe("reading structure, not one layout", () => {
  it("unwraps layout tables, nested ones too, and reads their content in document order", () => {
    const page = `<body><table width="760" border="0"><tr><td colspan="2"><img src="/bilder/logo.gif" width="760" height="90" alt="Biblioteket"></td></tr>
      <tr><td width="150"><a href="/">Startsida</a><br><a href="/om.html">Om oss</a></td>
      <td><table width="100%"><tr><td><h1><font face="Verdana">Avslutade projekt</font></h1><p>Inledning.</p>
        <table><tr><td><h2>Första</h2><p>Om det första.</p></td><td><img src="/bilder/spacer.gif" width="10" height="1"></td></tr></table>
        <table><tr><td><h2>Andra</h2><p>Om det andra.</p></td></tr></table></td></tr></table></td></tr></table></body>`;
    const { blocks, contentArea } = readPageBlocks(page, "https://www.example.se/sida.html");
    expect(contentArea).toBe("cell");
    const content = blocks.filter((block) => block.inContent && block.kind !== "removed");
    expect(content.map((block) => ("text" in block ? `${block.kind}: ${block.text}` : block.kind))).toEqual([
      "heading: Avslutade projekt",
      "paragraph: Inledning.",
      "heading: Första",
      "paragraph: Om det första.",
      "heading: Andra",
      "paragraph: Om det andra.",
    ]);
    // The menu column is outside the content area; the spacer is left out and named.
    expect(blocks.find((block) => !block.inContent && block.kind === "paragraph")).toMatchObject({ text: "Startsida Om oss" });
    expect(blocks.flatMap((block) => block.dropped)).toContainEqual(expect.objectContaining({ what: "distansbild" }));
  });

  it("keeps a data table a table, and drops one with merged cells as a complex table with its word count", () => {
    const [data] = kinds('<main><table><tr><th>Ort</th><th>Deltagare</th></tr><tr><td><p>Fagersta</p></td><td>12</td></tr></table></main>');
    expect(data).toMatchObject({ kind: "table", rows: [["Ort", "Deltagare"], ["<p>Fagersta</p>", "12"]] });
    const [merged] = kinds('<main><table><tr><th colspan="2">År</th></tr><tr><td>2020</td><td>2021</td></tr></table></main>');
    expect(merged).toMatchObject({ kind: "removed", dropped: [{ what: "komplex tabell", text: "År 2020 2021", words: 3 }] });
  });

  it("leaves out spacers, 1 × 1 pictures and statistics pictures, and says so", () => {
    const blocks = kinds(
      `<main><h1>Sida</h1><p><img src="/bilder/spacer.gif"><img src="/bilder/punkt.png" width="1" height="1">
      <img src="https://siteimproveanalytics.com/image.aspx?a=1"><img src="https://stats.kommun.example/r.gif"><img src="/matomo.php?idsite=1">
      <img src="/bilder/foto.jpg" alt="Ett foto" width="300" height="200"></p></main>`,
    );
    expect(blocks.filter((block) => block.kind === "picture")).toEqual([expect.objectContaining({ src: "/bilder/foto.jpg", alt: "Ett foto" })]);
    expect(blocks.flatMap((block) => block.dropped).map((item) => item.what)).toEqual(["distansbild", "distansbild", "statistikbild", "statistikbild", "statistikbild"]);
  });

  it("takes documents out of a link list, a menu in the content area and a table as files", () => {
    const blocks = kinds(`<main><h1>Projekt</h1>
      <div class="sv-linklist-portlet"><ul><li><a href="/download/18.1a/1612345678901/rapport.pdf">Slutrapport</a></li><li><a href="/om-projektet.html">Om projektet</a></li><li><a href="/bilaga.docx">Bilaga</a> (docx, 20 kB)</li></ul></div>
      <nav><a href="/">Start</a> <a href="/plan.pdf">Projektplan</a></nav>
      <table><tr><th>Dokument</th><th>År</th></tr><tr><td><a href="/budget.xlsx">Budget</a></td><td>2020</td></tr></table></main>`);
    expect(blocks.filter((block) => block.kind === "file").map((block) => block.kind === "file" && `${block.text} ${block.href}`)).toEqual([
      "Slutrapport /download/18.1a/1612345678901/rapport.pdf",
      "Bilaga /bilaga.docx",
      "Projektplan /plan.pdf",
      "Budget /budget.xlsx",
    ]);
    expect(blocks.find((block) => block.kind === "list")).toMatchObject({ text: "Om projektet", items: [{ links: [{ href: "/om-projektet.html", url: "https://www.example.se/om-projektet.html" }] }] });
    expect(blocks.find((block) => block.kind === "removed")).toMatchObject({ dropped: [{ what: "navigation", text: "Start", words: 1 }] });
    expect(blocks.find((block) => block.kind === "table")).toMatchObject({ rows: [["Dokument", "År"], ["Budget", "2020"]] });
  });

  it("reads an accordion's button as the heading it is, and still drops other buttons", () => {
    const blocks = kinds('<main><h2><button class="env-button" aria-expanded="false" aria-controls="c1">Bakgrund</button></h2><div class="env-collapse" id="c1"><p>Text.</p></div><p><button>Skriv ut</button></p></main>');
    expect(blocks.map((block) => block.kind)).toEqual(["heading", "paragraph", "removed"]);
    expect(blocks[0]).toMatchObject({ text: "Bakgrund" });
    expect(blocks[2]).toMatchObject({ dropped: [{ what: "knapp", text: "Skriv ut" }] });
  });
});

describe("reading old hand-written markup", () => {
  it("closes a paragraph left open before a table, and reads a <font> around whole blocks as a container", () => {
    const blocks = kinds('<main><H1>Projekt</H1><P>Inledning.<TABLE><TR><TD><H3>Ett</H3><P>Om ett.</TD></TR></TABLE><font size="2"><h3>Två</h3><p>Om två.</p></font></main>');
    expect(blocks.map((block) => ("text" in block ? `${block.kind}: ${block.text}` : block.kind))).toEqual([
      "heading: Projekt",
      "paragraph: Inledning.",
      "heading: Ett",
      "paragraph: Om ett.",
      "heading: Två",
      "paragraph: Om två.",
    ]);
  });
});
