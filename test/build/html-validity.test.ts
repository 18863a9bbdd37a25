import { readdir } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";

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

const SITES = ["bundled", "consent", "editable", "documentation", "national"] as const;
const sites: Record<string, string> = {};

// The consent fixture, the bundled content with the web editor's settings (so that /admin/ is
// checked too), and a site with sources: its own projects beside harvested ones.
beforeAll(async () => {
  for (const [name, site] of await Promise.all(SITES.map(async (name) => [name, await fixtureSite(name)] as const))) sites[name] = site.output;
});

describe("html-validate (recommended rules)", () => {
  it.each(SITES)("finds no errors in any page of the %s site", async (name) => {
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
