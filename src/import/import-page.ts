/**
 * Reads another CMS's page of projects (most often Sitevision) into drafts: a project file per
 * project, a contact file per person, the archive's introduction and the site's settings, the
 * documents and pictures in filer/, and a report of where each piece went. Nothing is written
 * here: the plan is a list of files, which {@link writeImport} writes without overwriting.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { writeProjectFile } from "../cms/project-file.ts";
import { PLACEHOLDERS } from "../content/model/placeholders.ts";
import { siteSchema } from "../content/model/schema.ts";
import { megabytes } from "../format/file-size.ts";
import { parseOrganisationNumber } from "../format/organisation-number.ts";
import { newProjectIdentifier } from "../content/model/project-ids.ts";
import { FetchRefused, fetchWithinLimits, type FetchLimits } from "../fetch/bounded-fetch.ts";
import { openConnections, type Connections } from "../fetch/connections.ts";
import { isOfOrigin } from "../fetch/origin.ts";
import { swedishSlug } from "../format/slug.ts";
import { themeVocabulary, type ThemeSettings } from "../format/themes.ts";
import { normalWebAddress } from "../format/urls.ts";
import { readPageBlocks, regionsOutside, UnreadablePage, type Block, type Dropped, type PageBlocks } from "./blocks.ts";
import { followLinks, MAX_CRAWL_DELAY_MS, Pacer } from "./crawl.ts";
import { decodePage } from "./decode.ts";
import { documentCategoryOf } from "./document-category.ts";
import { themesOfTags } from "./page-themes.ts";
import { obtainFile, type FileSources } from "./files.ts";
import { withoutInvisibleCharacters } from "./invisible-text.ts";
import { blockToMarkdown } from "./markdown.ts";
import { readPageFacts, type PageContact, type PageFacts } from "./page-facts.ts";
import { pageKind, type IndexLink, type PageKind } from "./page-kinds.ts";
import { indexParts, mergedFacts, projectOfPage, savedPagesIn } from "./page-set.ts";
import { resolvePeople, uniqueId, type Existing, type Responsibility } from "./people.ts";
import { readProject, splitPage, titleOf, type ProjectReading } from "./projects.ts";
import { fileReport, type FileReport, type ImportReport } from "./report.ts";
import { readRobots } from "./robots.ts";

export interface ImportOptions {
  /** The content folder the drafts are meant for: its people, settings and file limit are read. */
  readonly contentDir: string;
  readonly userAgent: string;
  readonly timeoutMs: number;
  /** A content folder whose cookie page and accessibility statement are the starting point where `contentDir` has none. */
  readonly templates?: string;
  /** Fetch nothing: files that are not in the saved page's folder are listed instead. */
  readonly offline?: boolean;
  /**
   * For a saved page: the origin (https://www.example.se) its files that are not in the saved
   * folder are downloaded from. Without it, a saved page fetches nothing; the address the page
   * gives itself (canonical, og:url, "saved from") is never fetched from.
   */
  readonly origin?: string;
  /** The pause between requests when the importer follows an index's links: a second by default. */
  readonly delayMs?: number;
  /** How many of an index's pages are followed at most: 50 by default. */
  readonly maxPages?: number;
}

/** The pause between requests while following an index's links, unless robots.txt asks a longer one. */
export const DEFAULT_DELAY_MS = 1000;
/** How many linked pages are followed, unless --max-pages says otherwise. */
export const DEFAULT_MAX_PAGES = 50;

/** A file to write, by its path in the content folder. */
export interface PlannedFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

export interface ImportPlan {
  readonly files: readonly PlannedFile[];
  readonly report: ImportReport;
}

/** A page the importer could not read at all, with the reason in Swedish. */
export class ImportFailed extends Error {}

/** The largest page read: a Sitevision page is a few hundred kilobytes. */
const MAX_PAGE_BYTES = megabytes(10);

/** The folder's site.yaml's settings for its themes, where it has them. */
const themeSettingsOf = (site: Record<string, unknown> | undefined) => siteSchema.shape.themes.safeParse(site?.themes).data;

