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
