import { describe, expect, it } from "vitest";
import { annotations, escapeData, escapeProperty, workflowCommand } from "../../src/cli/github-actions.ts";

/** Reads a workflow command back as GitHub's runner does: the inverse of actions/toolkit's escaping. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const properties = Object.fromEntries(
    (match[2] ?? "")
      .split(",")
      .filter(Boolean)
      .map((pair) => {
        const [key, ...value] = pair.split("=");
        return [key!, unescape(value.join("="))];
      }),
  );
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe("GitHub Actions workflow commands", () => {
  it("escape %, CR and LF in messages, and also : and , in properties, as actions/toolkit does", () => {
    expect(escapeData("100 % klart\r\nnästa: rad, här")).toBe("100 %25 klart%0D%0Anästa: rad, här");
    expect(escapeProperty("partners[0].url: 50%, sedan")).toBe("partners[0].url%3A 50%25%2C sedan");
  });

  it("arrive intact: a message and a title with %, :, , and new lines decode back exactly", () => {
    const message = 'ogiltigt värde "50 %, inte: 100 %"\nrad två\r\nrad tre %0A';
    const title = "partners[0].url, fält: %";
    const file = "content/projekt/ett, två: tre.md";
    const line = workflowCommand("error", { file, line: 14, title }, message);
    expect(line.split("\n")).toHaveLength(1);
    expect(parseCommand(line)).toEqual({ command: "error", properties: { file, line: "14", title }, message });
  });

  it("make one error per problem in file and line order, then the warnings", () => {
    const lines = annotations(
      [
        { file: "/x/b.md", line: 2, field: "title", message: "b" },
        { file: "/x/a.md", message: "a utan rad" },
      ],
      [{ file: "/x/a.md", line: 1, field: "image", message: "varning" }],
    );
    expect(lines.map((line) => parseCommand(line))).toEqual([
      { command: "error", properties: { file: "/x/a.md" }, message: "a utan rad" },
      { command: "error", properties: { file: "/x/b.md", line: "2", title: "title" }, message: "b" },
      { command: "warning", properties: { file: "/x/a.md", line: "1", title: "image" }, message: "varning" },
    ]);
  });
});
