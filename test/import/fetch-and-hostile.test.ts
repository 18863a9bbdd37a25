import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import { buildSite, readPage, runCli, temporaryWorkspace, textOf, type CommandResult } from "../helpers.ts";
import { IMPORT_FIXTURES, SERVED_FILES, startFixtureServer } from "./fixture-server.ts";

const workspace = temporaryWorkspace();
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const PDF_ADDRESS = "/download/18.4f3a2b1c17f0b2d4e8a1b2e/1612345678903/Slutrapport Läsfrämjande.pdf";
const PICTURE_ADDRESS = "/images/18.4f3a2b1c17f0b2d4e8a1b2c/1612345678901/lasecirkel.jpg";

/** Every text file under a folder, by path. */
async function textFiles(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && /\.(md|yaml)$/.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [path.relative(folder, file), await readFile(file, "utf8")] as const)));
}

describe("npm run import from an address, served by a local test server", () => {
  let content: string;
  let result: CommandResult;

  beforeAll(async () => {
    content = path.join(workspace.dir, "fran-adress");
    // /flyttad.html redirects to the page on the same site, as a renamed Sitevision page does.
    result = await runCli("import", [`${server.origin}/flyttad.html`, `--out=${content}`]);
  });

  it("fetches the page politely and downloads its PDF and picture from the page's own site", async () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`(${server.origin}/sida/lasframjande.html): Sitevision`);
    const asked = server.requests.filter((request) => [PDF_ADDRESS, PICTURE_ADDRESS, "/flyttad.html"].includes(request.path));
    expect(asked.length).toBeGreaterThanOrEqual(3);
    for (const request of asked) expect(request.userAgent).toBe("projektarkiv-lankkontroll/1.0");
    const folder = path.join(content, "filer/lasframjande-i-bergslagen");
    expect(await readFile(path.join(folder, "slutrapport-lasframjande.pdf"))).toEqual(await readFile(SERVED_FILES[PDF_ADDRESS]!));
    expect(await readFile(path.join(folder, "lasecirkel.jpg"))).toEqual(await readFile(SERVED_FILES[PICTURE_ADDRESS]!));
  });

  it("makes the first picture with alt text the lead picture, and flags the one without", async () => {
    const archive = (await validateContent(content, { includeDrafts: true })).archive!;
    const [project] = archive.projects;
    expect(project!.title).toBe("Läsfrämjande i Bergslagen");
    expect(project!.subtitle).toBe("läsecirklar på biblioteken");
    expect(project!.image).toMatchObject({ path: "lasframjande-i-bergslagen/lasecirkel.jpg", alt: "Fem deltagare i en läsecirkel samtalar runt ett bord på Fagersta stadsbibliotek." });
    expect(result.stdout).toContain("bilden filer/lasframjande-i-bergslagen/karta.png har ingen alternativtext på sidan och visas inte");
    expect(project!.documents).toMatchObject([{ title: "Slutrapport Läsfrämjande i Bergslagen", format: "PDF", published: "2021-02-03" }]);
    expect(result.stdout).toMatch(/published: ”2021-02-03”, läst ur ”tidsstämpeln i adressen/);
    expect(project!.goals).toEqual(["Fler vuxna ska läsa skönlitteratur", "Biblioteken ska pröva **nya former** för läsfrämjande"]);
    expect(project!.body).toContain("| Fagersta | Fagersta stadsbibliotek | 3 |");
    expect(project!.body).toContain("[Kulturrådet](https://www.kulturradet.se/stod-och-bidrag/)");
  });

  it("passes npm run check, with the picture that has no alt text as a warning", async () => {
    const check = await runCli("check", [content]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/inga fel/);
    expect(check.stdout).toContain("karta.png");
  });
});

