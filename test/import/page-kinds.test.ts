import { describe, expect, it } from "vitest";
import { readPageBlocks } from "../../src/import/blocks.ts";
import { pageKind } from "../../src/import/page-kinds.ts";

const ADDRESS = "https://www.kommun.example/bibliotek/projekt";
const kindOf = (main: string) => {
  const { blocks, address } = readPageBlocks(`<body><nav><a href="/">Start</a> <a href="/om">Om oss</a></nav><main>${main}</main></body>`, ADDRESS);
  return pageKind(blocks.filter((block) => block.inContent), address);
};

describe("what a page is", () => {
  it("reads linked titles with a teaser and a 'Läs mer' link each, in related-links portlets, as an index of their pages", () => {
    const item = (slug: string, title: string) =>
      `<div class="sv-related-portlet"><h2><a href="/bibliotek/projekt/${slug}">${title}</a></h2><p>En mening om projektet.</p><p><a href="/bibliotek/projekt/${slug}">Läs mer om ${title}</a></p></div>`;
    const kind = kindOf(`<h1>Våra projekt</h1><p>Biblioteket har drivit flera projekt.</p>${item("lasfest", "Läsfest i parken")}${item("bokbuss", "Bokbussen rullar")}`);
    expect(kind).toEqual({
      kind: "index",
      links: [
        { href: "/bibliotek/projekt/lasfest", url: "https://www.kommun.example/bibliotek/projekt/lasfest", text: "Läsfest i parken" },
        { href: "/bibliotek/projekt/bokbuss", url: "https://www.kommun.example/bibliotek/projekt/bokbuss", text: "Bokbussen rullar" },
      ],
    });
  });

  it("reads a table whose rows link to the projects' pages, as old sites listed them, as an index", () => {
    const row = (file: string, title: string, years: string) => `<tr><td><a href="${file}">${title}</a></td><td>${years}</td></tr>`;
    const kind = kindOf(`<h1>Avslutade projekt</h1><table><tr><th>Projekt</th><th>År</th></tr>${row("lasfest.htm", "Läsfest i parken", "2006")}${row("bokbuss.htm", "Bokbussen rullar", "2007–2008")}${row("poesi.htm", "Poesi på spårvagnen", "2009")}</table>`);
    expect(kind.kind === "index" && kind.links.map((link) => link.url)).toEqual(["lasfest.htm", "bokbuss.htm", "poesi.htm"].map((file) => `https://www.kommun.example/bibliotek/${file}`));
  });

  it("reads linked titles over whole texts as a page of projects, and links to other sites or documents as no index", () => {
    const project = (slug: string) => `<h2><a href="/projekt/${slug}">Projekt ${slug}</a></h2><p>Ett första stycke om projektet.</p><p>Ett andra stycke.</p><h3>Erfarenheter</h3><p>Ett tredje.</p>`;
    expect(kindOf(`<h1>Avslutade projekt</h1>${project("a")}${project("b")}`)).toEqual({ kind: "projects" });
    expect(kindOf('<h1>Länkar</h1><ul><li><a href="https://www.kulturradet.se/">Kulturrådet</a></li><li><a href="/rapport.pdf">Rapport</a></li><li><a href="/plan.docx">Plan</a></li></ul>')).toEqual({ kind: "project" });
  });

  it("reads a page whose headings are a project's sections as one project's page, even with a list of links at its end", () => {
    const kind = kindOf(
      '<h1>Läsfest i parken</h1><p>En sommarfest.</p><h2>Bakgrund</h2><p>Text.</p><h2>Mål</h2><ul><li>Fler läsare</li></ul><h2>Läs mer</h2><ul><li><a href="/bibliotek/sommar">Sommar</a></li><li><a href="/bibliotek/barn">Barn</a></li></ul>',
    );
    expect(kind).toEqual({ kind: "project" });
    expect(kindOf("<h1>Avslutade projekt</h1><h2>Vinna Vinna</h2><p>Text.</p><h3>Mål</h3><p>Mer.</p><h2>Rom for dannelse</h2><p>Text.</p>")).toEqual({ kind: "projects" });
  });
});
