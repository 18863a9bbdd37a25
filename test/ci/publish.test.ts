import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, temporaryWorkspace } from "../helpers.ts";

const run = promisify(execFile);
const PUBLISH = path.join(PROJECT_ROOT, ".ci/publish");

/** The programs the SSH test needs: an SSH server of its own on loopback, run as root as in CI. */
const tools = ["/usr/bin/rsync", "/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/ssh-keyscan"];
const canRunSsh = tools.every((tool) => existsSync(tool)) && process.getuid?.() === 0;
if (!canRunSsh) {
  if (process.env.CI === "true") throw new Error(`The publishing test needs ${tools.join(", ")} and root. .ci/run installs rsync, openssh-server and openssh-client.`);
  console.warn("\n*** SKIPPING the SSH publishing test: it needs rsync, openssh-server and openssh-client, and root ***\n");
}

/** Runs .ci/publish with the given secrets; resolves with its exit code and output. */
async function publish(site: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("bash", [PUBLISH, site], { env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/root", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const workspace = temporaryWorkspace();
let site: string;

beforeAll(async () => {
  site = path.join(workspace.dir, "_site");
  await mkdir(path.join(site, "projekt/vinna-vinna"), { recursive: true });
  await writeFile(path.join(site, "index.html"), "<h1>Avslutade projekt</h1>");
  await writeFile(path.join(site, "projekt/vinna-vinna/index.html"), "<h1>Vinna Vinna</h1>");
  // A link that a broken content folder could leave: it must never reach the server.
  await symlink("/etc/passwd", path.join(site, "losen.txt"));
});

describe.runIf(existsSync("/usr/bin/rsync"))(".ci/publish to a folder", () => {
  it("publishes the site, removes what is no longer built, and copies no symbolic link", async () => {
    const target = path.join(workspace.dir, "webbserver");
    await mkdir(target);
    await writeFile(path.join(target, "gammal.html"), "borttagen sida");
    const result = await publish(site, { DEPLOY_TARGET: `${target}/` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Publicerade ${site} till ${target}/`);
    expect((await readdir(target, { recursive: true })).sort()).toEqual(["index.html", "projekt", "projekt/vinna-vinna", "projekt/vinna-vinna/index.html"]);
    expect(await readFile(path.join(target, "projekt/vinna-vinna/index.html"), "utf8")).toBe("<h1>Vinna Vinna</h1>");
  });

  it("says what is missing, in Swedish, and publishes nothing", async () => {
    const noTarget = await publish(site, {});
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain("Publiceringen: DEPLOY_TARGET saknas.");
    const noSite = await publish(path.join(workspace.dir, "finns-inte"), { DEPLOY_TARGET: "/tmp/x/" });
    expect(noSite.code).toBe(1);
    expect(noSite.stderr).toContain("hittar ingen byggd webbplats");
    const noHostKeys = await publish(site, { DEPLOY_TARGET: "publicera@127.0.0.1:/srv/", DEPLOY_SSH_KEY: "nyckel" });
    expect(noHostKeys.code).toBe(1);
    expect(noHostKeys.stderr).toContain("DEPLOY_KNOWN_HOSTS saknas");
  });
});

describe.runIf(canRunSsh)(".ci/publish over SSH, to an SSH server on 127.0.0.1", () => {
  let sshd: ChildProcess;
  let port: number;
  let keys: string;

  beforeAll(async () => {
    keys = path.join(workspace.dir, "ssh");
    await mkdir(keys, { mode: 0o700 });
    await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(keys, "server")]);
    await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(keys, "deploy")]);
    await writeFile(path.join(keys, "authorized_keys"), await readFile(path.join(keys, "deploy.pub")));
    await chmod(path.join(keys, "authorized_keys"), 0o600);
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const config = path.join(keys, "sshd_config");
    await writeFile(
      config,
      [
        `Port ${port}`,
        "ListenAddress 127.0.0.1",
        `HostKey ${path.join(keys, "server")}`,
        `AuthorizedKeysFile ${path.join(keys, "authorized_keys")}`,
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "UsePAM no",
        "StrictModes no",
        `PidFile ${path.join(keys, "sshd.pid")}`,
        "",
      ].join("\n"),
    );
    await mkdir("/run/sshd", { recursive: true });
    sshd = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], { stdio: "ignore" });
    const deadline = Date.now() + 240_000; // a hang, not a slow machine
    while (Date.now() < deadline && sshd.exitCode === null) {
      const scanned = await run("ssh-keyscan", ["-p", String(port), "127.0.0.1"]).catch(() => ({ stdout: "" }));
      if (scanned.stdout.includes("ssh-ed25519")) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the test's SSH server did not start");
  });
  afterAll(() => {
    sshd?.kill();
  });

  it("publishes with the deploy key to the server whose host key it was given", async () => {
    const target = path.join(workspace.dir, "server-www");
    await mkdir(target);
    const knownHosts = (await run("ssh-keyscan", ["-p", String(port), "127.0.0.1"])).stdout;
    const result = await publish(site, {
      DEPLOY_TARGET: `root@127.0.0.1:${target}/`,
      DEPLOY_SSH_PORT: String(port),
      DEPLOY_SSH_KEY: await readFile(path.join(keys, "deploy"), "utf8"),
      DEPLOY_KNOWN_HOSTS: knownHosts,
    });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect((await readdir(target, { recursive: true })).sort()).toEqual(["index.html", "projekt", "projekt/vinna-vinna", "projekt/vinna-vinna/index.html"]);
  });

  it("refuses a server whose host key is not the one it was given", async () => {
    const target = path.join(workspace.dir, "impostor-www");
    await mkdir(target);
    const otherKey = (await readFile(path.join(keys, "deploy.pub"), "utf8")).split(" ").slice(0, 2).join(" ");
    const result = await publish(site, {
      DEPLOY_TARGET: `root@127.0.0.1:${target}/`,
      DEPLOY_SSH_PORT: String(port),
      DEPLOY_SSH_KEY: await readFile(path.join(keys, "deploy"), "utf8"),
      DEPLOY_KNOWN_HOSTS: `[127.0.0.1]:${port} ${otherKey}\n`,
    });
    expect(result.code).not.toBe(0);
    expect(await readdir(target)).toEqual([]);
  });
});