/** A project's fields with its themes after its period, where the form shows them. */
function withThemes(fields: Record<string, unknown>, themes: readonly string[]): Record<string, unknown> {
  if (themes.length === 0) return fields;
  const { title, subtitle, summary, period, ...rest } = fields;
  return { title, ...(subtitle ? { subtitle } : {}), summary, ...(period ? { period } : {}), themes, ...rest };
}

/** site.yaml's file limit, with the schema's default where the folder's site.yaml has none. */
const maxFileMegabytesOf = (site: Record<string, unknown> | undefined): number =>
  siteSchema.shape.maxFileMegabytes.safeParse(site?.maxFileMegabytes).data ?? siteSchema.shape.maxFileMegabytes.parse(undefined);

interface LoadedPage {
  readonly html: string;
  /** What the report says about the page's encoding (decode.ts). */
  readonly encodingNotes: readonly string[];
  readonly address: string | undefined;
  readonly sources: Omit<FileSources, "address" | "origin" | "offline">;
}

/** Whether the command line names an address rather than a saved file. */
export const isAddress = (input: string) => /^https?:\/\//i.test(input);

/** Reads a saved page and finds its `_files` folder, or fetches a page from its address, which is the import's origin. */
async function loadPage(input: string, options: ImportOptions, connections: Connections, pacer: Pacer): Promise<LoadedPage> {
  if (isAddress(input)) {
    if (options.offline) throw new ImportFailed(`${input} är en adress, men --offline hämtar ingenting; spara sidan i webbläsaren och ange filen i stället`);
    try {
      const limits = { userAgent: options.userAgent, timeoutMs: options.timeoutMs, maxBytes: MAX_PAGE_BYTES, origin: new URL(input).origin, connections };
      const page = await pacer.pace(() => fetchWithinLimits(input, limits));
      if (!/html/i.test(page.contentType)) throw new ImportFailed(`${input} är inte en webbsida (${page.contentType || "okänd typ"})`);
      const decoded = decodePage(page.bytes, page.contentType);
      return { html: decoded.text, encodingNotes: decoded.notes, address: page.url, sources: { savedFolder: undefined, savedPage: undefined } };
    } catch (error) {
      if (error instanceof FetchRefused) throw new ImportFailed(`${input} ${error.message}`);
      throw error;
    }
  }
  const file = path.resolve(input);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ImportFailed(`filen ${input} finns inte`);
  if (info.size > MAX_PAGE_BYTES) throw new ImportFailed(`${input} är större än 10 MB och är inte en sparad webbsida`);
  const folder = file.replace(/\.x?html?$/i, "_files");
  const decoded = decodePage(await readFile(file));
  return {
    html: decoded.text,
    encodingNotes: decoded.notes,
    address: undefined,
    sources: { savedPage: file, savedFolder: folder !== file && existsSync(folder) ? folder : undefined },
  };
}


async function readExisting(contentDir: string): Promise<Existing> {
  const names = await readdir(path.join(contentDir, "kontakter")).catch(() => [] as string[]);
  const contacts = new Set(names.filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)));
  let site: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = parseYaml(await readFile(path.join(contentDir, "_data/site.yaml"), "utf8"));
    if (parsed && typeof parsed === "object") site = parsed as Record<string, unknown>;
  } catch {
    site = undefined;
  }
  return { contacts, site };
}


/** Front matter and body as a content file's text; no `draft` line unless it is a draft. */
const contentFile = (data: Record<string, unknown>, body = "") => writeProjectFile({ ...data, body });

/** Reads the pages and plans every file of the import: one page, several saved pages or folders of them, or one address. */
export async function planImport(inputs: string | readonly string[], options: ImportOptions): Promise<ImportPlan> {
  const given = typeof inputs === "string" ? [inputs] : inputs;
  for (const input of given) if (isAddress(input) && !normalWebAddress(input)) throw new ImportFailed(`${input} är ingen webbadress som går att hämta`);
  // The one origin anything is fetched from: the address typed, or --origin for saved pages.
  const address = given.find(isAddress);
  const origin = address ? new URL(address).origin : options.origin;
  const connections = openConnections((url) => origin !== undefined && isOfOrigin(url, origin));
  try {
    return await planWithConnections(given, origin, options, connections);
  } finally {
    await connections.close();
  }
}

