/**
 * Hostile sources: what a national archive harvests is data, never markup, and a source cannot
 * make the harvest hang, fill the memory or fetch from elsewhere, nor the build fetch anything.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../../src/bench/source-server.ts";
import { buildSite, contentTree, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();

const HOME = "https://fientlig.example.se/";
const someone = { id: "x", name: "X", title: "Y" };
const record = (slug: string, fields: Record<string, unknown>) => ({
  slug,
  url: `${HOME}projekt/${slug}/`,
  publisher: { name: "Fientliga biblioteket", url: HOME },
  title: slug,
  summary: "Sammanfattning.",
  reviewed: "2024-01-01",
  contentOwner: someone,
  publishedBy: someone,
  ...fields,
});

const HOSTILE = [
  record("skript", {
    title: '<script>alert("titel")</script>Skript i titeln',
    subtitle: '"><img src=x onerror=alert(1)>',
    summary: '<img src="https://spårare.example/pixel.gif" onerror="alert(2)">Sammanfattning med HTML.',
    goals: ['<b onmouseover="alert(3)">fet</b>', "[klicka](javascript:alert(4))", "![bild](https://spårare.example/bild.png)"],
    partners: [{ name: "</li><script>alert(5)</script>", roles: ["partner"] }],
    funders: [{ name: "<i>Fond</i>", programme: "<u>Program</u>" }],
    contentOwner: { ...someone, name: "<script>alert(6)</script>" },
  }),
  record("javascript-lank", { url: "javascript:alert(7)" }),
  record("javascript-partner", { partners: [{ name: "P", url: "javascript:alert(8)", roles: ["partner"] }] }),
  record("javascript-dokument", { documents: [{ title: "Rapport", url: "javascript:alert(9)", format: "PDF", size: 1, shortcomings: [] }] }),
  record("javascript-kontakt", { contacts: [{ ...someone, url: "javascript:alert(10)" }] }),
  record("styrtecken", { title: "Titel med \u001b[31mfärg\u001b[0m" }),
  { ...record("../../../etc/passwd", {}) },
];

let server: SourceServer;
let otherServer: SourceServer;
let content: string;
let harvest: Awaited<ReturnType<typeof runCli>>;
let site: string;

beforeAll(async () => {
  server = await startSourceServer();
  otherServer = await startSourceServer();
  otherServer.serve("/projekt.json", JSON.stringify([record("annan", {})]));
  server.serve("/fientlig/projekt.json", JSON.stringify(HOSTILE));
  // 50 MB, said in advance, and 50 MB that is not.
  const fifty = Buffer.alloc(50 * 1024 * 1024, " ");
  server.route("/stor/projekt.json", (_request, response) => response.writeHead(200, { "Content-Type": "application/json", "Content-Length": fifty.byteLength }).end(fifty));
  server.route("/stor-utan-langd/projekt.json", (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    for (let offset = 0; offset < fifty.byteLength; offset += 1024 * 1024) response.write(fifty.subarray(offset, offset + 1024 * 1024));
    response.end();
  });
  // An answer that never ends, a drop at a time, and one that never starts.
  server.route("/oandlig/projekt.json", (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write("[");
    const drip = setInterval(() => (response.destroyed ? clearInterval(drip) : response.write(" ")), 50);
  });
  server.route("/tyst/projekt.json", () => undefined);
  server.route("/omdirigerad/projekt.json", (_request, response) => response.writeHead(302, { Location: `${otherServer.origin}/projekt.json` }).end());
  server.serve("/inte-json/projekt.json", "<!DOCTYPE html><title>Logga in</title>");
  server.serve("/objekt/projekt.json", JSON.stringify({ projects: [] }));
  // A title nested 200,000 lists deep: valid JSON, and deeper than any walk through it may recurse.
  const deep = JSON.stringify([record("djup", { title: "DJUP" })]).replace('"DJUP"', `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
  server.serve("/djup/projekt.json", deep);

  const sources = ["fientlig", "stor", "stor-utan-langd", "oandlig", "tyst", "omdirigerad", "inte-json", "objekt", "djup"];
  content = await contentTree(workspace.dir, "minimal", {
    "_data/site.yaml": (text) =>
      `${text.replace(/^url: .*$/m, "url: https://projekt.example.se/")}markdown:\n  allowHtml: true\nsources:\n${sources.map((name) => `  - url: ${server.origin}/${name}/projekt.json\n`).join("")}`,
  });
  harvest = await runCli("harvest", [content, "--timeout", "3"]);
  const built = await buildSite(content, path.join(workspace.dir, "site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

afterAll(async () => {
  await Promise.all([server?.close(), otherServer?.close()]);
});

describe("a hostile source", () => {
  it("is cut off at the size limit, the time limit and another site's address, and the others are still harvested", async () => {
    expect(harvest.code, harvest.stderr).toBe(0);
    const line = (name: string) => harvest.stdout.split("\n").find((text) => text.includes(`/${name}/projekt.json`)) ?? "";
    expect(line("stor")).toMatch(/misslyckades: .*är större än 32 MB, som är gränsen; det finns ingen tidigare kopia/);
    expect(line("stor-utan-langd")).toMatch(/misslyckades: .*är större än 32 MB, som är gränsen/);
    expect(line("oandlig")).toMatch(/misslyckades: .*svarade inte inom 3 s/);
    expect(line("tyst")).toMatch(/misslyckades: .*svarade inte inom 3 s/);
    expect(line("omdirigerad")).toMatch(/misslyckades: .*skickades vidare till en annan webbplats/);
    expect(otherServer.requests).toEqual([]);
    expect(line("inte-json")).toMatch(/misslyckades: .*filen är inte giltig JSON/);
    expect(line("objekt")).toMatch(/misslyckades: .*filen ska vara en lista med projekt/);
    expect(line("djup")).toMatch(/misslyckades: .*filen är nästlad djupare än 64 nivåer; det finns ingen tidigare kopia/);
    expect(harvest.stdout).toMatch(/Hämtade 9 källor på [0-9,]+ s: 1 ny version, 0 oförändrade, 8 misslyckades\./);
    expect(line("fientlig")).toMatch(/ny version: Fientliga biblioteket .*: 1 projekt, 6 hoppades över/);
    // Nothing but the one usable copy was written, and nothing temporary is left.
    expect((await readdir(path.join(content, "_harvest"))).filter((name) => !name.endsWith(".http.json"))).toHaveLength(1);
    expect((await readdir(path.join(content, "_harvest"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("has each bad record reported by field, and a control character never reaches the terminal", () => {
    for (const field of ["url", "partners[0].url", "documents[0].url", "contacts[0].url", "slug", "title"]) {
      expect(harvest.stdout).toMatch(new RegExp(`  ${field.replace(/[[\].]/g, "\\$&")}: Fientliga biblioteket: projekt nr \\d "[^"]*" hoppades över: `));
    }
    expect(harvest.stdout).toContain('title: Fientliga biblioteket: projekt nr 6 "Titel med  [31mfärg [0m" hoppades över: texten innehåller styrtecken');
    expect(harvest.stdout).not.toContain("\u001b");
  });

  it("shows its text as text: no script, attribute or link of its own reaches the page", async () => {
    const html = await readFile(path.join(site, "projekt/fientliga-biblioteket/skript/index.html"), "utf8");
    const page = await readPage(site, "/projekt/fientliga-biblioteket/skript/");
    expect(textOf(page.querySelector("h1"))).toBe('<script>alert("titel")</script>Skript i titeln');
    expect(textOf(page.querySelector(".subtitle"))).toBe('"><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script>alert|<img src=x|<img src="https:\/\/spårare|<b onmouseover|<i>Fond|<u>Program|<\/li><script>/);
    expect(page.querySelectorAll("script").map((script) => script.textContent).join("")).not.toContain("alert");
    expect(page.querySelectorAll("[href]").map((element) => element.getAttribute("href")!).filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    for (const element of page.querySelectorAll("*")) {
      for (const name of Object.keys(element.attributes)) expect(name.startsWith("on"), `${element.tagName} ${name}`).toBe(false);
    }
    // HTML in a goal stays text even on a site that allows HTML in its own Markdown.
    const goals = page.querySelectorAll("#mal + ul li").map((item) => item.innerHTML);
    expect(goals[0]).toBe("&lt;b onmouseover=&quot;alert(3)&quot;&gt;fet&lt;/b&gt;");
    expect(goals[1]).toBe("[klicka](javascript:alert(4))");
    expect(page.querySelectorAll("img").filter((image) => (image.getAttribute("src") ?? "").includes("spårare"))).toEqual([]);
    expect(textOf(page.querySelector(".page-info"))).toContain("Innehållsansvarig: <script>alert(6)</script>, Fientliga biblioteket");
  });

  it("leaves the build without any address to fetch: the pages load nothing from the source", async () => {
    const html = await readFile(path.join(site, "projekt/fientliga-biblioteket/skript/index.html"), "utf8");
    const page = await readPage(site, "/projekt/fientliga-biblioteket/skript/");
    const loaded = [...page.querySelectorAll("[src]").map((element) => element.getAttribute("src")!), ...page.querySelectorAll("link[href]").filter((link) => link.getAttribute("rel") !== "canonical").map((link) => link.getAttribute("href")!)];
    expect(loaded.filter((address) => /^(https?:)?\/\//.test(address))).toEqual([]);
    expect(html).toContain(`<link rel="canonical" href="${HOME}projekt/skript/">`);
    // No page for the records that were skipped, and none outside /projekt/.
    expect(await readdir(path.join(site, "projekt/fientliga-biblioteket"))).toEqual(["skript"]);
    await expect(stat(path.join(site, "etc"))).rejects.toThrow();
  });
});
