import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../helpers.ts";


interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  steps?: Step[];
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

/** One line per schema error, so a failure says which key is wrong. */
function schemaErrors(source: string): string[] {
  const errors = validateWorkflow(source).errors as { path?: string; title: string; detail?: string }[];
  return errors.map((error) => `${error.path ?? ""} ${error.title}${error.detail ? `: ${error.detail}` : ""}`);
}

const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runsTests = (job: Job) => (job.steps ?? []).some((step) => /\.ci\/run|npm test\b/.test(step.run ?? ""));

/**
 * The jobs that run for an event, as GitHub decides: a job runs when every job it needs has run
 * and succeeded, and its `if` holds. The `if` expressions here use only ==, && and the values
 * given, which read the same in JavaScript.
 */
function jobsThatRun(workflow: Workflow, context: { event_name: string; ref: string; code: boolean }): Set<string> {
  const github = { event_name: context.event_name, ref: context.ref };
  const needs = { changes: { outputs: { code: String(context.code) } } };
  const ran = new Set<string>();
  const decided = new Set<string>();
  while (decided.size < Object.keys(workflow.jobs).length) {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (decided.has(name) || !needsOf(job).every((need) => decided.has(need))) continue;
      const condition = job.if ? (new Function("github", "needs", `return (${job.if});`)(github, needs) as boolean) : true;
      if (needsOf(job).every((need) => ran.has(need)) && condition) ran.add(name);
      decided.add(name);
    }
  }
  return ran;
}

/** Every job a job waits for, directly or through others. */
function waitsFor(workflow: Workflow, name: string): Set<string> {
  const found = new Set<string>();
  const visit = (job: string) => {
    for (const need of needsOf(workflow.jobs[job]!)) {
      if (found.has(need)) continue;
      found.add(need);
      visit(need);
    }
  };
  visit(name);
  return found;
}

/** What each host's workflows do their own way; everything else is checked the same for both. */
const HOSTS = [
  {
    name: "GitHub Actions",
    folder: ".github/workflows",
    codePaths: ["src/**", "layouts/**", "test/**", "package.json", "package-lock.json", ".eleventy.ts", ".ci/**", ".github/**"],
    /** The paths the changes job counts as code. */
    readCodePaths: (job: Job) => parse(String(job.steps!.find((step) => step.uses?.startsWith("dorny/paths-filter@"))!.with!.filters)).code as string[],
    check: "npm run check -- --format github",
    deploys: (job: Job) => (job.steps ?? []).some((step) => step.uses?.startsWith("actions/deploy-pages@")),
    upload: "actions/upload-artifact@",
    summary: true,
    files: ["harvest.yml", "links.yml", "site.yml"],
  },
  {
    name: "Forgejo Actions",
    folder: ".forgejo/workflows",
    codePaths: ["src", "layouts", "test", "package.json", "package-lock.json", ".eleventy.ts", ".ci", ".forgejo"],
    readCodePaths: (job: Job) => / HEAD -- (.+); then$/m.exec(job.steps!.find((step) => step.run?.includes("git diff"))!.run!)![1]!.split(" "),
    check: "npm run check",
    deploys: (job: Job) => (job.steps ?? []).some((step) => /^bash \.ci\/publish\b/m.test(step.run ?? "")),
    upload: "https://code.forgejo.org/forgejo/upload-artifact@",
    summary: false,
    files: ["links.yml", "site.yml"],
  },
] as const;

