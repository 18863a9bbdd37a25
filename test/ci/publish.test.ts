import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, temporaryWorkspace } from "../helpers.ts";
import { canRunSsh, startSshServer, type SshServer } from "./ssh-server.ts";

const run = promisify(execFile);
const PUBLISH = path.join(PROJECT_ROOT, ".ci/publish");
const MARKER = ".projektarkiv-publicering";

/**
 * The SSH test needs an SSH server of its own on loopback, and a throwaway user whose home folder
 * it serves, made and removed as root, as in CI.
 */
const sshTestRuns = canRunSsh("the SSH publishing test");

interface Published {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs .ci/publish with the given secrets (and HOME, PATH when given), in `cwd`; resolves with its exit code and output. */
async function publish(site: string, env: Record<string, string>, cwd?: string): Promise<Published> {
  try {
    const { stdout, stderr } = await run("bash", [PUBLISH, site], { cwd, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/root", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every entry under `dir`, with a file's text and a link's target: what a refusal must leave as it was. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const relative of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, relative);
    const stat = await lstat(file);
    entries[relative] = stat.isSymbolicLink() ? `-> ${await readlink(file)}` : stat.isDirectory() ? "folder" : await readFile(file, "utf8");
  }
  return entries;
}

/** Expects a refusal: exit 1, the Swedish reason, and not one word of having published. */
function expectRefused(result: Published, reason: string | RegExp): void {
  expect(result.stderr).toMatch(typeof reason === "string" ? new RegExp(reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : reason);
  expect(result.stderr).toMatch(/^Publiceringen: /);
  expect(result.stdout).not.toContain("Publicerade");
  expect(result.code).toBe(1);
}

const SITE_FILES = ["index.html", "projekt", "projekt/vinna-vinna", "projekt/vinna-vinna/index.html"];
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
  it("publishes into an empty folder and writes its marker there, and makes a missing last folder", async () => {
    const empty = path.join(workspace.dir, "tom-webbserver");
    await mkdir(empty);
    const result = await publish(site, { DEPLOY_TARGET: `${empty}/` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Publicerade ${site} till ${empty}/`);
    expect((await readdir(empty, { recursive: true })).sort()).toEqual([MARKER, ...SITE_FILES]);
    expect(await readFile(path.join(empty, "projekt/vinna-vinna/index.html"), "utf8")).toBe("<h1>Vinna Vinna</h1>");
    expect(await readFile(path.join(empty, MARKER), "utf8")).toContain("tar emot webbplatsen från projektarkiv (.ci/publish)");

    const missing = path.join(workspace.dir, "ny-webbserver");
    expect((await publish(site, { DEPLOY_TARGET: missing })).code).toBe(0);
    expect((await readdir(missing, { recursive: true })).sort()).toEqual([MARKER, ...SITE_FILES]);
  });

  it("publishes into a folder with its marker: removes what is no longer built, keeps the marker, and copies no symbolic link", async () => {
    const target = path.join(workspace.dir, "webbserver");
    await mkdir(path.join(target, "projekt/borttaget"), { recursive: true });
    await writeFile(path.join(target, MARKER), "");
    await writeFile(path.join(target, "gammal.html"), "borttagen sida");
    await writeFile(path.join(target, "projekt/borttaget/index.html"), "borttaget projekt");
    const result = await publish(site, { DEPLOY_TARGET: `${target}/` });
    expect(result.code).toBe(0);
    expect((await readdir(target, { recursive: true })).sort()).toEqual([MARKER, ...SITE_FILES]);
  });

  it("refuses a folder that is not empty and has no marker, or that holds .ssh or .git even with one, and leaves it as it was", async () => {
    const foreign = path.join(workspace.dir, "annans-mapp");
    await mkdir(foreign);
    await writeFile(path.join(foreign, "budget.xlsx"), "siffror");
    const before = await snapshot(foreign);
    expectRefused(await publish(site, { DEPLOY_TARGET: foreign }), `Mappen ${foreign} är inte tom och saknar markeringsfilen ${MARKER}`);
    expect(await snapshot(foreign)).toEqual(before);

    for (const kept of [".ssh", ".git"]) {
      const marked = path.join(workspace.dir, `markerad-med-${kept.slice(1)}`);
      await mkdir(path.join(marked, kept), { recursive: true });
      await writeFile(path.join(marked, MARKER), "");
      await writeFile(path.join(marked, kept, "fil"), "behålls");
      const markedBefore = await snapshot(marked);
      expectRefused(await publish(site, { DEPLOY_TARGET: marked }), `innehåller ${kept} och ser ut att vara en hemmapp eller en utcheckning`);
      expect(await snapshot(marked)).toEqual(markedBefore);
    }

    expectRefused(await publish(site, { DEPLOY_TARGET: path.join(workspace.dir, "finns-inte/heller-inte") }), "finns inte, och inte heller mappen ovanför den");
  });

  it("refuses the checkout, given as ., as its path or a folder above it, and the site's own folder, in a temporary copy", async () => {
    // A repository of its own with a built site, so that a script that failed to refuse could
    // delete nothing but this copy.
    const repository = path.join(workspace.dir, "utcheckning");
    await mkdir(path.join(repository, "src"), { recursive: true });
    await writeFile(path.join(repository, "package.json"), "{}\n");
    await writeFile(path.join(repository, "src/main.ts"), "export {};\n");
    await cp(site, path.join(repository, "_site"), { recursive: true, verbatimSymlinks: true });
    const git = (...args: string[]) => run("git", ["-C", repository, "-c", "user.name=Test", "-c", "user.email=test@example.org", ...args]);
    await git("init", "-q");
    await git("add", "package.json", "src");
    await git("commit", "-q", "-m", "Början");
    const before = await snapshot(repository);

    for (const [target, reason] of [
      [".", "DEPLOY_TARGET (.) är den aktuella mappen"],
      ["./", "DEPLOY_TARGET (./) är den aktuella mappen"],
      [repository, `DEPLOY_TARGET (${repository}) är utcheckningen`],
      [`${repository}/src/..`, "är utcheckningen"],
      [workspace.dir, "är utcheckningen, webbplatsens mapp _site eller en mapp ovanför dem"],
      ["_site", "DEPLOY_TARGET (_site) är utcheckningen, webbplatsens mapp _site"],
      ["_site/projekt", "ligger i webbplatsens egen mapp _site"],
    ]) {
      expectRefused(await publish("_site", { DEPLOY_TARGET: target! }, repository), reason!);
      expect(await snapshot(repository), target).toEqual(before);
    }
  });

  it("refuses the home folder, as its path or as ~", async () => {
    const home = path.join(workspace.dir, "hem");
    await mkdir(path.join(home, ".config"), { recursive: true });
    await writeFile(path.join(home, "anteckningar.txt"), "mina anteckningar");
    const before = await snapshot(home);
    expectRefused(await publish(site, { DEPLOY_TARGET: home, HOME: home }), `DEPLOY_TARGET (${home}) är hemmappen ${home}`);
    expectRefused(await publish(site, { DEPLOY_TARGET: `${home}/`, HOME: home }), "är hemmappen");
    expectRefused(await publish(site, { DEPLOY_TARGET: "~", HOME: home }), "DEPLOY_TARGET (~) är den aktuella mappen eller en hemmapp");
    expectRefused(await publish(site, { DEPLOY_TARGET: "~/", HOME: home }, home), "är den aktuella mappen eller en hemmapp");
    expect(await snapshot(home)).toEqual(before);
  });

  it("refuses /, with a stand-in rsync first on PATH, so that a script that failed to refuse could copy nothing", async () => {
    const bin = path.join(workspace.dir, "stand-in");
    await mkdir(bin);
    await writeFile(path.join(bin, "rsync"), '#!/bin/sh\necho "rsync ran: $*" >&2\nexit 99\n', { mode: 0o755 });
    const PATH = `${bin}:${process.env.PATH}`;
    expectRefused(await publish(site, { DEPLOY_TARGET: "/", PATH }), "DEPLOY_TARGET (/) är filsystemets rot");
    expectRefused(await publish(site, { DEPLOY_TARGET: "/tmp/..", PATH }), "är filsystemets rot");
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
    expectRefused(await publish(site, { DEPLOY_TARGET: "127.0.0.1::webbplats" }), "pekar på en rsync-tjänst");
    // Read as options to rsync or ssh, or as a pattern, none of them is a folder.
    expectRefused(await publish(site, { DEPLOY_TARGET: "--remove-source-files" }), "börjar med ett bindestreck");
    expectRefused(await publish(site, { DEPLOY_TARGET: "publicera@-oProxyCommand=false:/srv/www/" }), "börjar med ett bindestreck, eller dess server gör det");
    expectRefused(await publish(site, { DEPLOY_TARGET: "publicera@127.0.0.1:/srv/*/" }), "har jokertecken (*, ? eller [) i sökvägen");
  });
});

describe.runIf(sshTestRuns)(".ci/publish over SSH, to an SSH server on 127.0.0.1", () => {
  let sshd: SshServer;
  let port: number;
  let keys: string;
  let knownHosts: string;
  let deployKey: string;
  /** A throwaway user whose home folder holds what a real one does. */
  const user = `projektarkiv${randomBytes(4).toString("hex")}`;
  let homes: string | undefined;
  let home: string;

  const over = (target: string): Promise<Published> =>
    publish(site, { DEPLOY_TARGET: target, DEPLOY_SSH_PORT: String(port), DEPLOY_SSH_KEY: deployKey, DEPLOY_KNOWN_HOSTS: knownHosts });

  beforeAll(async () => {
    keys = path.join(workspace.dir, "ssh");
    await mkdir(keys, { mode: 0o700 });
    await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(keys, "deploy")]);
    await writeFile(path.join(keys, "authorized_keys"), await readFile(path.join(keys, "deploy.pub")));
    await chmod(path.join(keys, "authorized_keys"), 0o600);
    deployKey = await readFile(path.join(keys, "deploy"), "utf8");

    // The user's home is in a folder of its own that the user can reach; a password of "*" signs in
    // no one, but unlike useradd's locked "!" it lets the key in when sshd runs without PAM.
    homes = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-hem-"));
    await chmod(homes, 0o755);
    home = path.join(homes, user);
    await run("useradd", ["--create-home", "--home-dir", home, "--shell", "/bin/sh", "--password", "*", user]);
    await mkdir(path.join(home, ".ssh"), { mode: 0o700 });
    await writeFile(path.join(home, ".ssh/authorized_keys"), await readFile(path.join(keys, "deploy.pub")));
    await writeFile(path.join(home, ".profile"), "# the user's own\n");
    await writeFile(path.join(home, "anteckningar.txt"), "mina anteckningar");
    await run("chown", ["-R", `${user}:`, home]);

    // root's key from the test's folder; the throwaway user's from its own home, as on a server.
    sshd = await startSshServer(keys, { authorizedKeysFiles: [path.join(keys, "authorized_keys"), ".ssh/authorized_keys"] });
    ({ port, knownHosts } = sshd);
  });
  afterAll(async () => {
    sshd?.stop();
    if (homes) {
      await run("userdel", ["--remove", user]).catch(() => undefined);
      await rm(homes, { recursive: true, force: true });
    }
  });

  it("publishes with the deploy key to an empty folder on the server whose host key it was given, and writes the marker", async () => {
    const target = path.join(workspace.dir, "server-www");
    await mkdir(target);
    const result = await over(`root@127.0.0.1:${target}/`);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect((await readdir(target, { recursive: true })).sort()).toEqual([MARKER, ...SITE_FILES]);
  });

  it("refuses a folder on the server with others' files and no marker; with the marker it publishes and removes stale pages", async () => {
    const target = path.join(workspace.dir, "server-annans");
    await mkdir(path.join(target, "gammalt"), { recursive: true });
    await writeFile(path.join(target, "gammalt/sida.html"), "en sida som inte byggs längre");
    await writeFile(path.join(target, "kalender med mellanslag.ics"), "annans fil");
    const before = await snapshot(target);
    expectRefused(await over(`root@127.0.0.1:${target}`), `Mappen ${target} på root@127.0.0.1 är inte tom och saknar markeringsfilen ${MARKER}`);
    expect(await snapshot(target)).toEqual(before);

    await writeFile(path.join(target, MARKER), "");
    const result = await over(`root@127.0.0.1:${target}/`);
    expect(result.code).toBe(0);
    expect((await readdir(target, { recursive: true })).sort()).toEqual([MARKER, ...SITE_FILES]);
  });

  it("refuses a user's home folder, with no path, ~, . or its full path, and every file in it stays", async () => {
    const before = await snapshot(home);
    expect(Object.keys(before)).toEqual(expect.arrayContaining([".ssh/authorized_keys", ".profile", ".bashrc", "anteckningar.txt"]));
    expectRefused(await over(`${user}@127.0.0.1:`), `DEPLOY_TARGET (${user}@127.0.0.1:) anger ingen mapp på servern`);
    expectRefused(await over(`${user}@127.0.0.1:~`), "pekar på användarens hemmapp");
    expectRefused(await over(`${user}@127.0.0.1:~/`), "pekar på användarens hemmapp");
    expectRefused(await over(`${user}@127.0.0.1:.`), "pekar på användarens hemmapp");
    // Only the server knows this is a home folder: the listing shows it.
    expectRefused(await over(`${user}@127.0.0.1:${home}/`), /innehåller \.(ssh|profile|bashrc) och ser ut att vara en hemmapp/);
    expectRefused(await over(`${user}@127.0.0.1:/`), "är serverns rot");
    expect(await snapshot(home)).toEqual(before);
    // The user can still sign in with the key in its own authorized_keys.
    const signedIn = await run("ssh", ["-p", String(port), "-i", path.join(keys, "deploy"), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", `${user}@127.0.0.1`, "pwd"]);
    expect(signedIn.stdout.trim()).toBe(home);
  });

  it("refuses a server whose host key is not the one it was given", async () => {
    const target = path.join(workspace.dir, "impostor-www");
    await mkdir(target);
    const otherKey = (await readFile(path.join(keys, "deploy.pub"), "utf8")).split(" ").slice(0, 2).join(" ");
    const result = await publish(site, {
      DEPLOY_TARGET: `root@127.0.0.1:${target}/`,
      DEPLOY_SSH_PORT: String(port),
      DEPLOY_SSH_KEY: deployKey,
      DEPLOY_KNOWN_HOSTS: `[127.0.0.1]:${port} ${otherKey}\n`,
    });
    expect(result.code).not.toBe(0);
    expect(await readdir(target)).toEqual([]);
  });
});
