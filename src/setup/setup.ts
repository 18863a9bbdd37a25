/**
 * Takes the archive into use for an organisation (`npm run setup`): its name, address, logo, colour,
 * first contact and the repository the web editor saves to (`cms`, src/setup/hosting.ts) go in, the bundled example (Regionbibliotek Örebro-Västmanland's projects and
 * people) goes out, and what only a person can write is listed.
 *
 * Safe to run again: an example file is removed only while it is exactly as shipped (its SHA-256),
 * a file the organisation has written is never overwritten, a page's responsibility changes only
 * while it names a removed example person, and site.yaml is written from its own values and the
 * answers, so the same answers give the same files.
 *
 * Content files are read only through the content reader (src/content/reading/source.ts), as check
 * reads them: nothing in a file runs, and a file the reader refuses is left for check to report.
 * Everything setup writes goes through the YAML library, so an answer is always text.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, parseDocument } from "yaml";
import type { ContentError } from "../content/model/errors.ts";
import { ATTACHMENTS_FOLDER, CONTACTS_FOLDER } from "../content/reading/content-tree.ts";
import { readContentFile } from "../content/reading/source.ts";
import { swedishSlug } from "../format/slug.ts";
import { pathPrefixAdvice, type GitHost, type Publishing } from "./hosting.ts";
import { readSiteSettings, SITE_SETTINGS_FILE, siteYaml } from "./site-settings.ts";

/** The repository the web editor saves to, and the CI that publishes the site: site.yaml's `cms`. */
export interface RepositoryAnswer {
  readonly backend: GitHost;
  /** owner/name; on GitLab, group/subgroup/name. */
  readonly repo: string;
  /** A self-managed GitLab's or a Forgejo's address. */
  readonly baseUrl?: string;
  /** The OAuth application on GitLab or Forgejo, for signing in without a token. */
  readonly appId?: string;
}

/** What the person taking the archive into use has answered. */
export interface SetupAnswers {
  readonly organisation: string;
  readonly name: string;
  readonly url: string;
  readonly organisationNumber?: string;
  readonly counties?: readonly string[];
  /** A picture file anywhere on the machine, copied into filer/. */
  readonly logo?: string;
  readonly logoAlt?: string;
  readonly colour?: string;
  readonly contact: { readonly name: string; readonly title: string; readonly email?: string; readonly phone?: string };
  /** Where the repository is: site.yaml's `cms` is written for it; null when it has no place (no `cms`), undefined to keep `cms` as it is. */
  readonly repository?: RepositoryAnswer | null;
  /** Where the site is published, which decides the path prefix the CI builds with. */
  readonly publishing?: Publishing;
  /** Today, as YYYY-MM-DD: the review date of what setup writes. */
  readonly today: string;
}

/** What setup did, and what is left for a person, each a line in Swedish. */
export interface SetupReport {
  readonly done: string[];
  readonly remaining: string[];
}

/**
 * The bundled example as shipped, by path in the content folder: its files are removed while they
 * are unchanged. The hashes are those of test/fixtures/exempel, the same files (a test holds them).
 */
export const EXAMPLE_FILES: Readonly<Record<string, string>> = {
  "projekt/vinna-vinna.md": "ea670a08c2090e95cb4d8d1013d46bc587f02c64f9da0633585f20e11add87ed",
  "projekt/rom-for-dannelse.md": "1522e5550c592dccf0df6e202771b440c58bf0ba5da7a93e38e19d1f3738cff9",
  "kontakter/eva-carlbom.md": "08c074f2f24b45b87891eb1795ed519c5eeefe51c55929acbec658dd961aa32f",
  "kontakter/linda-berg-ottoson.md": "632f8b623d793ce6c990d2e38c5a0417e93bbf261d5b9253e3853243f7898e2d",
  "kontakter/peter-alsbjer.md": "1921d3e86537f15c3bb225259f3a6f1046c04a8e1b1fc7bdf773485ebd849552",
  "kontakter/sandra-spjuth.md": "60f0139bad3f4f1c724f4bc578ec98dedc50af874f6e586ab024ab4c3fb6638b",
  "kontakter/sylvia-blomberg.md": "7b6cf7b8cb84d895ff2a19741dd56d9e0faa4a17c80cf4e7731e3c9a05c45610",
};

