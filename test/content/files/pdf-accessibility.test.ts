import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Attachment } from "../../../src/content/model/model.ts";
import { inspectPdfs } from "../../../src/content/files/pdf-accessibility.ts";
import { temporaryWorkspace } from "../../helpers.ts";
import { damagedPdf, encryptedPdf } from "../../robustness/made-files.ts";

const workspace = temporaryWorkspace();

/** A listing of filer/ with one file written into it. */
async function listingWith(name: string, bytes: Buffer): Promise<ReadonlyMap<string, Attachment>> {
  const file = path.join(workspace.dir, name);
  await writeFile(file, bytes);
  const { size, mtimeMs } = await stat(file);
  return new Map([[name, { path: name, file, size, mtimeMs }]]);
}

describe("the facts of PDFs read at the same time", () => {
  it("are each the file's own, when two archives are validated at once in one process", async () => {
    const [locked, damaged] = await Promise.all([listingWith("last.pdf", encryptedPdf()), listingWith("skadad.pdf", damagedPdf())]);
    const [lockedFacts, damagedFacts] = await Promise.all([inspectPdfs(locked), inspectPdfs(damaged)]);
    expect(lockedFacts.get("last.pdf")?.unreadable).toMatch(/^PDF:en är skyddad med lösenord/);
    expect(damagedFacts.get("skadad.pdf")?.unreadable).toMatch(/^PDF:en är skadad/);
  });
});
