import { afterAll, beforeAll, expect, it } from "vitest";
import { startSourceServer, type SourceServer } from "../../src/bench/source-server.ts";
import { withCheckDigit } from "../../src/format/organisation-number.ts";
import { contentTree, runCli, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();
let server: SourceServer;

beforeAll(async () => {
  server = await startSourceServer();
});
afterAll(() => server?.close());

it("asks at most four sources at once, and does ask four at once when they are slow", async () => {
  const record = (archive: number) => ({
    slug: "projekt",
    url: `https://arkiv-${archive}.example.se/projekt/projekt/`,
    publisher: { name: `Arkiv ${archive}`, url: `https://arkiv-${archive}.example.se/` },
    title: `Projekt ${archive}`,
    summary: "Om projektet.",
    reviewed: "2024-01-01",
    contentOwner: { id: "a", name: "A", title: "B" },
    publishedBy: { id: "a", name: "A", title: "B" },
  });
  for (let archive = 1; archive <= 10; archive++) {
    const body = JSON.stringify([record(archive)]);
    server.route(`/arkiv-${archive}/projekt.json`, (_request, response) => {
      setTimeout(() => response.writeHead(200, { "Content-Type": "application/json" }).end(body), 300);
    });
  }
  const content = await contentTree(workspace.dir, "minimal", {
    "_data/site.yaml": (text) => `${text}sources:\n${Array.from({ length: 10 }, (_, index) => `  - url: ${server.origin}/arkiv-${index + 1}/projekt.json\n    organisation: Arkiv ${index + 1}\n    organisationNumber: ${withCheckDigit(`80200${String(index + 1).padStart(4, "0")}`)}\n`).join("")}`,
  });
  const result = await runCli("harvest", [content]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain("Hämtade 10 källor");
  expect(result.stdout).toContain("10 nya versioner");
  expect(server.requests).toHaveLength(10);
  expect(server.mostAtOnce).toBe(4);
});
