import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers.ts";

const WORKFLOWS = path.join(PROJECT_ROOT, ".github/workflows");

/** One line per schema error, so a failure says which key is wrong. */
function schemaErrors(source: string): string[] {
  const errors = validateWorkflow(source).errors as { path?: string; title: string; detail?: string }[];
  return errors.map((error) => `${error.path ?? ""} ${error.title}${error.detail ? `: ${error.detail}` : ""}`);
}

describe("GitHub Actions workflows", () => {
  it("validate against the GitHub Actions schema", async () => {
    const files = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toEqual(["site.yml"]);
    for (const file of files) {
      expect(schemaErrors(await readFile(path.join(WORKFLOWS, file), "utf8")), file).toEqual([]);
    }
  });

  it("test every pull request and push, and deploy to Pages with the repository name as path prefix", async () => {
    const source = await readFile(path.join(WORKFLOWS, "site.yml"), "utf8");
    expect(source).toContain("run: bash .ci/run");
    expect(source).toContain("npm run build -- --pathprefix=/${{ github.event.repository.name }}/");
    expect(source).toContain("actions/deploy-pages@");
    expect(source).toMatch(/if: github\.event_name == 'push' && github\.ref == 'refs\/heads\/main'/);
  });

  it("the validator catches a broken workflow", () => {
    expect(schemaErrors("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n").length).toBeGreaterThan(0);
  });
});
