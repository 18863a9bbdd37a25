import { existsSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startDevServer } from "../../src/cli/dev-server.ts";
import { contentTree, temporaryFolder } from "../helpers.ts";

const SETTINGS = ["PROJEKTARKIV_CODE_VERSION", "PROJEKTARKIV_CACHE_DIR"] as const;
afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
});

describe("the preview started by a compiled command (the bench)", () => {
  it("keeps no validation results on disk, as npm start does not", async () => {
    const workspace = await temporaryFolder();
    try {
      const cache = path.join(workspace.dir, "cache");
      const content = await contentTree(workspace.dir, "minimal");
      // What src/cli/launch.mjs sets for the compiled commands, such as the bench that starts the preview.
      process.env.PROJEKTARKIV_CODE_VERSION = "kompilerad";
      process.env.PROJEKTARKIV_CACHE_DIR = cache;
      const server = await startDevServer(content, path.join(workspace.dir, "_site"));
      await server.stop();
      expect(server.builds()).toHaveLength(1);
      // With the settings, the preview would rewrite the whole cache after every save.
      expect(existsSync(path.join(cache, "validering"))).toBe(false);
    } finally {
      await workspace.remove();
    }
  });
});

describe("the preview (npm start)", () => {
  it("answers an address that starts with two slashes, and keeps running", async () => {
    const workspace = await temporaryFolder();
    try {
      const content = await contentTree(workspace.dir, "minimal");
      const server = await startDevServer(content, path.join(workspace.dir, "_site"));
      try {
        const origin = new URL(server.url).origin;
        // fetch() would normalise the address; a raw request sends it as written.
        const status = (target: string) =>
          new Promise<number>((resolve, reject) => {
            const request = get({ host: "127.0.0.1", port: new URL(origin).port, path: target, headers: { host: new URL(origin).host } }, (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            });
            request.on("error", reject);
            request.setTimeout(10_000, () => request.destroy(new Error(`no answer to ${target}`)));
          });
        expect(await status("//")).toBe(200);
        expect(await status("//projekt/alfa/")).toBe(200);
        expect(await status("/kontakt/")).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      await workspace.remove();
    }
  });
});

