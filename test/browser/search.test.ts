import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { countryName } from "../../src/format/country.ts";
import { htmlValidator } from "../html-validator.ts";
import { axeViolations } from "./axe.ts";
import { describeInBrowser, launchChromium, RESULT_LINKS, searchDrawn } from "./chromium.ts";
import { buildAndServe, type ServedSite } from "./site-server.ts";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Waits for the search's results and returns each page's title and link. */
async function results(page: Page): Promise<{ title: string; href: string }[]> {
  await searchDrawn(page);
  return page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => ({ title: link.textContent!.trim(), href: link.getAttribute("href")! })));
}

/** Every result's link, after pressing "Visa fler träffar" until it is gone. */
async function allResultLinks(page: Page): Promise<string[]> {
  await searchDrawn(page);
  const more = page.getByRole("button", { name: "Visa fler träffar" });
  while (await more.isVisible()) {
    const shown = await page.locator(RESULT_LINKS).count();
    await more.click();
    await page.locator(RESULT_LINKS).nth(shown).waitFor();
  }
  return page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
}

/** A fixture's projects as its files say: the page's path, title, themes and partners' countries (their Swedish names). */
async function projectsOf(content: string): Promise<{ path: string; title: string; themes: string[]; countries: string[] }[]> {
  const files = (await readdir(path.join(content, "projekt"))).filter((name) => name.endsWith(".md"));
  return Promise.all(
    files.map(async (file) => {
      const data = parseYaml((await readFile(path.join(content, "projekt", file), "utf8")).split(/^---$/m)[1]!) as {
        title: string;
        themes?: string[];
        partners?: { country?: string }[];
      };
      const countries = (data.partners ?? []).flatMap((partner) => (partner.country ? [countryName(partner.country)!] : []));
      return { path: `/projekt/${file.replace(/\.md$/, "")}/`, title: data.title, themes: data.themes ?? [], countries };
    }),
  );
}

/**
 * The list of projects the CSV is made from (`/sok/projektlista.json`): the built site's own when
 * the build writes one, or else one made from the fixture's files by the same contract (columns,
 * and each project's cells by its page's path), served in its place. Its last column has a comma,
 * quotes and a line break, which a CSV must quote.
 */
async function projectList(page: Page, site: ServedSite): Promise<{ columns: string[]; projects: Record<string, string[]> }> {
  const built = path.join(site.output, "sok/projektlista.json");
  if (existsSync(built)) return JSON.parse(await readFile(built, "utf8"));
  const list = {
    columns: ["Adress", "Titel", "Anteckning"],
    projects: Object.fromEntries((await projectsOf(site.content)).map((project) => [project.path, [project.path, project.title, 'Säger "hej", och\r\nmer']])),
  };
  await page.route("**/sok/projektlista.json", (route) => route.fulfill({ json: list }));
  return list;
}

/** Downloads the results as CSV and returns the file's bytes and its rows, parsed as RFC 4180 says. */
async function downloadCsv(page: Page): Promise<{ bytes: Buffer; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner träffarna som CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("sokresultat.csv");
  const bytes = await readFile((await download.path())!);
  // Records end in CRLF: read with only that as their end, a file with LF alone would give fewer rows.
  return { bytes, rows: parseCsv(bytes, { bom: true, record_delimiter: "\r\n" }) as string[][] };
}

/** The count beside each checkbox of a filter, by value: "Norge (8)" is Norge: 8. */
async function countsOf(page: Page, legend: string): Promise<Record<string, number>> {
  const labels = await page.getByRole("group", { name: legend }).locator("label").allTextContents();
  return Object.fromEntries(labels.map((label) => /^(.*) \((\d+)\)$/.exec(label)!.slice(1)).map(([value, count]) => [value, Number(count)]));
}

