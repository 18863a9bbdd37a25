import { cp, readdir } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWithWebEditor } from "../../src/cli/admin-session.ts";
import { CONSENT_CATEGORY } from "../browser/site-server.ts";
import { buildSite, contentTree, EXAMPLE_CONTENT, FIXTURES, runCli, temporaryFolder } from "../helpers.ts";

/** html-validate's recommended rules, adjusted only where a reason is written down. */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Phone numbers keep their ordinary hyphen and spaces, so they read and copy as people write
    // them ("019-602 72 54"). The class .phone sets white-space: nowrap, which is what the rule
    // wants: a number that never breaks across lines.
    "tel-non-breaking": ["error", { ignoreClasses: ["phone"] }],
  },
});

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
const sites: Record<string, string> = {};

beforeAll(async () => {
  workspace = await temporaryFolder();
  const consent = await contentTree(path.join(workspace.dir, "consent"), "minimal", {
    "_data/site.yaml": (text) => text + CONSENT_CATEGORY,
  });
  // The bundled content with the web editor's settings, so that /admin/ is built and checked too.
  const editable = await copyWithWebEditor(EXAMPLE_CONTENT, path.join(workspace.dir, "editable", "content"));
  const documentation = await contentTree(path.join(workspace.dir, "documentation"), "dokumentation");
  // A site with sources: its own projects beside those harvested from the files in test/fixtures/kallor.
  const national = await contentTree(path.join(workspace.dir, "national"), "nationellt");
  await cp(path.join(FIXTURES, "kallor"), path.join(workspace.dir, "national", "kallor"), { recursive: true });
  expect((await runCli("harvest", [national])).code).toBe(0);
  const builds = { bundled: EXAMPLE_CONTENT, consent, editable, documentation, national };
  for (const [name, content] of Object.entries(builds)) {
    const result = await buildSite(content, path.join(workspace.dir, name, "_site"));
    expect(result.code, result.stderr).toBe(0);
    sites[name] = result.output;
  }
});
afterAll(async () => {
  await workspace.remove();
});

describe("html-validate (recommended rules)", () => {
  it.each(["bundled", "consent", "editable", "documentation", "national"])("finds no errors in any page of the %s site", async (name) => {
    const files = await htmlFiles(sites[name]!);
    expect(files.length).toBeGreaterThanOrEqual(7);
    if (name === "editable") expect(files).toContain(path.join(sites[name]!, "admin/index.html"));
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${path.relative(sites[name]!, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
