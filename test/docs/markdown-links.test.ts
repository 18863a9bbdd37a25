import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers.ts";

const markdown = new MarkdownIt();

/** The README and every Markdown file in docs/, by path from the project root. */
async function documents(): Promise<string[]> {
  const docs = (await readdir(path.join(PROJECT_ROOT, "docs"))).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`);
  return ["README.md", ...docs.sort()];
}

/** The anchors GitHub gives a document's headings (github-slugger is GitHub's own algorithm). */
function anchors(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = markdown.parse(source, {});
  return new Set(tokens.flatMap((token, index) => (token.type === "heading_open" ? [slugger.slug(tokens[index + 1]!.content)] : [])));
}

/** Every link and image in a document that points into the repository, with its line. */
function localLinks(source: string): { target: string; line: number }[] {
  return markdown.parse(source, {}).flatMap((token) =>
    (token.children ?? []).flatMap((child) => {
      const target = child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (target === null || /^[a-z]+:/i.test(String(target))) return [];
      return [{ target: String(target), line: (token.map?.[0] ?? 0) + 1 }];
    }),
  );
}

describe("links between the README and docs/", () => {
  it("all resolve: every file exists, and every #anchor is a heading of its document", async () => {
    const broken: string[] = [];
    for (const document of await documents()) {
      const source = await readFile(path.join(PROJECT_ROOT, document), "utf8");
      for (const { target, line } of localLinks(source)) {
        const [file = "", anchor] = target.split("#");
        const resolved = file ? path.join(path.dirname(document), decodeURIComponent(file)) : document;
        const exists = await stat(path.join(PROJECT_ROOT, resolved)).then(() => true, () => false);
        if (!exists) {
          broken.push(`${document}:${line}  ${target}: ${resolved} finns inte`);
          continue;
        }
        if (anchor !== undefined && resolved.endsWith(".md")) {
          const headings = anchors(await readFile(path.join(PROJECT_ROOT, resolved), "utf8"));
          if (!headings.has(decodeURIComponent(anchor))) broken.push(`${document}:${line}  ${target}: ingen rubrik #${anchor} i ${resolved}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("cover every document in docs/ from the README's map", async () => {
    const readme = await readFile(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const linked = new Set(localLinks(readme).map(({ target }) => target.split("#")[0]));
    for (const document of (await documents()).filter((document) => document !== "README.md")) expect(linked, document).toContain(document);
  });
});
