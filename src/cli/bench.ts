/**
 * `npm run bench -- --projects N [--runs R] [--images M] [--sources S] [--json]`
 *
 * Generates a realistic archive of N projects in a temporary folder and times, alternating R times:
 * our build with the search index and without it, our build without the downloads of every list
 * (CSV and Excel) either, a bare Eleventy 3 build of the same Markdown
 * bodies with a one-line layout, Hugo on the same bodies when `hugo` is on the PATH, and `npm run
 * check`. With --images, a copy of the archive whose first M projects have a lead picture (a
 * generated photo each) is built once to make the pictures, then timed as a second build.
 * Then it starts the preview (`npm start`) on the archive and times R edits of one project, from
 * saving the file to its page being rewritten, and then its deletion, from removing the file to
 * the end of the rebuild that drops it. Last, a national archive (src/harvest/): the
 * archive's projekt.json split among S archives (300 by default) on a local server, harvested
 * with `npm run harvest` and built R times. And `npm run import` of an old site's page of 240
 * projects inside nested layout tables (src/bench/old-site-page.ts), R times. Prints medians,
 * ratios, milliseconds per page and peak memory, with each target marked.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { writeBaselines } from "../bench/baselines.ts";
import { oldSitePage } from "../bench/old-site-page.ts";
import { writeSyntheticArchive } from "../bench/synthetic-archive.ts";
import { readContentFile } from "../content/reading/source.ts";
import { PROJECT_ROOT } from "../eleventy/plugin.ts";
import { parseCommandLine } from "./command-line.ts";
import { startDevServer } from "./dev-server.ts";
import { startSourceServer } from "../bench/source-server.ts";
import { forgetStoredResults } from "../content/archive/validation-cache.ts";
import { withCheckDigit } from "../format/organisation-number.ts";

const run = promisify(execFile);

const { values } = parseCommandLine("bench", {
  projects: { type: "string", default: "4000" },
  runs: { type: "string", default: "3" },
  images: { type: "string", default: "0" },
  sources: { type: "string", default: "300" },
  json: { type: "boolean", default: false },
});
const sourceCount = Number(values.sources);
const projects = Number(values.projects);
const runs = Number(values.runs);
const images = Number(values.images);
if (
  !Number.isInteger(projects) || projects < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(images) || images < 0 || images > projects ||
  !Number.isInteger(sourceCount) || sourceCount < 1 || sourceCount > projects
) {
  console.error("npm run bench: --projects och --runs ska vara positiva heltal, --images ett heltal från 0 till antalet projekt och --sources ett heltal från 1 till antalet projekt");
  process.exit(2);
}

interface Measurement {
  seconds: number;
  peakRssMiB: number;
}

/** Runs a command under /usr/bin/time and returns its wall time and peak resident memory. */
async function measure(command: string, args: string[]): Promise<Measurement> {
  const { stderr } = await run("/usr/bin/time", ["-f", "BENCH %e %M", command, ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [, seconds, kib] = /BENCH ([\d.]+) (\d+)/.exec(stderr) ?? [];
  if (!seconds || !kib) throw new Error(`no timing from ${command}:\n${stderr}`);
  return { seconds: Number(seconds), peakRssMiB: Number(kib) / 1024 };
}

async function hasCommand(command: string): Promise<boolean> {
  return run("sh", ["-c", `command -v ${command}`]).then(() => true, () => false);
}

/**
 * A copy of the archive whose first `count` projects have a lead picture: a generated photo each,
 * 1600 × 1000, different in every project, as editors' photos are.
 */
async function withPictures(content: string, target: string, count: number): Promise<string> {
  const { default: sharp } = await import("sharp");
  await cp(content, target, { recursive: true });
  await mkdir(path.join(target, "filer", "bilder"), { recursive: true });
  const names = (await readdir(path.join(target, "projekt"))).sort().slice(0, count);
  for (const [index, name] of names.entries()) {
    const hue = (index * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="hsl(${hue},45%,55%)"/><circle cx="${200 + ((index * 97) % 1200)}" cy="${300 + ((index * 53) % 400)}" r="${120 + (index % 200)}" fill="hsl(${(hue + 150) % 360},50%,40%)"/></svg>`;
    const noise = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 20 } } }).png().toBuffer();
    const file = `bilder/bild-${index}.jpg`;
    await sharp(Buffer.from(svg)).composite([{ input: noise, blend: "soft-light" }]).jpeg({ quality: 80 }).toFile(path.join(target, "filer", file));
    const project = path.join(target, "projekt", name);
    const text = await readFile(project, "utf8");
    await writeFile(project, text.replace(/^---\n/, `---\nimage:\n  file: ${file}\n  alt: Bild ${index + 1} från projektet.\n`));
  }
  return target;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Starts the preview on the archive and edits the title of one project `edits` times, each time
 * timing from the save until the project's page on disk shows the new title. Waits for each
 * rebuild to finish before the next edit, and puts the file back afterwards.
 */
async function editLatencies(content: string, output: string, slug: string, edits: number): Promise<{ edits: number[]; deletion: number }> {
  const server = await startDevServer(content, output, { timeoutMs: 30 * 60_000 });
  const file = path.join(content, "projekt", `${slug}.md`);
  const page = path.join(output, "projekt", slug, "index.html");
  const original = await readFile(file, "utf8");
  const builds = () => server.builds().length;
  const title = String((readContentFile(file, Buffer.from(original)).data as { title?: unknown } | undefined)?.title);
  try {
    await sleep(1000); // the file watcher settles after the first build
    const seconds: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const marker = `ändrad ${edit}`;
      const edited = original.replace(/^title:.*$/m, `title: ${JSON.stringify(`${title} ${marker}`)}`);
      const before = builds();
      const first = performance.now();
      let started = first;
      await writeFile(file, edited);
      while (!(await readFile(page, "utf8").catch(() => "")).includes(marker)) {
        if (performance.now() - first > 10 * 60_000) throw new Error(`the preview never rewrote ${page}:\n${server.output()}`);
        // At tens of thousands of files, Eleventy's watcher takes minutes to watch them all after
        // the first build, and misses a save made before then. Save again every 30 s until one is
        // seen, and time the save that was (a rebuild here takes seconds, not 30).
        if (builds() === before && performance.now() - started > 30_000) {
          started = performance.now();
          await writeFile(file, `${edited}\n`);
          await writeFile(file, edited);
        }
        await sleep(5);
      }
      seconds.push((performance.now() - started) / 1000);
      while (builds() === before) await sleep(20);
    }
    // The project deleted, with nothing else saved: until the rebuild that drops it has finished.
    const before = builds();
    const deleted = performance.now();
    await rm(file);
    while (builds() === before) {
      if (performance.now() - deleted > 10 * 60_000) throw new Error(`the preview never rebuilt after ${file} was deleted:\n${server.output()}`);
      await sleep(5);
    }
    const deletion = (performance.now() - deleted) / 1000;
    await writeFile(file, original);
    while (builds() === before + 1) await sleep(20);
    return { edits: seconds, deletion };
  } finally {
    await writeFile(file, original);
    await server.stop();
  }
}

/**
 * A national archive of `count` archives: the records of `projektJson` dealt out among them, each
 * archive its own organisation and site, served from a local server. Returns the national site's
 * content folder (the archive's own pages and people, no projects of its own) and the server.
 */
async function nationalArchive(content: string, projektJson: string, folder: string, count: number) {
  const records = JSON.parse(await readFile(projektJson, "utf8")) as { url: string; publisher: unknown }[];
  const server = await startSourceServer();
  // Each archive its own organisation, with a number of its own (site.yaml binds each source to one).
  const organisation = (archive: number) => ({ name: `Regionbibliotek ${archive + 1}`, organisationNumber: withCheckDigit(`21200${String(archive + 1).padStart(4, "0")}`) });
  for (let archive = 0; archive < count; archive++) {
    const site = `https://arkiv-${archive + 1}.example.se/`;
    const own = records.filter((_, index) => index % count === archive).map((record) => ({
      ...record,
      url: record.url.replace(/^https?:\/\/[^/]+\/(?:[^/]+\/)*projekt\//, `${site}projekt/`),
      publisher: { ...organisation(archive), url: site, counties: [] },
    }));
    server.serve(`/arkiv-${archive + 1}/projekt.json`, JSON.stringify(own));
  }
  const national = path.join(folder, "nationellt");
  await cp(content, national, { recursive: true, filter: (source) => !source.startsWith(path.join(content, "projekt")) });
  await mkdir(path.join(national, "projekt"), { recursive: true });
  const siteFile = path.join(national, "_data", "site.yaml");
  const sources = Array.from({ length: count }, (_, archive) => {
    const { name, organisationNumber } = organisation(archive);
    return `  - url: ${server.origin}/arkiv-${archive + 1}/projekt.json\n    organisation: ${name}\n    organisationNumber: ${organisationNumber}\n`;
  }).join("");
  await writeFile(siteFile, `${(await readFile(siteFile, "utf8")).replace(/^sources:.*$/m, "")}sources:\n${sources}`);
  return { national, server };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// The archive is written inside the project, as content/ is: Eleventy's watcher, which the preview
// is timed with, is slow to start on a content folder outside the project at large N (it watches
// from the common ancestor of the content folder and the project).
const folder = await mkdtemp(path.join(PROJECT_ROOT, ".bench-"));
try {
  const content = path.join(folder, "content");
  await writeSyntheticArchive(content, projects);
  const { bareConfig, bare, hugo } = await writeBaselines(content, folder);
  const withHugo = await hasCommand("hugo");
  const launcher = path.join(PROJECT_ROOT, "src/cli/launch.mjs");
  const samples: Record<string, Measurement[]> = { ours: [], oursWithSearch: [], oursWithoutDownloads: [], withImages: [], bare: [], hugo: [], checkCold: [], check: [] };
  const pictured = images > 0 ? await withPictures(content, path.join(folder, "med-bilder"), images) : undefined;
  // `npm run check` twice: with no stored validation results (as on a fresh clone), and as an
  // editor runs it, after changing one project (validation-cache.ts).
  const editedFile = path.join(content, "projekt", "projekt-1.md");
  const unedited = await readFile(editedFile, "utf8");
  // Every build writes into a new empty folder, as on a fresh clone in CI. The folders of earlier
  // rounds stay until the end: on this machine, a build that starts just after thousands of files
  // were removed was up to twice as slow (measured both ways round, November 2026), and whichever
  // build came first in a round paid for removing the last round's outputs.
  const output = (build: string, round: number | string) => path.join(folder, `ut-${build}-${round}`);
  // The pictures are made once, untimed: the row compares a second build with unchanged pictures.
  if (pictured) await measure(process.execPath, [launcher, "build", `--input=${pictured}`, `--output=${output("withImages", "forsta")}`, "--skip-search"]);
  for (let round = 0; round < runs; round++) {
    // No validation results stored by the last round's commands.
    for (const tree of [content, pictured]) if (tree) forgetStoredResults(tree);
    type Timed = [sample: string, command: string, args: string[]];
    const builds: Timed[] = [
      ["ours", process.execPath, [launcher, "build", `--input=${content}`, `--output=${output("ours", round)}`, "--skip-search"]],
      // Next to "ours", so that each round compares two builds made one after the other.
      ["oursWithoutDownloads", process.execPath, [launcher, "build", `--input=${content}`, `--output=${output("oursWithoutDownloads", round)}`, "--skip-search", "--skip-downloads"]],
      ["oursWithSearch", process.execPath, [launcher, "build", `--input=${content}`, `--output=${output("oursWithSearch", round)}`]],
      ...(pictured ? [["withImages", process.execPath, [launcher, "build", `--input=${pictured}`, `--output=${output("withImages", round)}`, "--skip-search"]] satisfies Timed] : []),
      ["bare", process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", `--config=${bareConfig}`, `--input=${bare}`, `--output=${output("bare", round)}`, "--quiet"]],
      ...(withHugo ? [["hugo", "hugo", ["--source", hugo, "--destination", output("hugo", round), "--quiet"]] satisfies Timed] : []),
    ];
    // Every other round in the opposite order, so that a drift within a round does not always
    // favour the same side.
    for (const [sample, command, args] of round % 2 === 0 ? builds : builds.reverse()) samples[sample]!.push(await measure(command, args));
    forgetStoredResults(content);
    samples.checkCold!.push(await measure(process.execPath, [launcher, "check", content]));
    await writeFile(editedFile, `${unedited}\nEtt stycke till, skrivet i omgång ${round + 1}.\n`);
    samples.check!.push(await measure(process.execPath, [launcher, "check", content]));
    await writeFile(editedFile, unedited);
  }

  const { edits: editSeconds, deletion: deletionSeconds } = await editLatencies(content, path.join(folder, "ut-forhandsgranskning"), `projekt-${Math.ceil(projects / 2)}`, runs);

  // A national archive: this archive's open data dealt out among `sourceCount` archives, harvested
  // from a local server, then built as "ours" is (without Pagefind), `runs` times.
  const { national, server } = await nationalArchive(content, path.join(output("ours", 0), "projekt.json"), folder, sourceCount);
  let harvest: Measurement;
  let harvestAgain: Measurement;
  let mostAtOnce: number;
  try {
    harvest = await measure(process.execPath, [launcher, "harvest", national]);
    mostAtOnce = server.mostAtOnce;
    harvestAgain = await measure(process.execPath, [launcher, "harvest", national]);
  } finally {
    await server.close();
  }
  samples.national = [];
  for (let round = 0; round < runs; round++) {
    forgetStoredResults(national);
    samples.national.push(await measure(process.execPath, [launcher, "build", `--input=${national}`, `--output=${output("national", round)}`, "--skip-search"]));
  }

  // The importer on an old site's page of 240 projects in layout tables, into a new folder each time.
  const oldSite = path.join(folder, "gammal-webbplats.htm");
  await writeFile(oldSite, oldSitePage(240).html);
  samples.importOldSite = [];
  for (let round = 0; round < runs; round++) {
    samples.importOldSite.push(await measure(process.execPath, [launcher, "import", oldSite, `--out=${path.join(folder, `import-${round}`)}`, "--offline"]));
  }

  const seconds = (name: string) => (samples[name]!.length ? median(samples[name]!.map((sample) => sample.seconds)) : undefined);
  const peak = (name: string) => (samples[name]!.length ? Math.max(...samples[name]!.map((sample) => sample.peakRssMiB)) : undefined);
  const ours = seconds("ours")!;
  const bareSeconds = seconds("bare")!;
  const hugoSeconds = seconds("hugo");
  const withSearch = seconds("oursWithSearch")!;
  const withImages = seconds("withImages");
  const withoutDownloads = seconds("oursWithoutDownloads")!;
  const result = {
    projects,
    runs,
    machine: `${os.cpus().length} kärnor, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.versions.node}`,
    seconds: {
      ours,
      oursWithPagefind: withSearch,
      oursWithoutDownloads: withoutDownloads,
      withImages: withImages ?? null,
      bare: bareSeconds,
      hugo: hugoSeconds ?? null,
      checkCold: seconds("checkCold")!,
      check: seconds("check")!,
      previewEdit: median(editSeconds),
      previewDelete: deletionSeconds,
      harvest: harvest.seconds,
      harvestUnchanged: harvestAgain.seconds,
      national: seconds("national")!,
      importOldSite: seconds("importOldSite")!,
    },
    sources: sourceCount,
    harvestMostAtOnce: mostAtOnce,
    ratios: {
      oursToBare: ours / bareSeconds,
      oursWithPagefindToBare: withSearch / bareSeconds,
      // The median of each round's ratio: the two builds of a round run one after the other, and
      // on a machine shared with other work the rounds differ more than the two builds of one.
      oursToOursWithoutDownloads: median(samples.ours!.map((sample, round) => sample.seconds / samples.oursWithoutDownloads![round]!.seconds)),
      withImagesToOurs: withImages ? withImages / ours : null,
      oursToHugo: hugoSeconds ? ours / hugoSeconds : null,
    },
    msPerPage: { ours: (ours * 1000) / projects, bare: (bareSeconds * 1000) / projects, hugo: hugoSeconds ? (hugoSeconds * 1000) / projects : null },
    rounds: Object.fromEntries(Object.entries(samples).map(([name, measured]) => [name, measured.map((sample) => sample.seconds)])),
    peakRssMiB: { ours: peak("ours")!, oursWithPagefind: peak("oursWithSearch")!, oursWithoutDownloads: peak("oursWithoutDownloads")!, withImages: peak("withImages") ?? null, bare: peak("bare")!, hugo: peak("hugo") ?? null, checkCold: peak("checkCold")!, check: peak("check")!, national: peak("national")!, importOldSite: peak("importOldSite")! },
  };
  const atLeast = (size: number) => projects >= size;
  // Each round's own ratio, since timings here vary from round to round: "(omgångar 2,9×, 3,1×, 3,0×)"
  const perRound = (name: string, against = "bare") =>
    samples[name]!.length > 1 ? ` (omgångar ${samples[name]!.map((sample, round) => `${(sample.seconds / samples[against]![round]!.seconds).toFixed(2)}×`).join(", ")})` : "";
  const format = (value: number | null | undefined) => (value === null || value === undefined ? "–" : value.toFixed(2));
  const verdict = (met: boolean) => (met ? "uppfyllt" : "inte uppfyllt");
  const targets = [
    { target: "bygge utan Pagefind mot bar Eleventy ≤ 1,3×", value: result.ratios.oursToBare.toFixed(2) + "×" + perRound("ours"), status: verdict(result.ratios.oursToBare <= 1.3) },
    {
      target: "bygge med Pagefind mot bar Eleventy ≤ 2,0×",
      value: result.ratios.oursWithPagefindToBare.toFixed(2) + "×" + perRound("oursWithSearch"),
      status: verdict(result.ratios.oursWithPagefindToBare <= 2),
    },
    {
      target: "bygge med nedladdningar (CSV och Excel för varje lista) mot utan, båda utan Pagefind ≤ 1,15×",
      value: result.ratios.oursToOursWithoutDownloads.toFixed(2) + "×" + perRound("ours", "oursWithoutDownloads"),
      status: verdict(result.ratios.oursToOursWithoutDownloads <= 1.15),
    },
    {
      target: "bygge utan Pagefind mot Hugo (mål < 2,5×)",
      value: result.ratios.oursToHugo ? result.ratios.oursToHugo.toFixed(2) + "×" : "–",
      status: result.ratios.oursToHugo ? verdict(result.ratios.oursToHugo < 2.5) : "hugo saknas",
    },
    { target: "högsta minne vid N=10 000 ≤ 1 GiB", value: `${Math.round(result.peakRssMiB.ours)} MiB`, status: atLeast(10_000) ? verdict(result.peakRssMiB.ours <= 1024) : "mäts vid N ≥ 10 000" },
    { target: "N=50 000 med standardheap, minne ≤ 3 GiB", value: `${Math.round(result.peakRssMiB.ours)} MiB`, status: atLeast(50_000) ? verdict(result.peakRssMiB.ours <= 3072) : "mäts vid N = 50 000" },
    {
      target: "npm run check som på en ny klon ≤ 1,5 s (efter en ändring i parentes)",
      value: `${result.seconds.checkCold.toFixed(2)} s (${result.seconds.check.toFixed(2)} s)`,
      status: verdict(result.seconds.checkCold <= 1.5),
    },
    {
      target: `andra bygget med ${images || 200} oförändrade bilder ≤ 1,2× samma bygge utan bilder`,
      value: result.ratios.withImagesToOurs ? `${result.ratios.withImagesToOurs.toFixed(2)}× (${format(withImages)} s)` : "–",
      status: result.ratios.withImagesToOurs ? verdict(result.ratios.withImagesToOurs <= 1.2) : "mäts med --images 200",
    },
    { target: "ett ändrat projekt i npm start ≤ 1 s", value: `${result.seconds.previewEdit.toFixed(2)} s`, status: verdict(result.seconds.previewEdit <= 1) },
    { target: "ett borttaget projekt borta ur npm start ≤ 2 s", value: `${result.seconds.previewDelete.toFixed(2)} s`, status: verdict(result.seconds.previewDelete <= 2) },
    {
      target: `skörd av ${sourceCount} källor från en lokal server < 60 s, högst 4 förfrågningar åt gången`,
      value: `${result.seconds.harvest.toFixed(2)} s, högst ${mostAtOnce} åt gången (oförändrade: ${result.seconds.harvestUnchanged.toFixed(2)} s)`,
      status: sourceCount >= 300 ? verdict(result.seconds.harvest < 60 && mostAtOnce <= 4) : "mäts med --sources 300",
    },
    {
      target: `nationellt bygge, ${sourceCount} källor, inom N=50 000-siffrorna (minne ≤ 3 GiB, tid ≤ vårt bygge av lika många egna projekt)`,
      value: `${result.seconds.national.toFixed(2)} s, ${Math.round(result.peakRssMiB.national)} MiB (vårt bygge ${ours.toFixed(2)} s)`,
      status: atLeast(50_000) && sourceCount >= 300 ? verdict(result.peakRssMiB.national <= 3072 && result.seconds.national <= ours) : "mäts vid N = 50 000 och --sources 300",
    },
    { target: "import av en gammal sida med 240 projekt i layouttabeller < 15 s", value: `${result.seconds.importOldSite.toFixed(2)} s`, status: verdict(result.seconds.importOldSite < 15) },
  ];
  if (values.json) {
    console.log(JSON.stringify({ ...result, targets }, null, 2));
  } else {
    console.log(`${projects} projekt, ${runs} omgångar (median), ${result.machine}`);
    console.log("");
    console.log("                        tid (s)   ms/sida   minne (MiB)");
    console.log(`vårt bygge (utan sök)   ${format(ours).padStart(7)}   ${format(result.msPerPage.ours).padStart(7)}   ${Math.round(result.peakRssMiB.ours).toString().padStart(11)}`);
    console.log(`vårt bygge (med sök)    ${format(withSearch).padStart(7)}   ${format((withSearch * 1000) / projects).padStart(7)}   ${Math.round(result.peakRssMiB.oursWithPagefind).toString().padStart(11)}`);
    console.log(`utan sök och nedladdn. ${format(withoutDownloads).padStart(7)}   ${format((withoutDownloads * 1000) / projects).padStart(7)}   ${Math.round(result.peakRssMiB.oursWithoutDownloads).toString().padStart(11)}`);
    if (withImages) {
      console.log(`med ${images} bilder, andra  ${format(withImages).padStart(7)}   ${"".padStart(7)}   ${Math.round(result.peakRssMiB.withImages!).toString().padStart(11)}`);
    }
    console.log(`bar Eleventy            ${format(bareSeconds).padStart(7)}   ${format(result.msPerPage.bare).padStart(7)}   ${Math.round(result.peakRssMiB.bare).toString().padStart(11)}`);
    console.log(`Hugo                    ${format(hugoSeconds).padStart(7)}   ${format(result.msPerPage.hugo).padStart(7)}   ${(result.peakRssMiB.hugo ? Math.round(result.peakRssMiB.hugo).toString() : "–").padStart(11)}`);
    console.log(`npm run check, första   ${format(result.seconds.checkCold).padStart(7)}   ${"".padStart(7)}   ${Math.round(result.peakRssMiB.checkCold).toString().padStart(11)}`);
    console.log(`npm run check, sedan    ${format(result.seconds.check).padStart(7)}   ${"".padStart(7)}   ${Math.round(result.peakRssMiB.check).toString().padStart(11)}`);
    console.log(`ändring i npm start     ${format(result.seconds.previewEdit).padStart(7)}`);
    console.log(`borttag i npm start     ${format(result.seconds.previewDelete).padStart(7)}`);
    console.log(`skörd, ${String(sourceCount).padEnd(4)} källor     ${format(result.seconds.harvest).padStart(7)}   ${"".padStart(7)}   ${Math.round(harvest.peakRssMiB).toString().padStart(11)}`);
    console.log(`nationellt bygge        ${format(result.seconds.national).padStart(7)}   ${format((result.seconds.national * 1000) / projects).padStart(7)}   ${Math.round(result.peakRssMiB.national).toString().padStart(11)}`);
    console.log(`import, 240 projekt     ${format(result.seconds.importOldSite).padStart(7)}   ${"".padStart(7)}   ${Math.round(result.peakRssMiB.importOldSite).toString().padStart(11)}`);
    console.log("");
    for (const row of targets) console.log(`${row.status.padEnd(22)} ${row.target}: ${row.value}`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
