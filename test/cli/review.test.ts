import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTree, EXAMPLE_CONTENT, runCli, temporaryFolder } from "../helpers.ts";

const content = EXAMPLE_CONTENT;

/** What review says of the example's finished project, which states no results (as the reference page does not). */
const WITHOUT_RESULTS = [
  "",
  "1 avslutat projekt saknar både resultat och erfarenheter:",
  "",
  "Sandra Spjuth, Utvecklingsledare - bibliotek (019-602 72 53, 070-316 45 48)",
  "  Vinna Vinna  test/fixtures/exempel/projekt/vinna-vinna.md  (avslutades 5 april 2011)",
  "",
  "Skriv under Resultat (results) vad projektet uppnådde och under Erfarenheter (lessons) vad ni lärde er, en rad för varje. Det är det som andra bibliotek letar efter.",
];

describe("npm run review on the bundled content", () => {
  it("reports the seed pages reviewed on 4 July 2018 as overdue, under Sandra Spjuth", async () => {
    const result = await runCli("review", [`--input=${content}`, "--date=2026-11-25"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "4 sidor har inte granskats på 12 månader (per 25 november 2026):",
        "",
        "Sandra Spjuth, Utvecklingsledare - bibliotek (019-602 72 53, 070-316 45 48)",
        "  4 juli 2018  Avslutade projekt  test/fixtures/exempel/index.md  (88 månader försenad)",
        "  4 juli 2018  Kontakt  /kontakt/  (88 månader försenad)",
        "  4 juli 2018  Rom for dannelse - Rum för bildning  test/fixtures/exempel/projekt/rom-for-dannelse.md  (88 månader försenad)",
        "  4 juli 2018  Vinna Vinna  test/fixtures/exempel/projekt/vinna-vinna.md  (88 månader försenad)",
        "",
        "Läs igenom sidan, rätta det som behövs och ändra reviewed till dagens datum.",
        ...WITHOUT_RESULTS,
        "",
      ].join("\n"),
    );
  });

  it("takes the interval from --months, and says when nothing is overdue", async () => {
    const result = await runCli("review", [`--input=${content}`, "--date=2019-08-01", "--months=12"]);
    expect(result.stdout.split("\n").slice(0, 4)).toEqual([
      "4 sidor har inte granskats på 12 månader (per 1 augusti 2019):",
      "",
      "Sandra Spjuth, Utvecklingsledare - bibliotek (019-602 72 53, 070-316 45 48)",
      "  4 juli 2018  Avslutade projekt  test/fixtures/exempel/index.md  (ska granskas nu)",
    ]);
    const none = await runCli("review", [`--input=${content}`, "--date=2019-08-01", "--months=13"]);
    expect(none.stdout).toBe(["Alla sidor är granskade de senaste 13 månaderna.", ...WITHOUT_RESULTS, ""].join("\n"));
  });

  it("gives the same as data with --json", async () => {
    const result = await runCli("review", [`--input=${content}`, "--date=2026-11-25", "--json"]);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ date: "2026-11-25", intervalMonths: 12, overdue: 4 });
    expect(report.owners).toHaveLength(1);
    expect(report.owners[0].owner).toEqual({
      id: "sandra-spjuth",
      name: "Sandra Spjuth",
      title: "Utvecklingsledare - bibliotek",
      email: null,
      phones: ["019-602 72 53", "070-316 45 48"],
    });
    expect(report.owners[0].pages[3]).toEqual({
      title: "Vinna Vinna",
      url: "/projekt/vinna-vinna/",
      sourcePath: "test/fixtures/exempel/projekt/vinna-vinna.md",
      reviewed: "2018-07-04",
      monthsOverdue: 88,
    });
    expect(report.withoutResults).toEqual([
      {
        owner: { id: "sandra-spjuth", name: "Sandra Spjuth" },
        projects: [{ title: "Vinna Vinna", url: "/projekt/vinna-vinna/", sourcePath: "test/fixtures/exempel/projekt/vinna-vinna.md", end: "2011-04-05" }],
      },
    ]);
  });

  it("lists the finished projects without results or lessons under each content owner, by name", async () => {
    const workspace = await temporaryFolder();
    // Alfa (Anna Berg's) and beta (Bo Ek's) have both ended; gamma has results.
    const tree = await contentTree(workspace.dir, "minimal", {
      "projekt/gamma.md": "---\ntitle: Gamma\nsummary: Det tredje.\nperiod:\n  end: 2019\nresults:\n  - Tio bokcirklar\nreviewed: 2026-01-02\ncontentOwner: anna-berg\npublishedBy: bo-ek\n---\n",
    });
    const result = await runCli("review", [`--input=${tree}`, "--date=2026-11-25", "--months=120"]);
    await workspace.remove();
    expect(result.stdout.split("\n").slice(1, -2)).toEqual([
      "",
      "2 avslutade projekt saknar både resultat och erfarenheter:",
      "",
      "Anna Berg, Bibliotekarie (019-602 72 54, anna.berg@example.se)",
      `  Alfa  ${tree}/projekt/alfa.md  (avslutades 31 december 2019)`,
      "",
      "Bo Ek, Webbredaktör",
      `  Beta  ${tree}/projekt/beta.md  (avslutades 2022)`,
      "",
    ]);
  });

  it("refuses a bad --months with exit code 2", async () => {
    const result = await runCli("review", [`--input=${content}`, "--months=ett"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('npm run review: --months ska vara ett helt antal månader, inte "ett"\n');
  });
});

describe("npm run build", () => {
  it("prints a one-line count of overdue pages that points to npm run review", async () => {
    const { buildSite, temporaryFolder } = await import("../helpers.ts");
    const workspace = await temporaryFolder();
    const result = await buildSite(content, path.join(workspace.dir, "_site"));
    await workspace.remove();
    expect(result.stdout.trim().split("\n").at(-1)).toBe("4 sidor har inte granskats på 12 månader. Kör npm run review för en lista.");
  });
});