/** The example's introduction on the start page, replaced while it is unchanged. */
const EXAMPLE_INTRODUCTION = "Vi har några projekt som vi vill dela med oss våra erfarenheter av, men som inte längre är aktiva.";

/** How the example assessed its accessibility: after setup, that is no longer true. */
const EXAMPLE_METHOD =
  "Vi har gjort en självskattning (intern testning) av webbplatsen med automatiska tester i webbläsaren Chromium, med axe-core och html-validate på varje slags sida, med tester av att allt på sidorna går att nå och använda med tangentbordet, och med en virtuell skärmläsare (@guidepup/virtual-screen-reader), ett testverktyg som tar fram vad en skärmläsare skulle läsa upp. Den läser igenom en projektsida, startsidan och söksidan, och testerna kontrollerar vad som läses upp och i vilken ordning. Webbplatsen har inte testats med en riktig skärmläsare som NVDA, JAWS eller VoiceOver.";

/** What the accessibility statement says of its assessment when setup writes it: what has been done, no more. */
const setupMethod = (organisation: string) =>
  `${organisation} har ännu inte bedömt webbplatsen med sitt eget innehåll. Redogörelsen skrevs när webbplatsen togs i bruk, utifrån de automatiska tester som projektarkiv gör av sina sidmallar: axe-core och html-validate i webbläsaren Chromium på varje slags sida, tester av att allt på sidorna går att nå och använda med tangentbordet, och en virtuell skärmläsare (@guidepup/virtual-screen-reader), ett testverktyg som tar fram vad en skärmläsare skulle läsa upp, på en projektsida, startsidan och söksidan i Chromium. Webbplatsen har inte testats med en riktig skärmläsare som NVDA, JAWS eller VoiceOver.`;

/** The start page's introduction as setup writes it. */
const neutralIntroduction = (organisation: string) => `Här finns dokumentationen från projekt som ${organisation} har drivit och avslutat: mål, partner, rapporter och kontaktpersoner.\n`;

/** Whether the start page's introduction is still the example's or setup's own: then it is left for a person to write. */
const isPlaceholderIntroduction = (body: string) => body.trim().startsWith(EXAMPLE_INTRODUCTION) || /^Här finns dokumentationen från projekt som .+ har drivit och avslutat: mål, partner, rapporter och kontaktpersoner\.$/.test(body.trim());

/**
 * site.yaml's `cms` for the repository answered: its host's settings, and of the current `cms` the
 * branch (and GitHub's sign-in worker, on GitHub); undefined for none, the current one when no
 * answer was given.
 */
