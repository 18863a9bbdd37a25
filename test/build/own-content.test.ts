/**
 * The project's own content/: the bundled example in this repository, and the library's own archive
 * once it is taken into use. The other tests read the example from test/fixtures/exempel, so that
 * they hold whatever content/ holds; here content/ only has to pass check and build. `npm test`
 * runs the suite on a copy of the project with another archive in content/ (test/run-suite.mjs)
 * and names the real one in PROJEKTARKIV_OWN_CONTENT.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFile } from "node:fs/promises";
import { buildSite, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();
const OWN_CONTENT = process.env.PROJEKTARKIV_OWN_CONTENT ?? path.join(PROJECT_ROOT, "content");

describe("the project's own content/", () => {
  it("passes npm run check", async () => {
    const result = await runCli("check", [OWN_CONTENT]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ projekt.*: inga fel$/m);
  });

  it("builds, with the site's name from its own site.yaml on the archive index", async () => {
    const site = parse(await readFile(path.join(OWN_CONTENT, "_data/site.yaml"), "utf8")) as { name: string };
    const built = await buildSite(OWN_CONTENT, path.join(workspace.dir, "_site"), ["--skip-search"]);
    expect(built.code, built.stderr).toBe(0);
    expect(textOf((await readPage(built.output, "/")).querySelector(".site-name"))).toContain(site.name);
  });
});
