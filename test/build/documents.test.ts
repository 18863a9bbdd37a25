import { createHash } from "node:crypto";
import { link, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { copyPictures, Pictures } from "../../src/eleventy/images.ts";
import { formatFileSize } from "../../src/format/file-size.ts";
import { fixtureSite } from "../fixture-sites.ts";
import { buildSite, contentTree, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

/**
 * The fixture site test/fixtures/dokumentation: a project with a tagged PDF, an untagged PDF from
 * 2020 and one from 2015, a Word file, a lead JPEG and a PNG in its body; a logo and a colour.
 */
const workspace = temporaryWorkspace();
let content: string;
let site: string;

beforeAll(async () => {
  const result = await fixtureSite("documentation");
  content = result.content;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  site = result.output;
});

const PROJECT = "/projekt/lasframjande/";
const sizeOf = async (relative: string) => formatFileSize((await stat(path.join(content, "filer", relative))).size);

describe("a project's documents", () => {
  it("are linked by title, with format and size in Swedish, in the order the editor listed them", async () => {
    const page = await readPage(site, PROJECT);
    const links = page.querySelectorAll("section[aria-labelledby=dokumentation] li > a");
    expect(links.map((link) => textOf(link))).toEqual([
      `Slutrapport (PDF, ${await sizeOf("lasframjande/slutrapport.pdf")})`,
      `Conference report (PDF, ${await sizeOf("lasframjande/konferensrapport-2020.pdf")})`,
      `Projektplan (PDF, ${await sizeOf("lasframjande/projektplan-2015.pdf")})`,
      `Budget (Word, ${await sizeOf("lasframjande/budget.docx")})`,
    ]);
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/filer/lasframjande/slutrapport.pdf",
      "/filer/lasframjande/konferensrapport-2020.pdf",
      "/filer/lasframjande/projektplan-2015.pdf",
      "/filer/lasframjande/budget.docx",
    ]);
    // hreflang only where the editor gave a language
    expect(links.map((link) => link.getAttribute("hreflang") ?? null)).toEqual([null, "en", null, null]);
  });

  it("are published as they are, byte for byte", async () => {
    for (const file of ["lasframjande/slutrapport.pdf", "lasframjande/budget.docx"]) {
      const [source, published] = await Promise.all([readFile(path.join(content, "filer", file)), readFile(path.join(site, "filer", file))]);
      expect(published.equals(source)).toBe(true);
    }
  });

  it("tell the visitor which PDFs are not accessible, with a way to ask for another form", async () => {
    const page = await readPage(site, PROJECT);
    const items = page.querySelectorAll("section[aria-labelledby=dokumentation] li");
    const notes = items.map((item) => textOf(item.querySelector(".document-note")));
    expect(notes).toEqual(["", "Dokumentet är inte tillgänglighetsanpassat. Be om det i en annan form.", "Dokumentet är inte tillgänglighetsanpassat. Be om det i en annan form.", ""]);
  });
});

describe("the accessibility statement", () => {
  const listed = async (id: string) => {
    const page = await readPage(site, "/tillganglighet/");
    const heading = page.querySelector(`h3#${id}`);
    const list = heading?.nextElementSibling?.nextElementSibling;
    return list?.querySelectorAll("li").map((item) => textOf(item)) ?? [];
  };

  it("lists the untagged PDF published in 2020 as not accessible, with its project and what it lacks", async () => {
    expect(await listed("dokument-som-inte-ar-tillgangliga")).toEqual([
      `Conference report (PDF, ${await sizeOf("lasframjande/konferensrapport-2020.pdf")}), publicerad 14 maj 2020, i projektet Läsfrämjande på Åland och i Örebro: saknar taggar, dokumentspråk och titel.`,
    ]);
  });

  it("lists the untagged PDF from 2015 under the exemption for documents published before 23 September 2018", async () => {
    expect(await listed("dokument-fore-23-september-2018")).toEqual([
      `Projektplan (PDF, ${await sizeOf("lasframjande/projektplan-2015.pdf")}), publicerad 2 mars 2015, i projektet Läsfrämjande på Åland och i Örebro: saknar taggar, dokumentspråk och titel.`,
    ]);
  });

  it("does not name the tagged PDF with a language and a title", async () => {
    const html = await readFile(path.join(site, "tillganglighet/index.html"), "utf8");
    expect(html).not.toContain("slutrapport.pdf");
  });

  it("has neither list on a site without such PDFs", async () => {
    // The minimal fixture (with a cookie category), built once for the run: it has no PDF.
    const page = await readPage((await fixtureSite("consent")).output, "/tillganglighet/");
    expect(page.querySelector("#dokument-som-inte-ar-tillgangliga, #dokument-fore-23-september-2018")).toBeNull();
  });
});

