import { existsSync } from "node:fs";
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
