import path from "node:path";
import { expect, it } from "vitest";
import { adminPageMiddleware } from "../../src/eleventy/preview.ts";

const WHOLE = '<!DOCTYPE html>\n<html lang="sv">\n<head><script type="module" src="cms.js"></script></head>\n<body></body>\n</html>\n';

/** What the middleware answers for /admin/ while the file reads, in turn, as `reads` say (the last one from then on). */
async function served(reads: (string | undefined)[]): Promise<{ body?: string; passedOn: boolean; readCount: number }> {
  let readCount = 0;
  const read = async (file: string) => {
    expect(file).toBe(path.join("/site", "admin", "index.html"));
    const text = reads[Math.min(readCount++, reads.length - 1)];
    if (text === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return Buffer.from(text);
  };
  let body: string | undefined;
  let passedOn = false;
  await adminPageMiddleware("/site", { read, every: 0 })({ url: "/admin/?v=1", headers: {} }, { statusCode: 200, setHeader: () => {}, end: (bytes) => (body = bytes.toString()) }, () => (passedOn = true));
  return { body, passedOn, readCount };
}

it("serves the web editor's page whole, reading again while a rebuild has it empty or cut short", async () => {
  expect(await served([WHOLE])).toEqual({ body: WHOLE, passedOn: false, readCount: 1 });
  expect(await served(["", WHOLE.slice(0, 60), WHOLE])).toEqual({ body: WHOLE, passedOn: false, readCount: 3 });
});

it("serves a page that never becomes whole after its tries, and leaves /admin/ to the dev server at once where there is none", async () => {
  expect(await served([WHOLE.slice(0, 60)])).toEqual({ body: WHOLE.slice(0, 60), passedOn: false, readCount: 200 });
  // A site without the web editor (no cms: in site.yaml) has no /admin/: the dev server's 404, not a wait.
  expect(await served([undefined])).toEqual({ body: undefined, passedOn: true, readCount: 1 });
});
