/**
 * The names of the files in filer/, by the editor guide's rule: lower-case letters a–z, digits and
 * hyphens, and a lower-case extension ("slutrapport-2011.pdf"), in folders named the same way. A
 * name that breaks it still works, and is published as it is, but it is awkward in an address
 * (IMG_4481.JPG, or "Slutrapport VINNA (slutlig).pdf" as Slutrapport%20VINNA%20%28slutlig%29.pdf)
 * and easy to mistype in a link. `check` warns, with the name the rule gives.
 */
import path from "node:path";
import type { ContentError } from "../model/errors.ts";
import { boundedSlug, isSlug, swedishSlug } from "../../format/slug.ts";
import { ATTACHMENTS_FOLDER } from "../reading/content-tree.ts";
import type { AttachmentListing } from "./attachments.ts";

/** A file's name split at its last dot: "IMG_4481.JPG" is "IMG_4481" and "JPG". */
function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot + 1) } : { stem: name, extension: "" };
}

const isGoodName = (name: string, isFile: boolean) => {
  if (!isFile) return isSlug(name);
  const { stem, extension } = splitExtension(name);
  return isSlug(stem) && /^[a-z0-9]+$/.test(extension);
};

/** The name the rule gives a folder or file name, or undefined when it has no letter or digit to make one of. */
function goodName(name: string, isFile: boolean): string | undefined {
  const { stem, extension } = isFile ? splitExtension(name) : { stem: name, extension: "" };
  const slug = boundedSlug(swedishSlug(stem));
  if (!slug) return undefined;
  return extension ? `${slug}.${extension.toLowerCase()}` : slug;
}

/** A warning for each file in filer/ whose name, or the name of a folder it is in, breaks the rule; hidden files are left to the allow-list. */
export function fileNameWarnings(listing: AttachmentListing): ContentError[] {
  return [...listing.values()].flatMap((attachment) => {
    if (attachment.hidden || attachment.link) return [];
    const parts = attachment.path.normalize("NFC").split("/");
    const isFile = (index: number) => index === parts.length - 1;
    if (parts.every((part, index) => isGoodName(part, isFile(index)))) return [];
    const renamed = parts.map((part, index) => (isGoodName(part, isFile(index)) ? part : goodName(part, isFile(index))));
    const advice = renamed.every((part) => part !== undefined)
      ? `byt namn till ${path.posix.join(ATTACHMENTS_FOLDER, ...(renamed as string[]))} och ändra det som hänvisar till filen`
      : "byt namn med bokstäver och siffror, och ändra det som hänvisar till filen";
    return [{ file: attachment.file, message: `namnet följer inte regeln i redaktörsguiden: små bokstäver a–z, siffror och bindestreck, utan å, ä, ö, mellanslag och understreck; ${advice}` }];
  });
}
