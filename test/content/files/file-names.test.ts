import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { validateContent } from "../../../src/content/archive/load.ts";
import { contentTree, FIXTURES, runCli, temporaryWorkspace } from "../../helpers.ts";

const workspace = temporaryWorkspace();

describe("the names of files in filer/", () => {
  it("are a warning, not an error, when they break the guide's rule, with the name to give them", async () => {
    const content = await contentTree(workspace.dir, "minimal");
    const filer = path.join(content, "filer");
    await mkdir(path.join(filer, "Vinna Vinna"), { recursive: true });
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888888" } }).jpeg().toBuffer();
    const report = path.join(FIXTURES, "dokumentation/filer/lasframjande/slutrapport.pdf");
    await writeFile(path.join(filer, "IMG_4481.JPG"), photo);
    await writeFile(path.join(filer, "Vinna Vinna/karta.jpg"), photo);
    await copyFile(report, path.join(filer, "Slutrapport VINNA (slutlig).pdf"));
    await copyFile(report, path.join(filer, "läsfrämjande.pdf"));
    // Names that follow the rule, and a hidden file, are not warned about.
    await copyFile(report, path.join(filer, "slutrapport-2011.pdf"));
    await writeFile(path.join(filer, "bild-2.jpg"), photo);
    await writeFile(path.join(filer, ".gitkeep"), "");

    const { errors, warnings } = await validateContent(content);
    expect(errors).toEqual([]);
    const named = warnings.filter((warning) => warning.message.startsWith("namnet följer inte regeln"));
    const rule = "namnet följer inte regeln i redaktörsguiden: små bokstäver a–z, siffror och bindestreck, utan å, ä, ö, mellanslag och understreck";
    expect(named.map((warning) => [path.relative(filer, warning.file), warning.message])).toEqual([
      ["IMG_4481.JPG", `${rule}; byt namn till filer/img-4481.jpg och ändra det som hänvisar till filen`],
      ["Slutrapport VINNA (slutlig).pdf", `${rule}; byt namn till filer/slutrapport-vinna-slutlig.pdf och ändra det som hänvisar till filen`],
      ["Vinna Vinna/karta.jpg", `${rule}; byt namn till filer/vinna-vinna/karta.jpg och ändra det som hänvisar till filen`],
      ["läsfrämjande.pdf", `${rule}; byt namn till filer/lasframjande.pdf och ändra det som hänvisar till filen`],
    ]);

    // check passes, with the warnings after "inga fel".
    const checked = await runCli("check", [content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`${path.join(filer, "IMG_4481.JPG")}  ${rule}; byt namn till filer/img-4481.jpg`);
  });
});
