import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { cmsConfig, cmsConfigFile, type CmsSettings } from "../../src/cms/config.ts";
import { formFields } from "../../src/cms/fields.ts";
import { PREVIEWED_COLLECTION } from "../../src/cms/project-preview.ts";
import { schemaDef } from "../../src/content/model/field-names.ts";
import { accessibilitySchema, contactSchema, pageSchema, projectSchema, siteSchema } from "../../src/content/model/schema.ts";
import { swedishIssueMessage } from "../../src/content/model/issue-messages.ts";
import { adminContentSecurityPolicy } from "../../src/eleventy/filters/security.ts";
import { PROJECT_IDENTIFIER } from "../../src/format/organisation-number.ts";
import { DEFAULT_THEMES } from "../../src/format/themes.ts";
import { sveltiaSchemaErrors } from "./sveltia-schema.ts";

const SETTINGS: CmsSettings = {
  cms: { backend: "github", repo: "regionbiblioteket/avslutade-projekt", branch: "main" },
  siteName: "Avslutade projekt",
  siteUrl: "https://www.example.se/avslutade-projekt/",
  contentFolder: "content",
  localName: "avslutade-projekt",
};

type AnyField = Record<string, unknown> & { name: string; widget?: string; required?: boolean; fields?: AnyField[]; field?: AnyField };
type AnyCollection = Record<string, unknown> & { name: string; fields?: AnyField[]; files?: (Record<string, unknown> & { name: string; fields: AnyField[] })[] };

const config = cmsConfig(SETTINGS);

/** The same site on each other host: GitLab.com and a self-managed GitLab, a Forgejo with and without sign-in. */
const HOSTS: Record<string, CmsSettings> = {
  gitlab: { ...SETTINGS, cms: { backend: "gitlab", repo: "region/bibliotek/avslutade-projekt", branch: "main", appId: "a1b2c3" } },
  "self-managed gitlab": { ...SETTINGS, cms: { backend: "gitlab", repo: "bibliotek/avslutade-projekt", branch: "main", baseUrl: "https://gitlab.region.se/" } },
  forgejo: { ...SETTINGS, cms: { backend: "forgejo", repo: "bibliotek/avslutade-projekt", branch: "main", baseUrl: "https://git.region.se", appId: "4d5e6f" } },
  "forgejo with tokens": { ...SETTINGS, cms: { backend: "forgejo", repo: "bibliotek/avslutade-projekt", branch: "main", baseUrl: "https://codeberg.org" } },
};
const collections = config.collections as AnyCollection[];
const collection = (name: string) => collections.find((entry) => entry.name === name)!;
const pageFile = (name: string) => collection("sidor").files!.find((file) => file.name === name)!;

/**
 * The widget each key of the content schema must have, as the web-editing issue asks: what the
 * form offers an editor. A key added to the schema without a line here fails the first test below.
 */
const PROJECT_WIDGETS: Record<string, string> = {
  id: "hidden",
  title: "string",
  subtitle: "string",
  summary: "text",
  image: "object",
  "image.file": "image",
  "image.alt": "string",
  "image.decorative": "boolean",
  period: "object",
  "period.start": "string",
  "period.end": "string",
  themes: "select",
  goals: "list",
  results: "list",
  lessons: "list",
  partners: "list",
  "partners.name": "string",
  "partners.country": "select",
  "partners.roles": "select",
  "partners.lang": "string",
  "partners.url": "string",
  "partners.organisationNumber": "string",
  funders: "list",
  "funders.name": "string",
  "funders.url": "string",
  "funders.programme": "string",
  "funders.caseNumber": "string",
  "funders.amount": "number",
  "funders.currency": "select",
  "funders.year": "number",
  events: "list",
  "events.date": "string",
  "events.title": "string",
  documents: "list",
  "documents.title": "string",
  "documents.file": "file",
  "documents.lang": "string",
  "documents.published": "datetime",
  "documents.category": "select",
  contacts: "relation",
  related: "relation",
  reviewed: "datetime",
  contentOwner: "relation",
  publishedBy: "relation",
  draft: "boolean",
};
const RESPONSIBILITY_WIDGETS = { reviewed: "datetime", contentOwner: "relation", publishedBy: "relation" };
const CONTACT_WIDGETS = { name: "string", title: "string", phones: "list", email: "string" };
const PAGE_WIDGETS = { title: "string", summary: "text", ...RESPONSIBILITY_WIDGETS };
const ACCESSIBILITY_WIDGETS = {
  ...PAGE_WIDGETS,
  compliance: "select",
  assessed: "datetime",
  method: "text",
  feedback: "object",
  "feedback.email": "string",
  "feedback.phone": "string",
  "feedback.url": "string",
};

