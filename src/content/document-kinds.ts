/**
 * Whether each office document and text file in filer/ is what its name says, by its first bytes:
 * a visitor who clicks "Budget (Excel, 20 kB)" should get a spreadsheet, not a program or a web page
 * with another name. PDFs (pdf-accessibility.ts) and pictures (picture-facts.ts) are read by their
 * own readers.
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

/** What a file that is not what its name says seems to be, from its first bytes. */
function seemsToBe(head: Buffer): string {
  if (head.subarray(0, 2).toString("latin1") === "MZ") return "ett Windows-program";
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "en PDF";
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(head.toString("latin1"))) return "en webbsida eller XML";
  if (head[0] === 0xff && head[1] === 0xd8) return "en JPEG-bild";
  return "något annat";
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
    const handle = await open(attachment.file);
    const head = Buffer.alloc(Math.min(4096, attachment.size));
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    if (text) {
      if (head.includes(0) || /^\s*<(?:!doctype|html|svg|\?xml)/i.test(head.toString("latin1"))) mismatches.set(attachment.path, `filen är inte text utan ${seemsToBe(head)}`);
    } else if (!signature!.starts.every((byte, index) => head[index] === byte)) {
      mismatches.set(attachment.path, `filen är inte ${signature!.what} utan ${seemsToBe(head)}, fast namnet slutar på .${extension}; spara om den från programmet den gjordes i`);
    }
  }
  return mismatches;
}
