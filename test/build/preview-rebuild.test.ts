import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticArchive } from "../../src/bench/synthetic-archive.ts";
import { startDevServer, type DevServer } from "../../src/cli/dev-server.ts";
import { temporaryFolder } from "../helpers.ts";

/**
 * The preview's quick rebuild (src/eleventy/incremental.ts) on a synthetic archive of 120
 * projects: after a project's text is edited, every page that shows the project must show the
 * edit, whichever pages the rebuild chose to write.
 */
let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
let content: string;
let output: string;
let server: DevServer;

beforeAll(async () => {
  workspace = await temporaryFolder();
  content = path.join(workspace.dir, "content");
  output = path.join(workspace.dir, "_site");
  await writeSyntheticArchive(content, 120);
  server = await startDevServer(content, output);
});
afterAll(async () => {
  await server?.stop();
  await workspace?.remove();
});

/** The number of builds the server has finished. */
const builds = () => server.builds().length;
/** The number of files the last build wrote. */
const lastWritten = () => server.builds().at(-1)!;

/** Saves a file and waits until the server has finished the build it started. */
async function saveAndWait(file: string, text: string): Promise<void> {
  const before = builds();
  await writeFile(file, text);
  const deadline = Date.now() + 240_000; // a hang, not a slow machine
  while (builds() === before) {
    if (Date.now() > deadline) throw new Error(`no rebuild after saving ${file}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every HTML page of the output, by site path. */
async function allPages(): Promise<Map<string, string>> {
  const files = (await readdir(output, { recursive: true })).filter((file) => file.endsWith(".html"));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(output, file), "utf8")] as const)));
}

describe("the preview's quick rebuild after a project edit", () => {
  it("rewrites every page that shows the project, and only a few files", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the watcher settles after the first build
    const file = path.join(content, "projekt", "projekt-60.md");
    const original = await readFile(file, "utf8");
    const pagesBefore = await allPages();
    const showing = [...pagesBefore].filter(([, html]) => html.includes('href="/projekt/projekt-60/"')).map(([page]) => page);
    expect(showing.length).toBeGreaterThan(3);
    const oldTitle = /^title: (.*)$/m.exec(original)![1]!;
    const newTitle = `${oldTitle} redigerad i förhandsgranskningen`;

    await saveAndWait(file, original.replace(/^title: .*$/m, `title: "${newTitle}"`));
    expect(lastWritten()).toBeLessThan(40);
    const pagesAfter = await allPages();
    expect(pagesAfter.get("projekt/projekt-60/index.html")).toContain(`<h1>${newTitle}</h1>`);
    for (const page of showing) {
      expect(pagesAfter.get(page), page).toContain(newTitle);
    }
    const stale = [...pagesAfter].filter(([page, html]) => html.includes(`>${oldTitle}<`) && page !== "projekt/projekt-60/index.html");
    expect(stale.map(([page]) => page)).toEqual([]);

    await saveAndWait(file, original);
    expect((await readFile(path.join(output, "projekt/projekt-60/index.html"), "utf8"))).toContain(`<h1>${oldTitle}</h1>`);
  });

  it("rebuilds everything when a project moves in the lists", async () => {
    const file = path.join(content, "projekt", "projekt-61.md");
    const original = await readFile(file, "utf8");
    await saveAndWait(file, original.replace(/^(\s+end:) .*$/m, "$1 2025-01-01"));
    expect(lastWritten()).toBeGreaterThan(120);
    const first = await readFile(path.join(output, "index.html"), "utf8");
    expect(first.indexOf('href="/projekt/projekt-61/"')).toBeGreaterThan(-1);
    // A full rebuild writes the downloads again too (on the preview's own thread, src/eleventy/downloads.ts).
    const csv = await readFile(path.join(output, "projekt.csv"), "utf8");
    expect(csv.split("\r\n").find((record) => record.endsWith("/projekt/projekt-61/"))).toContain(",2025-01-01,");
    await saveAndWait(file, original);
  });
});
