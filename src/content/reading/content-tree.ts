import { lstat, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { isSlug, swedishSlug } from "../../format/slug.ts";
import type { ContentFile, ContentKind } from "../model/content-file.ts";
import type { ContentError } from "../model/errors.ts";

/** The fixed files of the content model, by their path relative to the content folder. */
export const FIXED_FILES: Record<string, ContentKind> = {
  "index.md": "index",
  "kakor.md": "cookies",
  "tillganglighet.md": "accessibility",
  "_data/site.yaml": "site",
};

/** The folder of project files, one page each. */
export const PROJECTS_FOLDER = "projekt";

/** The folder of contact files, which have no page of their own. */
export const CONTACTS_FOLDER = "kontakter";

const COLLECTION_FOLDERS: Record<string, ContentKind> = { [PROJECTS_FOLDER]: "project", [CONTACTS_FOLDER]: "contact" };

/** Attachments (reports, pictures, a site's own scripts) are published as they are, under /filer/. */
export const ATTACHMENTS_FOLDER = "filer";

/** What `npm run harvest` fetched from other archives (src/harvest/): read by the build, not by editors. */
export const HARVEST_FOLDER = "_harvest";

/** Files larger than this are refused: no project page needs a megabyte of text. */
export const MAX_FILE_BYTES = 1024 * 1024;

async function walk(folder: string, realRoot: string, found: string[], errors: ContentError[]) {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".")) continue;
    const file = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(file).catch(() => undefined);
      if (!target || path.relative(realRoot, target).startsWith("..")) {
        errors.push({ file, message: "länken pekar på en fil utanför innehållsmappen eller på ingenting; lägg filen här i stället" });
        continue;
      }
      if ((await lstat(target)).isDirectory()) {
        errors.push({ file, message: "länkade mappar stöds inte; lägg filerna här i stället" });
        continue;
      }
      found.push(file);
    } else if (entry.isDirectory()) {
      await walk(file, realRoot, found, errors);
    } else if (entry.isFile()) {
      found.push(file);
    }
  }
}

/** Explains where an unknown file could go instead, or what it collides with. */
function misplacedFileError(file: string, relative: string, existing: ReadonlySet<string>): ContentError {
  const [folder, name = ""] = relative.split("/");
  const kind = COLLECTION_FOLDERS[folder ?? ""];
  if (kind && relative.split("/").length === 2) {
    const base = name.replace(/\.[^.]*$/, "");
    const wanted = `${swedishSlug(base) || "namn"}.md`;
    if (existing.has(`${folder}/${wanted}`)) {
      return { file, message: `filen får samma adress som ${folder}/${wanted}; två filer kan inte dela adress, så slå ihop dem eller byt namn på den här` };
    }
    if (!name.endsWith(".md")) {
      return { file, message: `bara .md-filer läses här; döp om filen till ${wanted}` };
    }
    return {
      file,
      message: `filnamnet får bara innehålla små bokstäver a-z, siffror och bindestreck; döp om filen till ${wanted}`,
    };
  }
  return {
    file,
    message:
      "okänd fil: ett projekt ska ligga i projekt/, en person i kontakter/, bilagor i filer/ och inställningar i _data/site.yaml",
  };
}

/**
 * Lists and classifies every file under the content folder. Files that fit nowhere are errors,
 * so that no page can quietly go missing.
 */
export async function listContentFiles(root: string): Promise<{ files: ContentFile[]; errors: ContentError[] }> {
  const absoluteRoot = path.resolve(root);
  const paths: string[] = [];
  const errors: ContentError[] = [];
  await walk(absoluteRoot, await realpath(absoluteRoot), paths, errors);
  const files: ContentFile[] = [];
  const existing = new Set(paths.map((file) => path.relative(absoluteRoot, file).split(path.sep).join("/")));
  for (const file of paths) {
    const relative = path.relative(absoluteRoot, file).split(path.sep).join("/");
    const fixed = FIXED_FILES[relative];
    if (fixed) {
      files.push({ kind: fixed, file, id: relative });
      continue;
    }
    const [folder, name, ...deeper] = relative.split("/");
    if (folder === ATTACHMENTS_FOLDER || folder === HARVEST_FOLDER) continue;
    const kind = COLLECTION_FOLDERS[folder ?? ""];
    const id = name?.endsWith(".md") ? name.slice(0, -3) : "";
    if (kind && deeper.length === 0 && isSlug(id)) files.push({ kind, file, id });
    else errors.push(misplacedFileError(file, relative, existing));
  }
  for (const [relative, kind] of Object.entries(FIXED_FILES)) {
    if (!files.some((file) => file.kind === kind)) {
      errors.push({ file: path.join(absoluteRoot, relative), message: "filen saknas, men måste finnas" });
    }
  }
  return { files, errors };
}
