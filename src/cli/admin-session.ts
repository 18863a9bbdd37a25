/**
 * The web editor (/admin/) signed in to a repository in the browser's own storage, for the browser
 * tests and `npm run screenshots`. The editors' way in the preview, "Arbeta med lokalt repository",
 * asks for a folder through the browser's folder picker, which a driven browser cannot answer; the
 * picker is replaced by the origin-private file system (OPFS), seeded with a content folder, so the
 * CMS runs its real local-repository code on it.
 */
import { appendFile, cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";

/**
 * site.yaml's web-editor settings for an example repository, for content whose site.yaml has none:
 * /admin/ is built only with them.
 */
const EXAMPLE_CMS_SETTINGS = "\ncms:\n  repo: regionbiblioteket/avslutade-projekt\n";

/**
 * Copies a content folder to `target` with web-editor settings in its site.yaml (an example
 * repository, where it has none), so that a build of the copy has /admin/. Returns `target`.
 */
export async function copyWithWebEditor(source: string, target: string): Promise<string> {
  await cp(source, target, { recursive: true });
  const settings = path.join(target, "_data/site.yaml");
  if (!/^cms:/m.test(await readFile(settings, "utf8"))) await appendFile(settings, EXAMPLE_CMS_SETTINGS);
  return target;
}

/** The repository's folder in the origin-private file system. */
const REPOSITORY = "repository";

/** Makes every page of the context answer the folder picker with the repository in its storage. */
export async function useRepositoryInBrowserStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript((name) => {
    const picker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
    Object.defineProperty(window, "showDirectoryPicker", { value: picker });
  }, REPOSITORY);
}

/** Every file of a content folder, by its path in the repository (content/…), in base64: pictures and PDFs too. */
async function contentFiles(contentFolder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(contentFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.posix.join("content", ...path.relative(contentFolder, file).split(path.sep))] = (await readFile(file)).toString("base64");
  }
  return files;
}

/**
 * Opens /admin/ at `adminUrl`, puts the content folder into the browser's repository (with an empty
 * .git, which is how the CMS knows a repository's root), and signs in with "Arbeta med lokalt
 * repository". Resolves once the projects are listed.
 */
export async function signInToLocalRepository(page: Page, adminUrl: string, contentFolder: string): Promise<void> {
  await page.goto(adminUrl);
  await page.evaluate(
    async ({ name, files }) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
      await root.getDirectoryHandle(".git", { create: true });
      for (const [file, text] of Object.entries(files)) {
        const parts = file.split("/");
        let folder = root;
        for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
        const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(text), (character) => character.charCodeAt(0)));
        await writable.close();
      }
    },
    { name: REPOSITORY, files: await contentFiles(contentFolder) },
  );
  await page.getByRole("button", { name: /Arbeta med lokalt repository/ }).click();
  await page.getByRole("status").filter({ hasText: /Du visar nu samlingen/ }).waitFor();
}

/** A file of the browser's repository, such as content/projekt/vinna-vinna.md, as text. */
export async function readRepositoryFile(page: Page, file: string): Promise<string> {
  return (await readRepositoryBytes(page, file)).toString("utf8");
}

/** A file of the browser's repository as bytes, such as a picture uploaded through the form. */
export async function readRepositoryBytes(page: Page, file: string): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ name, file }) => {
      let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
      const parts = file.split("/");
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
      const bytes = new Uint8Array(await (await (await folder.getFileHandle(parts.at(-1)!)).getFile()).arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { name: REPOSITORY, file },
  );
  return Buffer.from(base64, "base64");
}

/** The form's field for a key path of the content schema, such as "partners.0.name". */
export function formField(page: Page, keyPath: string): Locator {
  return page.getByRole("group", { name: /^Redigera/ }).locator(`[data-key-path="${keyPath}"]`);
}

/** Scrolls the form to its last field, `draft`: the CMS renders fields as they scroll into view. */
export async function scrollToDraftField(page: Page): Promise<Locator> {
  const draft = formField(page, "draft");
  await page.mouse.move(300, 400);
  // The form may still be rendering when it says it is open; scroll until the field is there,
  // letting the page draw two frames after each turn of the wheel (a busy machine needs more turns).
  for (let attempt = 0; attempt < 500 && (await draft.count()) === 0; attempt++) {
    await page.mouse.wheel(0, 2000);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await draft.scrollIntoViewIfNeeded();
  return draft;
}
