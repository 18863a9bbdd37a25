/**
 * Whether each office document and text file in filer/ is what its name says, by its first bytes:
 * a visitor who clicks "Budget (Excel, 20 kB)" should get a spreadsheet, not a program or a web page
 * with another name. PDFs (pdf-accessibility.ts) and pictures (picture-facts.ts) are read by their
 * own readers, with this module's reading of a file's ends and naming of what a file seems to be.
 */
import { open } from "node:fs/promises";
import type { AttachmentListing } from "./attachments.ts";
import { extensionOf } from "./attachments.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How each kind starts: Office Open XML and OpenDocument are zip files, the older Office formats OLE files. */
const SIGNATURES: Readonly<Record<string, { readonly starts: readonly number[]; readonly what: string }>> = {
  docx: { starts: ZIP, what: "ett Word-dokument" },
  xlsx: { starts: ZIP, what: "ett Excel-dokument" },
  pptx: { starts: ZIP, what: "en PowerPoint-presentation" },
  odt: { starts: ZIP, what: "ett OpenDocument-dokument" },
  ods: { starts: ZIP, what: "ett OpenDocument-kalkylblad" },
  odp: { starts: ZIP, what: "en OpenDocument-presentation" },
  doc: { starts: OLE, what: "ett Word-dokument" },
  xls: { starts: OLE, what: "ett Excel-dokument" },
  ppt: { starts: OLE, what: "en PowerPoint-presentation" },
  rtf: { starts: [...Buffer.from("{\\rtf", "latin1")], what: "ett RTF-dokument" },
};

/**
 * The first `head` and last `tail` bytes of a file of `size` bytes: what the readers of files in
 * filer/ recognise a kind by (here, PDFs in pdf-accessibility.ts, pictures in picture-facts.ts).
 */
export async function fileEnds(file: string, size: number, { head = 0, tail = 0 }: { head?: number; tail?: number }): Promise<{ head: Buffer; tail: Buffer }> {
  const handle = await open(file);
  try {
    const start = Buffer.alloc(Math.min(head, size));
    const end = Buffer.alloc(Math.min(tail, size));
    await handle.read(start, 0, start.length, 0);
    await handle.read(end, 0, end.length, size - end.length);
    return { head: start, tail: end };
  } finally {
    await handle.close();
  }
}

/** What a file that is not what its name says seems to be, from its first bytes: "en JPEG-bild"; undefined when nothing known. */
export function seemsToBe(head: Buffer): string | undefined {
  const text = head.toString("latin1");
  if (text.startsWith("MZ")) return "ett Windows-program";
  if (text.startsWith("%PDF-")) return "en PDF";
  if (head[0] === 0xff && head[1] === 0xd8) return "en JPEG-bild";
  if (text.startsWith("\x89PNG")) return "en PNG-bild";
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(text)) return "en webbsida eller XML";
  return undefined;
}

/** Why each linked kind of document is not what its name says, by path under filer/; absent when it is. */
export async function inspectDocuments(listing: AttachmentListing): Promise<ReadonlyMap<string, string>> {
  const mismatches = new Map<string, string>();
  for (const attachment of listing.values()) {
    const extension = extensionOf(attachment.path);
    const text = extension === "txt" || extension === "csv";
    const signature = SIGNATURES[extension];
    if (attachment.link || (!signature && !text)) continue;
    if (attachment.size === 0) {
      mismatches.set(attachment.path, "filen är tom");
      continue;
    }
    const { head } = await fileEnds(attachment.file, attachment.size, { head: 4096 });
    const kind = seemsToBe(head) ?? "något annat";
    if (text) {
      if (head.includes(0) || /^\s*<(?:!doctype|html|svg|\?xml)/i.test(head.toString("latin1"))) mismatches.set(attachment.path, `filen är inte text utan ${kind}`);
    } else if (!signature!.starts.every((byte, index) => head[index] === byte)) {
      mismatches.set(attachment.path, `filen är inte ${signature!.what} utan ${kind}, fast namnet slutar på .${extension}; spara om den från programmet den gjordes i`);
    }
  }
  return mismatches;
}