/** Every key path of an object schema, with whether zod itself accepts the key left out. */
function schemaKeys(schema: z.ZodType, prefix = ""): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  for (const [key, child] of Object.entries(schemaDef(schema).shape ?? {})) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    keys.set(keyPath, !child.safeParse(undefined).success);
    let inner = child;
    for (let def = schemaDef(inner); ["optional", "default", "array"].includes(def.type); def = schemaDef(inner)) {
      inner = def.type === "array" ? def.element! : def.innerType!;
    }
    if (schemaDef(inner).type === "object") for (const [nested, required] of schemaKeys(inner, keyPath)) keys.set(nested, required);
  }
  return keys;
}

/** Every field of the form by key path (list items without their index), and the body. */
function formKeys(fields: AnyField[], prefix = ""): Map<string, AnyField> {
  const keys = new Map<string, AnyField>();
  for (const field of fields) {
    const keyPath = prefix ? `${prefix}.${field.name}` : field.name;
    keys.set(keyPath, field);
    if (field.fields) for (const [nested, subfield] of formKeys(field.fields, keyPath)) keys.set(nested, subfield);
  }
  return keys;
}

describe("the web editor's config, generated from the content schema", () => {
  it.each([
    ["a project", projectSchema, () => collection("projekt").fields!, PROJECT_WIDGETS],
    ["a person", contactSchema, () => collection("kontakter").fields!, CONTACT_WIDGETS],
    ["the index page", pageSchema, () => pageFile("index").fields, PAGE_WIDGETS],
    ["the cookie page", pageSchema, () => pageFile("kakor").fields, PAGE_WIDGETS],
    ["the accessibility statement", accessibilitySchema, () => pageFile("tillganglighet").fields, ACCESSIBILITY_WIDGETS],
  ] as const)("gives every key of %s a field with the right widget, required exactly where the schema requires it", (_name, schema, fields, widgets) => {
    const keys = schemaKeys(schema);
    const form = formKeys(fields());
    expect([...keys.keys()].sort()).toEqual(Object.keys(widgets).sort());
    expect([...form.keys()].sort()).toEqual([...keys.keys(), "body"].sort());
    for (const [keyPath, required] of keys) {
      const field = form.get(keyPath)!;
      // A hidden field has no `required` in Sveltia's schema; it is filled by the form, never by an editor.
      const formRequired = field.widget === "hidden" ? false : field.required;
      expect({ keyPath, widget: field.widget, required: formRequired }).toEqual({ keyPath, widget: widgets[keyPath as keyof typeof widgets], required });
      expect(field.label, keyPath).toMatch(/^[A-ZÅÄÖ]/);
    }
    expect(form.get("body")).toMatchObject({ widget: "markdown", required: false });
  });

  it("stops with an error that names a key the schema does not describe", () => {
    const undescribed = z.strictObject({ sponsor: z.string() });
    expect(() => formFields(undescribed)).toThrow(/sponsor has no label/);
  });

  it("validates against the JSON Schema that ships with Sveltia CMS", () => {
    for (const settings of [SETTINGS, { ...SETTINGS, cms: undefined }, { ...SETTINGS, cms: { ...SETTINGS.cms!, oauthWorker: "https://auth.example.se" } }, { ...SETTINGS, organisationNumber: "2321000164" }, { ...SETTINGS, logo: "logotyp/region.png" }, ...Object.values(HOSTS)]) {
      expect(sveltiaSchemaErrors(cmsConfig(settings))).toBeUndefined();
    }
  });

  it("writes config.yml as YAML that reads back as the same config", async () => {
    const text = await cmsConfigFile({ name: SETTINGS.siteName, url: SETTINGS.siteUrl, cms: SETTINGS.cms }, "content", "avslutade-projekt");
    expect(text.startsWith("# Made by projektarkiv")).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it("stores contacts by id and related projects by slug, choosing them by name and title", () => {
    const fields = formKeys(collection("projekt").fields!);
    expect(fields.get("contacts")).toMatchObject({ collection: "kontakter", value_field: "{{slug}}", display_fields: ["name"], multiple: true });
    expect(fields.get("contentOwner")).toMatchObject({ collection: "kontakter", value_field: "{{slug}}", multiple: false });
    expect(fields.get("related")).toMatchObject({ collection: "projekt", value_field: "{{slug}}", display_fields: ["title"], multiple: true });
  });

  it("gives the projects' collection the preview template and per-project uploads, and only it", () => {
    const config = cmsConfig(SETTINGS);
    const collections = config.collections as { name: string; media_folder?: string; public_folder?: string }[];
    const projects = collections.find((collection) => collection.name === PREVIEWED_COLLECTION);
    expect(projects).toMatchObject({ media_folder: "/content/filer/{{slug}}", public_folder: "/filer/{{slug}}" });
    expect(collections.filter((collection) => collection.media_folder !== undefined).map((collection) => collection.name)).toEqual([PREVIEWED_COLLECTION]);
  });

  it("shows the organisation's logo on the sign-in page, from the site itself relative to /admin/ (whatever its path prefix), and Sveltia's without one", () => {
    expect(cmsConfig({ ...SETTINGS, siteUrl: "https://www.region.se/avslutade-projekt/", logo: "logotyp/region örebro.png" }).logo).toEqual({
      src: "../filer/logotyp/region%20%C3%B6rebro.png",
    });
    expect(config.logo).toBeUndefined();
  });

  it("checks partial dates with the build's own rule and stores review dates as YYYY-MM-DD, today for a new file", () => {
    const fields = formKeys(collection("projekt").fields!);
    const [pattern] = fields.get("period.start")!.pattern as [string, string];
    for (const date of ["2019", "2020-06", "2011-04-05"]) expect(date).toMatch(new RegExp(pattern));
    for (const date of ["19", "2011-4", "5 april 2011", "2019-13-01", "2019-02-29"]) expect(date).not.toMatch(new RegExp(pattern));
    expect(fields.get("reviewed")).toMatchObject({ type: "date", format: "YYYY-MM-DD", default: "{{now}}" });
  });

  it("offers countries by their Swedish names and partner roles in Swedish, several at a time", () => {
    const fields = formKeys(collection("projekt").fields!);
    const countries = fields.get("partners.country")!.options as { value: string; label: string }[];
    expect(countries).toContainEqual({ value: "NO", label: "Norge" });
    expect(countries).toContainEqual({ value: "SE", label: "Sverige" });
    expect(fields.get("partners.roles")).toMatchObject({
      multiple: true,
      options: [
        { value: "owner", label: "Projektägare" },
        { value: "coordinator", label: "Koordinator" },
        { value: "partner", label: "Partner" },
      ],
    });
  });

  it("offers at most three themes from the site's vocabulary, as checkboxes, and results and lessons a line at a time like goals", () => {
    const fields = formKeys(collection("projekt").fields!);
    const themes = fields.get("themes")!;
    expect(themes).toMatchObject({ widget: "select", multiple: true, max: 3, required: false, label: "Ämnen" });
    expect(themes.options).toEqual(DEFAULT_THEMES.map((theme) => ({ value: theme, label: theme.charAt(0).toUpperCase() + theme.slice(1) })));
    expect(Number(themes.dropdown_threshold)).toBeGreaterThanOrEqual(DEFAULT_THEMES.length);
    // A site's own vocabulary (site.yaml's themes: replace: or add:), as the build reads it.
    const own = formKeys((cmsConfig({ ...SETTINGS, themeVocabulary: ["bokcirklar", "läsfrämjande"] }).collections as AnyCollection[])[0]!.fields!).get("themes")!;
    expect(own.options).toEqual([
      { value: "bokcirklar", label: "Bokcirklar" },
      { value: "läsfrämjande", label: "Läsfrämjande" },
    ]);
    expect(sveltiaSchemaErrors(cmsConfig({ ...SETTINGS, themeVocabulary: ["bokcirklar", "läsfrämjande"] }))).toBeUndefined();
    for (const name of ["goals", "results", "lessons"]) expect(fields.get(name)).toMatchObject({ widget: "list", required: false, field: { widget: "string" } });
    expect(fields.get("results")!.label).toBe("Resultat");
    expect(fields.get("lessons")!.label).toBe("Erfarenheter");
    expect(fields.get("documents.category")).toMatchObject({
      widget: "select",
      required: false,
      label: "Dokumenttyp",
      options: [
        { value: "slutrapport", label: "Slutrapport" },
        { value: "utvärdering", label: "Utvärdering" },
        { value: "metodmaterial", label: "Metodmaterial" },
        { value: "presentation", label: "Presentation" },
        { value: "annat", label: "Annat" },
      ],
    });
  });

  it("takes a grant's amount with öre or cents, its currency by Swedish names, and any case or project number", () => {
    const fields = formKeys(collection("projekt").fields!);
    expect(fields.get("funders.amount")).toMatchObject({ widget: "number", value_type: "float", step: 0.01, required: false });
    expect(fields.get("funders.currency")).toMatchObject({
      widget: "select",
      required: false,
      options: [
        { value: "SEK", label: "Kronor (SEK)" },
        { value: "EUR", label: "Euro (EUR)" },
        { value: "NOK", label: "Norska kronor (NOK)" },
        { value: "DKK", label: "Danska kronor (DKK)" },
      ],
    });
    expect(fields.get("funders.caseNumber")).toMatchObject({ widget: "string", label: "Diarienummer eller projektnummer", required: false });
    expect(fields.get("funders.caseNumber")).not.toHaveProperty("pattern");
  });

  it("starts a new project as a draft, in the project file format that reads a missing draft line as published", () => {
    const projects = collection("projekt");
    expect(formKeys(projects.fields!).get("draft")).toMatchObject({ default: true, required: false });
    expect(projects).toMatchObject({ folder: "content/projekt", format: "projekt-frontmatter", slug: "{{title}}", i18n: true, aliases_field: false });
    expect(config.i18n).toEqual({ structure: "multiple_files", locales: ["sv"], default_locale: "sv", omit_default_locale_from_file_path: true });
    expect(config.slug).toEqual({ encoding: "ascii", clean_accents: true });
  });

  it("names an uploaded file as it names an entry's, in small letters without spaces or accents", () => {
    expect(config.media_libraries).toMatchObject({ default: { config: { slugify_filename: true } } });
  });

  it("uploads into content/filer/, published under /filer/, and leaves empty optional fields out", () => {
    expect(config).toMatchObject({ media_folder: "content/filer", public_folder: "/filer", output: { omit_empty_optional_fields: true } });
    expect(collection("kontakter")).toMatchObject({ folder: "content/kontakter", slug: "{{name}}" });
    expect(collection("sidor").files!.map((file) => file.file)).toEqual(["content/index.md", "content/kakor.md", "content/tillganglighet.md"]);
  });

  it("gives a new project a hidden, lasting id from the organisation number, and none without one", () => {
    const withNumber = cmsConfig({ ...SETTINGS, organisationNumber: "2321000164" });
    const id = (settings: ReturnType<typeof cmsConfig>) => (settings.collections as AnyCollection[]).find((entry) => entry.name === "projekt")!.fields!.find((field) => field.name === "id")!;
    expect(id(withNumber)).toEqual({ name: "id", label: "Id", widget: "hidden", default: "SE-ORGNR-2321000164-{{uuid_short}}" });
    expect(id(config)).not.toHaveProperty("default");
    // What Sveltia CMS writes in place of {{uuid_short}}: the last group of a random UUID, 12 hex digits.
    expect(PROJECT_IDENTIFIER.test(`SE-ORGNR-2321000164-${crypto.randomUUID().split("-").pop()}`)).toBe(true);
  });

  it("uploads a project's documents and lead picture with the file and image widgets, and offers no address from another site", () => {
    const fields = formKeys(collection("projekt").fields!);
    expect(fields.get("documents.file")).toMatchObject({ widget: "file", choose_url: false, required: true });
    expect(fields.get("image.file")).toMatchObject({ widget: "image", choose_url: false, required: true });
    expect(fields.get("image.alt")).toMatchObject({ widget: "string", label: "Alternativtext", required: true });
    // A document's publishing date is often older than the file: it starts empty, not as today.
    expect(fields.get("documents.published")).toMatchObject({ widget: "datetime", required: false });
    expect(fields.get("documents.published")).not.toHaveProperty("default");
  });

  it("signs in to the configured repository with a token, or through an OAuth worker where there is one", () => {
    expect(config.backend).toMatchObject({ name: "github", repo: "regionbiblioteket/avslutade-projekt", branch: "main", auth_methods: ["token"] });
    const withWorker = cmsConfig({ ...SETTINGS, cms: { ...SETTINGS.cms!, oauthWorker: "https://auth.example.se/" } });
    expect(withWorker.backend).toMatchObject({ base_url: "https://auth.example.se" });
    expect(withWorker.backend).not.toHaveProperty("auth_methods");
    const local = cmsConfig({ ...SETTINGS, cms: undefined });
    expect(local.backend).toMatchObject({ name: "github", repo: "lokalt/avslutade-projekt" });
  });

  it("signs in to GitLab with PKCE where there is an application, to its own address when self-managed, and with a token always", () => {
    expect(cmsConfig(HOSTS.gitlab!).backend).toEqual({ ...config.backend, name: "gitlab", repo: "region/bibliotek/avslutade-projekt", auth_type: "pkce", app_id: "a1b2c3", auth_methods: undefined });
    expect(cmsConfig(HOSTS["self-managed gitlab"]!).backend).toMatchObject({
      name: "gitlab",
      api_root: "https://gitlab.region.se/api/v4",
      base_url: "https://gitlab.region.se",
      auth_methods: ["token"],
    });
  });

  it("saves to a Forgejo as Sveltia's gitea backend, at the Forgejo's own address", () => {
    expect(cmsConfig(HOSTS.forgejo!).backend).toMatchObject({ name: "gitea", api_root: "https://git.region.se/api/v1", base_url: "https://git.region.se", app_id: "4d5e6f" });
    expect(cmsConfig(HOSTS.forgejo!).backend).not.toHaveProperty("auth_methods");
    expect(cmsConfig(HOSTS["forgejo with tokens"]!).backend).toMatchObject({ name: "gitea", api_root: "https://codeberg.org/api/v1", auth_methods: ["token"] });
  });

  it("names exactly the chosen host's origins in the policy of /admin/", () => {
    const connect = (cms: CmsSettings["cms"]) => /connect-src ([^;]+)/.exec(adminContentSecurityPolicy(cms))![1];
    expect(connect(SETTINGS.cms)).toBe("'self' blob: data: https://api.github.com https://*.githubusercontent.com");
    expect(connect(undefined)).toBe(connect(SETTINGS.cms));
    expect(connect(HOSTS.gitlab!.cms)).toBe("'self' blob: data: https://gitlab.com");
    expect(connect(HOSTS["self-managed gitlab"]!.cms)).toBe("'self' blob: data: https://gitlab.region.se");
    expect(connect(HOSTS.forgejo!.cms)).toBe("'self' blob: data: https://git.region.se");
  });
});

describe("site.yaml's cms settings", () => {
  const cms = (settings: Record<string, unknown>) => {
    const result = siteSchema.shape.cms.safeParse(settings, { error: swedishIssueMessage });
    return result.success ? result.data : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("keeps GitHub as the default backend, so a site that names none is unchanged", () => {
    expect(cms({ repo: "regionbiblioteket/avslutade-projekt" })).toEqual({ backend: "github", repo: "regionbiblioteket/avslutade-projekt", branch: "main" });
  });

  it("takes GitLab's subgroups, and asks for a Forgejo's address", () => {
    expect(cms({ backend: "gitlab", repo: "region/bibliotek/arkiv" })).toMatchObject({ repo: "region/bibliotek/arkiv" });
    expect(cms({ backend: "forgejo", repo: "a/b" })).toEqual(["baseUrl: skriv adressen till er Forgejo, till exempel https://codeberg.org eller https://git.region.se"]);
    expect(cms({ backend: "github", repo: "a/b/c" })).toEqual(["repo: skriv ägare/namn, till exempel regionbiblioteket/avslutade-projekt; undergrupper (a/b/c) finns bara på GitLab"]);
  });

  it("refuses settings that belong to another host", () => {
    expect(cms({ repo: "a/b", appId: "x" })).toEqual(["appId: gäller bara GitLab och Forgejo; inloggning med GitHub går genom oauthWorker"]);
    expect(cms({ backend: "gitlab", repo: "a/b", oauthWorker: "https://auth.example.se" })).toEqual([
      "oauthWorker: gäller bara GitHub; på GitLab och Forgejo loggar redaktörerna in med appId",
    ]);
    expect(cms({ backend: "bitbucket", repo: "a/b" })).toEqual([expect.stringMatching(/^backend: /)]);
  });
});
