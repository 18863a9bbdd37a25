import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, temporaryWorkspace } from "../helpers.ts";
import { git, npmWithoutRegistry, projectRepository } from "./project-repository.ts";

const run = promisify(execFile);
const GITLAB_CI_LOCAL = path.join(PROJECT_ROOT, "node_modules/.bin/gitlab-ci-local");

/** gitlab-ci-local copies the repository into each job's folder with rsync. */
const hasRsync = ["/usr/bin/rsync", "/bin/rsync"].some((file) => existsSync(file));
if (!hasRsync) {
  if (process.env.CI === "true") throw new Error("rsync is missing, and CI=true requires the GitLab CI test. Install it with: apt-get install -y rsync");
  console.warn("\n*** SKIPPING the GitLab CI test: no rsync. Install it with: apt-get update && apt-get install -y rsync ***\n");
}

interface ListedJob {
  readonly name: string;
  readonly stage: string;
  readonly when: string;
  readonly needs?: readonly (string | { job: string; optional?: boolean })[];
}

describe.runIf(hasRsync)(".gitlab-ci.yml, run by gitlab-ci-local with the shell executor", () => {
  const workspace = temporaryWorkspace();
  let repository: string;

  /** The jobs GitLab would run for the repository's changes against main, with the given variables. */
  async function jobs(variables: Record<string, string> = {}): Promise<Record<string, ListedJob>> {
    const args = ["--list-json", ...Object.entries(variables).flatMap(([name, value]) => ["--variable", `${name}=${value}`])];
    const { stdout } = await run(GITLAB_CI_LOCAL, args, { cwd: repository });
    const listed = JSON.parse(stdout.slice(stdout.search(/^\[$/m))) as ListedJob[];
    return Object.fromEntries(listed.filter((job) => job.when !== "never").map((job) => [job.name, job]));
  }

  beforeAll(async () => {
    // A project with main pushed to an "origin", as a GitLab runner's clone has it: gitlab-ci-local
    // decides rules:changes by `git diff origin/main`.
    ({ repository } = await projectRepository(workspace.dir));
  });

  it("checks, builds and publishes a content-only change, without the test job, leaving the site in the published folder", async () => {
    await appendFile(path.join(repository, "content/index.md"), "\nEn mening till.\n");
    const planned = await jobs();
    expect(Object.keys(planned).sort()).toEqual(["check", "pages"]);
    // `npm ci` in the jobs links the project's installed packages, so that the test asks no registry.
    const bin = await npmWithoutRegistry(workspace.dir);
    const { stdout } = await run(GITLAB_CI_LOCAL, ["--force-shell-executor", "--needs", "pages"], {
      cwd: repository,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toMatch(/PASS\s+check/);
    expect(stdout).toMatch(/PASS\s+pages/);
    expect(stdout).not.toContain("test starting");
    const published = path.join(repository, ".gitlab-ci-local/artifacts/pages/_site");
    expect(await readFile(path.join(published, "index.html"), "utf8")).toContain("En mening till.");
    // The shell executor runs the jobs in the project's folder, where the Code Quality report stays.
    const report = JSON.parse(await readFile(path.join(repository, "gl-code-quality-report.json"), "utf8"));
    expect(report).toEqual([]);
    await git(repository, "checkout", "--", "content/index.md");
  });

  it("runs the test job before pages when code changed", async () => {
    await appendFile(path.join(repository, "src/cli/check.ts"), "\n// En ändring i koden.\n");
    const planned = await jobs();
    expect(Object.keys(planned).sort()).toEqual(["check", "pages", "test"]);
    expect(planned.pages!.needs).toEqual(expect.arrayContaining([expect.objectContaining({ job: "test", optional: true }), expect.objectContaining({ job: "check" })]));
    const script = (await readFile(path.join(repository, ".gitlab-ci.yml"), "utf8")).match(/^test:\n[\s\S]*?script:\n\s+- (.+)$/m)![1];
    expect(script).toBe("bash .ci/run");
    await git(repository, "checkout", "--", "src/cli/check.ts");
  });

  it("publishes nothing from a merge request, but keeps its built site and its Code Quality report", async () => {
    await appendFile(path.join(repository, "content/index.md"), "\nEn mening till.\n");
    expect(Object.keys(await jobs({ CI_PIPELINE_SOURCE: "merge_request_event" })).sort()).toEqual(["check"]);
    const yml = await readFile(path.join(repository, ".gitlab-ci.yml"), "utf8");
    expect(yml).toMatch(/reports:\n\s+codequality: gl-code-quality-report.json/);
    expect(yml).toMatch(/expose_as: webbplatsen\n\s+paths:\n\s+- _site\//);
    await git(repository, "checkout", "--", "content/index.md");
  });

  it("also publishes to the organisation's own server when DEPLOY_TARGET is set, after the same jobs as pages", async () => {
    await appendFile(path.join(repository, "content/index.md"), "\nEn mening till.\n");
    const planned = await jobs({ DEPLOY_TARGET: "publicera@www.region.example:/var/www/arkiv/" });
    expect(Object.keys(planned).sort()).toEqual(["check", "pages", "server"]);
    expect(planned.server!.needs).toEqual(planned.pages!.needs);
    expect(Object.keys(await jobs({ DEPLOY_TARGET: "x", CI_PIPELINE_SOURCE: "merge_request_event" }))).toEqual(["check"]);
    await git(repository, "checkout", "--", "content/index.md");
  });

  it("checks the links and the review dates from a pipeline schedule, and nothing else", async () => {
    expect(Object.keys(await jobs({ CI_PIPELINE_SOURCE: "schedule" }))).toEqual(["links"]);
  });
});