describeInBrowser("search with Pagefind", () => {
  let browser: Browser;
  let bundled: ServedSite;
  let prefixed: ServedSite;
  let paginated: ServedSite;
  let projects: Awaited<ReturnType<typeof projectsOf>>;

  beforeAll(async () => {
    [browser, bundled, prefixed, paginated] = await Promise.all([
      launchChromium(),
      buildAndServe("bundled"),
      buildAndServe("bundled", { pathPrefix: "/avslutade-projekt/" }),
      buildAndServe("paginated"),
    ]);
    projects = await projectsOf(paginated.content);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), bundled?.close(), prefixed?.close(), paginated?.close()]);
  });

  /** The paths of the synthetic archive's projects that have one of `themes` and a partner in one of `countries`. */
  const matching = (themes: string[], countries: string[]) =>
    projects.filter((project) => project.themes.some((theme) => themes.includes(theme)) && project.countries.some((country) => countries.includes(country))).map((project) => project.path);

  it("finds the one project whose body mentions a word, in Swedish, and keeps the words typed in the address", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("sok/"));
    await searchDrawn(page);
    await page.getByRole("searchbox", { name: "Sökord" }).fill("inspirationskonferens");
    await page.waitForURL(/\/sok\/\?q=inspirationskonferens$/);
    expect(await results(page)).toEqual([{ title: "Vinna Vinna", href: "/projekt/vinna-vinna/" }]);
    expect(await page.getByRole("region", { name: "Träffar" }).getByRole("status").textContent()).toBe("1 träff");
    await page.close();
  });

  it("stems Swedish words, and searches the contact directory", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("sok/?q=regionbibliotekarien"));
    expect((await results(page)).map((result) => result.href)).toContain("/kontakt/");
    await page.close();
  });

  it("is reached from the search box in the site header", async () => {
    const page = await browser.newPage();
    await page.goto(bundled.url("projekt/vinna-vinna/"));
    await page.getByRole("searchbox", { name: "Sök" }).fill("Nordplus");
    await page.getByRole("searchbox", { name: "Sök" }).press("Enter");
    await page.waitForURL(/\/sok\/\?q=Nordplus$/);
    expect((await results(page)).map((result) => result.title)).toContain("Rom for dannelse - Rum för bildning");
    expect(await page.getByRole("searchbox", { name: "Sökord" }).inputValue()).toBe("Nordplus");
    await page.close();
  });

  it("works under a path prefix, and the CSV holds the projects among the results, not the contact directory", async () => {
    const page = await browser.newPage();
    const list = await projectList(page, prefixed);
    await page.goto(prefixed.url("sok/?q=bibliotek"));
    const found = (await results(page)).map((result) => result.href.replace(/^\/avslutade-projekt\//, "/"));
    expect(found).toContain("/kontakt/");
    const foundProjects = found.filter((href) => href.startsWith("/projekt/"));
    expect(foundProjects.length).toBeGreaterThan(0);
    const { rows } = await downloadCsv(page);
    expect(rows).toEqual([list.columns, ...foundProjects.map((href) => list.projects[href])]);
    await page.close();
  });

  it("finds exactly the projects with a theme and a partner in a country, through a shared address, which restores the form", async () => {
    const page = await browser.newPage();
    await page.goto(paginated.url("sok/?amne=digital+delaktighet&land=Norge"));
    const expected = matching(["digital delaktighet"], ["Norge"]);
    expect(expected.length).toBeGreaterThan(10); // more than one screenful: "Visa fler träffar" is pressed
    expect((await allResultLinks(page)).sort()).toEqual(expected.sort());
    expect(await page.getByRole("region", { name: "Träffar" }).getByRole("status").textContent()).toBe(`${expected.length} träffar`);
    expect(await page.getByRole("group", { name: "Ämne" }).getByRole("checkbox", { name: /^digital delaktighet/ }).isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Land" }).getByRole("checkbox", { name: /^Norge/ }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { checked: true }).count()).toBe(2);
    await page.close();
  });

  it("shows with each value how many results ticking it gives: values of one filter widen the search, filters narrow it", async () => {
    const page = await browser.newPage();
    await page.goto(paginated.url("sok/?land=Norge&land=Danmark"));
    await searchDrawn(page);
    const themes = [...new Set(projects.flatMap((project) => project.themes))];
    expect(await countsOf(page, "Ämne")).toEqual(Object.fromEntries(themes.map((theme) => [theme, matching([theme], ["Norge", "Danmark"]).length])));
    // A country's count is its own, whatever else of its filter is ticked.
    const countries = [...new Set(projects.flatMap((project) => project.countries))];
    const withCountry = (country: string) => projects.filter((project) => project.countries.includes(country)).length;
    expect(await countsOf(page, "Land")).toEqual(Object.fromEntries(countries.map((country) => [country, withCountry(country)])));
    const either = projects.filter((project) => project.countries.includes("Norge") || project.countries.includes("Danmark")).length;
    expect(await page.getByRole("region", { name: "Träffar" }).getByRole("status").textContent()).toBe(`${either} träffar`);
    await page.close();
  });

  it("ticks a filter with Space: the results and the address follow, and reloading the address gives the same", async () => {
    const page = await browser.newPage();
    await page.goto(paginated.url("sok/?amne=digital+delaktighet"));
    await searchDrawn(page);
    await page.getByRole("group", { name: "Land" }).getByRole("checkbox", { name: /^Norge/ }).focus();
    await page.keyboard.press("Space");
    await page.waitForURL(/\/sok\/\?amne=digital\+delaktighet&land=Norge$/);
    const expected = matching(["digital delaktighet"], ["Norge"]).sort();
    expect((await allResultLinks(page)).sort()).toEqual(expected);
    await page.reload();
    expect((await allResultLinks(page)).sort()).toEqual(expected);
    await page.close();
  });

  it("downloads every result of the search, not only those shown, as CSV: RFC 4180 with a BOM, CRLF, no CSP violation", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const list = await projectList(page, paginated);
    await page.goto(paginated.url("sok/?amne=digital+delaktighet&land=Norge"));
    await searchDrawn(page);
    const shown = await page.locator(RESULT_LINKS).count();
    const { bytes, rows } = await downloadCsv(page);
    const order = await allResultLinks(page);
    expect(shown).toBeLessThan(order.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").endsWith("\r\n")).toBe(true);
    expect(rows).toEqual([list.columns, ...order.map((url) => list.projects[url])]);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    await context.close();
  });

  // At 375 px; accessibility.test.ts checks /sok/ with its filters at both widths on the example archive.
  it("has no axe violations and valid HTML with many filters and results drawn, on a phone's width", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(paginated.url("sok/?q=bibliotek&amne=digital+delaktighet&land=Norge"));
    await searchDrawn(page);
    expect(await page.getByRole("checkbox").count()).toBeGreaterThan(20);
    expect(await axeViolations(page)).toEqual([]);
    // The form and the results as the script drew them; the browser writes boolean attributes as hidden="".
    const drawn = await page.locator(".search").evaluate((element) => element.outerHTML.replace(/ (hidden|checked)=""/g, " $1"));
    const report = await htmlValidator.validateString(drawn);
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`))).toEqual([]);
    await page.close();
  });

  it("says without JavaScript that search needs it, and leads to the browsing pages on the start page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(paginated.url("sok/"));
    const main = page.locator("main");
    expect(await main.innerText()).toContain("Sökningen behöver JavaScript.");
    expect(await main.getByRole("link", { name: "listan över avslutade projekt" }).getAttribute("href")).toBe("/");
    const browse = main.getByRole("link", { name: "bläddra efter ämne, finansiär, år då projektet avslutades och land på startsidan" });
    expect(await browse.getAttribute("href")).toBe("/#bladdra");
    expect(await main.getByRole("searchbox").count()).toBe(0);
    await context.close();
  });
});
