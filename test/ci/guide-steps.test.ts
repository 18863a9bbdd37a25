/**
 * The editor guide's chapter "Ta arkivet i bruk", run as far as this machine allows: each command
 * is taken from a code block the guide marks with `<!-- prövas: NAME -->`, so that the guide and
 * the test cannot drift apart. The addresses of the guide's examples are replaced by what stands
 * in for them here: a bare repository for GitHub's and GitLab's, 127.0.0.1 with an SSH server of
 * the test's own for www.region.se, a temporary folder for /var/www/avslutade-projekt and a
 * throwaway user for `publicera`. `npm install` is replaced by the project's installed packages,
 * and GitLab's pipeline is run by gitlab-ci-local, so that no test asks a registry or a host.
 */
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { PROJECT_ROOT, temporaryWorkspace } from "../helpers.ts";
import { freePort, serveWithApache, webServersInstalled } from "../servers/web-servers.ts";
import { waitingFor } from "../waiting.ts";
import { git, linkInstalledPackages, npmWithoutRegistry, projectRepository } from "./project-repository.ts";
import { canRunSsh, startSshServer, type SshServer } from "./ssh-server.ts";

const run = promisify(execFile);
const GITLAB_CI_LOCAL = path.join(PROJECT_ROOT, "node_modules/.bin/gitlab-ci-local");
const GUIDE = path.join(PROJECT_ROOT, "docs/redaktorsguide.md");

/** The guide's marked code blocks by name, each as its lines of commands. */
async function guideBlocks(): Promise<Map<string, string[]>> {
  const guide = await readFile(GUIDE, "utf8");
  const blocks = new Map<string, string[]>();
  for (const [, name, indent, body] of guide.matchAll(/<!-- prövas: ([\p{L}\p{N}-]+) -->\n( *)```[a-z]*\n([\s\S]*?)\n *```/gu)) {
    blocks.set(name!, body!.split("\n").map((line) => line.slice(indent!.length)));
  }
  return blocks;
}

/** Runs lines of shell in `cwd` as a person would type them, stopping at the first that fails. */
async function shell(lines: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await waitingFor(`the guide's commands: ${lines[0]}`, run("bash", ["-e", "-c", lines.join("\n")], { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }));
  return stdout;
}

/** A committer for the guide's `git commit`, as `git config --global` would give one. */
const COMMITTER = { GIT_AUTHOR_NAME: "Åsa Lindqvist", GIT_AUTHOR_EMAIL: "asa.lindqvist@example.se", GIT_COMMITTER_NAME: "Åsa Lindqvist", GIT_COMMITTER_EMAIL: "asa.lindqvist@example.se" };

/** The lines of a block with `from` replaced by `to` in each. */
const replacing = (lines: readonly string[], ...pairs: readonly [string | RegExp, string][]) =>
  lines.map((line) => pairs.reduce((text, [from, to]) => text.replaceAll(from, to), line));

const hasTools = existsSync("/usr/bin/rsync") && existsSync(GITLAB_CI_LOCAL);
if (!hasTools && process.env.CI === "true") throw new Error("The guide's steps need rsync and gitlab-ci-local. .ci/run installs rsync.");
const sshRuns = canRunSsh("the guide's own-server steps") && existsSync("/usr/sbin/adduser");
if (!existsSync("/usr/sbin/adduser") && process.env.CI === "true") throw new Error("The guide's own-server steps make their user with adduser. .ci/run installs it.");
const serversRun = webServersInstalled();

