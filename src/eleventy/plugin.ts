import { mkdirSync, rmSync, statSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rssPlugin } from "@11ty/eleventy-plugin-rss";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ATTACHMENTS_FOLDER, CONTACTS_FOLDER, HARVEST_FOLDER, PROJECTS_FOLDER } from "../content/reading/content-tree.ts";
import { attachmentPathOf } from "../content/files/attachments.ts";
import type { Picture } from "../content/model/model.ts";
import { copyPictures, pictureHtml, Pictures, preparePictures, publishWithoutMetadata, sharedPicture, type PictureUse } from "./images.ts";
import { siteFavicon, siteStylesheet } from "./site-colour.ts";
import { cmsConfigFile } from "../cms/config.ts";
import { installCms } from "../cms/bundle.ts";
import { ContentValidationError, formatErrorReport, type ContentError } from "../content/model/errors.ts";
import { validateArchive } from "../harvest/load.ts";
import { projectUrl } from "../content/archive/resolve.ts";
import type { Archive } from "../content/model/model.ts";
import * as filters from "./filters/index.ts";
import { createMarkdown } from "./markdown.ts";
import { onlyViews, pagesToRebuild } from "./incremental.ts";
import { pageViews } from "./page-views.ts";
import { addPages } from "./pages.ts";
import { adminContentSecurityPolicy } from "./filters/security.ts";
import { adminPageMiddleware, previewErrorMiddleware, rebuildOnRemoval } from "./preview.ts";
import { searchIndexingEnabled, writeSearchIndex } from "./search-index.ts";
import { finishPageWriter } from "./page-writer.ts";
import { partnerMaps } from "../maps/partner-maps.ts";
import { downloadsEnabled, finishDownloads, startDownloads, stopDownloads } from "./downloads.ts";

/**
 * The project folder, where layouts and assets live whatever the content folder is: the nearest
 * folder above this module with a package.json file, whether the module runs from src/ through tsx
 * or compiled into node_modules/.cache (src/cli/launch.mjs). A file, since node_modules can hold a
 * package named package.json (rdflib depends on one), which is a folder.
 */
export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

function projectRoot(folder: string): string {
  if (statSync(path.join(folder, "package.json"), { throwIfNoEntry: false })?.isFile()) return folder;
  const parent = path.dirname(folder);
  if (parent === folder) throw new Error("projektarkiv: hittar inte projektmappen (package.json)");
  return projectRoot(parent);
}

export const LAYOUTS_DIR = path.join(PROJECT_ROOT, "layouts");

/** Where processed pictures are kept between builds (images.ts). */
const PICTURE_CACHE = path.join(PROJECT_ROOT, "node_modules", ".cache", "projektarkiv", "bilder");

/** The content folder of this build; Eleventy's JSDoc types `directories` as a bare object. */
export function inputDirectory(eleventyConfig: UserConfig): string {
  return (eleventyConfig.directories as { input: string }).input;
}

/**
 * The content folder's path in its repository, which the web editor reads and writes: relative to
 * the project folder when it lies inside it, and otherwise `content`, as in every projektarkiv.
 */
function repositoryFolder(input: string): string {
  const relative = path.relative(PROJECT_ROOT, path.resolve(input));
  return relative.startsWith("..") || path.isAbsolute(relative) ? "content" : relative.split(path.sep).join("/");
}

/**
 * Dev-server middleware that reads `//x` as `/x`. Eleventy's dev server reads a request's address
 * with `new URL(address, base)`, which throws for one that starts with two slashes (a host-relative
 * address with no host), and the unhandled error ended the preview.
 */
function collapseLeadingSlashes(request: { url?: string }, _response: unknown, next: () => void) {
  if (request.url?.startsWith("//")) request.url = request.url.replace(/^\/{2,}/, "/");
  next();
}

/** Renames the published copies of files whose names are decomposed (NFD) to the composed form (NFC). */
async function publishComposedNames(files: readonly { path: string }[], outputDir: string): Promise<void> {
  for (const file of files) {
    const target = path.join(outputDir, ATTACHMENTS_FOLDER, file.path.normalize("NFC"));
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(outputDir, ATTACHMENTS_FOLDER, file.path), target);
  }
}

/** Dev-server middleware that serves `.vcf` files as `text/vcard`. */
function vcardContentType(request: { url?: string }, response: { setHeader(name: string, value: string): void }, next: () => void) {
  if (request.url?.split("?")[0]?.endsWith(".vcf")) response.setHeader("Content-Type", "text/vcard; charset=utf-8");
  next();
}

/**
 * Everything projektarkiv adds to Eleventy. The archive is read and validated once per build,
 * before any page renders; templates then only read the validated model.
 */