describe("npm run import of a saved page (\"Webbsida, komplett\")", () => {
  it("copies pictures from the saved folder, downloads the rest from the page's site, and never reads outside the folder", async () => {
    const saved = path.join(workspace.dir, "sparad");
    await mkdir(path.join(saved, "lasframjande_files"), { recursive: true });
    await cp(SERVED_FILES[PICTURE_ADDRESS]!, path.join(saved, "lasframjande_files/lasecirkel.jpg"));
    await writeFile(path.join(saved, "hemlig.png"), await readFile(SERVED_FILES["/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png"]!));
    // What a browser does when it saves a page: a note of its address, and pictures pointed at the saved folder.
    const html = (await readFile(path.join(IMPORT_FIXTURES, "lasframjande.html"), "utf8"))
      .replace("<!DOCTYPE html>", `<!DOCTYPE html>\n<!-- saved from url=(0050)${server.origin}/sida/lasframjande.html -->`)
      .replace(PICTURE_ADDRESS, "./lasframjande_files/lasecirkel.jpg")
      .replace("/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png", "./lasframjande_files/../hemlig.png");
    await writeFile(path.join(saved, "lasframjande.html"), html);
    const before = server.requests.length;
    const content = path.join(workspace.dir, "fran-sparad");
    const result = await runCli("import", [path.join(saved, "lasframjande.html"), `--out=${content}`]);
    expect(result.code).toBe(0);
    const folder = path.join(content, "filer/lasframjande-i-bergslagen");
    expect(await readFile(path.join(folder, "lasecirkel.jpg"))).toEqual(await readFile(SERVED_FILES[PICTURE_ADDRESS]!));
    expect(await readdir(folder)).toEqual(["lasecirkel.jpg", "slutrapport-lasframjande.pdf"]);
    expect(result.stdout).toContain("./lasframjande_files/../hemlig.png hämtades inte: filen ligger utanför mappen lasframjande_files, som sparades med sidan");
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([PDF_ADDRESS]);
    expect((await runCli("check", [content])).code).toBe(0);
  });
});