describe.runIf(hasTools)("the guide's chapter Ta arkivet i bruk, step by step", () => {
  const workspace = temporaryWorkspace();
  let blocks: Map<string, string[]>;
  /** The template: projektarkiv as its publisher has it, which the guide's `git clone` fetches. */
  let template: string;
  let templateHead: string;

  const block = (name: string) => {
    const lines = blocks.get(name);
    if (!lines) throw new Error(`the guide has no block marked <!-- prövas: ${name} -->`);
    return lines;
  };

  beforeAll(async () => {
    blocks = await guideBlocks();
    ({ origin: template } = await projectRepository(path.join(workspace.dir, "mall")));
    templateHead = (await git(template, "rev-parse", "main")).stdout.trim();
  });

  /**
   * Step 3: the template fetched into `dir/avslutade-projekt` with the guide's commands, its address
   * the template here, and `npm install` replaced by the project's installed packages.
   */
  async function fetchTemplate(dir: string): Promise<string> {
    await mkdir(dir, { recursive: true });
    const lines = replacing(block("hämta-mallen"), ["https://github.com/ÄGARE/projektarkiv.git", template]);
    expect(lines).toContain("npm install");
    await shell(lines.filter((line) => line !== "npm install"), dir);
    const folder = path.join(dir, "avslutade-projekt");
    await linkInstalledPackages(folder);
    return folder;
  }

  /** A new, empty repository, as the host makes it for "Create repository": bare, with nothing in it. */
  async function emptyRepository(dir: string): Promise<string> {
    const bare = path.join(dir, "nytt-arkiv.git");
    await run("git", ["init", "-q", "--bare", "-b", "main", bare]);
    return bare;
  }

  /** What `npm run setup` printed under "Kvar att göra för hand:". */
  const remainingOf = (stdout: string) => stdout.slice(stdout.indexOf("Kvar att göra för hand:")).split("\n\n")[0]!;

  it("GitHub, from a folder already set up: setup, a commit, origin moved to a new empty repository, and the push arrives there, not in the template", async () => {
    const dir = path.join(workspace.dir, "github");
    const folder = await fetchTemplate(dir);
    const setup = await shell(block("setup-github"), folder);
    expect(setup).toContain('avsnittet "Publicera med GitHub Pages"');
    expect(remainingOf(setup)).not.toContain("SITE_PATH_PREFIX");
    await shell(block("spara-mappen"), folder, COMMITTER);
    const github = await emptyRepository(dir);
    await shell(replacing(block("github-skicka"), ["https://github.com/regionbiblioteket-dalarna/avslutade-projekt.git", github]), folder);

    expect((await git(folder, "remote", "get-url", "origin")).stdout.trim()).toBe(github);
    const pushed = await git(github, "show", "main:content/_data/site.yaml");
    expect(parseYaml(pushed.stdout)).toMatchObject({
      organisation: "Region Dalarna",
      url: "https://regionbiblioteket-dalarna.github.io/avslutade-projekt/",
      cms: { repo: "regionbiblioteket-dalarna/avslutade-projekt" },
    });
    expect((await git(github, "log", "-1", "--format=%s", "main")).stdout.trim()).toBe("Vårt eget arkiv");
    // The template is as it was: nothing was pushed to where the folder came from.
    expect((await git(template, "rev-parse", "main")).stdout.trim()).toBe(templateHead);
  });

  it("GitLab with GitLab Pages: pushed to a new project, the pipeline publishes under the path of the Pages address that url: names", async () => {
    const dir = path.join(workspace.dir, "gitlab");
    const folder = await fetchTemplate(dir);
    const setupLine = block("setup-gitlab");
    const setup = await shell(setupLine, folder);
    expect(setup).toContain('avsnittet "Publicera med GitLab Pages"');
    expect(remainingOf(setup)).not.toContain("SITE_PATH_PREFIX");
    await shell(block("spara-mappen"), folder, COMMITTER);
    const gitlab = await emptyRepository(dir);
    await shell(replacing(block("gitlab-skicka"), ["https://gitlab.com/region-dalarna/avslutade-projekt.git", gitlab]), folder);
    expect((await git(gitlab, "log", "-1", "--format=%s", "main")).stdout.trim()).toBe("Vårt eget arkiv");

    // GitLab gives the pipeline the project's Pages address; the guide's is the one setup wrote as url:.
    const pagesUrl = /--url (\S+)/.exec(setupLine.join(" "))![1]!;
    const bin = await npmWithoutRegistry(dir);
    const { stdout } = await waitingFor(
      "gitlab-ci-local: check and pages",
      run(GITLAB_CI_LOCAL, ["--force-shell-executor", "--needs", "pages", "--variable", `CI_PAGES_URL=${pagesUrl.replace(/\/$/, "")}`], {
        cwd: folder,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        maxBuffer: 16 * 1024 * 1024,
      }),
    );
    expect(stdout).toMatch(/PASS\s+pages/);
    const published = path.join(folder, ".gitlab-ci-local/artifacts/pages/_site");
    const page = parse(await readFile(path.join(published, "index.html"), "utf8"));
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(pagesUrl);
    expect(page.querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toMatch(/^\/avslutade-projekt\//);
  });

  describe.runIf(sshRuns && serversRun)("the organisation's own server, from GitLab, served by Apache", () => {
    const user = `publ${randomBytes(4).toString("hex")}`;
    let sshd: SshServer | undefined;
    let www: string | undefined;

    afterAll(async () => {
      sshd?.stop();
      await run("userdel", ["--remove", user]).catch(() => undefined);
      if (www) await rm(www, { recursive: true, force: true });
    });

    it("the server's user, folder and keys as the guide makes them, the three settings and the path from setup: the pipeline publishes over SSH, Apache serves the site, and the built site can be looked at locally", async () => {
      const dir = path.join(workspace.dir, "server");
      const folder = await fetchTemplate(dir);
      const setup = await shell(block("setup-server"), folder);
      expect(setup).toContain('avsnittet "Publicera på organisationens egen webbserver"');
      // The path prefix setup said to set, as GitLab's CI/CD variable.
      const prefix = /GitLab: skapa variabeln SITE_PATH_PREFIX med värdet (\S+) \(Settings → CI\/CD → Variables\)/.exec(remainingOf(setup))?.[1];
      expect(prefix).toBe("/avslutade-projekt/");
      await shell(block("spara-mappen"), folder, COMMITTER);
      await shell(replacing(block("gitlab-skicka"), ["https://gitlab.com/region-dalarna/avslutade-projekt.git", await emptyRepository(dir)]), folder);

      // The server: the guide's commands as root, for a throwaway user and a folder of the test's.
      www = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-www-"));
      await chmod(www, 0o755);
      const target = path.join(www, "avslutade-projekt");
      const admin = path.join(dir, "serveradmin");
      await mkdir(admin);
      const onServer = (name: string) => replacing(block(name), [/\bpublicera\b/g, user], ["/var/www/avslutade-projekt", target]);
      await shell(onServer("server-användare"), admin);
      await shell(onServer("nyckel"), admin);
      sshd = await startSshServer(path.join(dir, "sshd"), { authorizedKeysFiles: [".ssh/authorized_keys"], pam: true });
      await shell(replacing(onServer("serverns-nycklar"), ["www.region.se", `-p ${sshd.port} 127.0.0.1`]), admin);

      // The three settings, as the guide's table names them, and the port, which is not 22 here.
      const guide = await readFile(GUIDE, "utf8");
      const deployTarget = /\| `DEPLOY_TARGET` \| `([^`]+)` \|/.exec(guide)![1]!.replace(/\bpublicera\b/, user).replace("www.region.se", "127.0.0.1").replace("/var/www/avslutade-projekt", target);
      const variables = {
        DEPLOY_TARGET: deployTarget,
        DEPLOY_SSH_KEY: await readFile(path.join(admin, user), "utf8"),
        DEPLOY_KNOWN_HOSTS: await readFile(path.join(admin, "kanda-servrar"), "utf8"),
        DEPLOY_SSH_PORT: String(sshd.port),
        SITE_PATH_PREFIX: prefix!,
      };
      const bin = await npmWithoutRegistry(dir);
      const { stdout } = await waitingFor(
        "gitlab-ci-local: check and server",
        run(GITLAB_CI_LOCAL, ["--force-shell-executor", "--needs", "server", ...Object.entries(variables).flatMap(([name, value]) => ["--variable", `${name}=${value}`])], {
          cwd: folder,
          env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
          maxBuffer: 16 * 1024 * 1024,
        }),
      );
      expect(stdout).toMatch(/PASS\s+server/);
      expect(stdout).toContain(`Publicerade _site till ${deployTarget}`);
      expect(await readdir(target)).toEqual(expect.arrayContaining([".projektarkiv-publicering", "index.html", ".htaccess", "sok"]));

      // Apache with mod_headers and AllowOverride FileInfo, as the guide sets it up, under the site's path.
      const apache = await serveWithApache(target, { pathPrefix: prefix! });
      try {
        const start = await fetch(apache.url);
        expect(start.status).toBe(200);
        expect(start.headers.get("content-security-policy")).toContain("default-src");
        const page = parse(await start.text());
        expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://www.region.se/avslutade-projekt/");
        const stylesheet = page.querySelector('link[rel="stylesheet"]')!.getAttribute("href")!;
        expect(stylesheet).toMatch(/^\/avslutade-projekt\//);
        expect((await fetch(new URL(stylesheet, apache.url))).status).toBe(200);
        expect((await fetch(`${apache.url}finns-inte/`)).status).toBe(404);
      } finally {
        await apache.stop();
      }

      // Looking at the built site on one's own computer, with the guide's commands on a free port.
      const [build, serve] = [block("bygg-och-titta").slice(0, -1), block("bygg-och-titta").at(-1)!];
      await shell(build, folder);
      const port = await freePort();
      // In a process group of its own: npx starts the server as a child, and both are stopped together.
      const server = spawn("bash", ["-c", `exec ${serve} --port=${port}`], { cwd: folder, stdio: ["ignore", "pipe", "pipe"], detached: true });
      const stopped = new Promise((resolve) => server.once("exit", resolve));
      try {
        await waitingFor(
          "the dev server to say where it serves",
          new Promise<void>((resolve, reject) => {
            let output = "";
            const listen = (chunk: Buffer) => {
              output += chunk.toString();
              if (output.includes(`http://localhost:${port}`)) resolve();
            };
            server.stdout.on("data", listen);
            server.stderr.on("data", listen);
            server.once("exit", (code) => reject(new Error(`the dev server stopped (${code}):\n${output}`)));
          }),
        );
        const local = await fetch(`http://127.0.0.1:${port}/`);
        expect(local.status).toBe(200);
        expect(parse(await local.text()).querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toMatch(/^\/assets\//);
        expect((await fetch(`http://127.0.0.1:${port}/pagefind/pagefind.js`)).status).toBe(200);
      } finally {
        process.kill(-server.pid!, "SIGTERM");
        await stopped;
      }
    });
  });
});
