import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "../eleventy/plugin.ts";

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
  /** How many files each build the server has finished wrote, in order ("Wrote 15 files"). */
  builds(): number[];
  stop(): Promise<void>;
}

/**
 * The environment for `npm start`'s command: this one's, without what src/cli/launch.mjs sets for
 * the compiled commands. A compiled command that starts the preview (the bench) would otherwise
 * hand it the validation cache on disk, which the preview does not use: it would rewrite the
 * whole cache after every save (at 10,000 projects, 0.6 s of each edit).
 */
function previewEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith("PROJEKTARKIV_")));
}

/**
 * Starts `npm start`'s command (Eleventy's dev server with our config, through tsx) on a content
 * folder, writing into `output`, and resolves once the first build is done and the server serves.
 * With `pathPrefix` (`npm start -- --pathprefix=/prefix/`), the site is served under that path.
 */
export async function startDevServer(content: string, output: string, { timeoutMs = 300_000, pathPrefix = "/" } = {}): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--config=.eleventy.ts",
      `--input=${content}`,
      `--output=${output}`,
      "--serve",
      `--port=${port}`,
      `--pathprefix=${pathPrefix}`,
    ],
    { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"], env: previewEnvironment(process.env) },
  );
  let printed = "";
  child.stdout!.on("data", (chunk) => (printed += chunk));
  child.stderr!.on("data", (chunk) => (printed += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (!printed.includes("Server at")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The dev server did not start:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const builds = () => [...printed.matchAll(/Wrote (\d+) files/g)].map((match) => Number(match[1]));
  return { url: `http://localhost:${port}${pathPrefix}`, output: () => printed, builds, stop };
}
