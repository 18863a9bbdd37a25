import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.ts";

describe("npm run bench (smoke test: every figure, no timings judged)", () => {
  it("builds a synthetic archive of 50 projects once, 5 of them with pictures, harvests it from 5 archives, imports the old site's page, and reports every figure", async () => {
    const result = await runCli("bench", ["--projects=50", "--runs=1", "--images=5", "--sources=5", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ projects: 50, runs: 1 });
    for (const figure of ["ours", "oursWithPagefind", "oursWithoutDownloads", "withImages", "bare", "checkCold", "check", "previewEdit", "previewDelete", "harvest", "harvestUnchanged", "national", "importOldSite"]) {
      expect(report.seconds[figure], figure).toBeGreaterThan(0);
    }
    for (const figure of ["ours", "oursWithPagefind", "withImages", "bare", "checkCold", "check", "national", "importOldSite"]) {
      expect(report.peakRssMiB[figure], figure).toBeGreaterThan(0);
    }
    expect(report.ratios.oursToBare).toBeGreaterThan(0);
    expect(report.ratios.oursWithPagefindToBare).toBeGreaterThan(0);
    expect(report.ratios.oursToOursWithoutDownloads).toBeGreaterThan(0);
    expect(report.ratios.withImagesToOurs).toBeGreaterThan(0);
    expect(report.msPerPage.ours).toBeGreaterThan(0);
    // Hugo is measured when it is installed (Debian's hugo package), and reported as null otherwise.
    expect(report.seconds.hugo === null || report.seconds.hugo > 0).toBe(true);
    // The five archives were asked at most four at a time.
    expect(report.sources).toBe(5);
    expect(report.harvestMostAtOnce).toBeGreaterThanOrEqual(1);
    expect(report.harvestMostAtOnce).toBeLessThanOrEqual(4);
    expect(report.targets.map((row: { target: string }) => row.target)).toHaveLength(13);
    for (const row of report.targets) expect(row.status).toMatch(/^(uppfyllt|inte uppfyllt|mäts .+|hugo saknas)$/);
  });
});
