/**
 * The proof that no test depends on content/, which is the library's own archive once the project
 * is taken into use: `npm test` runs the whole suite on a copy of the project whose content/ is
 * another organisation's archive, committed as an adopter commits it (test/run-suite.mjs). Any
 * test that read content/, by whatever route (a command, git ls-files, a pipeline), would then
 * read Region Dalarna's projects, people and warnings instead of the example's, and fail.
 *
 * This file fails when the suite runs any other way, and holds the other archive to what makes
 * the proof worth something: its own organisation, people, numbers, logo and colour, and the
 * warnings an adopter's archive has.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLE_CONTENT, FIXTURES, PROJECT_ROOT, runCli } from "./helpers.ts";

const run = promisify(execFile);
const ADOPTER_ARCHIVE = path.join(FIXTURES, "annat-arkiv");

/** Every file of a tree, relative to it, sorted. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

interface SiteSettings {
  organisation: string;
  colour?: string;
  logo?: { file: string };
  organisationNumber?: string;
}

const settingsOf = async (content: string) => parse(await readFile(path.join(content, "_data/site.yaml"), "utf8")) as SiteSettings;

/** The people's file names and every phone number written in them. */
async function peopleOf(content: string): Promise<{ names: string[]; phones: string[] }> {
  const names = (await readdir(path.join(content, "kontakter"))).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(content, "kontakter", name), "utf8")));
  return { names, phones: texts.flatMap((text) => text.match(/\b0\d{1,3}-[\d ]{5,9}\d\b/g) ?? []) };
}

describe("the suite's independence from content/", () => {
  it("runs on a copy of the project whose content/ is another organisation's archive, committed", async () => {
    expect(process.env.PROJEKTARKIV_SUITE_ARCHIVE, "npm test runs the suite through test/run-suite.mjs, on a copy with another archive in content/").toBe("test/fixtures/annat-arkiv");
    const content = path.join(PROJECT_ROOT, "content");
    const files = await filesOf(content);
    expect(files).toEqual(await filesOf(ADOPTER_ARCHIVE));
    for (const file of files) {
      expect((await readFile(path.join(content, file))).equals(await readFile(path.join(ADOPTER_ARCHIVE, file))), file).toBe(true);
    }
    const tracked = (await run("git", ["ls-files", "content"], { cwd: PROJECT_ROOT })).stdout.split("\n").filter(Boolean);
    expect(tracked.map((file) => path.relative("content", file)).sort()).toEqual(files);
    expect((await run("git", ["status", "--porcelain", "--", "content"], { cwd: PROJECT_ROOT })).stdout).toBe("");
  });

  it("that archive has its own organisation, people, numbers, logo and colour", async () => {
    const [adopter, example] = await Promise.all([settingsOf(ADOPTER_ARCHIVE), settingsOf(EXAMPLE_CONTENT)]);
    expect(adopter.organisation).not.toBe(example.organisation);
    expect(adopter.organisationNumber).not.toBe(example.organisationNumber);
    expect(adopter.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(adopter.colour).not.toBe(example.colour);
    expect(adopter.logo?.file).not.toBe(example.logo?.file);
    expect((await readFile(path.join(ADOPTER_ARCHIVE, "filer", adopter.logo!.file))).length).toBeGreaterThan(0);
    const [theirs, ours] = await Promise.all([peopleOf(ADOPTER_ARCHIVE), peopleOf(EXAMPLE_CONTENT)]);
    expect(theirs.names.filter((name) => ours.names.includes(name))).toEqual([]);
    expect(theirs.phones.length).toBeGreaterThan(0);
    expect(theirs.phones.filter((phone) => ours.phones.includes(phone))).toEqual([]);
  });

  it("that archive passes check with the warnings an adopter's archive has: a photo with its GPS position and an untagged PDF", async () => {
    const checked = await runCli("check", [ADOPTER_ARCHIVE, "--format", "json"]);
    expect(checked.code, checked.stderr).toBe(0);
    const { errors, warnings } = JSON.parse(checked.stdout) as { errors: unknown[]; warnings: { file: string; message: string }[] };
    expect(errors).toEqual([]);
    expect(warnings.map((warning) => [path.basename(warning.file), warning.message.replace(/[,;].*/, "")])).toEqual([
      ["lasambassadorer.jpg", "bilden har kvar var den togs (en GPS-position)"],
      ["lasambassadorer-i-dalarna.md", "PDF:en filer/lasambassadorer-i-dalarna/utvardering.pdf saknar taggar"],
    ]);
  });
});
