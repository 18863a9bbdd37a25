import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { buildSite, contentTree, readPage, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

async function build(name: string, edits: Parameters<typeof contentTree>[2] = {}, args: string[] = [], env?: Record<string, string>) {
  const content = await contentTree(path.join(workspace.dir, name), "minimal", edits);
  const result = await buildSite(content, path.join(workspace.dir, name, "_site"), args, env);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.output;
}

describe("editors' text", () => {
  let site: string;
  beforeAll(async () => {
    site = await build("text", {
      "projekt/alfa.md": (text) =>
        text
          .replace("title: Alfa", `title: 'Alfa <script>alert(1)</script> "citat" {{ title }}'`)
          .replace("Alfa handlar om läsning.", "Skriv {{ title }} och {% raw %} som text.\n\n<script>alert(2)</script>\n\n<b>fet</b>"),
    });
  });

  it("is never run through a template engine", async () => {
    const page = await readPage(site, "/projekt/alfa/");
    expect(textOf(page.querySelector(".project-body"))).toBe("Skriv {{ title }} och {% raw %} som text. <script>alert(2)</script> <b>fet</b>");
  });

  it("is escaped, so raw HTML and script tags show as text", async () => {
    const html = await readFile(path.join(site, "projekt/alfa/index.html"), "utf8");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>fet</b>");
    const page = await readPage(site, "/projekt/alfa/");
    expect(textOf(page.querySelector("h1"))).toBe('Alfa <script>alert(1)</script> "citat" {{ title }}');
    expect(page.querySelectorAll("script[src]").map((script) => script.getAttribute("src"))).toEqual(["/assets/consent.js"]);
  });

  it("allows inline Markdown in goals", async () => {
    const page = await readPage(site, "/projekt/alfa/");
    expect(page.querySelector("section[aria-labelledby=mal] li")!.innerHTML).toBe("Läsa <em>mer</em>");
  });
});

describe("raw HTML, switched on in site.yaml for a trusted site", () => {
  it("keeps harmless markup and removes scripts, event handlers and javascript: links", async () => {
    const site = await build("html", {
      "_data/site.yaml": (text) => `${text}markdown:\n  allowHtml: true\n`,
      "projekt/alfa.md": (text) =>
        text.replace(
          "Alfa handlar om läsning.",
          '<b>fet</b> <script>alert(1)</script><a href="javascript:alert(2)" onclick="alert(3)">länk</a> <img src="/filer/x.png" alt="Bild" onerror="alert(4)">',
        ),
    });
    const body = (await readPage(site, "/projekt/alfa/")).querySelector(".project-body")!.innerHTML.trim();
    expect(body).toBe('<p><b>fet</b> <a>länk</a> <img src="/filer/x.png" alt="Bild" ></p>');
  });
});

describe("a build with a path prefix", () => {
  it("prefixes every internal link, stylesheet and script", async () => {
    const site = await build("prefix", {}, ["--pathprefix=/avslutade-projekt/"]);
    const page = await readPage(site, "/projekt/alfa/");
    const urls = [
      ...page.querySelectorAll("a[href]").map((link) => link.getAttribute("href")!),
      ...page.querySelectorAll("link[href]").map((link) => link.getAttribute("href")!),
      ...page.querySelectorAll("script[src]").map((script) => script.getAttribute("src")!),
    ].filter((url) => url.startsWith("/"));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^\/avslutade-projekt\//);
    expect(urls).toContain("/avslutade-projekt/projekt/beta/");
    expect(urls).toContain("/avslutade-projekt/kontakt/#anna-berg");
  });
});

describe("dates", () => {
  it("never shift by a day, whatever the build machine's time zone", async () => {
    const zones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"];
    const pages = await Promise.all(
      zones.map(async (zone) => {
        const site = await build(`tz-${zone.replace("/", "-")}`, {}, [], { TZ: zone });
        return readFile(path.join(site, "projekt/alfa/index.html"), "utf8");
      }),
    );
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
    expect(pages[0]).toContain('<time datetime="2019-12-31">31 december 2019</time>');
    expect(pages[0]).toContain('<time datetime="2019-03">mars 2019</time>');
    expect(pages[0]).toContain('<time datetime="2020-01-02">2 januari 2020</time>');
  });
});

describe("drafts", () => {
  it("are left out of the site, and the build says so", async () => {
    const content = await contentTree(path.join(workspace.dir, "draft"), "minimal", {
      "projekt/beta.md": (text) => text.replace("reviewed:", "draft: true\nreviewed:"),
    });
    const result = await buildSite(content, path.join(workspace.dir, "draft", "_site"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Utkast, publiceras inte: ${path.join(content, "projekt/beta.md")}`);
    await expect(readFile(path.join(result.output, "projekt/beta/index.html"))).rejects.toThrow(/ENOENT/);
    const index = await readPage(result.output, "/");
    expect(index.querySelectorAll(".project-summary h3").map(textOf)).toEqual(["Alfa"]);
  });
});

describe("cookie consent categories in site.yaml", () => {
  let site: string;
  beforeAll(async () => {
    // The minimal fixture with CONSENT_CATEGORY, built once for the run.
    site = (await fixtureSite("consent")).output;
  });

  it("offers Godkänn and Avvisa with equal weight, and loads nothing before a choice", async () => {
    const page = await readPage(site, "/projekt/alfa/");
    const buttons = page.querySelectorAll("[data-consent-notice] button");
    expect(buttons.map((button) => [textOf(button), button.getAttribute("class"), button.parentNode!.getAttribute("class")])).toEqual([
      ["Godkänn", undefined, "consent-choices"],
      ["Avvisa", undefined, "consent-choices"],
    ]);
    expect(page.querySelectorAll("script[src]").map((script) => script.getAttribute("src"))).toEqual(["/assets/consent.js"]);
    const settings = JSON.parse(page.querySelector("#samtyckesinstallningar")!.textContent);
    expect(settings[0]).toMatchObject({ id: "statistik", scripts: ["/filer/statistik.js"] });
  });

  it("lists the configured cookies on /kakor/, where the choice can be changed", async () => {
    const page = await readPage(site, "/kakor/");
    const rows = page.querySelectorAll("table tbody tr").map((row) => row.querySelectorAll("td").map(textOf));
    expect(rows).toContainEqual(["_pk_id", "Skiljer besökare åt.", "13 månader", "Testbiblioteket"]);
    expect(page.querySelectorAll("[data-consent-settings] button").map(textOf)).toEqual(["Godkänn", "Avvisa"]);
  });
});