describe("pictures", () => {
  it("show the lead picture at the top, in AVIF and WebP with the original format as a fallback, loaded at once", async () => {
    const page = await readPage(site, PROJECT);
    const picture = page.querySelector(".lead-picture picture")!;
    expect(picture.querySelectorAll("source").map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    expect(img.getAttribute("alt")).toBe("Gröna kullar med tre träd under en disig sol.");
    expect(img.getAttribute("src")).toMatch(/^\/bilder\/.+\.jpeg$/);
    // The original is 1600 × 1000; the widest made file is 1440 wide, in the same proportions.
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1440", "900"]);
    expect(img.hasAttribute("loading")).toBe(false);
    expect(img.getAttribute("fetchpriority")).toBe("high");
    expect(img.getAttribute("srcset")!.split(", ").map((entry) => entry.split(" ")[1])).toEqual(["160w", "320w", "720w", "1440w"]);
  });

  it("make every file the pages name, at the size the srcset says", async () => {
    const page = await readPage(site, PROJECT);
    const entries = page.querySelectorAll("picture source, picture img").flatMap((element) => element.getAttribute("srcset")!.split(", "));
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      const [url, width] = entry.split(" ");
      const metadata = await sharp(path.join(site, url!)).metadata();
      expect(`${metadata.width}w`).toBe(width);
    }
  });

  it("show a picture of the body lazily, with its alt text, width and height", async () => {
    const page = await readPage(site, PROJECT);
    const img = page.querySelector(".project-body picture img")!;
    expect(img.getAttribute("alt")).toBe("Karta över de deltagande biblioteken på Åland och i Örebro län.");
    expect(img.getAttribute("src")).toMatch(/\.png$/);
    expect(img.getAttribute("loading")).toBe("lazy");
    expect(img.getAttribute("decoding")).toBe("async");
    expect(Number(img.getAttribute("width")) / Number(img.getAttribute("height"))).toBe(800 / 500);
  });

  it("show the lead picture small in lists, as decoration beside the linked title", async () => {
    const page = await readPage(site, "/");
    const thumbnail = page.querySelector(".project-summary .project-thumbnail img")!;
    expect(thumbnail.getAttribute("alt")).toBe("");
    expect(thumbnail.getAttribute("loading")).toBe("lazy");
    expect(thumbnail.getAttribute("sizes")).toBe("8rem");
  });

  it("make the lead picture the page's og:image, as an absolute address of a file that exists", async () => {
    const page = await readPage(site, PROJECT);
    const image = page.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    expect(image).toMatch(/^https:\/\/arkiv\.example\.se\/bilder\/.+\.jpeg$/);
    const metadata = await sharp(path.join(site, new URL(image).pathname)).metadata();
    expect(page.querySelector('meta[property="og:image:width"]')!.getAttribute("content")).toBe(String(metadata.width));
    expect(page.querySelector('meta[property="og:image:alt"]')!.getAttribute("content")).toBe("Gröna kullar med tre träd under en disig sol.");
    const other = await readPage(site, "/projekt/beta/");
    expect(other.querySelector('meta[property="og:image"]')).toBeNull();
  });
});

