import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, EXAMPLE_CONTENT, temporaryFolder } from "../helpers.ts";

/** Every file of a built site, by its path, as bytes. */
async function snapshot(site: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return new Map(await Promise.all(files.map(async (file) => [path.relative(site, file), await readFile(file)] as const)));
}

/** The paths whose bytes differ between two builds, or that only one of them has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((file) => !a.get(file) || !b.get(file) || !a.get(file)!.equals(b.get(file)!)).sort();
}

let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
const builds = new Map<string, Map<string, Buffer>>();

beforeAll(async () => {
  workspace = await temporaryFolder();
  for (const [name, zone] of [
    ["first", "UTC"],
    ["second", "UTC"],
    ["los-angeles", "America/Los_Angeles"],
    ["kiritimati", "Pacific/Kiritimati"],
  ] as const) {
    const result = await buildSite(EXAMPLE_CONTENT, path.join(workspace.dir, name), [], { TZ: zone });
    expect(result.code, result.stderr).toBe(0);
    builds.set(name, await snapshot(result.output));
  }
});
afterAll(async () => {
  await workspace.remove();
});

describe("the build output", () => {
  it("is byte-identical for two builds of the same content", () => {
    expect(builds.get("first")!.size).toBeGreaterThan(30);
    expect(differences(builds.get("first")!, builds.get("second")!)).toEqual([]);
  });

  it("is byte-identical whatever the machine's time zone, with the same Swedish dates", () => {
    expect(differences(builds.get("first")!, builds.get("los-angeles")!)).toEqual([]);
    expect(differences(builds.get("first")!, builds.get("kiritimati")!)).toEqual([]);
    const page = builds.get("kiritimati")!.get("projekt/vinna-vinna/index.html")!.toString();
    expect(page).toContain('<time datetime="2011-04-05">5 april 2011</time>');
    expect(page).toContain('<time datetime="2018-07-04">4 juli 2018</time>');
  });
});
