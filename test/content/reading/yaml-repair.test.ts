/**
 * A slip in the middle of a list, as a paste from Word brings it: one error, on its own line, with
 * a corrected line that, put into the file, leaves a file without that error.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTree, runCli, temporaryWorkspace } from "../../helpers.ts";

const workspace = temporaryWorkspace();
const PARTNER = "  - name: Hovedbiblioteket Århus";

/** The lines `check` prints for the content folder, after the count. */
async function errorLines(content: string): Promise<{ code: number; lines: string[] }> {
  const result = await runCli("check", [content]);
  return { code: result.code, lines: result.stderr.trimEnd().split("\n").slice(1).filter((line) => line.startsWith("  ")) };
}

describe.each([
  ["a no-break space", `\u00a0 - name: Hovedbiblioteket Århus`, "raden börjar med ett hårt mellanslag (U+00A0)"],
  ["a tab", `\t- name: Hovedbiblioteket Århus`, "tabbtecken får inte användas för indrag i YAML"],
])("%s before a partner in the middle of Rom for dannelse's list", (name, slip, says) => {
  it("gives exactly one error, on its line, and the corrected line mends the file", async () => {
    const content = await contentTree(path.join(workspace.dir, name.replace(/\W+/g, "-")), "exempel", {
      "projekt/rom-for-dannelse.md": (text) => {
        if (!text.includes(PARTNER)) throw new Error("the bundled project has changed");
        return text.replace(PARTNER, slip);
      },
    });
    const file = path.join(content, "projekt/rom-for-dannelse.md");
    const before = await errorLines(content);
    expect(before.code).toBe(1);
    expect(before.lines).toHaveLength(1);
    expect(before.lines[0]).toContain(`${file}:26  ${says}`);
    const corrected = /(?:skriv raden så här|först): (.+)$/.exec(before.lines[0]!)![1]!;
    expect(corrected).toBe("- name: Hovedbiblioteket Århus");
    // As an editor would: the corrected line, indented as the message says, in place of the slip.
    const indent = Number(/med (\d+) mellanslag först/.exec(before.lines[0]!)![1]);
    await writeFile(file, (await readFile(file, "utf8")).replace(slip, `${" ".repeat(indent)}${corrected}`));
    const after = await errorLines(content);
    expect(after, after.lines.join("\n")).toEqual({ code: 0, lines: [] });
  });
});
