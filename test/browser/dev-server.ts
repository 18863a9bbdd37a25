import path from "node:path";
import { startDevServer as start, type DevServer } from "../../src/cli/dev-server.ts";
import { temporaryFolder } from "../helpers.ts";

export type { DevServer };

/**
 * Starts `npm start`'s dev server on a content folder, writing into a temporary folder removed on
 * stop; with `pathPrefix`, the site is served under it.
 */
export async function startDevServer(content: string, options: { pathPrefix?: string } = {}): Promise<DevServer> {
  const workspace = await temporaryFolder();
  try {
    const server = await start(content, path.join(workspace.dir, "_site"), options);
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await workspace.remove();
      },
    };
  } catch (error) {
    await workspace.remove();
    throw error;
  }
}