describe("the organisation's own look", () => {
  it("shows the logo in the header, with its alt text, beside the site's name", async () => {
    const page = await readPage(site, "/kontakt/");
    const link = page.querySelector(".site-name a")!;
    expect(link.querySelector("img")!.getAttribute("alt")).toBe("Testbiblioteket");
    expect(link.querySelector("img")!.hasAttribute("loading")).toBe(false);
    expect(textOf(link)).toBe("Testarkivet");
  });

  it("uses the colour from site.yaml for the one colour property of the stylesheet", async () => {
    const css = await readFile(path.join(site, "assets/style.css"), "utf8");
    expect(css).toContain("--colour: #1d6b3a;");
    expect(css.match(/--colour:/g)).toHaveLength(1);
    expect(css).toContain("--link: var(--colour);");
    expect(css).toContain("--accent: var(--colour);");
  });

  it("uses the colour from site.yaml for the icon in the browser tab, which every page links", async () => {
    const icon = await readFile(path.join(site, "assets/favicon.svg"), "utf8");
    expect(icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(icon).toContain('<rect width="32" height="32" rx="6" fill="#1d6b3a"/>');
    expect(icon).not.toContain("#0b4f8a");
    expect((await readPage(site, "")).querySelector('link[rel="icon"]')?.getAttribute("href")).toBe("/assets/favicon.svg");
  });
});

describe("processed pictures are kept between builds", () => {
  it("puts a picture into a site that already has it, and replaces another file in its place without writing into it", async () => {
    const dir = path.join(workspace.dir, "links");
    const [cacheDir, site] = [path.join(dir, "cache"), path.join(dir, "site")];
    await mkdir(cacheDir, { recursive: true });
    await writeFile(path.join(cacheDir, "karta-160.jpeg"), "the made picture");
    const made = { format: "jpeg", width: 160, height: 120, url: "/bilder/karta-160.jpeg", sourceType: "image/jpeg", srcset: "", filename: "karta-160.jpeg" };
    const pictures = new Pictures(new Map([["karta.png", { jpeg: [made] }]]));
    const inSite = path.join(site, "bilder", "karta-160.jpeg");
    await copyPictures(pictures, cacheDir, site);
    await copyPictures(pictures, cacheDir, site); // as the preview does after every rebuild
    expect((await stat(inSite)).ino).toBe((await stat(path.join(cacheDir, "karta-160.jpeg"))).ino);
    // A file of the same name linked from elsewhere (another cache) is replaced, not written into.
    const elsewhere = path.join(dir, "another-cache.jpeg");
    await writeFile(elsewhere, "another cache's picture");
    await rm(inSite);
    await link(elsewhere, inSite);
    await copyPictures(pictures, cacheDir, site);
    expect(await readFile(inSite, "utf8")).toBe("the made picture");
    expect(await readFile(elsewhere, "utf8")).toBe("another cache's picture");
  });

  it("processes a new picture once; the next build takes it from the cache and writes no file of the cache again", async () => {
    // A picture no other test has: random pixels, so the cache cannot have it yet.
    const dir = path.join(workspace.dir, "cache");
    const tree = await contentTree(dir, "dokumentation");
    const pixels = Buffer.from(Array.from({ length: 64 * 48 * 3 }, () => Math.floor(Math.random() * 256)));
    await writeFile(path.join(tree, "filer/lasframjande/karta.png"), await sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer());
    const first = await buildSite(tree, path.join(dir, "_site"));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Bilder: 1 bearbetades nu, 2 fanns redan i cachen.");
    const page = await readPage(first.output, PROJECT);
    const made = page.querySelector(".project-body picture img")!.getAttribute("src")!;
    const cached = path.join(PROJECT_ROOT, "node_modules/.cache/projektarkiv/bilder", path.basename(made));
    const before = await stat(cached);

    const second = await buildSite(tree, path.join(dir, "_site"));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Bilder: 0 bearbetades nu, 3 fanns redan i cachen.");
    expect((await stat(cached)).mtimeMs).toBe(before.mtimeMs);
    const again = await readFile(path.join(second.output, made));
    expect(createHash("sha256").update(again).digest("hex")).toBe(createHash("sha256").update(await readFile(cached)).digest("hex"));
    // The site's file is the cache's, linked rather than copied: here both lie on one file system.
    expect((await stat(path.join(second.output, made))).ino).toBe((await stat(cached)).ino);

    // Unused for 31 days, the picture is removed from the cache with its files by the next build.
    const cacheDir = path.dirname(cached);
    const records = (await readdir(cacheDir)).filter((name) => name.endsWith(".json"));
    const record = await (async () => {
      for (const name of records) if ((await readFile(path.join(cacheDir, name), "utf8")).includes(path.basename(made))) return path.join(cacheDir, name);
      throw new Error("no record names the picture");
    })();
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await utimes(record, monthAgo, monthAgo);
    const third = await buildSite(content, path.join(dir, "_annan"));
    expect(third.code).toBe(0);
    await expect(stat(record)).rejects.toThrow();
    await expect(stat(cached)).rejects.toThrow();
  });
});

describe("npm run check on the fixture", () => {
  it("passes, and warns about the two PDFs that the statement lists, on their lines", async () => {
    const result = await runCli("check", [content]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[1]).toBe("2 varningar, som inte hindrar publicering:");
    expect(lines[2]).toBe(
      `  ${path.join(content, "projekt/lasframjande.md")}:15  documents[1].file: PDF:en filer/lasframjande/konferensrapport-2020.pdf saknar taggar, dokumentspråk och titel och listas i tillgänglighetsredogörelsen som innehåll som inte är tillgängligt; ersätt den med en tillgänglig PDF om det går (se redaktörsguiden)`,
    );
    expect(lines[3]).toMatch(/lasframjande\.md:20  documents\[2\]\.file: PDF:en filer\/lasframjande\/projektplan-2015\.pdf .* under undantaget för dokument publicerade före den 23 september 2018$/);
  });

  it("prints the warnings as ::warning under --format github, and as a table in the run's summary", async () => {
    const summary = path.join(workspace.dir, "sammanfattning.md");
    const result = await runCli("check", [content, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(0);
    const warnings = result.stdout.split("\n").filter((line) => line.startsWith("::warning "));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^::warning file=.+lasframjande\.md,line=15,title=documents\[1\]\.file::PDF:en filer\/lasframjande\/konferensrapport-2020\.pdf saknar/);
    const markdown = await readFile(summary, "utf8");
    expect(markdown).toContain("### 2 varningar, som inte hindrar publicering");
    expect(markdown).toMatch(/\| 15 \| documents\[1\]\.file \| PDF:en filer\/lasframjande\/konferensrapport-2020\.pdf saknar/);
  });

  it("warns when the statement says fully compliant while it lists a PDF that is not accessible", async () => {
    const tree = await contentTree(path.join(workspace.dir, "helt"), "dokumentation", {
      "tillganglighet.md": (text) => text.replace("compliance: delvis förenlig", "compliance: helt förenlig"),
    });
    const result = await runCli("check", [tree, "--json"]);
    expect(result.code).toBe(0);
    const { warnings } = JSON.parse(result.stdout) as { warnings: { file: string; field?: string; message: string }[] };
    expect(warnings.find((warning) => warning.field === "compliance")).toEqual({
      file: path.join(tree, "tillganglighet.md"),
      field: "compliance",
      message: "redogörelsen säger att webbplatsen är helt förenlig, men listar en PDF som inte är tillgänglig; skriv compliance: delvis förenlig tills den är ersatt",
    });
  });

  it("warns about a file in filer/ that nothing refers to, and npm run review lists it", async () => {
    const dir = path.join(workspace.dir, "orphan");
    const tree = await contentTree(dir, "dokumentation", {
      "filer/gammal-rapport.pdf": "%PDF-1.4\n",
      // Linked from a body, or named as a consent script: referred to, so no warning.
      "filer/lankad.pdf": "%PDF-1.4\n",
      "filer/statistik.js": "window.x = 1;\n",
      "projekt/beta.md": (text) => `${text}\nSe [rapporten](/filer/lankad.pdf).\n`,
      "_data/site.yaml": (text) => `${text}cookies:\n  categories:\n    - id: statistik\n      name: Statistik\n      purpose: Räknar besök.\n      scripts: [/filer/statistik.js]\n`,
    });
    const check = await runCli("check", [tree, "--json"]);
    expect(check.code).toBe(0);
    const { warnings } = JSON.parse(check.stdout) as { warnings: { file: string; message: string }[] };
    expect(warnings.filter((warning) => warning.file.endsWith("gammal-rapport.pdf"))).toEqual([
      { file: path.join(tree, "filer/gammal-rapport.pdf"), message: "ingen sida eller inställning länkar till filen; länka den, till exempel som dokument i ett projekt, eller ta bort den" },
    ]);
    // The logo, the pictures and the documents are all referred to: no other file is a warning.
    expect(warnings.filter((warning) => warning.message.startsWith("ingen sida"))).toHaveLength(1);
    const review = await runCli("review", ["--input", tree]);
    expect(review.stdout).toContain("Filer i filer/ som ingen sida länkar till:");
    expect(review.stdout).toContain(`  ${path.join(tree, "filer/gammal-rapport.pdf")}`);
  });

  it("warns when two projects link one file, naming both, so that a shared file is a choice; a project linking its own file twice is not warned", async () => {
    const tree = await contentTree(path.join(workspace.dir, "delad"), "dokumentation", {
      "projekt/beta.md": (text) => `${text}\nSe [Läsfrämjandes slutrapport](/filer/lasframjande/slutrapport.pdf).\n`,
      "projekt/lasframjande.md": (text) => `${text}\nSe också [slutrapporten](/filer/lasframjande/slutrapport.pdf).\n`,
    });
    const check = await runCli("check", [tree, "--json"]);
    expect(check.code).toBe(0);
    const { warnings } = JSON.parse(check.stdout) as { warnings: { file: string; message: string }[] };
    expect(warnings.filter((warning) => warning.message.includes("länkas från"))).toEqual([
      {
        file: path.join(tree, "projekt/lasframjande.md"),
        message:
          "filer/lasframjande/slutrapport.pdf länkas från 2 projekt (projekt/beta.md och projekt/lasframjande.md); är det meningen att de delar den går det bra, annars ladda upp en egen fil till varje projekt",
      },
    ]);
    const alone = await runCli("check", [await contentTree(path.join(workspace.dir, "egen"), "dokumentation", {}), "--json"]);
    expect((JSON.parse(alone.stdout) as { warnings: { message: string }[] }).warnings.filter((warning) => warning.message.includes("länkas från"))).toEqual([]);
  });
});
