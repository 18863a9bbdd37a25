/**
 * An SSH server of a test's own on 127.0.0.1 (Debian's sshd from a minimal configuration in a
 * folder of the test's, on a free port), for publishing to it with .ci/publish as CI does to an
 * organisation's server. It needs root, rsync and the OpenSSH server and client, which .ci/run
 * installs.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../servers/web-servers.ts";

const run = promisify(execFile);

/** The programs an SSH test needs, besides root: the server, the client and rsync, and useradd for a throwaway user. */
export const SSH_TOOLS = ["/usr/bin/rsync", "/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/ssh-keyscan", "/usr/sbin/useradd", "/usr/sbin/userdel"];

/** Whether the SSH tests can run here; with CI=true they must, and the file fails instead of skipping. */
export function canRunSsh(what: string): boolean {
  const can = SSH_TOOLS.every((tool) => existsSync(tool)) && process.getuid?.() === 0;
  if (!can) {
    if (process.env.CI === "true") throw new Error(`${what} needs ${SSH_TOOLS.join(", ")} and root. .ci/run installs rsync, openssh-server and openssh-client.`);
    console.warn(`\n*** SKIPPING ${what}: it needs rsync, openssh-server, openssh-client, useradd and root ***\n`);
  }
  return can;
}

export interface SshServer {
  readonly port: number;
  /** The server's host keys, as `ssh-keyscan -p PORT 127.0.0.1` prints them. */
  readonly knownHosts: string;
  stop(): void;
}

/**
 * Starts sshd on 127.0.0.1 with a host key made in `folder`, taking the keys in
 * `authorizedKeysFiles` (a path relative to a user's home, such as .ssh/authorized_keys, as on a
 * server). With `pam`, accounts are checked as Debian's own sshd checks them, so that a user
 * made by `adduser --disabled-password` (its password locked) signs in with a key.
 */
export async function startSshServer(folder: string, { authorizedKeysFiles, pam = false }: { authorizedKeysFiles: readonly string[]; pam?: boolean }): Promise<SshServer> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const hostKey = path.join(folder, "server");
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey]);
  const port = await freePort();
  const config = path.join(folder, "sshd_config");
  await writeFile(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorizedKeysFiles.join(" ")}`,
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      `UsePAM ${pam ? "yes" : "no"}`,
      "StrictModes no",
      `PidFile ${path.join(folder, "sshd.pid")}`,
      "",
    ].join("\n"),
  );
  await mkdir("/run/sshd", { recursive: true });
  const sshd: ChildProcess = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], { stdio: "ignore" });
  const deadline = Date.now() + 240_000; // a hang, not a slow machine
  while (Date.now() < deadline && sshd.exitCode === null) {
    const scanned = await run("ssh-keyscan", ["-p", String(port), "127.0.0.1"]).catch(() => ({ stdout: "" }));
    if (scanned.stdout.includes("ssh-ed25519")) return { port, knownHosts: scanned.stdout, stop: () => sshd.kill() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  sshd.kill();
  throw new Error("the test's SSH server did not start");
}
