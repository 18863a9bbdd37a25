/**
 * Sveltia CMS for /admin/, bundled by our own esbuild step from the npm package, so that the page
 * loads nothing from a CDN. The package's prebuilt dist/ is its CDN build, which fetches UI strings,
 * fonts and syntax highlighting from CDNs; its npm entry, bundled here, needs nothing but the site.
 *
 * The bundle depends only on the installed CMS and esbuild and on the code of this folder, of
 * src/format/ and of src/content/reading/ (admin.ts and what it imports), so it is made once into
 * node_modules/.cache/projektarkiv/ and copied into each build that has /admin/.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { cp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Plugin } from "esbuild";

/** The page's script, next to it in /admin/. */
const CMS_SCRIPT = "cms.js";

const COMPLETE = ".complete";

/** The cache folder for the installed versions of the CMS and esbuild and the code in src/cms/. */
function bundleFolder(projectRoot: string): string {
  const version = (name: string) => (JSON.parse(readFileSync(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  const hash = createHash("sha256").update(`${version("esbuild")}\0`);
  // The folders the bundled code imports from: the CMS's own, and the formatting and Markdown options the preview shares with the build.
  for (const folder of ["src/cms", "src/format", "src/content/reading"]) {
    const sources = path.join(projectRoot, folder);
    for (const file of readdirSync(sources).sort()) hash.update(`${folder}/${file}\0`).update(readFileSync(path.join(sources, file)));
  }
  return path.join(projectRoot, "node_modules/.cache/projektarkiv", `cms-${version("@sveltia/cms")}-${hash.digest("hex").slice(0, 12)}`);
}

/**
 * The CMS adds its three fonts from the copies it ships, and also declares them in CSS with
 * jsDelivr's copies as a fallback, which the browser then fetches as well. This points the CSS at
 * the shipped copies (`assets/` beside the page), so that no font comes from another site.
 */
function localFonts(assetsFolder: string): Plugin {
  const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([\w-]+?)(?::vf)?@[\d.]+\/([\w-]+)\.woff2/g;
  return {
    name: "local-fonts",
    setup(build) {
      build.onLoad({ filter: /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/ }, async (args) => {
        const assets = await readdir(assetsFolder);
        const source = await readFile(args.path, "utf8");
        const contents = source.replace(CDN_FONT, (url, font: string, subset: string) => {
          const local = assets.find((name) => name.startsWith(`${font}-${subset}-`) && name.endsWith(".woff2"));
          if (!local) throw new Error(`Sveltia CMS: no copy of ${url} in ${assetsFolder}`);
          return `assets/${local}`;
        });
        return { contents, loader: "js" };
      });
    },
  };
}

/** Bundles the CMS unless the cache has it, and returns the folder. */
async function bundle(projectRoot: string): Promise<string> {
  const folder = bundleFolder(projectRoot);
  if (await stat(path.join(folder, COMPLETE)).then(() => true, () => false)) return folder;
  // Bundle into a folder of our own and move it into place, so that builds running at the same
  // time (parallel tests) never see a half-written bundle.
  const staging = `${folder}.${process.pid}`;
  const assets = path.join(projectRoot, "node_modules/@sveltia/cms/npm/assets");
  const { build } = await import("esbuild");
  await build({
    entryPoints: { [path.basename(CMS_SCRIPT, ".js")]: path.join(projectRoot, "src/cms/admin.ts") },
    absWorkingDir: projectRoot,
    outdir: staging,
    bundle: true,
    format: "esm",
    splitting: true,
    minify: true,
    // Files the package imports; the assets it finds by `new URL("assets/…", import.meta.url)` are copied below.
    loader: { ".wasm": "file", ".woff2": "file", ".png": "file" },
    plugins: [localFonts(assets)],
    logLevel: "warning",
  });
  await cp(assets, path.join(staging, "assets"), { recursive: true });
  await writeFile(path.join(staging, COMPLETE), "");
  try {
    await rename(staging, folder);
  } catch {
    await rm(staging, { recursive: true, force: true }); // another build bundled the same versions first
  }
  return folder;
}

/** Puts the bundled CMS into `target`, the output's admin/ folder, bundling it first if need be. */
export async function installCms(projectRoot: string, target: string): Promise<void> {
  const folder = await bundle(projectRoot);
  await cp(folder, target, { recursive: true, filter: (source) => path.basename(source) !== COMPLETE });
}
