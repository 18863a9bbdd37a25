/**
 * site.yaml as `npm run setup` writes it: every setting of the schema (siteSchema), each with a
 * Swedish explanation, those in use written out and the others commented with an example, so that
 * an organisation sees all it can set without reading the code. A test holds the list to the schema.
 * Written again, it keeps the comments the organisation added.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isNode, isScalar, Pair, parseDocument, Scalar, stringify, YAMLMap } from "yaml";
import type { ContentError } from "../content/model/errors.ts";
import { readYamlFile } from "../content/reading/source.ts";

/** Where site.yaml is in the content folder. */
export const SITE_SETTINGS_FILE = "_data/site.yaml";

/** site.yaml as it is: its text and values, or the errors that keep it from being read. */
export type CurrentSettings =
  | { readonly file: string; readonly text: string; readonly values: Readonly<Record<string, unknown>> }
  | { readonly file: string; readonly errors: readonly ContentError[] };

/**
 * Reads site.yaml through the content reader, as check does: anchors and aliases are refused
 * before anything is expanded, and a file that is not YAML is reported on its line. A missing
 * file has no values.
 */
export async function readSiteSettings(contentDir: string): Promise<CurrentSettings> {
  const file = path.join(contentDir, SITE_SETTINGS_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { file, text: "", values: {} } : { file, errors: [{ file, message: `filen går inte att läsa (${code ?? String(error)})` }] };
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return { file, text, values: {} };
  const source = readYamlFile(file, bytes);
  // Other errors (a control character on a line) are check's to report; the values can still be read.
  if (source.data === undefined) return { file, errors: source.errors };
  return { file, text, values: source.data as Record<string, unknown> };
}

/** One setting: its explanation, and an example to show commented when it is not in use. */
interface Setting {
  readonly key: string;
  readonly comment: string;
  /** The example, as YAML for the key alone (commented when written). */
  readonly example: string;
}

/** The settings in the order the file lists them. */
export const SITE_SETTINGS: readonly Setting[] = [
  { key: "name", comment: "Webbplatsens namn, i sidhuvudet och i flikens rubrik.", example: "name: Avslutade projekt" },
  { key: "organisation", comment: "Organisationen som har projekten och svarar för webbplatsen.", example: "organisation: Regionbiblioteket" },
  {
    key: "organisationNumber",
    comment: "Organisationsnumret. Projektens beständiga id i den öppna datan görs av det.",
    example: "organisationNumber: 232100-0000",
  },
  {
    key: "url",
    comment: "Webbplatsens adress, som den ska stå i länkar, med / på slutet.",
    example: "url: https://regionbiblioteket.github.io/avslutade-projekt/",
  },
  {
    key: "counties",
    comment: "Länen organisationen arbetar för. Ett nationellt arkiv visar projekten per län.",
    example: "counties:\n  - Dalarnas län",
  },
  {
    key: "logo",
    comment: "Organisationens logotyp i sidhuvudet: en bild i content/filer/ och vad den föreställer.",
    example: "logo:\n  file: logotyp.png\n  alt: Regionbiblioteket",
  },
  {
    key: "colour",
    comment:
      "Webbplatsens färg för länkar och knappar. Den måste gå att läsa på vitt och på de grå rutorna;\nnpm run check föreslår en mörkare nyans om den inte gör det.",
    example: 'colour: "#0b4f8a"',
  },
  {
    key: "themes",
    comment:
      "Ämnena som projekten kan ha, utöver den inbyggda listan (läsfrämjande, barn och unga med flera),\neller med replace: en egen lista i stället. Se redaktörsguiden, fältet themes.",
    example: "themes:\n  add:\n    - bokcirklar",
  },
  { key: "contacts", comment: 'Personerna i listan "Kontakt" på startsidan, i den ordning de visas.', example: "contacts:\n  - anna-berg" },
  {
    key: "generatedPages",
    comment: "Sidinformation för sidor som byggs automatiskt, som kontaktlistan.",
    example: "generatedPages:\n  reviewed: 2026-01-15\n  contentOwner: anna-berg\n  publishedBy: anna-berg",
  },
  { key: "reviewIntervalMonths", comment: "Hur många månader en sida får gå utan granskning.", example: "reviewIntervalMonths: 12" },
  { key: "maxFileMegabytes", comment: "Hur stort ett dokument eller en bild får vara, i megabyte.", example: "maxFileMegabytes: 25" },
  {
    key: "cookies",
    comment: "Kakor som kräver samtycke, i kategorier. Utan kategorier sätter webbplatsen inga sådana kakor.\nSe redaktörsguiden, kapitlet Kakor och de andra sidorna.",
    example:
      "cookies:\n  categories:\n    - id: statistik\n      name: Statistik\n      purpose: Vi räknar besök för att förbättra webbplatsen.\n      scripts: [/filer/statistik.js]\n      cookies:\n        - name: _pk_id\n          purpose: Skiljer besökare åt.\n          lifetime: 13 månader",
  },
  {
    key: "markdown",
    comment: "HTML i texterna. Avstängt som standard; slå bara på det om alla redaktörer är betrodda.",
    example: "markdown:\n  allowHtml: false",
  },
  {
    key: "cms",
    comment:
      "Redigering i webbläsaren på /admin/: arkivet som formuläret sparar i, som ägare/namn.\nUtan cms byggs webbplatsen utan /admin/. Se redaktörsguiden, kapitlet Redigera i webbläsaren.",
    example: "cms:\n  repo: regionbiblioteket/avslutade-projekt\n  branch: main",
  },
  {
    key: "dcat",
    comment: "En katalog över den öppna datan för Sveriges dataportal, på /dcat.rdf. Kräver\norganisationNumber, dataContactEmail och publisherType.",
    example: "dcat: true",
  },
  { key: "dataLicense", comment: "Den öppna datans licens, som Creative Commons skriver adressen.", example: "dataLicense: http://creativecommons.org/publicdomain/zero/1.0/" },
  { key: "dataContactEmail", comment: "Vart frågor om den öppna datan går.", example: "dataContactEmail: oppnadata@example.se" },
  {
    key: "publisherType",
    comment: "Vilken sorts organisation ni är, i katalogen: LocalAuthority, RegionalAuthority, NationalAuthority,\nNonProfitOrganisation eller Academia-ScientificOrganisation.",
    example: "publisherType: RegionalAuthority",
  },
  {
    key: "sources",
    comment: "Andra arkiv vars projekt webbplatsen visar bredvid sina egna (npm run harvest hämtar dem), var och\nett med organisationen som publicerar det och dess organisationsnummer. Se redaktörsguiden,\nkapitlet Ett nationellt arkiv.",
    example: "sources:\n  - url: https://example.se/avslutade-projekt/projekt.json\n    organisation: Region Dalarna\n    organisationNumber: 232100-0180",
  },
];

const comment = (text: string) =>
  text
    .split("\n")
    .map((line) => (line === "" ? "#" : `# ${line}`))
    .join("\n");

const HEADER = "Inställningar för hela webbplatsen. En rad som börjar med # gäller inte; ta bort # för att använda den.";

/** Every comment line setup writes, as the YAML library reads it (without its #). */
const OWN_COMMENTS = new Set(
  [HEADER, ...SITE_SETTINGS.flatMap(({ comment: explanation, example }) => [...explanation.split("\n"), ...example.split("\n")])].map((line) => line.trim()),
);

/** The comment lines of a YAML comment that setup did not write: the organisation's own. */
const organisationComments = (text: string | null | undefined) =>
  (text ?? "")
    .split("\n")
    .filter((line) => line.trim() !== "" && !OWN_COMMENTS.has(line.trim()))
    .map((line) => `#${line}`);

/**
 * The file's text for the settings given: each set key written out, each other key commented.
 * Values are written by the YAML library; the same values always give the same text. When
 * `previous` is a site.yaml that setup wrote, the organisation's own comments in it are kept: the
 * lines it added above a setting stay above it, and a setting whose value is unchanged is written
 * as it was, with the comments inside it and beside it.
 */
export function siteYaml(values: Readonly<Record<string, unknown>>, previous = ""): string {
  const document = previous.startsWith(`# ${HEADER}`) ? parseDocument(previous) : undefined;
  const pairs = document && document.errors.length === 0 && isMap(document.contents) ? document.contents.items : [];
  const block = (key: string, explanation?: string, example?: string) => {
    const value = values[key];
    const pair = pairs.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
    const own = organisationComments(pair && isScalar(pair.key) ? pair.key.commentBefore : undefined);
    const unchanged = pair && isDeepStrictEqual(isNode(pair.value) ? pair.value.toJS(document!) : pair.value, value);
    // Unchanged, the value is its own node as read, with the comments inside it and beside it.
    const body = value === undefined ? comment(example ?? "") : unchanged ? single(key, pair.value) : stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
    return [...(explanation ? [comment(explanation)] : []), ...own, body].join("\n");
  };
  const blocks = SITE_SETTINGS.map(({ key, comment: explanation, example }) => block(key, explanation, example));
  const unknown = Object.keys(values).filter((key) => !SITE_SETTINGS.some((setting) => setting.key === key));
  const trailing = organisationComments(document?.comment);
  return `# ${HEADER}\n\n${[...blocks, ...unknown.map((key) => block(key)), ...(trailing.length > 0 ? [trailing.join("\n")] : [])].join("\n\n")}\n`;
}

/** `key: value` as YAML, with the value's node as it was read. */
function single(key: string, value: unknown): string {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), value));
  const document = new Document();
  document.contents = map;
  return document.toString({ lineWidth: 0 }).trimEnd();
}