/** A page read: its blocks, its facts, its content area without them, and what kind of page it is. */
interface ReadPage {
  readonly source: string;
  readonly page: LoadedPage;
  readonly read: PageBlocks;
  /** The invisible characters taken out of it. */
  readonly removed: readonly Dropped[];
  readonly facts: PageFacts;
  readonly content: readonly Block[];
  readonly kind: PageKind;
}

/** A project to read: the blocks of its part of a page, its heading level, and the page it stands on. */
interface ProjectSource {
  readonly blocks: readonly Block[];
  readonly level: number;
  readonly page: ReadPage;
}

async function planWithConnections(inputs: readonly string[], origin: string | undefined, options: ImportOptions, connections: Connections): Promise<ImportPlan> {
  // Requests go one at a time; a pause between them once the importer follows an index's links.
  const pacer = new Pacer(0);
  const readOne = async (input: string): Promise<ReadPage> => {
    const page = await loadPage(input, options, connections, pacer);
    const { html, removed } = withoutInvisibleCharacters(page.html);
    let read: PageBlocks;
    try {
      read = readPageBlocks(html, page.address);
    } catch (error) {
      if (error instanceof UnreadablePage) throw new ImportFailed(`${input} ${error.message}`);
      throw error;
    }
    const facts = readPageFacts(read.blocks);
    const content = read.blocks.filter((block) => block.inContent && !facts.used.has(block));
    return { source: input, page, read, removed, facts, content, kind: pageKind(content, read.address) };
  };
  // Several addresses typed are fetched as politely as an index's pages.
  if (inputs.filter(isAddress).length > 1) pacer.delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const given: ReadPage[] = [];
  for (const input of (await Promise.all(inputs.map(savedPagesIn))).flat()) given.push(await readOne(input));
  if (given.length === 0) throw new ImportFailed(`${inputs.join(", ")} har inga sparade sidor (.html)`);

  const existing = await readExisting(options.contentDir);
  const maxFileMegabytes = maxFileMegabytesOf(existing.site);
  const home = given.find((found) => found.kind.kind === "index") ?? given[0]!;
  const report: ImportReport = {
    source: home.source,
    address: home.read.address,
    sitevision: home.read.sitevision,
    contentArea: home.read.contentArea,
    pages: [],
    linked: [],
    warnings: [],
    files: [],
    dropped: [],
    notFetched: [],
    written: [],
    left: [],
    dryRun: false,
  };

  const { pages, linked, warnings } = await followedPages(given, origin, options, connections, pacer, readOne);
  const several = pages.length > 1;
  const named = (page: ReadPage, text: string) => (several ? `${page.source}: ${text}` : text);
  // What decoding said of each page comes first, then what following an index said.
  for (const page of pages) for (const note of page.page.encodingNotes) report.warnings.push(named(page, note));
  report.warnings.push(...warnings);
  for (const page of pages) {
    if (!page.read.sitevision) report.warnings.push(named(page, "sidan är inte gjord i Sitevision; den lästes efter sin struktur (rubriker, stycken, listor), så kontrollera resultatet extra noga"));
    if (page.read.contentArea === "body") report.warnings.push(named(page, "sidan har ingen innehållsyta (.pagecontent eller main), så hela sidan lästes, menyer och sidfot också"));
  }
  const files: PlannedFile[] = [];
  const reports = new Map<string, FileReport>();
  const reportFor = (file: string) => reports.get(file) ?? (reports.set(file, fileReport(file)), reports.get(file)!);

  // The page information and the people, wherever they stand on the pages.
  const facts = mergedFacts([home, ...pages.filter((page) => page !== home)].map((page) => page.facts));
  const { people, contactIds, responsibility, projectContacts } = resolvePeople(facts, existing, reportFor);
  const siteFile = "_data/site.yaml";
  const indexFile = "index.md";

  const { sources, heading, intro, introLevel, dropped } = projectSources(pages, home);
  for (const page of pages) if (page.kind.kind === "index" && page !== home) report.warnings.push(named(page, "sidan är själv en förteckning över projektsidor och gav inget projekt; dess länkar följdes inte"));
  const pageHeading = heading?.text ?? (home.read.title.split(/\s+[-–|]\s+/)[0] || "Avslutade projekt");
  const slugs = new Set<string>();
  // Each project gets its lasting id where the folder's site.yaml has the organisation number.
  const organisation = parseOrganisationNumber(String(existing.site?.organisationNumber ?? ""));
  const ids = new Set<string>();
  const vocabulary = themeVocabulary(themeSettingsOf(existing.site));
  const projects = sources.map(({ blocks, level, page }) => {
    const first = blocks[0]!;
    // The file is named by the title without its subtitle, as the project's own title is read.
    const title = first.kind === "heading" ? titleOf(first.text).title : "projekt";
    const slug = uniqueId(swedishSlug(title), slugs, "projekt");
    const read = readProject(blocks, level, `projekt/${slug}.md`, facts.usedLines);
    // A page's tags are its project's only where the page is one project's.
    const themes = themesOfTags(sources.filter((source) => source.page === page).length === 1 ? page.read.tags : [], vocabulary, read.report);
    const contacts = projectContacts(read);
    const fields = withThemes(read.fields, themes);
    let reading = { ...read, fields: contacts.length > 0 ? { ...fields, contacts } : fields };
    if (!swedishSlug(title)) reading.report.check.push(`titeln ”${title}” har inga bokstäver eller siffror att göra ett filnamn av, så filen heter ${slug}.md; byt gärna namn på den`);
    if (several) reading.report.placed.push({ field: "hela projektet", from: `sidan ${page.read.address ?? page.source}` });
    if ("digits" in organisation) {
      const id = newProjectIdentifier(organisation.digits, slug, ids);
      ids.add(id);
      reading.report.placed.push({ field: "id", from: `organisationNumber i site.yaml och filnamnet: ${id}` });
      reading = { ...reading, fields: { id, ...reading.fields } };
    }
    return { reading, page };
  });
  if (projects.length === 0 && home.kind.kind !== "index") report.warnings.push(noProjectsFound(home.content));
  for (const { link, address, page, reason } of linked) {
    const file = projects.find((project) => project.page === page)?.reading.report.file;
    report.linked.push({ address, text: link.text, ...(file ? { file } : { reason: reason ?? "sidan är själv en förteckning och gav inget projekt" }) });
  }
  for (const page of pages) {
    report.pages.push({ source: page.source, address: page.read.address, sitevision: page.read.sitevision, contentArea: page.read.contentArea, kind: page.kind.kind, projects: projects.filter((project) => project.page === page).length });
    report.dropped.push(...page.removed, ...page.facts.dropped);
    // The content area was guessed from where the headings stand: what is around it is named, with its words.
    if (page.read.contentArea === "cell") report.dropped.push(...regionsOutside(page.read.blocks, "står utanför cellen med sidans rubriker (meny, sidhuvud eller sidfot i den gamla sidans layouttabell); sidinformation och kontaktuppgifter där lästes ändå in"));
    for (const block of page.read.blocks.filter((found) => !found.inContent)) {
      for (const item of block.dropped) if (item.what === "kakmeddelande") report.dropped.push(item);
    }
  }
  report.dropped.push(...dropped);

  const limits = { userAgent: options.userAgent, timeoutMs: options.timeoutMs, maxBytes: megabytes(maxFileMegabytes), connections };
  const fileNames = new Set<string>();
  for (const { reading, page } of projects) {
    // Relative addresses are read against the page's own address, or, for a saved page that gives
    // itself an address on another origin than --origin, against --origin itself.
    const address = page.page.address ?? (origin && !(page.read.address && isOfOrigin(new URL(page.read.address), origin)) ? `${origin}/` : page.read.address);
    const sources: FileSources = { ...page.page.sources, address, origin, offline: Boolean(options.offline) };
    // A project on a page of its own was reviewed when its page says it was.
    const reviewed = several ? page.facts.information.reviewed : undefined;
    if (reviewed) reading.report.placed.push({ field: "reviewed", from: reviewed.from });
    files.push(...(await projectFiles(reading, { ...responsibility, ...(reviewed ? { reviewed: reviewed.value } : {}) }, sources, limits, fileNames, report.notFetched, pacer)));
    reports.set(reading.report.file, reading.report);
  }
  if (report.notFetched.length > 0) {
    report.warnings.push(
      `${report.notFetched.length} ${report.notFetched.length === 1 ? "fil" : "filer"} som sidan länkar till finns inte i mappen som sparades med den, och hämtades inte. En sparad sida hämtar ingenting från de adresser den själv anger; kör importen igen med --origin och webbplatsens adress (till exempel --origin https://www.exempel.se) för att hämta dem därifrån.`,
    );
  }

  // The introduction, the people, and the site's settings.
  const introduction = intro.flatMap((block) => (block.dropped.forEach((item) => reportFor(indexFile).dropped.push(item)), blockToMarkdown(block, introLevel, facts.usedLines.get(block)) ?? []));
  if (heading) reportFor(indexFile).placed.push({ field: "title, och name i site.yaml", from: heading.text });
  if (introduction.length > 0) reportFor(indexFile).placed.push({ field: "brödtexten", from: home.kind.kind === "index" ? "texten före förteckningen över projektsidorna" : "texten före det första projektet" });
  for (const block of intro) if (block.kind === "picture" || block.kind === "file") reportFor(indexFile).check.push(`${block.kind === "picture" ? "bilden" : "filen"} ${block.kind === "picture" ? block.src : block.href} i inledningen togs inte med; lägg in den i ett projekt om den behövs`);
  files.push({ path: indexFile, data: contentFile({ title: pageHeading, ...responsibility }, introduction.join("\n\n")) });
  for (const person of people.values()) {
    const file = `kontakter/${person.id}.md`;
    const personReport = reportFor(file);
    personReport.placed.push({ field: "name, title, phones, email", from: [person.name, person.title, ...person.phones, person.email].filter(Boolean).join(", ") });
    if (!person.title) personReport.check.push("sidan ger ingen titel: skriv personens titel eller roll i stället för Kontaktperson");
    files.push({ path: file, data: contentFile({ name: person.name, title: person.title ?? "Kontaktperson", ...(person.phones.length > 0 ? { phones: person.phones } : {}), ...(person.email ? { email: person.email } : {}) }) });
  }
  files.push({
    path: siteFile,
    data: siteYaml(home.read, pageHeading, contactIds, responsibility, reportFor(siteFile), "display" in organisation ? organisation.display : undefined, themeSettingsOf(existing.site)),
  });
  files.push(...(await fixedPages(options, responsibility, people.get(responsibility.contentOwner), reportFor)));
  report.files.push(...[...reports.values()].sort((a, b) => order(a.file) - order(b.file) || (a.file < b.file ? -1 : 1)));
  return { files, report };
}

