/**
 * The harvest's own files: content/_harvest/ is a real folder, the harvest removes only the files
 * it names itself, never follows a symbolic link when it writes or removes, leaves no temporary
 * file behind, and one source that fails in an unexpected way never stops the others or the report.
 * `path:` sources are read only from the folder they name.
 */
import { spawn } from "node:child_process";
import { lstat, mkdir, readFile, readdir, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../../src/bench/source-server.ts";
import { withCheckDigit } from "../../src/format/organisation-number.ts";
import { cachePaths } from "../../src/harvest/sources.ts";
import { contentTree, PROJECT_ROOT, runCli, temporaryFolder, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

const person = { id: "a", name: "A", title: "B" };
const record = (archive: string, slug = "projekt") => ({
  slug,
  url: `https://${archive}.example.se/projekt/${slug}/`,
  publisher: { name: `Arkiv ${archive}`, url: `https://${archive}.example.se/` },
  title: `Projekt i ${archive}`,
  summary: "Om projektet.",
  reviewed: "2024-01-01",
  contentOwner: person,
  publishedBy: person,
});
const projects = (archive: string) => `${JSON.stringify([record(archive)])}\n`;

let server: SourceServer;

beforeAll(async () => {
  server = await startSourceServer();
  for (const archive of ["a", "b", "c", "d", "e"]) server.serve(`/${archive}/projekt.json`, projects(archive));
});
afterAll(() => server?.close());

/** The organisation number of each archive named here, one of its own for each name. */
const numbers = new Map<string, string>();
const numberOf = (archive: string) => numbers.get(archive) ?? numbers.set(archive, withCheckDigit(`80200${String(numbers.size + 1).padStart(4, "0")}`)).get(archive)!;

/**
 * A site in `workspace/<name>/content` with these sources (YAML list items, without the dash), each
 * bound to the archive its address or folder names ("Arkiv a" for …/a/projekt.json), as its records
 * name their publisher, unless the item names its organisation itself.
 */
async function site(name: string, sources: readonly string[]): Promise<string> {
  const bound = (source: string) => {
    if (source.includes("organisation:")) return source;
    const archive = source.replace(/^(?:url|path): /, "").replace(/\/projekt\.json$/, "").replace(/\/_site$/, "").split("/").at(-1)!;
    return `${source}\n    organisation: Arkiv ${archive}\n    organisationNumber: ${numberOf(archive)}`;
  };
  return contentTree(path.join(workspace.dir, name), "minimal", {
    "_data/site.yaml": (text) => `${text}sources:\n${sources.map((source) => `  - ${bound(source)}\n`).join("")}`,
  });
}

/** Every entry of a folder with what it is and holds, to show that nothing in it changed. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) {
    const file = path.join(folder, name);
    const info = await lstat(file);
    entries[name] = info.isSymbolicLink() ? `-> ${await readlink(file)}` : info.isDirectory() ? `dir ${(await readdir(file)).join(",")}` : await readFile(file, "utf8");
  }
  return entries;
}

const sourceLine = (stdout: string, address: string) => stdout.split("\n").find((line) => line.includes(address)) ?? "";

describe("content/_harvest/", () => {
  it("is refused when it is a symbolic link: nothing is fetched, written or removed, in the folder it leads to or anywhere", async () => {
    const content = await site("lank", [`url: ${server.origin}/a/projekt.json`]);
    const elsewhere = path.join(workspace.dir, "nagon-annans-mapp");
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, "viktig.txt"), "Får inte tas bort.\n");
    // Named as the harvest names its copies, and still not the harvest's to remove here.
    await writeFile(path.join(elsewhere, "gammal-kalla-0123abcd.json"), "[]\n");
    await symlink(elsewhere, path.join(content, "_harvest"));
    const before = await snapshot(elsewhere);
    const asked = server.requests.length;

    const result = await runCli("harvest", [content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/_harvest är en symbolisk länk.*inget hämtades och inget ändrades/s);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(elsewhere)).toEqual(before);
    expect((await lstat(path.join(content, "_harvest"))).isSymbolicLink()).toBe(true);
    expect(server.requests.length).toBe(asked);
  });

  it("is refused when it is a file, which is left as it was", async () => {
    const content = await site("fil", [`url: ${server.origin}/a/projekt.json`]);
    await writeFile(path.join(content, "_harvest"), "en fil\n");
    const result = await runCli("harvest", [content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/_harvest är inte en mapp.*inget hämtades och inget ändrades/s);
    expect(await readFile(path.join(content, "_harvest"), "utf8")).toBe("en fil\n");
  });

  it("is made when it is missing", async () => {
    const content = await site("ny", [`url: ${server.origin}/a/projekt.json`]);
    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect((await lstat(path.join(content, "_harvest"))).isDirectory()).toBe(true);
    expect(await readFile(cachePaths(content, { url: `${server.origin}/a/projekt.json` }).copy, "utf8")).toBe(projects("a"));
  });

  it("keeps and reports what the harvest did not write, removes only its own old copies and temporary files, and replaces a copy that is a link instead of writing through it", async () => {
    const content = await site("frammande", [`url: ${server.origin}/a/projekt.json`]);
    const folder = path.join(content, "_harvest");
    const outside = path.join(workspace.dir, "utanfor.json");
    await writeFile(outside, "Någon annans fil.\n");
    await mkdir(path.join(folder, "en-mapp"), { recursive: true });
    await writeFile(path.join(folder, "en-mapp", "anteckning.txt"), "kvar\n");
    await writeFile(path.join(folder, "anteckningar.txt"), "kvar\n");
    await symlink(outside, path.join(folder, "lank.json"));
    // A copy of a source no longer in site.yaml, and temporary files of a harvest that was killed
    // (the process numbers are larger than any Linux gives).
    await writeFile(path.join(folder, "gammal-kalla-0123abcd.json"), "[]\n");
    await writeFile(path.join(folder, "gammal-kalla-0123abcd.http.json"), "{}\n");
    await writeFile(path.join(folder, "gammal-kalla-0123abcd.json.999999999.tmp"), "[");
    await writeFile(path.join(folder, "gammal-kalla-0123abcd.json.999999998-0f3a9c2e.tmp"), "[");
    // The current source's copy is a link to a file outside the folder.
    const { copy } = cachePaths(content, { url: `${server.origin}/a/projekt.json` });
    await symlink(outside, copy);

    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(sourceLine(result.stdout, "/a/projekt.json"), result.stdout).toMatch(/ny version: /);
    expect(await readFile(outside, "utf8")).toBe("Någon annans fil.\n");
    expect((await lstat(copy)).isFile()).toBe(true);
    expect(await readFile(copy, "utf8")).toBe(projects("a"));

    expect(await snapshot(folder)).toEqual({
      "anteckningar.txt": "kvar\n",
      "en-mapp": "dir anteckning.txt",
      "lank.json": `-> ${outside}`,
      [path.basename(copy)]: projects("a"),
      [path.basename(cachePaths(content, { url: `${server.origin}/a/projekt.json` }).validators)]: expect.stringContaining('"address"'),
    });
    expect(result.stdout).toContain("  borttagen: _harvest/gammal-kalla-0123abcd.json, en källa som inte längre står i site.yaml");
    expect(result.stdout).toContain("  borttagen: _harvest/gammal-kalla-0123abcd.http.json, en källa som inte längre står i site.yaml");
    expect(result.stdout).toContain("  borttagen: _harvest/gammal-kalla-0123abcd.json.999999999.tmp, en tillfällig fil från en hämtning som avbröts");
    expect(result.stdout).toContain("  lämnad orörd: _harvest/en-mapp, en mapp som hämtningen inte har skrivit");
    expect(result.stdout).toContain("  lämnad orörd: _harvest/anteckningar.txt, en fil som hämtningen inte har skrivit");
    expect(result.stdout).toContain("  lämnad orörd: _harvest/lank.json, en symbolisk länk som hämtningen inte har skrivit");
    // A link out of the content folder is an error of the content, which check names.
    expect(result.stdout).toContain("Innehållet har fel, så det går inte att säga vad som publiceras. Kör npm run check för att se felen.");
    const checked = await runCli("check", [content]);
    expect(checked.stdout + checked.stderr).toMatch(/_harvest\/lank\.json {2}länken pekar på en fil utanför innehållsmappen/);
  });

  it("has a source whose copy cannot be written fail on its own line, with its reason, while the others are harvested and nothing temporary is left", async () => {
    const content = await site("mapp-i-vagen", [`url: ${server.origin}/a/projekt.json`, `url: ${server.origin}/b/projekt.json`]);
    const blocked = cachePaths(content, { url: `${server.origin}/b/projekt.json` }).copy;
    await mkdir(path.join(blocked, "inuti"), { recursive: true });

    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(sourceLine(result.stdout, "/a/projekt.json")).toMatch(/ny version/);
    expect(sourceLine(result.stdout, "/b/projekt.json")).toMatch(/misslyckades: .*_harvest\/[^ ]+\.json är en mapp, som hämtningen inte tar bort; det finns ingen tidigare kopia/);
    expect(result.stdout).toContain("Hämtade 2 källor");
    expect(result.stdout).toContain("1 ny version, 0 oförändrade, 1 misslyckades.");
    expect((await readdir(path.join(content, "_harvest"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(await readdir(blocked)).toEqual(["inuti"]);
  });
});

describe("a copy nested too deep", () => {
  it("is a warning of check, naming the file, never a stack overflow", async () => {
    const content = await site("djup-kopia", [`url: ${server.origin}/a/projekt.json`]);
    const { copy } = cachePaths(content, { url: `${server.origin}/a/projekt.json` });
    await mkdir(path.dirname(copy));
    await writeFile(copy, JSON.stringify([record("a")]).replace('"Projekt i a"', `${"[".repeat(200_000)}${"]".repeat(200_000)}`));
    const checked = await runCli("check", [content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/_harvest\/127-0-0-1-[^ ]+\.json {2}[^\n]*: filen är nästlad djupare än 64 nivåer/);
    expect(checked.stdout + checked.stderr).not.toContain("Maximum call stack");
  });
});

describe("the same source twice in site.yaml", () => {
  it("is harvested once and reported, however its address is written", async () => {
    const address = `${server.origin}/c/projekt.json`;
    const content = await site("dubblett", [`url: ${address}`, `url: ${server.origin}/d/projekt.json`, `url: ${address}`, `url: ${address.replace("http://", "HTTP://")}`]);
    const asked = server.requests.length;
    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.slice(asked).filter((request) => request.path === "/c/projekt.json")).toHaveLength(1);
    expect(result.stdout).toContain(`  står två gånger: ${address} är källa nr 1 och nr 3 i site.yaml; den hämtas en gång`);
    expect(result.stdout).toContain(`  står två gånger: ${address} är källa nr 1 och nr 4 i site.yaml; den hämtas en gång`);
    expect(result.stdout).toContain("Hämtade 2 källor");
    expect(result.stdout).toContain("2 nya versioner, 0 oförändrade, 0 misslyckades.");
    // The build reads the source once: its project is shown once, with no warning of a copy missing.
    const checked = await runCli("check", [content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain("2 hämtade från 2 källor");
    expect(checked.stdout).not.toContain("har inte hämtats");
  });
});

describe("file names", () => {
  it("stay within 255 bytes for a source address of 2,000 characters", async () => {
    const long = `/${"långt-namn-".repeat(180).slice(0, 1990)}/projekt.json`;
    server.serve(long, projects("e"));
    const content = await site("langt", [`url: ${server.origin}${encodeURI(long)}\n    organisation: Arkiv e\n    organisationNumber: ${numberOf("e")}`]);
    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ny version: Arkiv e/);
    const names = await readdir(path.join(content, "_harvest"));
    expect(names).toHaveLength(2);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(100);
  });
});

describe("a harvest stopped by a signal", () => {
  it("removes its temporary file and ends as the signal says", async () => {
    const folder = path.join(workspace.dir, "signal");
    await mkdir(folder);
    // A write whose data never ends: the temporary file exists until the process is stopped.
    const script = `
      import { writeWhole } from "./src/harvest/harvest-folder.ts";
      async function* endless() { yield "["; process.stdout.write("skriver\\n"); await new Promise(() => setInterval(() => {}, 1000)); }
      await writeWhole(${JSON.stringify(path.join(folder, "kalla-0123abcd.json"))}, endless());
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("skriver") && resolve());
      child.on("exit", () => reject(new Error(`the script ended before it wrote: ${errors}`)));
    });
    expect((await readdir(folder)).filter((name) => name.endsWith(".tmp"))).toHaveLength(1);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGTERM");
    expect(await ended).toBe("SIGTERM");
    expect(await readdir(folder)).toEqual([]);
  });
});

describe("path: sources", () => {
  /** A folder holding a projekt.json, with a link in it or as it. */
  async function folderWith(relative: string, body: string) {
    const file = path.join(workspace.dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
    return file;
  }

  it("are read from the repository and from a folder beside it, but never through a link that leads out of the folder named", async () => {
    const secret = await folderWith("hemligt/projekt.json", projects("hemlig"));
    await folderWith("syskon/_site/projekt.json", projects("syskon"));
    // A link inside the folder named, to a file inside it: allowed.
    await folderWith("inom/_site/data/projekt.json", projects("inom"));
    await symlink("data/projekt.json", path.join(workspace.dir, "inom/_site/projekt.json"));
    // A link inside the folder named, to a file outside it.
    await mkdir(path.join(workspace.dir, "ut/_site"), { recursive: true });
    await symlink(secret, path.join(workspace.dir, "ut/_site/projekt.json"));
    // A file named, which is a link out of its folder.
    await mkdir(path.join(workspace.dir, "utfil"), { recursive: true });
    await symlink(secret, path.join(workspace.dir, "utfil/projekt.json"));
    const content = await site("lokal", ["path: ../syskon/_site", "path: ../inom/_site", "path: ../ut/_site", "path: ../utfil/projekt.json", "path: arkiv"]);
    // A folder in the repository that is a link to a folder neither in it nor beside it.
    const far = await temporaryFolder();
    await writeFile(path.join(far.dir, "projekt.json"), projects("hemlig"));
    await symlink(far.dir, path.join(workspace.dir, "lokal/arkiv"));

    const result = await runCli("harvest", [content]);
    expect(result.code, result.stderr).toBe(0);
    expect(sourceLine(result.stdout, "../syskon/_site")).toMatch(/ny version: Arkiv syskon/);
    expect(sourceLine(result.stdout, "../inom/_site")).toMatch(/ny version: Arkiv inom/);
    expect(sourceLine(result.stdout, "../ut/_site")).toContain("misslyckades: Arkiv ut (../ut/_site): projekt.json är en symbolisk länk som leder utanför mappen ../ut/_site;");
    expect(sourceLine(result.stdout, "../utfil/projekt.json")).toContain("misslyckades: Arkiv utfil (../utfil/projekt.json): projekt.json är en symbolisk länk som leder utanför mappen ../utfil;");
    expect(result.stdout).toContain("  misslyckades: Arkiv arkiv (arkiv): mappen arkiv leder genom en symbolisk länk utanför arkivet och mapparna bredvid det; det finns ingen tidigare kopia");
    expect(result.stdout).not.toContain("hemlig");
    const copies = await Promise.all((await readdir(path.join(content, "_harvest"))).map((name) => readFile(path.join(content, "_harvest", name), "utf8")));
    expect(copies.join("")).not.toContain("hemlig");
    await far.remove();
  });

  it("are refused by check and by the harvest when absolute or more than one folder up, with the line", async () => {
    const secret = await folderWith("hemligt2/projekt.json", projects("hemlig"));
    const content = await site("utanfor", [`path: ${secret}`, "path: ../../hemligt2/projekt.json", "path: ../ok/../../hemligt2"]);
    const asked = server.requests.length;
    const result = await runCli("harvest", [content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("site.yaml har fel, så inget hämtades");
    for (const [line, index] of [[11, 0], [14, 1], [17, 2]] as const) {
      expect(result.stderr).toContain(`site.yaml:${line}  sources[${index}].path: en sökväg i arkivet eller i en mapp bredvid det`);
    }
    expect(server.requests.length).toBe(asked);
    const checked = await runCli("check", [content]);
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toContain("sources[0].path: en sökväg i arkivet eller i en mapp bredvid det");
  });
});
