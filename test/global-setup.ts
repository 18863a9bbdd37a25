/**
 * vitest's global setup: a folder for the fixture sites the test files share (test/fixture-sites.ts),
 * made before the first file runs and removed after the last. Every project of vitest.config.ts
 * runs this; the first makes the folder and names it in the environment the test workers inherit,
 * and removes it at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): (() => void) | undefined {
  if (process.env.PROJEKTARKIV_SHARED_SITES) return undefined;
  const folder = mkdtempSync(path.join(os.tmpdir(), "projektarkiv-sites-"));
  process.env.PROJEKTARKIV_SHARED_SITES = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
