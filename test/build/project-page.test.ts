/**
 * A project's page as a visitor reads it, where its content is out of the ordinary: a period that
 * starts and ends the same year or month, and a portrait lead photo.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, contentWithPortraitLead, readPage, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();
let site: string;

/** Alfa ran in 2024 and has a portrait lead photo; beta ran in March 2024. */
const EDITS = {
  "projekt/alfa.md": (text: string) => text.replace("  start: 2019-03\n  end: 2019-12-31", "  start: 2024\n  end: 2024"),
  "projekt/beta.md": (text: string) => text.replace("  start: 2021\n  end: 2022", "  start: 2024-03\n  end: 2024-03"),
};

beforeAll(async () => {
  const content = await contentWithPortraitLead(workspace.dir, EDITS);
  const built = await buildSite(content, path.join(workspace.dir, "_site"), ["--skip-search"]);
  expect(built.code, built.stderr).toBe(0);
  site = built.output;
});

describe("a project that started and ended the same year or month", () => {
  it("shows that year or month once, not 2024 – 2024", async () => {
    const alfa = await readPage(site, "projekt/alfa/");
    expect(textOf(alfa.querySelector(".period"))).toBe("Projekttid: 2024");
    expect(alfa.querySelectorAll(".period time").map((time) => time.getAttribute("datetime"))).toEqual(["2024"]);
    const beta = await readPage(site, "projekt/beta/");
    expect(textOf(beta.querySelector(".period"))).toBe("Projekttid: mars 2024");
    const index = await readPage(site, "");
    expect(index.querySelectorAll(".project-summary .period").map(textOf)).toEqual(["Projekttid: mars 2024", "Projekttid: 2024"]);
  });
});

describe("a portrait lead photo", () => {
  it("keeps its proportions in the page, and the stylesheet caps its height so that it is shown whole", async () => {
    const image = (await readPage(site, "projekt/alfa/")).querySelector(".lead-picture img")!;
    expect(Number(image.getAttribute("height"))).toBeGreaterThan(Number(image.getAttribute("width")));
    const css = await readFile(path.join(site, "assets/style.css"), "utf8");
    const rule = /\.lead-picture img \{([^}]*)\}/.exec(css)![1]!;
    expect(rule).toMatch(/max-height: min\(36rem, 75vh\);/);
    expect(rule).toMatch(/object-fit: contain;/);
  });
});