export default function projektarkiv(eleventyConfig: UserConfig): void {
  const input = inputDirectory(eleventyConfig);

  // Pictures (images.ts): made once per picture into the cache, and copied into the site after a build.
  let pictures = new Pictures(new Map());
  const usePicture = (picture: Picture | undefined, use: PictureUse) => (picture ? (pictureHtml(pictures, picture, use) ?? "") : "");
  const bodyPicture = (src: string, alt: string) => {
    const relative = attachmentPathOf(src);
    return relative === undefined ? undefined : pictureHtml(pictures, { path: relative, alt }, "body");
  };

  // Libraries
  const renderers = {
    plain: createMarkdown({ picture: bodyPicture }),
    withHtml: createMarkdown({ allowHtml: true, picture: bodyPicture }),
    harvested: createMarkdown({ pictures: false }),
  };
  const markdown = () => (archive?.site.markdown.allowHtml ? renderers.withHtml : renderers.plain);

  // Content: one load per build, before any page renders.
  // The preview (`npm start`) shows drafts, and on a content error keeps the last good archive
  // while every page shows the errors, until the file is fixed. When only a project's text
  // changed, it renders only the pages that show the project (incremental.ts).
  let archive: Archive | undefined;
  let previewErrors: readonly ContentError[] = [];
  let onlyPages: ReadonlySet<string> | undefined;
  // The web editor at /admin/ (src/cms/): in builds for a site with `cms` in site.yaml, and always
  // in the preview, where it edits the local folder. Its config is made once per full build.
  let adminConfig: string | undefined;
  eleventyConfig.on("eleventy.before", async ({ directories, runMode }: { directories: { input: string; output: string }; runMode: string }) => {
    const preview = runMode !== "build";
    await stopDownloads();
    const result = await validateArchive(directories.input, { includeDrafts: preview });
    const previous = previewErrors.length === 0 ? archive : undefined;
    previewErrors = preview ? result.errors : [];
    onlyPages = undefined;
    if (result.archive) {
      if (preview && previous && result.changedFiles) {
        onlyPages = pagesToRebuild(previous, result.archive, result.changedFiles, pageViews(result.archive));
      }
      archive = result.archive;
      pictures = await preparePictures(archive.files.pictures, PICTURE_CACHE);
      const withAdmin = !onlyPages && (preview || archive.site.cms !== undefined);
      adminConfig = withAdmin ? await cmsConfigFile(archive.site, repositoryFolder(directories.input), path.basename(PROJECT_ROOT)) : undefined;
      // Every list as CSV and Excel, written on a thread of their own while the pages render
      // (downloads.ts); a quick rebuild leaves them as they were, like the search index.
      if (downloadsEnabled() && !onlyPages) startDownloads(archive, directories.output);
      return;
    }
    if (!preview || !archive) throw new ContentValidationError(result.errors);
    console.error(`${formatErrorReport(result.errors)}\nFörhandsgranskningen visar felen tills de är rättade.`);
  });
  eleventyConfig.addGlobalData("archive", () => archive);
  // What only full builds make (pages.ts): files that show no project text, the vCards and the maps
  eleventyConfig.addGlobalData("fullBuild", () =>
    onlyPages ? { files: [], contacts: [], maps: [] } : { files: [true], contacts: archive?.contacts ?? [], maps: archive ? partnerMaps(archive).files() : [] },
  );
  eleventyConfig.addGlobalData("views", () => archive && (onlyPages ? onlyViews(pageViews(archive), onlyPages) : pageViews(archive)));
  eleventyConfig.addGlobalData("admin", () => (adminConfig === undefined ? [] : [{ config: adminConfig, policy: adminContentSecurityPolicy(archive?.site.cms) }]));
  // Eleventy reads none of the editors' files: every page is a virtual template over the archive.
  // Neither are there template or directory data files, which spares Eleventy a dozen file
  // lookups per page. The preview watches the content folder and rebuilds when a file changes.
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.addWatchTarget(path.join(input, "**/*.{md,yaml}"));
  eleventyConfig.addWatchTarget(path.join(input, ATTACHMENTS_FOLDER, "**"));
  eleventyConfig.addWatchTarget(path.join(input, HARVEST_FOLDER, "*.json"));
  eleventyConfig.addWatchTarget(LAYOUTS_DIR);
  if (process.argv.includes("--serve")) {
    // The preview: filer/ exists from the start, so that a picture added later is served at once
    // (a folder made after start was not), and a removed file rebuilds the site (preview.ts).
    mkdirSync(path.join(input, ATTACHMENTS_FOLDER), { recursive: true });
    // Outside the project: Eleventy's watcher ignores node_modules/, and the content folder is the editors'.
    const signal = path.join(os.tmpdir(), `projektarkiv-forhandsgranskning-${process.pid}`);
    // A rebuild writes pages but removes none: a deleted project's own page goes with its file.
    const output = (eleventyConfig.directories as { output: string }).output;
    const stop = rebuildOnRemoval(input, [".", PROJECTS_FOLDER, CONTACTS_FOLDER, "_data"], signal, (file) => {
      const project = new RegExp(`^${PROJECTS_FOLDER}/([^/]+)\\.md$`).exec(file);
      if (project) rmSync(path.join(output, projectUrl(project[1]!)), { recursive: true, force: true });
    });
    process.once("exit", () => {
      stop();
      rmSync(signal, { force: true });
    });
    eleventyConfig.addWatchTarget(signal);
  }
  // A saved file is read once it has been still for 50 ms (Eleventy's default is 150 ms).
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // `npm run build` writes the pages on a second thread (page-writer.ts, started by
  // src/cli/eleventy-build.ts); the preview writes them as Eleventy does, one at a time.

  // Filters
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  eleventyConfig.addFilter("markdown", (text: string) => markdown().render(text));
  eleventyConfig.addFilter("markdownInline", (text: string) => markdown().renderInline(text));
  // Text harvested from other archives (src/harvest/) is rendered without HTML or pictures, whatever allowHtml says.
  eleventyConfig.addFilter("markdownInlineHarvested", (text: string) => renderers.harvested.renderInline(text));
  eleventyConfig.addFilter("picture", usePicture);
  eleventyConfig.addFilter("sharedPicture", (picture: Picture) => sharedPicture(pictures, picture));
  eleventyConfig.addFilter("stylesheet", (site: Archive["site"]) => siteStylesheet(path.join(LAYOUTS_DIR, "assets", "style.css"), site.colour));
  eleventyConfig.addFilter("favicon", (site: Archive["site"]) => siteFavicon(path.join(LAYOUTS_DIR, "assets", "favicon.svg"), site.colour));

  // Pages: every page is a view of the archive (page-views.ts)
  addPages(eleventyConfig);

  // Assets: the project's scripts and the search page's own stylesheet (the site's stylesheet and
  // the icon, in the site's colour, are pages, pages.ts), and the editors' attachments as they are
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(LAYOUTS_DIR, "assets", "{*.js,search.css}"))]: "assets" });
  eleventyConfig.addPassthroughCopy({ [path.join(input, ATTACHMENTS_FOLDER)]: ATTACHMENTS_FOLDER });
  eleventyConfig.ignores.add(path.join(input, ATTACHMENTS_FOLDER, "**"));

  // Dev server: content errors in the browser, the web editor without live reload, and vCards as
  // text/vcard (RFC 6350)
  const output = (eleventyConfig.directories as { output: string }).output;
  eleventyConfig.setServerOptions({ middleware: [collapseLeadingSlashes, previewErrorMiddleware(() => previewErrors), adminPageMiddleware(output), vcardContentType] });

  // After a build: the search index, the downloads, and the web editor's bundled CMS next to its page and config.
  // The preview copies the CMS once; a quick rebuild keeps the last search index, since indexing
  // takes seconds.
  let cmsInstalledIn: string | undefined;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    // Every page on disk first, when a build writes them on a second thread (page-writer.ts)
    await finishPageWriter();
    const installCmsOnce = async () => {
      if (adminConfig === undefined || cmsInstalledIn === directories.output) return;
      await installCms(PROJECT_ROOT, path.join(directories.output, "admin"));
      if (runMode !== "build") cmsInstalledIn = directories.output;
    };
    // A file saved with a decomposed name (macOS: o and two dots for ö) is published under the
    // composed one (NFC), the name its links use, before its copy without metadata is written.
    if (runMode === "build" && archive) await publishComposedNames(archive.files.decomposedNames, directories.output);
    await Promise.all([
      installCmsOnce(),
      copyPictures(pictures, PICTURE_CACHE, directories.output),
      // In a build: the published copy of filer/ holds no picture's GPS position, camera or owner.
      runMode === "build" && archive ? publishWithoutMetadata(archive.files.withMetadata, PICTURE_CACHE, directories.output) : undefined,
      searchIndexingEnabled() && !onlyPages ? writeSearchIndex(directories.output) : undefined,
      finishDownloads(),
    ]);
  });

  // Plugins: the feed's date filters, and (added by the RSS plugin) HtmlBasePlugin for path prefixes
  eleventyConfig.addPlugin(rssPlugin);
}
