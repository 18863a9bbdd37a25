/**
 * Small files made byte by byte for the tests: an encrypted PDF, a damaged one, one whose metadata
 * stream unpacks to hundreds of megabytes, and a PNG that declares more pixels than it has.
 */
import { crc32, createDeflate } from "node:zlib";

/** A PDF of the given objects (numbered from 1), with a correct cross-reference table. */
export function pdfOf(objects: readonly (string | Buffer)[], trailer = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object, "latin1"), Buffer.from("\nendobj\n")]);
    parts.push(body);
    length += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

const PAGES = ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"];

/** Encrypted with the standard handler and a user password that is not empty: it opens only with the password. */
export function encryptedPdf(): Buffer {
  const hex = (byte: string) => `<${byte.repeat(32)}>`;
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", ...PAGES, `<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex("5a")} /U ${hex("a5")} /P -4 >>`], `/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `);
}

/** Starts as a PDF and ends as one, with nothing a reader can use in between. */
export function damagedPdf(): Buffer {
  return Buffer.from("%PDF-1.4\nDet här är ingen PDF, bara text med rätt början och slut.\n%%EOF\n", "latin1");
}

/** A metadata stream (XMP) of `megabytes` MB of spaces, deflated to a few hundred kilobytes. */
export async function metadataBomb(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const megabyte = Buffer.alloc(1024 * 1024, " ");
  for (let written = 0; written < megabytes; written++) {
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  const stream = Buffer.concat(chunks);
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>",
    ...PAGES,
    Buffer.concat([Buffer.from(`<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`), stream, Buffer.from("\nendstream")]),
  ]);
}

/** A PNG whose header declares `width` × `height` pixels, with no picture data to speak of. */
export function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk("IEND", Buffer.alloc(0))]);
}