describe.each(HOSTS)("$name workflows", (host) => {
  const folder = path.join(PROJECT_ROOT, host.folder);
  let site: Workflow;
  let links: Workflow;
  beforeAll(async () => {
    site = parse(await readFile(path.join(folder, "site.yml"), "utf8"));
    links = parse(await readFile(path.join(folder, "links.yml"), "utf8"));
  });

  it("validate against the GitHub Actions schema", async () => {
    const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toEqual(host.files);
    for (const file of files) {
      expect(schemaErrors(await readFile(path.join(folder, file), "utf8")), file).toEqual([]);
    }
  });

  it("tell content from code by the paths the issue names", () => {
    expect(host.readCodePaths(site.jobs.changes!)).toEqual(host.codePaths);
  });

  it("publish a content-only push after the check and the build, waiting for no test suite", () => {
    const ran = jobsThatRun(site, { event_name: "push", ref: "refs/heads/main", code: false });
    const deploying = [...ran].filter((name) => host.deploys(site.jobs[name]!));
    expect(deploying).toEqual(["deploy-content"]);
    expect([...ran].filter((name) => runsTests(site.jobs[name]!))).toEqual([]);
    const before = waitsFor(site, "deploy-content");
    expect([...before].filter((name) => runsTests(site.jobs[name]!))).toEqual([]);
    expect(before).toContain("check");
    const check = site.jobs.check!.steps!.map((step) => step.run ?? step.uses ?? "");
    expect(check.indexOf(host.check)).toBeGreaterThanOrEqual(0);
    expect(check.indexOf(host.check)).toBeLessThan(check.findIndex((step) => step.startsWith("npm run build -- --pathprefix=")));
  });

  it("run .ci/run before anything is published when code changed", () => {
    const ran = jobsThatRun(site, { event_name: "push", ref: "refs/heads/main", code: true });
    const deploying = [...ran].filter((name) => host.deploys(site.jobs[name]!));
    expect(deploying).toEqual(["deploy-code"]);
    expect([...waitsFor(site, "deploy-code")].filter((name) => runsTests(site.jobs[name]!))).toEqual(["test"]);
    expect(site.jobs.test!.steps!.map((step) => step.run).filter(Boolean)).toEqual(["bash .ci/run"]);
  });

  it("publish nothing from a pull request, and upload its built site for the reviewer", () => {
    for (const code of [false, true]) {
      const ran = jobsThatRun(site, { event_name: "pull_request", ref: "refs/pull/7/merge", code });
      expect([...ran].filter((name) => host.deploys(site.jobs[name]!))).toEqual([]);
      expect(ran.has("check")).toBe(true);
      expect(ran.has("test")).toBe(code);
    }
    const upload = site.jobs.check!.steps!.find((step) => step.uses?.startsWith(host.upload))!;
    expect(upload.if).toBe("github.event_name == 'pull_request'");
    expect(upload.with).toMatchObject({ path: "_site" });
  });

  it("check the links and the review dates every week", () => {
    expect(links.on.schedule).toEqual([{ cron: "17 5 * * 1" }]);
    const runs = links.jobs.links!.steps!.map((step) => step.run ?? "").join("\n");
    expect(runs).toContain("npm run --silent links");
    expect(runs).toContain("npm run --silent review");
    // GitHub shows both lists on the run's summary page; Forgejo has no summary page, and shows the log.
    expect(runs.match(/>> "\$GITHUB_STEP_SUMMARY"/g) ?? []).toHaveLength(host.summary ? 2 : 0);
  });
});

describe("the GitHub harvest workflow", () => {
  let harvest: Workflow & { permissions: Record<string, string> };
  beforeAll(async () => {
    harvest = parse(await readFile(path.join(PROJECT_ROOT, ".github/workflows/harvest.yml"), "utf8"));
  });

  it("runs every night and on demand, and commits only content/_harvest/, with a token that starts the site's workflow when there is one", () => {
    expect(Object.keys(harvest.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(harvest.permissions).toEqual({ contents: "write" });
    const steps = harvest.jobs.harvest!.steps!;
    expect(steps[0]!.with!.token).toBe("${{ secrets.HARVEST_TOKEN || github.token }}");
    const runs = steps.map((step) => step.run ?? "").join("\n");
    expect(runs).toMatch(/npm run --silent harvest/);
    expect(runs).toMatch(/git add -A content\/_harvest\n/);
    expect(runs).not.toMatch(/git add (?!-A content\/_harvest)/);
    // Nothing but the first step runs on a site without sources.
    expect(steps.slice(2).every((step) => step.if === "steps.sources.outputs.harvest == 'true'")).toBe(true);
  });
});

describe("the workflow schema check", () => {
  it("catches a broken workflow", () => {
    expect(schemaErrors("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n").length).toBeGreaterThan(0);
  });
});

describe("the path prefix", () => {
  it("is read from the SITE_PATH_PREFIX setting on every host, so that a site on its own domain is built for /", async () => {
    const builds = async (file: string) =>
      (await readFile(path.join(PROJECT_ROOT, file), "utf8")).split("\n").filter((line) => /npm run build -- --pathprefix=/.test(line));
    const github = await builds(".github/workflows/site.yml");
    expect(github).toEqual([`        run: npm run build -- --pathprefix="\${{ vars.SITE_PATH_PREFIX || format('/{0}/', github.event.repository.name) }}"`]);
    for (const line of await builds(".forgejo/workflows/site.yml")) expect(line).toContain("vars.SITE_PATH_PREFIX");
    expect((await readFile(path.join(PROJECT_ROOT, ".gitlab-ci.yml"), "utf8")).match(/prefix="\$\{SITE_PATH_PREFIX:-/g)).toHaveLength(1);
  });
});
