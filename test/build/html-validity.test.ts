import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { htmlValidator } from "../html-validator.ts";

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
      const report = await htmlValidator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${path.relative(sites[name]!, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
