import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT, temporaryFolder } from "../helpers.ts";

/** A free loopback port, found by letting the system pick one. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface DevServer {
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `npm start`'s command (Eleventy's dev server with our config) on a content folder, writing
 * into a temporary folder, and resolves once it serves.
 */
export async function startDevServer(content: string): Promise<DevServer> {
  const port = await freePort();
  const workspace = await temporaryFolder();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=.eleventy.ts",
      `--input=${content}`,
      `--output=${path.join(workspace.dir, "_site")}`,
      "--serve",
      `--port=${port}`,
    ],
    { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let printed = "";
  child.stdout!.on("data", (chunk) => (printed += chunk));
  child.stderr!.on("data", (chunk) => (printed += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await workspace.remove();
  };
  const deadline = Date.now() + 60_000;
  while (!printed.includes("Server at")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The dev server did not start:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://localhost:${port}/`, output: () => printed, stop };
}
