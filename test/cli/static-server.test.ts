import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/cli/static-server.ts";
import { temporaryWorkspace } from "../helpers.ts";

/** The server the browser tests and `npm run screenshots` read built sites from. */
const workspace = temporaryWorkspace();
let server: StaticServer;

beforeAll(async () => {
  const root = path.join(workspace.dir, "_site");
  await mkdir(path.join(root, "projekt/alfa"), { recursive: true });
  await writeFile(path.join(root, "projekt/alfa/index.html"), "<h1>Alfa</h1>");
  await writeFile(path.join(root, "404.html"), "<h1>Sidan finns inte</h1>");
  await writeFile(path.join(workspace.dir, "hemlig.txt"), "utanför webbplatsen");
  server = await serveStatic(root, { pathPrefix: "/arkiv/" });
});
afterAll(() => server.close());

async function get(address: string): Promise<[number, string]> {
  const response = await fetch(new URL(address, server.url));
  return [response.status, await response.text()];
}

it("answers a folder with its index.html, and what it does not have with 404.html", async () => {
  expect(await get("/arkiv/projekt/alfa/")).toEqual([200, "<h1>Alfa</h1>"]);
  expect(await get("/arkiv/projekt/beta/")).toEqual([404, "<h1>Sidan finns inte</h1>"]);
  expect(await get("/projekt/alfa/")).toEqual([404, "<h1>Sidan finns inte</h1>"]);
  expect(await get("/arkiv/..%2Fhemlig.txt")).toEqual([404, "<h1>Sidan finns inte</h1>"]);
});

it("answers an address that does not decode with 400, and goes on answering", async () => {
  expect(await get("/arkiv/projekt/%E0%A4%A/")).toEqual([400, "400"]);
  expect(await get("/arkiv/%")).toEqual([400, "400"]);
  expect(await get("/arkiv/projekt/alfa/")).toEqual([200, "<h1>Alfa</h1>"]);
});
