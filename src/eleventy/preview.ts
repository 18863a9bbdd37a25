import { existsSync, mkdirSync, watch, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { errorCount, formatContentError, type ContentError } from "../content/model/errors.ts";
import { escapeMarkup } from "../format/markup.ts";

type Request = { url?: string; headers: Record<string, string | string[] | undefined> };
type Response = { statusCode: number; setHeader(name: string, value: string): void; end(body: string | Buffer): void };

/** The web editor's folder, which is not a page of the site. */
const ADMIN = "/admin/";

/** The page the preview shows instead of the site while the content has errors. */
export function previewErrorPage(errors: readonly ContentError[]): string {
  const items = errors
    .map((error) => {
      const [place, ...rest] = formatContentError(error).split("  ");
      return `<li><code>${escapeMarkup(place!)}</code><br>${escapeMarkup(rest.join("  "))}</li>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fel i innehållet – förhandsgranskning</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Innehållet har ${errorCount(errors.length)}</h1>
<p>Rätta felen och spara filen. Sidan laddas om av sig själv när allt är rätt.</p>
<ul>
${items}
</ul>
</body>
</html>`;
}

/**
 * Dev-server middleware: while `currentErrors()` has errors, every page a visitor opens shows them
 * instead. The dev server adds its live-reload script, so the page reloads when the fix is saved.
 */
export function previewErrorMiddleware(currentErrors: () => readonly ContentError[]) {
  return (request: Request, response: Response, next: () => void) => {
    const errors = currentErrors();
    const urlPath = (request.url ?? "/").split("?")[0]!;
    // The web editor stays usable, so that an editor can fix the error there.
    const isPage = (urlPath.endsWith("/") || urlPath.endsWith(".html")) && !urlPath.startsWith(ADMIN);
    if (errors.length === 0 || !isPage) return next();
    response.statusCode = 500;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(previewErrorPage(errors));
  };
}

/** How a read of the web editor's page is tried while a rebuild writes it: every 25 ms, up to 200 times. */
interface PageReading {
  read: (file: string) => Promise<Buffer>;
  every: number;
  times: number;
}

/**
 * The web editor's page as the last build wrote it. A rebuild rewrites the file in place, so a read
 * at that moment can find it empty or cut short (an editor's reload then got a blank page, or one
 * without the CMS's script); such a read is tried again until the page is whole, up to 5 s, and
 * what is there then is served. No file is no web editor (a site without `cms:`): answered at once.
 */
async function wholePage(file: string, { read, every, times }: PageReading): Promise<Buffer | undefined> {
  for (let attempt = 1; ; attempt++) {
    const page = await read(file).catch(() => undefined);
    if (!page || /<\/html>\s*$/.test(page.toString("utf8")) || attempt === times) return page;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/**
 * Dev-server middleware that serves the web editor's page as it was built. The dev server adds its
 * live-reload script to every page it serves as text, and that script reloads the page after each
 * rebuild; the web editor saves files into the content folder, so each save would restart it. A
 * page sent as bytes is passed through untouched.
 */
export function adminPageMiddleware(outputFolder: string, reading: Partial<PageReading> = {}) {
  const tries: PageReading = { read: readFile, every: 25, times: 200, ...reading };
  return async (request: Request, response: Response, next: () => void) => {
    const urlPath = (request.url ?? "/").split("?")[0]!;
    if (urlPath !== ADMIN && urlPath !== `${ADMIN}index.html`) return next();
    const page = await wholePage(path.join(outputFolder, ADMIN, "index.html"), tries);
    if (!page) return next();
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(page);
  };
}

/**
 * What the preview's watcher misses, made into a change it sees. Eleventy's watcher rebuilds on a
 * saved or added file but only logs a deleted one, so a removed project or person stayed in the
 * preview until another file was saved. The content folders are watched for removals here (only
 * the folders, not each file), and a removal writes `signal`, a file Eleventy watches. `removed`
 * is told the file's path in the content folder first, for what a rebuild leaves behind.
 */
export function rebuildOnRemoval(contentDir: string, folders: readonly string[], signal: string, removed: (file: string) => void = () => {}): () => void {
  mkdirSync(path.dirname(signal), { recursive: true });
  writeFileSync(signal, "");
  const watchers = folders.flatMap((folder) => {
    const watched = path.join(contentDir, folder);
    if (!existsSync(watched)) return [];
    const watcher = watch(watched, (event, name) => {
      if (event !== "rename" || !name || existsSync(path.join(watched, name))) return;
      removed(path.posix.join(folder, name));
      writeFileSync(signal, `${Date.now()} ${folder}/${name}\n`);
    });
    watcher.unref();
    return [watcher];
  });
  return () => {
    for (const watcher of watchers) watcher.close();
  };
}
