import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { decodePage } from "../../src/import/decode.ts";
import { planImport } from "../../src/import/import-page.ts";
import { temporaryWorkspace } from "../helpers.ts";
import { IMPORT_FIXTURES } from "./fixture-server.ts";

const workspace = temporaryWorkspace();

/** Every word of a text, lower-cased, with how often it occurs. */
function wordCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of texts.join("\n").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Elements that format text within a word (`<strong>Grön prick: i</strong>nga`); every other element's edge ends a word. */
const WITHIN_WORDS = new Set(["strong", "b", "em", "i", "u", "span", "mark", "small", "sub", "sup", "font"]);

/**
 * The words a visitor reads in a page's content area, found here independently of the importer:
 * Sitevision's .pagecontent, else main, else the body, without scripts and styles. Characters
 * without width (soft hyphens, zero-width spaces, bidi controls) join the letters around them, as
 * a visitor sees them.
 */
function contentAreaWords(html: string): Map<string, number> {
  const root = parse(html, { blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const area = root.querySelector(".pagecontent") ?? root.querySelector("main") ?? root.querySelector("body")!;
  let text = "";
  const visit = (node: Node) => {
    if (node instanceof TextNode) text += node.text;
    if (!(node instanceof HTMLElement) || ["script", "style", "template"].includes(node.tagName?.toLowerCase() ?? "")) return;
    const edge = WITHIN_WORDS.has(node.tagName?.toLowerCase() ?? "") ? "" : " ";
    text += edge;
    node.childNodes.forEach(visit);
    text += edge;
  };
  visit(area);
  return wordCounts([text.replace(/\p{Cf}/gu, "")]);
}

const fixtures = (await readdir(IMPORT_FIXTURES)).filter((name) => name.endsWith(".html"));

describe("nothing lost: every word of the content area ends up in a field, a body or the report's dropped list", () => {
  it("has fixtures to count", () => {
    expect(fixtures).toEqual(
      expect.arrayContaining([
        "avslutade-projekt.html",
        "fientlig.html",
        "lasframjande.html",
        "wordpress.html",
        "sitevision-faktaruta.html",
        "wordpress-finansiarer.html",
        "optimizely-definitionslista.html",
        "drupal-faltetiketter.html",
        "gammal-sida-windows-1252.html",
        "wordpress-mojibake.html",
      ]),
    );
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      // The text as the importer decodes it (windows-1252, mojibake repaired: decode.test.ts checks that on its own).
      const html = decodePage(await readFile(path.join(IMPORT_FIXTURES, fixture))).text;
      const plan = await planImport(path.join(IMPORT_FIXTURES, fixture), { contentDir: path.join(workspace.dir, fixture), userAgent: "test", timeoutMs: 1000, offline: true });
      const written = plan.files.flatMap((file) => (typeof file.data === "string" ? [file.data] : []));
      const dropped = [...plan.report.dropped, ...plan.report.files.flatMap((file) => file.dropped)].map((item) => item.text);
      const found = wordCounts([...written, ...dropped]);
      const missing = [...contentAreaWords(html)].filter(([word, count]) => (found.get(word) ?? 0) < count).map(([word, count]) => `${word} (${count}, hittade ${found.get(word) ?? 0})`);
      expect(missing).toEqual([]);
    });
  }
});
