import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content/archive/load.ts";
import { buildSite, readPage, runCli, temporaryWorkspace, textOf, type CommandResult } from "../helpers.ts";
import { IMPORT_FIXTURES, SERVED_FILES, useFixtureServer } from "./fixture-server.ts";

const workspace = temporaryWorkspace();
const server = useFixtureServer();

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
  let saved: string;
  beforeAll(async () => {
    saved = path.join(workspace.dir, "sparad");
    await mkdir(path.join(saved, "lasframjande_files"), { recursive: true });
    await cp(SERVED_FILES[PICTURE_ADDRESS]!, path.join(saved, "lasframjande_files/lasecirkel.jpg"));
    await writeFile(path.join(saved, "hemlig.png"), await readFile(SERVED_FILES["/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png"]!));
    // What a browser does when it saves a page: a note of its address, and pictures pointed at the saved folder.
    const html = (await readFile(path.join(IMPORT_FIXTURES, "lasframjande.html"), "utf8"))
      .replace("<!DOCTYPE html>", `<!DOCTYPE html>\n<!-- saved from url=(0050)${server.origin}/sida/lasframjande.html -->`)
      .replace(PICTURE_ADDRESS, "./lasframjande_files/lasecirkel.jpg")
      .replace("/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png", "./lasframjande_files/../hemlig.png");
    await writeFile(path.join(saved, "lasframjande.html"), html);
  });

  it("copies pictures from the saved folder, never reads outside it, and fetches nothing: the report names what --origin would fetch", async () => {
    const before = server.requests.length;
    const content = path.join(workspace.dir, "fran-sparad");
    const result = await runCli("import", [path.join(saved, "lasframjande.html"), `--out=${content}`]);
    expect(result.code).toBe(0);
    const folder = path.join(content, "filer/lasframjande-i-bergslagen");
    expect(await readFile(path.join(folder, "lasecirkel.jpg"))).toEqual(await readFile(SERVED_FILES[PICTURE_ADDRESS]!));
    expect(await readdir(folder)).toEqual(["lasecirkel.jpg"]);
    expect(result.stdout).toContain("./lasframjande_files/../hemlig.png hämtades inte: filen ligger utanför mappen lasframjande_files, som sparades med sidan");
    // The page's own note of its address names it in the report, and nothing is fetched from it.
    expect(result.stdout.split("\n")[0]).toContain(`(${server.origin}/sida/lasframjande.html)`);
    expect(server.requests.length).toBe(before);
    expect(result.stdout).toContain("1 fil som sidan länkar till finns inte i mappen som sparades med den, och hämtades inte");
    expect(result.stdout).toContain("kör importen igen med --origin och webbplatsens adress");
    expect(result.stdout).toContain(`Hämtades inte (finns inte i den sparade mappen; --origin hämtar dem):\n  - ${encodeURI(PDF_ADDRESS)}`);
    const json = JSON.parse((await runCli("import", [path.join(saved, "lasframjande.html"), `--out=${content}`, "--dry-run", "--json"])).stdout);
    expect(json.notFetched).toEqual([encodeURI(PDF_ADDRESS)]);
    expect((await runCli("check", [content])).code).toBe(0);
  });

  it("downloads the files that are not in the folder from the origin given with --origin", async () => {
    const before = server.requests.length;
    const content = path.join(workspace.dir, "fran-sparad-med-origin");
    const result = await runCli("import", [path.join(saved, "lasframjande.html"), `--out=${content}`, `--origin=${server.origin}`]);
    expect(result.code).toBe(0);
    expect(await readdir(path.join(content, "filer/lasframjande-i-bergslagen"))).toEqual(["lasecirkel.jpg", "slutrapport-lasframjande.pdf"]);
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([PDF_ADDRESS]);
    expect(result.stdout).not.toContain("--origin");
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

/** A saved page of one project, with `head` in its head and `body` after the project's heading. */
const savedPage = ({ before = "", head = "", title = "Läsprojektet", body }: { before?: string; head?: string; title?: string; body: string }) =>
  `<!DOCTYPE html>\n${before}<html lang="sv"><head><meta charset="utf-8"><title>Avslutade projekt - Biblioteket</title>${head}</head>
<body><main><h1>Avslutade projekt</h1><h2>${title}</h2><p>Projektet handlade om läsning.</p>${body}</main></body></html>`;

describe("npm run import fetches only from the origin the user named, never from one the page names", () => {
  it("fetches nothing for a saved page from its canonical link, <base>, og:url or \"saved from\" note", async () => {
    const notes = {
      canonical: { head: `<link rel="canonical" href="${server.origin}/">` },
      base: { head: `<base href="${server.origin}/">` },
      "og-url": { head: `<meta property="og:url" content="${server.origin}/">` },
      "saved-from": { before: `<!-- saved from url=(0023)${server.origin}/ -->\n` },
    };
    const before = server.requests.length;
    for (const [name, note] of Object.entries(notes)) {
      const folder = path.join(workspace.dir, `sparad-${name}`);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "sida.html"), savedPage({ ...note, body: `<p><a href="/hemlig.txt">Slutrapport</a></p><p><a href="${server.origin}/hemlig.txt">Bilaga</a></p>` }));
      const content = path.join(folder, "content");
      const result = await runCli("import", [path.join(folder, "sida.html"), `--out=${content}`]);
      expect(result.code, name).toBe(0);
      expect(result.stdout, name).toContain("2 filer som sidan länkar till finns inte i mappen som sparades med den, och hämtades inte");
      expect(result.stdout, name).toContain(`Hämtades inte (finns inte i den sparade mappen; --origin hämtar dem):\n  - /hemlig.txt\n  - ${server.origin}/hemlig.txt`);
      await expect(readdir(path.join(content, "filer")), name).rejects.toThrow(/ENOENT/);
      expect(Object.values(await textFiles(content)).join("\n"), name).not.toContain("lösenordet");
    }
    expect(server.requests.slice(before)).toEqual([]);
  });

  it("fetches a page's files only from the page's own origin, whatever the page names", async () => {
    const otherPort = new URL(server.otherOrigin).port;
    server.answers.set(
      "/sida/andra-adresser.html",
      `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Avslutade projekt</title>
<link rel="canonical" href="${server.otherOrigin}/"><base href="${server.otherOrigin}/"><meta http-equiv="refresh" content="0; url=${server.otherOrigin}/sida">
</head><body><main><h1>Avslutade projekt</h1><h2>Läsprojektet</h2><p>Projektet handlade om läsning.</p>
<p><a href="http://localhost:${server.port}/hemlig.txt">Namn för samma dator</a></p>
<p><a href="http://[::1]:${server.port}/hemlig.txt">IPv6</a></p>
<p><a href="//127.0.0.1:${otherPort}/rapport.pdf">Utan protokoll</a></p>
<p><a href="\\\\127.0.0.1:${otherPort}\\rapport.pdf">Bakstreck</a></p>
<p><a href="http://0x7f.1:${otherPort}/rapport.pdf">Hexadecimalt</a></p>
<p><a href="https:127.0.0.1:${otherPort}/rapport.pdf">Utan snedstreck</a></p>
<p><a href="rapport.pdf">Relativ, mot base</a></p>
<p><img srcset="${server.otherOrigin}/bild.jpg 2x" alt="Bara srcset"></p>
</main></body></html>`,
    );
    const content = path.join(workspace.dir, "andra-adresser");
    const before = server.requests.length;
    const result = await runCli("import", [`${server.origin}/sida/andra-adresser.html`, `--out=${content}`]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const refused = (file: string, reason: string) => expect(result.stdout).toContain(`${file} hämtades inte: ${reason}`);
    refused(`http://localhost:${server.port}/hemlig.txt`, `filen ligger på en annan webbplats (http://localhost:${server.port}); bara filer från ${server.origin} hämtas`);
    refused(`http://[::1]:${server.port}/hemlig.txt`, `filen ligger på en annan webbplats (http://[::1]:${server.port})`);
    refused(`//127.0.0.1:${otherPort}/rapport.pdf`, `filen ligger på en annan webbplats (${server.otherOrigin})`);
    refused(`\\\\127.0.0.1:${otherPort}\\rapport.pdf`, `filen ligger på en annan webbplats (${server.otherOrigin})`);
    refused(`http://0x7f.1:${otherPort}/rapport.pdf`, `filen ligger på en annan webbplats (${server.otherOrigin})`);
    refused(`https:127.0.0.1:${otherPort}/rapport.pdf`, `adressen https:127.0.0.1:${otherPort}/rapport.pdf är ingen fullständig webbadress`);
    // <base> is not honoured: a relative address is read against the page's own address.
    refused("rapport.pdf", `${server.origin}/sida/rapport.pdf svarade 404`);
    expect(server.otherRequests).toEqual([]);
    expect(server.requests.slice(before).map((request) => request.path)).toEqual(["/sida/andra-adresser.html", "/sida/rapport.pdf"]);
  });

  it("refuses a page whose address redirects to another origin", async () => {
    const result = await runCli("import", [`${server.origin}/flyttad-bort.html`, `--out=${path.join(workspace.dir, "flyttad-bort")}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`npm run import: ${server.origin}/flyttad-bort.html skickades vidare till en annan webbplats (${server.otherOrigin}); bara adresser på ${server.origin} hämtas\n`);
    expect(server.otherRequests).toEqual([]);
  });

  it("takes --origin only as a web address, for a saved page, and not with --offline", async () => {
    const page = path.join(IMPORT_FIXTURES, "lasframjande.html");
    const out = `--out=${path.join(workspace.dir, "fel-origin")}`;
    const wrong = await runCli("import", [page, out, "--origin=https:evil.example"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--origin ska vara webbplatsens adress, som börjar med https:// eller http://, inte "https:evil.example"');
    const withAddress = await runCli("import", [`${server.origin}/sida/lasframjande.html`, out, `--origin=${server.otherOrigin}`]);
    expect(withAddress.code).toBe(2);
    expect(withAddress.stderr).toContain("--origin gäller en sparad sida");
    const offline = await runCli("import", [page, out, `--origin=${server.origin}`, "--offline"]);
    expect(offline.code).toBe(2);
    expect(server.otherRequests).toEqual([]);
  });
});

describe("npm run import checks a picture by its bytes", () => {
  it("refuses an SVG with a script named .avif, and a PNG named .avif, and takes a real AVIF as the lead picture", async () => {
    const sharp = (await import("sharp")).default;
    const avif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0b4f8a" } }).avif().toBuffer();
    const png = await readFile(SERVED_FILES["/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png"]!);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(document.cookie)</script><rect width="8" height="8"/></svg>';
    server.answers.set("/images/18.a1/1612345678901/skript.avif", { type: "image/avif", body: svg });
    server.answers.set("/images/18.a2/1612345678901/png.avif", { type: "image/avif", body: png });
    server.answers.set("/images/18.a3/1612345678901/riktig.avif", { type: "image/avif", body: avif });
    server.answers.set(
      "/sida/bilder.html",
      savedPage({
        body: ['skript.avif" alt="En bild med skript', 'png.avif" alt="En PNG-bild', 'riktig.avif" alt="En riktig bild']
          .map((picture, index) => `<p><img src="/images/18.a${index + 1}/1612345678901/${picture}"></p>`)
          .join(""),
      }),
    );
    const content = path.join(workspace.dir, "bilder");
    const result = await runCli("import", [`${server.origin}/sida/bilder.html`, `--out=${content}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("/images/18.a1/1612345678901/skript.avif hämtades inte: innehållet är inte en AVIF-fil");
    expect(result.stdout).toContain("/images/18.a2/1612345678901/png.avif hämtades inte: innehållet är inte en AVIF-fil");
    expect(await readdir(path.join(content, "filer/lasprojektet"))).toEqual(["riktig.avif"]);
    expect(await readFile(path.join(content, "filer/lasprojektet/riktig.avif"))).toEqual(avif);
    const archive = (await validateContent(content, { includeDrafts: true })).archive!;
    expect(archive.projects[0]!.image).toMatchObject({ path: "lasprojektet/riktig.avif", alt: "En riktig bild" });
  });

  it("leaves out a picture that is 1 × 1 by its bytes, whatever its markup says, and copies nothing of it", async () => {
    const sharp = (await import("sharp")).default;
    const pixel = await sharp({ create: { width: 1, height: 1, channels: 4, background: "#00000000" } }).png().toBuffer();
    server.answers.set("/images/18.a4/1612345678901/foto.png", { type: "image/png", body: pixel });
    server.answers.set("/sida/pixel.html", savedPage({ body: '<p><img src="/images/18.a4/1612345678901/foto.png" alt="Ett foto"></p>' }));
    const content = path.join(workspace.dir, "pixel");
    const result = await runCli("import", [`${server.origin}/sida/pixel.html`, `--out=${content}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("/images/18.a4/1612345678901/foto.png hämtades inte: bilden är 1 × 1 bildpunkter: en distansbild eller en bild som räknar besökare");
    await expect(readdir(path.join(content, "filer"))).rejects.toThrow(/ENOENT/);
  });

  it("refuses an SVG named .avif in a saved page's folder", async () => {
    const folder = path.join(workspace.dir, "sparad-svg");
    await mkdir(path.join(folder, "sida_files"), { recursive: true });
    await writeFile(path.join(folder, "sida_files/bild.avif"), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await writeFile(path.join(folder, "sida.html"), savedPage({ body: '<p><img src="./sida_files/bild.avif" alt="Bild"></p>' }));
    const content = path.join(folder, "content");
    const result = await runCli("import", [path.join(folder, "sida.html"), `--out=${content}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("./sida_files/bild.avif hämtades inte: innehållet är inte en AVIF-fil");
    await expect(readdir(path.join(content, "filer"))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(content, "projekt/lasprojektet.md"), "utf8")).not.toMatch(/^image:/m);
  });
});

/** A funder's name longer than the 200 characters a name may have. */
const LONG_FUNDER = `Stiftelsen ${"för läsning och bildning ".repeat(10).trim()}`;

describe("npm run import of text that looks right and is not", () => {
  let content: string;
  let result: CommandResult;
  let files: Record<string, string>;

  beforeAll(async () => {
    const folder = path.join(workspace.dir, "text-vid-kanten");
    await mkdir(folder, { recursive: true });
    const long = "Ett mycket långt projektnamn som fortsätter ".repeat(8).trim();
    const projects = [
      ["★★★", "Det första projektet utan bokstäver."],
      ["★★★", "Det andra projektet utan bokstäver."],
      ["Projekt \u202Egnp.exe", "Texten har en &#x202E;vänd&#x202C; del och Läs&shy;främjande med mjukt bindestreck."],
      [long, "Ett projekt med ett långt namn."],
      ["Noscript", "<noscript>Aktivera JavaScript för att se sidan.</noscript>Den riktiga sammanfattningen."],
      ["Adresser", 'Se <a href="https:evil.example/sida">den här sidan</a> och <a href="https://www.example.se/">den riktiga</a>.'],
      ["Namn", `Projektet handlade om namn.</p><p>Norge: ★★★, Deichman</p><p>Projektet har haft stöd av ${LONG_FUNDER}.`],
    ];
    const body = projects.map(([title, text]) => `<h2>${title}</h2><p>${text}</p>`).join("\n");
    await writeFile(path.join(folder, "sida.html"), `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Avslutade projekt</title></head><body><main><h1>Avslutade projekt</h1>${body}</main></body></html>`);
    content = path.join(folder, "content");
    result = await runCli("import", [path.join(folder, "sida.html"), `--out=${content}`]);
    files = await textFiles(content);
  });

  it("gives a title with no letters a file name, never an empty one", () => {
    expect(result.code).toBe(0);
    const projects = Object.keys(files).filter((file) => file.startsWith("projekt/"));
    expect(projects).toEqual(expect.arrayContaining(["projekt/projekt.md", "projekt/projekt-2.md"]));
    expect(projects.every((file) => /^projekt\/[a-z0-9]/.test(file))).toBe(true);
    expect(result.stdout).toContain("titeln ”★★★” har inga bokstäver eller siffror att göra ett filnamn av, så filen heter projekt-2.md");
  });

  it("cuts a long title's file name to 80 characters and a hash", () => {
    const long = Object.keys(files).find((file) => file.startsWith("projekt/ett-mycket-langt"))!;
    expect(path.basename(long, ".md")).toMatch(/^ett-mycket-langt-projektnamn[a-z-]*-[0-9a-f]{8}$/);
    expect(path.basename(long, ".md").length).toBeLessThanOrEqual(80);
  });

  it("removes bidirectional controls and soft hyphens from everything it writes and prints, and says so", () => {
    const written = Object.values(files).join("\n");
    expect(written).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u00ad]/);
    expect(result.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u00ad]/);
    expect(files["projekt/projekt-gnp-exe.md"]).toContain("title: Projekt gnp.exe");
    expect(files["projekt/projekt-gnp-exe.md"]).toContain("Läsfrämjande");
    expect(result.stdout).toContain("osynligt tecken ”gnp.exe vänd”: U+202E, en riktningsmarkör, som vänder texten: togs bort");
    expect(result.stdout).toContain("osynligt tecken ”vänd”: U+202C, en riktningsmarkör, som vänder texten: togs bort");
    expect(result.stdout).toContain("mjukt bindestreck ”Läsfrämjande”: U+00AD");
  });

  it("never takes a <noscript> text as a summary", () => {
    const noscript = files["projekt/noscript.md"]!;
    expect(noscript).toContain("summary: Den riktiga sammanfattningen.");
    expect(noscript).not.toContain("Aktivera JavaScript");
    expect(result.stdout).toContain("innehåll för webbläsare utan JavaScript ”Aktivera JavaScript för att se sidan.”");
  });

  it("does not take https:evil.example as a web address", () => {
    const addresses = files["projekt/adresser.md"]!;
    expect(addresses).not.toContain("evil.example");
    expect(addresses).toContain("[den riktiga](https://www.example.se/)");
    expect(result.stdout).toContain("adressen https:evil.example/sida är ingen fullständig webbadress");
  });

  it("leaves out a partner or funder whose name content would refuse, and says why", () => {
    const names = files["projekt/namn.md"]!;
    expect(names).toContain("partners:\n  - name: Deichman\n    country: NO");
    expect(names).not.toContain("★★★");
    expect(names).not.toContain("funders:");
    expect(result.stdout).toContain("partner ”★★★”: namnet har varken bokstäver eller siffror");
    expect(result.stdout).toContain(`finansiär ”${LONG_FUNDER.slice(0, 117)}…”: namnet är ${LONG_FUNDER.length} tecken långt; högst 200 går`);
  });

  it("writes a folder that passes npm run check", async () => {
    expect((await runCli("check", [content])).code).toBe(0);
  });
});

describe("npm run import of a page nested 200,000 elements deep", () => {
  it("refuses it with a Swedish message, and no stack trace", async () => {
    const folder = path.join(workspace.dir, "djup");
    await mkdir(folder, { recursive: true });
    const depth = 200_000;
    await writeFile(path.join(folder, "djup.html"), savedPage({ body: `${"<div>".repeat(depth)}<p>Längst in.</p>${"</div>".repeat(depth)}` }));
    const result = await runCli("import", [path.join(folder, "djup.html"), `--out=${path.join(folder, "content")}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`npm run import: ${path.join(folder, "djup.html")} har element inuti varandra i fler än 500 nivåer; så djupt är ingen vanlig webbsida byggd, och den läses inte\n`);
    await expect(readdir(path.join(folder, "content"))).rejects.toThrow(/ENOENT/);
  });

  it("reads a page nested 400 elements deep", async () => {
    const folder = path.join(workspace.dir, "nastan-djup");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "sida.html"), savedPage({ body: `${"<div>".repeat(400)}<p>Längst in.</p>${"</div>".repeat(400)}` }));
    const result = await runCli("import", [path.join(folder, "sida.html"), `--out=${path.join(folder, "content")}`]);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(folder, "content/projekt/lasprojektet.md"), "utf8")).toContain("Längst in.");
  });
});
