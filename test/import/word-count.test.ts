import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodePage } from "../../src/import/decode.ts";
import { planImport } from "../../src/import/import-page.ts";
import { temporaryWorkspace } from "../helpers.ts";
import { IMPORT_FIXTURES } from "./fixture-server.ts";
import { measureWords } from "./word-measure.ts";

const workspace = temporaryWorkspace();

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
      expect(measureWords([html], plan).missing).toEqual([]);
    });
  }
});
