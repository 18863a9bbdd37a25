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

/**
 * The form's field for a key path once the form has drawn it, scrolled into view. The CMS draws a
 * field only when it comes near the visible part of the form, so a field below (or above) what was
 * last shown does not exist until the form is scrolled to it, and waiting for it without scrolling
 * waits for ever. This scrolls the form a screen at a time, down to its end and then up to its
 * start, letting the page draw two frames after each step, until the field is there (a busy
 * machine may need several passes).
 */
export async function revealField(page: Page, keyPath: string): Promise<Locator> {
  const field = formField(page, keyPath);
  if ((await field.count()) > 0) return field; // drawn already: an action on it scrolls it into view
  const form = page.getByRole("group", { name: /^Redigera/ });
  await form.waitFor();
  for (let pass = 0; (await field.count()) === 0; pass++) {
    if (pass === 500) throw new Error(`The form did not draw the field ${keyPath} after ${pass} passes over it`);
    await form.evaluate(async (element, keyPath) => {
      const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // The form's scrolling pane: the nearest ancestor of its fields that scrolls.
      const scrolls = (candidate: HTMLElement) => candidate.scrollHeight > candidate.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(candidate).overflowY);
      let scroller = element.querySelector<HTMLElement>("[data-key-path]")?.parentElement ?? null;
      while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
      if (!scroller) return void (await frames()); // the form is still setting itself up
      const found = () => element.querySelector(`[data-key-path="${CSS.escape(keyPath)}"]`) !== null;
      for (const direction of [1, -1]) {
        for (;;) {
          if (found()) return;
          const before = scroller.scrollTop;
          scroller.scrollBy(0, direction * scroller.clientHeight * 0.8);
          await frames();
          if (scroller.scrollTop === before) break; // at the end (or the start) of the form
        }
      }
    }, keyPath);
  }
  await field.scrollIntoViewIfNeeded();
  return field;
}