/** A link of an index, and the page read for it or why none was. */
type Linked = { readonly link: IndexLink; readonly address: string; readonly page?: ReadPage; readonly reason?: string };

/**
 * The pages of the import. An index given alone: with its address, the pages it links to are
 * followed (robots.txt read first, one request at a time, at most --max-pages); saved, they are
 * listed. Several pages given: an index among them names the others.
 */
async function followedPages(
  given: readonly ReadPage[],
  origin: string | undefined,
  options: ImportOptions,
  connections: Connections,
  pacer: Pacer,
  readOne: (input: string) => Promise<ReadPage>,
): Promise<{ pages: readonly ReadPage[]; linked: readonly Linked[]; warnings: readonly string[] }> {
  const [index] = given;
  if (given.length === 1 && index!.kind.kind === "index") {
    const { links } = index!.kind;
    if (!isAddress(index!.source) || !origin) {
      const reason = "sidan angavs inte, och en sparad förteckning följer inga länkar";
      return { pages: given, linked: links.map((link) => ({ link, address: link.url ?? link.href, reason })), warnings: [indexAlone(index!, links.length)] };
    }
    pacer.delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
    const robots = await pacer.pace(() => readRobots(origin, options.userAgent, { userAgent: options.userAgent, timeoutMs: options.timeoutMs, connections }));
    if (robots.crawlDelayMs !== undefined) pacer.delayMs = Math.max(pacer.delayMs, Math.min(robots.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    const followed = await followLinks(links, {
      origin,
      robots,
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      load: async (address): Promise<{ page: ReadPage } | { reason: string }> => {
        try {
          return { page: await readOne(address) };
        } catch (error) {
          if (error instanceof ImportFailed) return { reason: error.message };
          throw error;
        }
      },
    });
    return { pages: [index!, ...followed.flatMap((found) => ("page" in found ? [found.page] : []))], linked: followed, warnings: robots.note ? [robots.note] : [] };
  }
  const linked = given.flatMap((page) =>
    page.kind.kind !== "index" || given.length === 1
      ? []
      : page.kind.links.map((link): Linked => {
          const found = given.find((other) => other !== page && isPageOf(link, other));
          return { link, address: link.url ?? link.href, ...(found ? { page: found } : { reason: "sidan fanns inte bland dem som angavs" }) };
        }),
  );
  return { pages: given, linked, warnings: [] };
}

/**
 * The projects of the pages: one per page when several pages are read (an index's pages, or the
 * pages given), else as the page is made: one project's page, or a page of several split at their
 * headings. The index (`home`), or the single page of several projects, gives the archive's
 * heading and introduction.
 */
function projectSources(pages: readonly ReadPage[], home: ReadPage) {
  const several = pages.length > 1;
  const sources: ProjectSource[] = [];
  let intro: readonly Block[] = [];
  let introLevel = 2;
  let heading: Extract<Block, { kind: "heading" }> | undefined;
  const dropped: Dropped[] = [];
  for (const page of pages) {
    if (page.kind.kind === "index") {
      if (page !== home) continue;
      const parts = indexParts(page.content, page.kind.links);
      ({ heading, intro } = parts);
      dropped.push(...parts.dropped);
    } else if (!several && page.kind.kind === "projects") {
      const parts = splitPage(page.content);
      ({ heading, intro } = parts);
      introLevel = parts.projectLevel;
      sources.push(...parts.projects.map((blocks) => ({ blocks, level: parts.projectLevel, page })));
    } else {
      sources.push({ ...projectOfPage(page.content, page.read.title), page });
    }
  }
  return { sources, heading, intro, introLevel, dropped };
}

/** Whether a page given is the one an index's link names: by its address, or for saved pages, by its file name. */
function isPageOf(link: IndexLink, page: ReadPage): boolean {
  if (link.url && page.read.address && new URL(link.url).pathname === new URL(page.read.address).pathname) return true;
  const name = (address: string) => decodeURIComponent(address.split(/[?#]/)[0]!.split("/").filter(Boolean).at(-1) ?? "").toLowerCase();
  return !isAddress(page.source) && name(link.href) === path.basename(page.source).toLowerCase();
}

/** What the report says of an index imported alone from a saved file: the projects are on the pages it links to, and how to import them. */
function indexAlone(index: ReadPage, count: number): string {
  const address = index.read.address ?? "https://…";
  return (
    `${index.source} är en förteckning: den länkar till ${count} sidor på samma webbplats med ett projekt på varje, och gav inget projekt själv. ` +
    `Kör importen med förteckningens adress (npm run import -- ${address}), så hämtas sidorna den länkar till, en i sekunden; ` +
    `eller spara varje projektsida och ange dem med förteckningen, som filer (npm run import -- ${path.basename(index.source)} projekt-1.html projekt-2.html …) eller som en mapp (npm run import -- mapp/).`
  );
}

/** Why a page gave no project, as it is: no headings at all, or a heading with nothing under it. */
function noProjectsFound(content: readonly Block[]): string {
  const headings = content.filter((block) => block.kind === "heading");
  if (headings.length === 0) return "inga projekt hittades: sidan har inga rubriker i innehållsytan att dela upp den vid";
  return `inga projekt hittades: innehållsytan har ${headings.length === 1 ? `bara rubriken ”${headings[0]!.text}”` : `${headings.length} rubriker`} och ingen text under dem`;
}

/** The report lists projects first, then the people, the introduction and the settings. */
const order = (file: string) => (file.startsWith("projekt/") ? 0 : file.startsWith("kontakter/") ? 1 : file === "index.md" ? 2 : 3);


/** A project's file and the files it shows, with its documents, lead picture and body pictures; files a saved page did not have go into `notFetched`. */
async function projectFiles(
  project: ProjectReading,
  responsibility: Responsibility,
  sources: FileSources,
  limits: Omit<FetchLimits, "origin">,
  names: Set<string>,
  notFetched: string[],
  pacer: Pacer,
): Promise<PlannedFile[]> {
  const { report } = project;
  const slug = path.basename(report.file, ".md");
  const planned: PlannedFile[] = [];
  const documents: Record<string, unknown>[] = [];
  const pictures = new Map<number, string>();
  let image: { file: string; alt: string } | undefined;
  for (const [index, wanted] of project.files.entries()) {
    const address = wanted.kind === "document" ? wanted.address : wanted.src;
    const obtained = await obtainFile(address, wanted.kind, sources, limits, pacer);
    if ("refused" in obtained) {
      if (obtained.notFetched) notFetched.push(address);
      report.dropped.push({ what: wanted.kind === "document" ? "dokument" : "bild", text: wanted.kind === "document" ? wanted.title : (wanted.alt ?? ""), reason: `${address} hämtades inte: ${obtained.refused}` });
      continue;
    }
    const name = uniqueId(obtained.name.replace(/\.[^.]+$/, ""), names) + path.extname(obtained.name);
    const file = `${slug}/${name}`;
    planned.push({ path: `filer/${file}`, data: obtained.bytes });
    if (wanted.kind === "document") {
      const title = wanted.title.replace(/\s*\((?:pdf|docx?|xlsx?|pptx?)[^)]*\)\s*$/i, "") || name;
      const category = documentCategoryOf(title, address);
      documents.push({ title, file, ...(obtained.published ? { published: obtained.published } : {}), ...(category ? { category: category.category } : {}) });
      report.placed.push({ field: "documents", from: `${wanted.title} (${address})` });
      if (obtained.published) report.guessed.push({ field: `documents: ${title}, published`, value: obtained.published, from: `tidsstämpeln i adressen (när filen laddades upp): ${address}` });
      if (category) report.guessed.push({ field: `documents: ${title}, category`, value: category.category, from: category.from });
    } else if (!wanted.alt) {
      report.check.push(`bilden filer/${file} har ingen alternativtext på sidan och visas inte: skriv vad den visar och lägg in den som image (alt) eller som ![text](/filer/${file}) i brödtexten`);
    } else if (!image) {
      image = { file, alt: wanted.alt };
      report.placed.push({ field: "image", from: `${address} med alternativtexten ”${wanted.alt}”` });
    } else {
      pictures.set(index, `![${wanted.alt.replace(/[[\]\\]/g, "\\$&")}](/filer/${file.split("/").map(encodeURIComponent).join("/")})`);
      report.placed.push({ field: "brödtexten (bild)", from: `${address} med alternativtexten ”${wanted.alt}”` });
    }
  }
  const body = project.body.flatMap((part) => ("picture" in part ? (pictures.get(part.picture) ?? []) : part.markdown));
  if (body.length > 0) report.placed.push({ field: "brödtexten", from: "resten av projektets text" });
  const fields = { ...project.fields };
  if (!fields.summary) {
    fields.summary = PLACEHOLDERS.summary;
    report.check.push("projektet har inget stycke att göra sammanfattning av: skriv summary innan projektet publiceras");
  }
  const { id, title, subtitle, summary, contacts, ...rest } = fields;
  const data = {
    ...(id ? { id } : {}),
    title,
    ...(subtitle ? { subtitle } : {}),
    summary,
    ...(image ? { image } : {}),
    ...rest,
    ...(documents.length > 0 ? { documents } : {}),
    ...(contacts ? { contacts } : {}),
    ...responsibility,
    draft: true,
  };
  report.check.push("läs utkastet i förhandsgranskningen (npm start) och ta bort draft: true när det stämmer");
  return [{ path: report.file, data: contentFile(data, body.join("\n\n")) }, ...planned];
}

/** site.yaml with the page's name, organisation, address and people, and a comment per key. */
function siteYaml(
  read: ReturnType<typeof readPageBlocks>,
  name: string,
  contacts: readonly string[],
  responsibility: Responsibility,
  report: FileReport,
  organisationNumber: string | undefined,
  themes: ThemeSettings | undefined,
): string {
  const organisation = read.siteName ?? read.title.split(/\s+[-–|]\s+/).slice(1).join(" - ");
  if (read.siteName) report.placed.push({ field: "organisation", from: `webbplatsens namn (${read.siteName})` });
  else report.check.push(`organisation är läst ur sidans titel (${read.title}): skriv organisationens namn`);
  // The old page's folder stands in for the new site's address until the editors know it.
  const url = read.address ? new URL(".", read.address).href : "https://example.se/";
  report.check.push(read.address ? `url är den gamla sidans adress (${url}): skriv den nya webbplatsens adress när den finns` : "sidans adress är okänd: skriv webbplatsens adress som url");
  report.placed.push({ field: "name", from: name });
  if (themes) report.placed.push({ field: "themes", from: "site.yaml som fanns i mappen: projektens ämnen kommer ur den listan" });
  if (contacts.length > 0) report.placed.push({ field: `contacts (${contacts.length})`, from: "kontaktlistan på sidan" });
  const yaml = (value: unknown) => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
  return `# Inställningar för hela webbplatsen, lästa ur ${read.address ?? "den sparade sidan"} av npm run import.
${yaml({ name, organisation: organisation || "Organisationens namn", url })}
${organisationNumber ? `\n# Organisationsnumret. Projektens id i den öppna datan görs av det.\norganisationNumber: ${organisationNumber}\n` : ""}${themes ? `\n# Ämnen som projekten kan ha: den inbyggda listan med tillägg (add) eller en egen lista (replace).\n${yaml({ themes })}\n` : ""}
# Personerna i listan "Kontakt" på startsidan, i den ordning de visas.
${yaml({ contacts: [...contacts] })}

# Sidinformation för sidor som byggs automatiskt, som kontaktlistan.
${yaml({ generatedPages: responsibility })}

# Hur många månader en sida får gå utan granskning.
reviewIntervalMonths: 12

# Kakor som kräver samtycke. Se redaktörsguiden för hur en kategori läggs till.
cookies:
  categories: []
`;
}

/**
 * The cookie page and the accessibility statement, which every site must have: where the content
 * folder has none, they start from the template folder's, with the page's own people put in.
 */
async function fixedPages(options: ImportOptions, responsibility: Responsibility, owner: PageContact | undefined, reportFor: (file: string) => FileReport): Promise<PlannedFile[]> {
  if (!options.templates) return [];
  const planned: PlannedFile[] = [];
  for (const file of ["kakor.md", "tillganglighet.md"]) {
    if (existsSync(path.join(options.contentDir, file))) continue;
    let text = await readFile(path.join(options.templates, file), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    text = text.replace(/^(contentOwner|publishedBy):.*$/gm, (_, key: "contentOwner" | "publishedBy") => `${key}: ${responsibility[key]}`);
    const fileReportOf = reportFor(file);
    fileReportOf.check.push("sidan kommer från exempelarkivet: läs igenom den och skriv om det som inte gäller er webbplats");
    if (file === "tillganglighet.md") {
      const feedback = owner?.phones[0] ? { phone: owner.phones[0] } : owner?.email ? { email: owner.email } : undefined;
      if (feedback) text = text.replace(/^feedback:\n(?: {2}.*\n)+/m, stringify({ feedback }, { lineWidth: 0 }));
      fileReportOf.check.push(`ange hur man lämnar synpunkter (feedback)${feedback ? `; nu står ${Object.values(feedback)[0]} (den innehållsansvariga) där` : ""}, och ändra assessed och compliance när ni har bedömt webbplatsen`);
    }
    planned.push({ path: file, data: text });
  }
  return planned;
}

/**
 * Writes the planned files into the content folder. An existing file is left alone unless `force`;
 * with `dryRun` nothing is written. Fills in the report's lists of written and left files.
 */
export async function writeImport(plan: ImportPlan, contentDir: string, { force = false, dryRun = false } = {}): Promise<ImportReport> {
  const report: ImportReport = { ...plan.report, written: [], left: [], dryRun };
  for (const file of plan.files) {
    const target = path.join(contentDir, file.path);
    if (!force && existsSync(target)) {
      report.left.push(file.path);
      continue;
    }
    report.written.push(file.path);
    if (dryRun) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.data);
  }
  return report;
}