describe("npm run import of a hostile page", () => {
  let content: string;
  let result: CommandResult;
  let files: Record<string, string>;

  beforeAll(async () => {
    content = path.join(workspace.dir, "fientlig");
    // A limit of 1 MB, so that the endless file is cut off early.
    await mkdir(path.join(content, "_data"), { recursive: true });
    await writeFile(path.join(content, "_data/site.yaml"), "maxFileMegabytes: 1\n");
    result = await runCli("import", [`${server.origin}/sida/fientlig.html`, `--out=${content}`, "--force"]);
    files = await textFiles(content);
  });

  it("refuses every download that is not a document from the page's own site", () => {
    expect(result.code).toBe(0);
    const refused = (file: string, reason: string) => expect(result.stdout).toContain(`${file} hämtades inte: ${reason}`);
    refused("https://annan-webbplats.example/download/18.aa/1612345678901/rapport.pdf", "filen ligger på en annan webbplats (https://annan-webbplats.example)");
    refused("/download/18.bb/1612345678901/omdirigerad.pdf", `${server.origin}/download/18.bb/1612345678901/omdirigerad.pdf skickades vidare till en annan webbplats (${server.otherOrigin})`);
    refused("/download/18.cc/1612345678901/enorm.pdf", `${server.origin}/download/18.cc/1612345678901/enorm.pdf är större än 1 MB, som är gränsen`);
    refused("/download/18.dd/1612345678901/program.exe", "filtypen .exe kan inte publiceras");
    refused("/download/18.ee/1612345678901/inloggning.pdf", "innehållet är inte en PDF-fil");
    refused("/download/18.ff/1612345678901/bild.svg", "filtypen .svg kan inte publiceras");
    expect(server.otherRequests).toEqual([]);
    expect(Object.keys(files).some((file) => file.startsWith("filer/"))).toBe(false);
  });

  it("writes no markup of the page: no script, event attribute, frame, form or javascript: link", () => {
    const all = Object.values(files).join("\n");
    for (const markup of ["alert('", 'alert("inline")', 'alert("portlet")', "spion.js", "stjal", "/ram", "samla", "flash.swf", "onclick", "onmouseover", "onload", "javascript:alert('länk')", "alert(2)", "alert(3)", "style=", "<iframe", "<form", "<svg", "<object"]) {
      expect(all, markup).not.toContain(markup);
    }
    // The page's text that looks like a tag stays text: escaped wherever Markdown would read it as HTML.
    for (const [file, text] of Object.entries(files).filter(([name]) => name.startsWith("projekt/"))) {
      const body = text.split(/^---$/m).slice(2).join("---");
      expect(body, file).not.toMatch(/(^|[^\\])</);
    }
    expect(result.stdout).toContain("länk: länkar som börjar med javascript: tas inte med");
    expect(result.stdout).toContain("inbäddad sida (iframe) ”Ramens text”");
    expect(result.stdout).toContain("formulär ”Ditt lösenord Skicka”");
    expect(result.stdout).toContain("tabell ”Sammanslagen cell A B”");
  });

  it("builds into pages that show the page's text as text and run none of its code", async () => {
    expect((await runCli("check", [content])).code).toBe(0);
    for (const [file, text] of Object.entries(files).filter(([name]) => name.startsWith("projekt/"))) {
      await writeFile(path.join(content, file), text.replace("draft: true\n", ""));
    }
    const built = await buildSite(content, path.join(workspace.dir, "fientlig-site"), ["--skip-search"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const page = await readPage(built.output, `projekt/${Object.keys(files).find((file) => file.startsWith("projekt/projekt-script"))!.slice(8, -3)}/`);
    expect(textOf(page.querySelector("h1"))).toBe('Projekt <script>alert("titel")</script>');
    // The site's own scripts, and its structured data: JSON with every < escaped.
    for (const script of page.querySelectorAll("script")) {
      if (script.getAttribute("type") === "application/ld+json") {
        expect(() => JSON.parse(script.textContent)).not.toThrow();
        expect(script.textContent).not.toContain("<");
      } else {
        expect(script.getAttribute("src") ?? "", script.toString()).toMatch(/^\/(?!\/)/);
      }
    }
    expect(page.querySelectorAll("iframe, object, embed")).toHaveLength(0);
    // The site's own search form is the only form, and it stays on the site.
    expect(page.querySelectorAll("form").map((form) => form.getAttribute("action"))).toEqual(["/sok/"]);
    expect(page.querySelectorAll("a").map((link) => link.getAttribute("href") ?? "").filter((href) => !/^(https?:|\/|#|mailto:|tel:)/.test(href))).toEqual([]);
    for (const element of page.querySelectorAll("*")) {
      expect(Object.keys(element.attributes).filter((name) => name.startsWith("on")), element.tagName).toEqual([]);
    }
    expect(textOf(page.querySelector("main"))).toContain("Texten <img src=x onerror=alert(4)> ska stå som text.");
  });
});

describe("npm run import's limits on the page itself", () => {
  it("cuts off an endless page, gives up on a silent one, and refuses what is not a web page", async () => {
    const endless = await runCli("import", [`${server.origin}/oandlig.html`, `--out=${path.join(workspace.dir, "oandlig")}`]);
    expect(endless.code).toBe(1);
    expect(endless.stderr).toBe(`npm run import: ${server.origin}/oandlig.html är större än 10 MB, som är gränsen\n`);
    const silent = await runCli("import", [`${server.origin}/tyst.html`, `--out=${path.join(workspace.dir, "tyst")}`, "--timeout=1"]);
    expect(silent.code).toBe(1);
    expect(silent.stderr).toBe(`npm run import: ${server.origin}/tyst.html svarade inte inom 1 s\n`);
    const pdf = await runCli("import", [`${server.origin}${encodeURI(PDF_ADDRESS)}`, `--out=${path.join(workspace.dir, "pdf")}`]);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/är inte en webbsida/);
    await expect(readdir(path.join(workspace.dir, "oandlig"))).rejects.toThrow();
  });
});
