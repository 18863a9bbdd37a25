/**
 * The project as an organisation gets it: a git repository of the project's tracked files with the
 * example archive as its content, pushed to a bare repository as `origin` (the template, or the
 * repository a CI runner clones), and the project's installed packages linked in where a command
 * or a CI job needs them, so that no test asks a registry.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { EXAMPLE_CONTENT, PROJECT_ROOT } from "../helpers.ts";

const run = promisify(execFile);

/** git in `cwd`, with a committer's name and address of its own. */
export const git = (cwd: string, ...args: string[]) => run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.se", ...args], { cwd });

/**
 * `dir/origin.git`, a bare repository whose main holds the project's tracked files and the example
 * archive as content/ (content/ is the library's own), and `dir/projekt`, a clone of it.
 */
export async function projectRepository(dir: string): Promise<{ readonly origin: string; readonly repository: string }> {
  const origin = path.join(dir, "origin.git");
  const repository = path.join(dir, "projekt");
  await run("git", ["init", "-q", "--bare", "-b", "main", origin]);
  await run("git", ["clone", "-q", origin, repository]);
  const { stdout } = await git(PROJECT_ROOT, "ls-files", "-z");
  for (const file of stdout.split("\0").filter(Boolean)) {
    if (file.startsWith("content/") || !existsSync(path.join(PROJECT_ROOT, file))) continue;
    await mkdir(path.dirname(path.join(repository, file)), { recursive: true });
    await cp(path.join(PROJECT_ROOT, file), path.join(repository, file));
  }
  await cp(EXAMPLE_CONTENT, path.join(repository, "content"), { recursive: true });
  await git(repository, "add", "-A");
  await git(repository, "commit", "-qm", "Projektarkivet");
  await git(repository, "push", "-q", "origin", "main");
  await git(repository, "remote", "set-head", "origin", "main");
  return { origin, repository };
}

/**
 * Makes `folder/node_modules` a folder of links to the project's installed packages, as `npm ci`
 * would install them. Its own `.cache` is left out, so that the copy's compiled commands and made
 * pictures stay in the copy; removing the folder removes the links, never the packages.
 */
export async function linkInstalledPackages(folder: string): Promise<void> {
  const modules = path.join(folder, "node_modules");
  await rm(modules, { recursive: true, force: true });
  await mkdir(modules);
  for (const entry of await readdir(path.join(PROJECT_ROOT, "node_modules"))) {
    if (entry !== ".cache") await symlink(path.join(PROJECT_ROOT, "node_modules", entry), path.join(modules, entry));
  }
}

/**
 * A folder holding an `npm` whose `npm ci` links the project's installed packages into the current
 * folder (as linkInstalledPackages does), for a CI job's PATH; every other npm command is the real one.
 */
export async function npmWithoutRegistry(dir: string): Promise<string> {
  const bin = path.join(dir, "bin");
  const realNpm = (await run("bash", ["-c", "command -v npm"])).stdout.trim();
  const installed = JSON.stringify(path.join(PROJECT_ROOT, "node_modules"));
  await mkdir(bin, { recursive: true });
  await writeFile(
    path.join(bin, "npm"),
    `#!/usr/bin/env bash
if [ "$1" = ci ]; then
  rm -rf node_modules
  mkdir node_modules
  for entry in ${installed}/* ${installed}/.bin; do
    ln -s "$entry" node_modules/
  done
  echo "npm ci: the project's installed packages"
  exit 0
fi
exec ${JSON.stringify(realNpm)} "$@"
`,
    { mode: 0o755 },
  );
  return bin;
}
