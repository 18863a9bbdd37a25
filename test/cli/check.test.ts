import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { todayInSweden } from "../../src/format/date.ts";
import { buildSite, contentTree, EXAMPLE_CONTENT, PROJECT_ROOT, runCli, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();

describe("npm run check", () => {
  it("prints one summary line for valid content, and one naming how many finished projects have neither results nor lessons", async () => {
    const result = await runCli("check", [EXAMPLE_CONTENT]);
    // Vinna Vinna ended in 2011; Rom for dannelse has no end date, so it is not known to be finished.
    expect(result).toEqual({
      code: 0,
      stdout: "2 projekt, 5 kontakter: inga fel\n1 avslutat projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar det\n",
      stderr: "",
    });
  });

  it("counts drafts separately, and leaves drafts, projects with results or lessons, and projects not yet ended out of the summary line", async () => {
    const content = await contentTree(path.join(workspace.dir, "draft"), "minimal", {
      "projekt/beta.md": (text) => text.replace("reviewed:", "draft: true\nreviewed:"),
      // Lessons and no results: not named.
      "projekt/gamma.md": "---\ntitle: Gamma\nsummary: Det tredje.\nperiod:\n  end: 2019\nlessons:\n  - Börja i tid\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\n",
      // Ends this year, which is not over: not named.
      "projekt/delta.md": `---\ntitle: Delta\nsummary: Det fjärde.\nperiod:\n  end: ${todayInSweden().slice(0, 4)}\nreviewed: 2020-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\n`,
    });
    expect((await runCli("check", [content])).stdout).toBe(
      "3 projekt (och 1 utkast), 2 kontakter: inga fel\n1 avslutat projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar det\n",
    );
  });

  it("refuses a theme the site's vocabulary lacks, with the closest one, and a fourth theme, each on its line", async () => {
    const content = await contentTree(path.join(workspace.dir, "themes"), "minimal", {
      "projekt/alfa.md": (text) => text.replace("goals:", "themes:\n  - barn och unga\n  - läsfrämjnde\ngoals:"),
      "projekt/beta.md": (text) => text.replace("  end: 2022\n", "  end: 2022\nthemes: [läsfrämjande, mångspråk, tillgänglighet, hållbarhet]\n"),
    });
    const result = await runCli("check", [content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        "Innehållet har 2 fel:",
        `  ${content}/projekt/alfa.md:9  themes[1]: okänt ämne "läsfrämjnde" (menade du läsfrämjande?), eller lägg till ämnet i webbplatsens lista under themes: i _data/site.yaml`,
        `  ${content}/projekt/beta.md:7  themes: högst 3 ämnen: välj de som projektet mest handlade om`,
        "",
      ].join("\n"),
    );
  });

  describe("on a broken tree", () => {
    let content: string;
    beforeAll(async () => {
      content = await contentTree(path.join(workspace.dir, "broken"), "minimal", {
        "projekt/alfa.md": (text) => text.replace("reviewed: 2020-01-02", "reviewed: 2020-02-30"),
        "kontakter/bo-ek.md": (text) => text.replace("name: Bo Ek", "name: Bo Ek\nemial: bo@example.se"),
      });
    });

    it("lists every error with path, line and field, and exits with 1", async () => {
      const result = await runCli("check", [content]);
      // The tree lies outside the working folder, so paths are absolute.
      const relative = content;
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        [
          "Innehållet har 2 fel:",
          `  ${relative}/kontakter/bo-ek.md:3  emial: okänt fält (menade du email?)`,
          `  ${relative}/projekt/alfa.md:13  reviewed: ogiltigt datum "2020-02-30" (skriv ÅÅÅÅ-MM-DD)`,
          "",
        ].join("\n"),
      );
    });

    it("gives the same error list as the build, byte for byte", async () => {
      const [check, build] = await Promise.all([runCli("check", [content]), buildSite(content, path.join(workspace.dir, "broken-site"))]);
      expect(build.code).toBe(1);
      expect(build.stderr).toBe(check.stderr);
    });

    it("gives a machine-readable list with --json", async () => {
      const result = await runCli("check", [content, "--json"]);
      expect(result.code).toBe(1);
      const relative = content;
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        errors: [
          { file: `${relative}/kontakter/bo-ek.md`, line: 3, field: "emial", message: "okänt fält (menade du email?)" },
          { file: `${relative}/projekt/alfa.md`, line: 13, field: "reviewed", message: 'ogiltigt datum "2020-02-30" (skriv ÅÅÅÅ-MM-DD)' },
        ],
        warnings: [],
      });
    });
  });

  describe("with --format github, as the workflows run it", () => {
    it("prints one workflow command per error, on the file's line, and writes the errors to the run's summary", async () => {
      const dir = path.join(workspace.dir, "github");
      await contentTree(dir, "minimal", {
        "projekt/alfa.md": (text) => text.replace("reviewed: 2020-01-02", "reviewed: 2020-02-30"),
        "kontakter/bo-ek.md": (text) => text.replace("name: Bo Ek", "name: Bo Ek\nemial: bo@example.se"),
      });
      const summary = path.join(dir, "sammanfattning.md");
      const result = await runCli("check", ["content", "--format", "github"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(result.code).toBe(1);
      expect(result.stdout.split("\n")).toEqual([
        "::error file=content/kontakter/bo-ek.md,line=3,title=emial::okänt fält (menade du email?)",
        '::error file=content/projekt/alfa.md,line=13,title=reviewed::ogiltigt datum "2020-02-30" (skriv ÅÅÅÅ-MM-DD)',
        "",
      ]);
      const table = await readFile(summary, "utf8");
      expect(table).toContain("2 fel. Ingenting publiceras förrän de är rättade.");
      expect(table).toContain("| content/kontakter/bo-ek.md | 3 | emial | okänt fält (menade du email?) |");
      expect(table).toContain('| content/projekt/alfa.md | 13 | reviewed | ogiltigt datum "2020-02-30" (skriv ÅÅÅÅ-MM-DD) |');
    });

    it("puts a YAML slip on its line with the same diagnosis and corrected line as the terminal and the build", async () => {
      const dir = path.join(workspace.dir, "slip");
      await contentTree(dir, "minimal", { "projekt/alfa.md": (text) => text.replace("title: Alfa", "title: Alfa #2 i Dalarna") });
      const message = 'texten efter # räknas som en kommentar och kommer inte med på sidan ("#2 i Dalarna"); sätt citattecken runt hela värdet och skriv raden så här: title: "Alfa #2 i Dalarna"';
      const [github, text, build] = await Promise.all([
        runCli("check", ["content", "--format", "github"], { cwd: dir }),
        runCli("check", ["content"], { cwd: dir }),
        runCli("build", ["--input=content", "--output=_site"], { cwd: dir }),
      ]);
      expect(github.stdout).toBe(`::error file=content/projekt/alfa.md,line=2,title=title::${message}\n`);
      expect(text.stderr).toBe(`Innehållet har 1 fel:\n  content/projekt/alfa.md:2  title: ${message}\n`);
      expect(build.code).toBe(1);
      expect(build.stderr).toBe(text.stderr);
    });

    it("prints nothing for valid content, and lists the pages overdue for review and counts the finished projects without results in the summary", async () => {
      const summary = path.join(workspace.dir, "granskning.md");
      const example = path.relative(PROJECT_ROOT, EXAMPLE_CONTENT);
      const result = await runCli("check", [example, "--format=github"], { env: { GITHUB_STEP_SUMMARY: summary } });
      expect(result).toMatchObject({ code: 0, stdout: "" });
      const text = await readFile(summary, "utf8");
      expect(text).toContain("Inga fel.");
      expect(text).toContain("### Sidor som inte har granskats på 12 månader");
      expect(text).toContain(`| Sandra Spjuth | Vinna Vinna (${example}/projekt/vinna-vinna.md) | 4 juli 2018 |`);
      expect(text.trimEnd().split("\n").at(-1)).toBe("1 avslutat projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar det.");
    });

    it("refuses an unknown format", async () => {
      const result = await runCli("check", [EXAMPLE_CONTENT, "--format", "xml"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('okänt format "xml"; välj text, json, github, gitlab');
    });
  });

  describe("with --format gitlab, a Code Quality report as GitLab CI saves it", () => {
    /** The report's format, as GitLab's Code Quality documentation describes each entry. */
    const CODE_QUALITY_SCHEMA = {
      type: "array",
      items: {
        type: "object",
        required: ["description", "check_name", "fingerprint", "severity", "location"],
        properties: {
          description: { type: "string", minLength: 1 },
          check_name: { type: "string", minLength: 1 },
          fingerprint: { type: "string", minLength: 1 },
          severity: { enum: ["info", "minor", "major", "critical", "blocker"] },
          location: {
            type: "object",
            required: ["path", "lines"],
            properties: {
              path: { type: "string", pattern: "^[^/]" },
              lines: { type: "object", required: ["begin"], properties: { begin: { type: "integer", minimum: 1 } } },
            },
          },
        },
      },
    };

    it("puts each error on the line that causes it, with stable and distinct fingerprints", async () => {
      const dir = path.join(workspace.dir, "gitlab");
      await contentTree(dir, "minimal", {
        "projekt/alfa.md": (text) => text.replace("reviewed: 2020-01-02", "reviewed: 2020-02-30"),
        "kontakter/bo-ek.md": (text) => text.replace("name: Bo Ek", "name: Bo Ek\nemial: bo@example.se"),
        "filer/oanvand.txt": "ingen länkar hit",
      });
      const result = await runCli("check", ["content", "--format", "gitlab"], { cwd: dir });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY_SCHEMA);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.map((issue: { severity: string; location: object }) => [issue.severity, issue.location])).toEqual([
        ["blocker", { path: "content/kontakter/bo-ek.md", lines: { begin: 3 } }],
        ["blocker", { path: "content/projekt/alfa.md", lines: { begin: 13 } }],
      ]);
      for (const issue of report) {
        const line = (await readFile(path.join(dir, issue.location.path), "utf8")).split("\n")[issue.location.lines.begin - 1];
        expect(line, issue.description).toMatch(/^(emial|reviewed):/);
      }
      expect(new Set(report.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(2);
      const again = await runCli("check", ["content", "--format", "gitlab"], { cwd: dir });
      expect(JSON.parse(again.stdout)).toEqual(report);
    });

    it("gives warnings as minor entries and exits 0 when there are no errors", async () => {
      const dir = path.join(workspace.dir, "gitlab-warnings");
      await contentTree(dir, "minimal", { "filer/oanvand.txt": "ingen länkar hit" });
      const result = await runCli("check", ["content", "--format=gitlab"], { cwd: dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([
        expect.objectContaining({ severity: "minor", check_name: "projektarkiv-varning", location: { path: "content/filer/oanvand.txt", lines: { begin: 1 } } }),
      ]);
    });
  });

  it("says so when the folder does not exist", async () => {
    const result = await runCli("check", [path.join(workspace.dir, "saknas")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("innehållsmappen finns inte");
  });
});

describe("npm run check with stored results (src/content/archive/validation-cache.ts)", () => {
  it("reports what changed since the last run, with the same lines as a first run", async () => {
    const content = await contentTree(path.join(workspace.dir, "cached"), "minimal");
    const check = () => runCli("check", [content]);
    const firstRun = (env: Record<string, string>) => runCli("check", [content], { env });
    expect((await check()).code).toBe(0);
    expect((await check()).stdout).toBe("2 projekt, 2 kontakter: inga fel\n2 avslutade projekt saknar resultat och erfarenheter, det som besökare letar efter; npm run review listar dem\n");

    // alfa.md is unchanged, so its result comes from the cache; the broken reference in it must
    // still be reported on its line, which the cache finds by reading the file again.
    await rm(path.join(content, "kontakter/anna-berg.md"));
    const cached = await check();
    expect(cached.code).toBe(1);
    expect(cached.stderr).toContain(`${path.join(content, "projekt/alfa.md")}:10  contacts[0]: okänd kontakt "anna-berg"`);
    const uncached = await firstRun({ PROJEKTARKIV_CACHE_DIR: path.join(workspace.dir, "tom-cache") });
    expect(cached.stderr).toBe(uncached.stderr);

    // A file edited between runs is validated again.
    await writeFile(path.join(content, "kontakter/anna-berg.md"), "---\nname: Anna Berg\ntitle: Bibliotekarie\n---\n");
    const alfa = path.join(content, "projekt/alfa.md");
    const good = await readFile(alfa, "utf8");
    await writeFile(alfa, good.replace("reviewed: 2020-01-02", "reviewed: 2020-02-30"));
    expect((await check()).stderr).toContain(`${alfa}:13  reviewed: ogiltigt datum "2020-02-30" (skriv ÅÅÅÅ-MM-DD)`);
    await writeFile(alfa, good);
    expect(await check()).toMatchObject({ code: 0, stderr: "" });
  });
});
