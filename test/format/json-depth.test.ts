import { describe, expect, it } from "vitest";
import { jsonDepthProblem, MAX_JSON_DEPTH } from "../../src/format/json-depth.ts";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("jsonDepthProblem", () => {
  it("lets a file through up to the limit, and refuses one level more", () => {
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonDepthProblem(nested(MAX_JSON_DEPTH + 1))).toBe("filen är nästlad djupare än 64 nivåer");
    expect(jsonDepthProblem('{"a":[{"b":[1]}]}', 3)).toBe("filen är nästlad djupare än 3 nivåer");
    expect(jsonDepthProblem('{"a":[{"b":[1]}]}', 4)).toBeUndefined();
  });

  it("counts siblings apart: depth is how deep, not how many", () => {
    expect(jsonDepthProblem(`[${Array.from({ length: 10_000 }, () => "[[1]]").join(",")}]`, 3)).toBeUndefined();
  });

  it("skips brackets inside strings, escaped quotes and all", () => {
    expect(jsonDepthProblem(JSON.stringify(["[[[[[[", '\\"[[[[', "{{{{"]), 1)).toBeUndefined();
    expect(jsonDepthProblem(JSON.stringify([{ title: 'ett "citat" [och] {mer}' }, [["x"]]]), 3)).toBeUndefined();
    expect(jsonDepthProblem(JSON.stringify([{ title: 'ett "citat" [och] {mer}' }, [["x"]]]), 2)).toBeDefined();
  });

  it("reads UTF-8 bytes as well as text, and 200,000 levels without overflowing", () => {
    expect(jsonDepthProblem(new TextEncoder().encode('[{"titel":"Läsfrämjande [å]"}]'), 2)).toBeUndefined();
    expect(jsonDepthProblem(new TextEncoder().encode(nested(200_000)))).toBe("filen är nästlad djupare än 64 nivåer");
  });
});
