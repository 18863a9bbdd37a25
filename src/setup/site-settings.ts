/**
 * site.yaml as `npm run setup` writes it: every setting of the schema (siteSchema), each with a
 * Swedish explanation, those in use written out and the others commented with an example, so that
 * an organisation sees all it can set without reading the code. A test holds the list to the schema.
 */
import { stringify } from "yaml";

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
    comment: "Andra arkiv vars projekt webbplatsen visar bredvid sina egna (npm run harvest hämtar dem).\nSe redaktörsguiden, kapitlet Ett nationellt arkiv.",
    example: "sources:\n  - url: https://example.se/avslutade-projekt/projekt.json",
  },
];

const comment = (text: string) =>
  text
    .split("\n")
    .map((line) => (line === "" ? "#" : `# ${line}`))
    .join("\n");

/**
 * The file's text for the settings given: each set key written out, each other key commented.
 * Values are written as YAML writes them; the same values always give the same text.
 */
export function siteYaml(values: Readonly<Record<string, unknown>>): string {
  const blocks = SITE_SETTINGS.map(({ key, comment: explanation, example }) => {
    const value = values[key];
    const body = value === undefined ? comment(example) : stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
    return `${comment(explanation)}\n${body}`;
  });
  const unknown = Object.keys(values).filter((key) => !SITE_SETTINGS.some((setting) => setting.key === key));
  const kept = unknown.map((key) => stringify({ [key]: values[key] }, { lineWidth: 0 }).trimEnd());
  return `# Inställningar för hela webbplatsen. En rad som börjar med # gäller inte; ta bort # för att använda den.\n\n${[...blocks, ...kept].join("\n\n")}\n`;
}