function cmsSettings(current: unknown, repository: RepositoryAnswer | null | undefined): unknown {
  if (repository === undefined) return current;
  if (repository === null) return undefined;
  const kept = isRecord(current) ? current : {};
  const { backend, repo, baseUrl, appId } = repository;
  return {
    // GitHub is the default, written only where the file already named it.
    ...(backend !== "github" || kept.backend !== undefined ? { backend } : {}),
    repo,
    ...(kept.branch !== undefined ? { branch: kept.branch } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(appId ? { appId } : {}),
    ...(backend === "github" && kept.oauthWorker !== undefined ? { oauthWorker: kept.oauthWorker } : {}),
  };
}

/** Words of the example organisation: where they are left after setup, a person has to rewrite. */
const EXAMPLE_TRACES = [/Örebro/, /Västmanland/, /regionorebrolan/i, /\b019-/, /232100-0164/];

/** Whether a text names the example organisation: no answer of the library's own. */
export const namesTheExample = (text: string) => EXAMPLE_TRACES.some((trace) => trace.test(text));

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** A text file's SHA-256 with Unix line breaks, so that a checkout with Windows line breaks matches too. */
const textHash = (bytes: Buffer) => sha256(bytes.toString("utf8").replaceAll("\r\n", "\n"));

/** Whether a value read from YAML is a group of fields (a map). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const exists = (file: string) => stat(file).then(() => true, () => false);

/** "Regionbibliotek Örebro-Västmanlands", "Kultur i Västs": the Swedish genitive. */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** A contact file with the fields `npm run new -- --contact` asks for, filled in, written by the YAML library. */
function contactFile(contact: SetupAnswers["contact"]): string {
  const fields = { name: contact.name, title: contact.title, ...(contact.phone ? { phones: [contact.phone] } : {}), ...(contact.email ? { email: contact.email } : {}) };
  return `---\n${new Document(fields).toString({ lineWidth: 0 })}---\n`;
}

/** A page file's front matter, as read and as a YAML document to edit in place (comments and order kept), and its body. */
interface PageFile {
  readonly text: string;
  readonly frontMatter: ReturnType<typeof parseDocument>;
  readonly body: string;
}

/**
 * Reads a page file through the content reader, as check does: nothing in it runs, and a file it
 * refuses (front matter it cannot read, `---js`) is undefined, to be left as it is for check to report.
 */
async function readPage(file: string): Promise<PageFile | undefined> {
  const bytes = await readFile(file);
  const source = readContentFile(file, bytes);
  if (source.data === undefined || source.errors.length > 0) return undefined;
  // The front matter's lines: those between the first line (---) and the closing one, before the body.
  const lines = new TextDecoder().decode(bytes).replace(/\r\n?/g, "\n").split("\n");
  const text = lines.slice(1, source.bodyLine - 2).map((line) => `${line}\n`).join("");
  const frontMatter = parseDocument(text);
  return frontMatter.errors.length > 0 ? undefined : { text, frontMatter, body: source.body };
}

/** A page file's text with its front matter, as edited, and `body`. */
const pageText = ({ text, frontMatter }: PageFile, body: string) => `---\n${frontMatter.contents === null ? text : frontMatter.toString({ lineWidth: 0 })}---\n${body}`;

/** site.yaml cannot be read (src/setup/site-settings.ts), so setup cannot write it again: it changes nothing. */
export class UnreadableSettingsError extends Error {
  constructor(readonly errors: readonly ContentError[]) {
    super(`${SITE_SETTINGS_FILE} går inte att läsa`);
    this.name = "UnreadableSettingsError";
  }
}

/** Takes the archive in `contentDir` into use with `answers`. */
export async function setUp(contentDir: string, answers: SetupAnswers): Promise<SetupReport> {
  const done: string[] = [];
  const remaining: string[] = [];
  const at = (relative: string) => path.join(contentDir, relative);
  // site.yaml first: a file setup cannot read stops it before anything is changed.
  const current = await readSiteSettings(contentDir);
  if ("errors" in current) throw new UnreadableSettingsError(current.errors);

  // 1. The example's files, while they are as shipped.
  const removedPeople = new Set<string>();
  for (const [relative, hash] of Object.entries(EXAMPLE_FILES)) {
    const file = at(relative);
    if (!(await exists(file))) {
      if (relative.startsWith(CONTACTS_FOLDER)) removedPeople.add(path.basename(relative, ".md"));
      continue;
    }
    if (textHash(await readFile(file)) === hash) {
      await rm(file);
      done.push(`Tog bort exemplet ${relative}`);
      if (relative.startsWith(CONTACTS_FOLDER)) removedPeople.add(path.basename(relative, ".md"));
    } else {
      remaining.push(`${relative} är ett av exemplen, men ändrat; ta bort filen om den inte är er`);
    }
  }
  const replaced = (id: unknown) => typeof id === "string" && removedPeople.has(id);

  // 2. The first contact.
  const contactId = swedishSlug(answers.contact.name);
  const contactPath = at(`${CONTACTS_FOLDER}/${contactId}.md`);
  await mkdir(path.dirname(contactPath), { recursive: true });
  if (await exists(contactPath)) {
    if ((await readFile(contactPath, "utf8")) !== contactFile(answers.contact)) done.push(`${CONTACTS_FOLDER}/${contactId}.md finns redan och lämnades som den är`);
  } else {
    await writeFile(contactPath, contactFile(answers.contact));
    done.push(`Skrev ${CONTACTS_FOLDER}/${contactId}.md (${answers.contact.name})`);
  }

  // 3. filer/, with the logo.
  await mkdir(at(ATTACHMENTS_FOLDER), { recursive: true });
  if (!(await exists(at(`${ATTACHMENTS_FOLDER}/.gitkeep`)))) {
    await writeFile(at(`${ATTACHMENTS_FOLDER}/.gitkeep`), "");
    done.push(`Skapade ${ATTACHMENTS_FOLDER}/ för dokument och bilder`);
  }
  let logoFile: string | undefined;
  const inAttachments = answers.logo ? path.relative(at(ATTACHMENTS_FOLDER), path.resolve(answers.logo)) : "..";
  if (!inAttachments.startsWith("..") && !path.isAbsolute(inAttachments)) {
    // Already in filer/, as the current logo is on a second run: used where it is.
    logoFile = inAttachments.split(path.sep).join("/");
  } else if (answers.logo) {
    logoFile = `logotyp${path.extname(answers.logo).toLowerCase()}`;
    const target = at(`${ATTACHMENTS_FOLDER}/${logoFile}`);
    const bytes = await readFile(answers.logo);
    if (!(await exists(target)) || sha256(await readFile(target)) !== sha256(bytes)) {
      await copyFile(answers.logo, target);
      done.push(`Kopierade logotypen till ${ATTACHMENTS_FOLDER}/${logoFile}`);
    }
  }

  // 4. site.yaml: its own values, the answers over them, the example people out.
  const values: Record<string, unknown> = { ...current.values };
  Object.assign(values, {
    name: answers.name,
    organisation: answers.organisation,
    url: answers.url,
    organisationNumber: answers.organisationNumber,
    counties: answers.counties?.length ? [...answers.counties] : undefined,
    logo: logoFile ? { file: logoFile, alt: answers.logoAlt ?? answers.organisation } : values.logo,
    colour: answers.colour ?? values.colour,
    cms: cmsSettings(values.cms, answers.repository),
  });
  // A value of the wrong kind is check's to report; setup reads it as none.
  const people = (Array.isArray(values.contacts) ? values.contacts : []).filter((id) => !replaced(id));
  values.contacts = people.includes(contactId) ? people : [contactId, ...people];
  const generated = isRecord(values.generatedPages) ? values.generatedPages : {};
  if (!generated.contentOwner || replaced(generated.contentOwner) || replaced(generated.publishedBy)) {
    values.generatedPages = { reviewed: answers.today, contentOwner: contactId, publishedBy: contactId };
  }
  for (const key of Object.keys(values)) if (values[key] === undefined) delete values[key];
  const settings = siteYaml(values, current.text);
  if (settings !== current.text) {
    await mkdir(path.dirname(current.file), { recursive: true });
    await writeFile(current.file, settings);
    done.push(`Skrev ${SITE_SETTINGS_FILE} med alla inställningar, de som inte används som kommentarer`);
  }

  // 5. The site's pages: the new contact answers for them where an example person did, and the
  // start page gets a neutral introduction while it has the example's.
  for (const page of ["index.md", "kakor.md", "tillganglighet.md"]) {
    const file = at(page);
    if (!(await exists(file))) continue;
    const read = await readPage(file);
    if (!read) {
      remaining.push(`${page}: ändrades inte, eftersom fälten inte går att läsa (se kontrollen nedan)`);
      continue;
    }
    const { frontMatter: document } = read;
    let { body } = read;
    const before = pageText(read, body);
    if (replaced(document.get("contentOwner")) || replaced(document.get("publishedBy"))) {
      document.set("contentOwner", contactId);
      document.set("publishedBy", contactId);
      document.set("reviewed", answers.today);
      if (page === "index.md") document.set("summary", `Dokumentation från ${genitive(answers.organisation)} avslutade projekt.`);
      if (page === "tillganglighet.md") {
        document.set("summary", `Hur webbplatsen ${answers.name} uppfyller lagen om tillgänglighet till digital offentlig service.`);
        const feedback: Record<string, string> = {};
        if (answers.contact.email) feedback.email = answers.contact.email;
        if (answers.contact.phone) feedback.phone = answers.contact.phone;
        if (Object.keys(feedback).length > 0) document.set("feedback", feedback);
      }
      done.push(`${page}: ${answers.contact.name} är innehållsansvarig och publicerande`);
    }
    if (page === "index.md" && body.trim().startsWith(EXAMPLE_INTRODUCTION)) {
      body = neutralIntroduction(answers.organisation);
      done.push("index.md: en neutral inledning på startsidan");
    }
    if (page === "index.md" && isPlaceholderIntroduction(body)) remaining.push("index.md: skriv inledningen på startsidan med era egna ord");
    if (page === "tillganglighet.md" && document.get("method") === EXAMPLE_METHOD) {
      document.set("method", setupMethod(answers.organisation));
      document.set("assessed", answers.today);
      done.push("tillganglighet.md: exemplets bedömning (assessed, method) är ersatt med vad som är gjort för er webbplats");
    }
    const after = pageText(read, body);
    if (after !== before) await writeFile(file, after);
  }
  remaining.push(
    "tillganglighet.md: bedöm webbplatsen med ert innehåll och skriv hur och när (method, assessed), och kontrollera vem man kontaktar om brister (feedback) och listan över brister",
  );
  if (!values.cms) {
    remaining.push("_data/site.yaml: arkivet har ingen plats än; kör npm run setup igen när det finns på GitHub, GitLab eller en Forgejo, så skrivs cms: och formuläret på /admin/ kommer med");
  }
  // The path prefix, where the CI needs a setting for it; where it needs none, the command says so with the guide's steps.
  const prefix = pathPrefixAdvice({ cms: hostedAt(values.cms), publishing: answers.publishing ?? "github-pages", url: answers.url });
  if (prefix.remaining) remaining.push(prefix.remaining);
  if (!values.organisationNumber) remaining.push("_data/site.yaml: skriv organisationsnumret (organisationNumber), så att projekten får beständiga id i den öppna datan");

  // 6. What is left of the example organisation, line by line.
  for (const relative of await textFiles(contentDir)) {
    const lines = (await readFile(at(relative), "utf8")).split("\n");
    lines.forEach((line, index) => {
      if (namesTheExample(line)) remaining.push(`${relative}:${index + 1}: ${line.trim()}`);
    });
  }
  return { done, remaining };
}

/** The repository site.yaml's `cms` names, when it names one. */
export function hostedAt(cms: unknown): { backend: GitHost; repo: string; baseUrl?: string } | undefined {
  if (!isRecord(cms) || typeof cms.repo !== "string") return undefined;
  const backend = (cms.backend ?? "github") as GitHost;
  return { backend, repo: cms.repo, ...(typeof cms.baseUrl === "string" ? { baseUrl: cms.baseUrl } : {}) };
}

/** The content folder's Markdown and YAML files, by path there, in order. */
async function textFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name) && !path.relative(contentDir, entry.parentPath).startsWith("_harvest"))
    .map((entry) => path.relative(contentDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}
