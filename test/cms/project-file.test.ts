import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cmsConfig } from "../../src/cms/config.ts";
import { readProjectFile, writeProjectFile } from "../../src/cms/project-file.ts";
import { EXAMPLE_CONTENT } from "../helpers.ts";

const read = (file: string) => readFile(path.join(EXAMPLE_CONTENT, file), "utf8");

describe("the web editor's project file format", () => {
  it("reads a published project, which has no draft line, as draft: false, with its body as written", async () => {
    const text = await read("projekt/vinna-vinna.md");
    const content = readProjectFile(text);
    expect(content).toMatchObject({ title: "Vinna Vinna", draft: false, period: { start: 2008, end: "2011-04-05" }, reviewed: "2018-07-04" });
    expect(text.endsWith(`---\n${content.body}`)).toBe(true);
  });

  it("writes a published project back without a draft line, byte for byte as it was", async () => {
    const text = await read("projekt/vinna-vinna.md");
    expect(writeProjectFile(readProjectFile(text))).toBe(text);
  });

  it("keeps a draft a draft, with the line last as npm run new writes it", () => {
    const text = writeProjectFile(readProjectFile("---\ndraft: true\ntitle: Nytt\n---\nText.\n"));
    expect(text).toBe("---\ntitle: Nytt\ndraft: true\n---\nText.\n");
  });

  it("reads Windows line endings and a byte-order mark, and a file with no body", () => {
    expect(readProjectFile("\uFEFF---\r\ntitle: Ett\r\n---\r\n")).toEqual({ title: "Ett", draft: false, body: "" });
    expect(writeProjectFile({ title: "Ett", draft: false, body: "" })).toBe("---\ntitle: Ett\n---\n");
  });

  it("writes lists in block style and quotes text that YAML would read as something else", async () => {
    const content = readProjectFile(await read("projekt/rom-for-dannelse.md"));
    const text = writeProjectFile({ ...content, summary: "Projektet: en översikt", subtitle: "2019" });
    expect(text).toContain("    roles:\n      - owner\n      - coordinator\n");
    expect(readProjectFile(text)).toMatchObject({ summary: "Projektet: en översikt", subtitle: "2019", partners: content.partners });
  });

  it("names the lead picture and the documents by their published address, as the form finds them, and a file read back names the same files", async () => {
    const text = "---\ntitle: Ett\nimage:\n  file: vinna-vinna/bild.jpg\n  alt: En bild\ndocuments:\n  - title: Slutrapport\n    file: vinna-vinna/slutrapport.pdf\n  - title: Plan\n    file: /filer/plan.pdf\n---\n";
    const content = readProjectFile(text);
    expect(content).toMatchObject({
      image: { file: "/filer/vinna-vinna/bild.jpg", alt: "En bild" },
      documents: [
        { title: "Slutrapport", file: "/filer/vinna-vinna/slutrapport.pdf" },
        { title: "Plan", file: "/filer/plan.pdf" },
      ],
    });
    // The form's public folder is where these addresses point.
    expect(cmsConfig({ siteName: "A", siteUrl: "https://a.se/", contentFolder: "content", localName: "a" }).public_folder).toBe("/filer");
    // Saved, the content reads the same files from either form.
    const saved = writeProjectFile(content);
    expect(saved).toContain("  file: /filer/vinna-vinna/bild.jpg\n");
    expect(writeProjectFile(readProjectFile(saved))).toBe(saved);
  });
});
