/**
 * The configuration of the web editor at /admin/ (Sveltia CMS), made from the content schema and
 * site.yaml's `cms` settings. It is generated on every build, never written by hand, so the form
 * and the build cannot disagree about a field.
 */
import type { CmsConfig, Field } from "./sveltia-types.ts";
import { ATTACHMENTS_FOLDER, CONTACTS_FOLDER, FIXED_FILES, PROJECTS_FOLDER } from "../content/reading/content-tree.ts";
import { accessibilitySchema, contactSchema, pageSchema, projectSchema, type SiteData } from "../content/model/schema.ts";
import { capitalised, ENTRY_NAME_FIELDS, formFields } from "./fields.ts";
import { DEFAULT_THEMES, MAX_THEMES } from "../format/themes.ts";
import { hostBackend } from "./hosts.ts";
import { attachmentUrl } from "../content/files/attachments.ts";
import { PROJECT_FILE_FORMAT } from "./project-file.ts";

/** The longest side a photo is committed with; the site makes its pictures at most 1,440 px wide, and a photo may be linked as a document too. */
export const MAX_PHOTO_SIDE = 2400;

/** Photos (JPEG, and HEIC from iPhones): others, such as a PNG diagram, are committed as they are. */
const PHOTO_TRANSFORMATIONS = {
  jpeg: { format: "webp", quality: 85, width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE },
  heic: { format: "webp", quality: 85, width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE },
} as const;

/** What the configuration is made from. */
export interface CmsSettings {
  /** site.yaml's `cms`: the repository that saves are committed to. Without it, only the local repository works. */
  readonly cms?: SiteData["cms"];
  readonly siteName: string;
  readonly siteUrl: string;
  /**
   * The content folder relative to the repository's root, with forward slashes, such as "content".
   * The CMS reads and writes files by their paths in the repository.
   */
  readonly contentFolder: string;
  /** The repository's folder name, which the sign-in page names when no `cms.repo` is set. */
  readonly localName: string;
  /** site.yaml's organisation number, as ten digits: a new project's id is made from it. */
  readonly organisationNumber?: string;
  /** The organisation's logo, as its path under filer/: shown on the sign-in page instead of Sveltia's. */
  readonly logo?: string;
  /** The themes a project may have (site.yaml's `themes`); the default vocabulary when not given. */
  readonly themeVocabulary?: readonly string[];
}

/**
 * A project's lasting id in the form: hidden, since it never changes. A new project made in the form
 * gets one when the site has an organisation number: the number and a short random part, since the
 * file name is not known when the form opens (Sveltia CMS fills `{{uuid_short}}` with 12 hex digits).
 */
function identifierField(field: Field, settings: CmsSettings): Field {
  const { name, label } = field as { name: string; label: string };
  const initial = settings.organisationNumber ? { default: `SE-ORGNR-${settings.organisationNumber}-{{uuid_short}}` } : {};
  return { name, label, widget: "hidden", ...initial } as Field;
}

/**
 * A project's themes: a choice of at most three from the site's vocabulary, since the build accepts
 * no other. The default dozen are shown as checkboxes, so that an editor sees them all at once.
 */
function themesField(field: Field, vocabulary: readonly string[]): Field {
  const { name, label, hint } = field as { name: string; label: string; hint?: string };
  return {
    name,
    label,
    ...(hint ? { hint } : {}),
    required: false,
    widget: "select",
    multiple: true,
    max: MAX_THEMES,
    dropdown_threshold: THEMES_AS_CHECKBOXES,
    options: vocabulary.map((theme) => ({ value: theme, label: capitalised(theme) })),
  } as Field;
}

/** Up to this many themes are offered as checkboxes, more in a list to search. */
const THEMES_AS_CHECKBOXES = 15;

/** The body of a file: Markdown, with headings from level 2, since the page's title is its h1. */
function body(label: string, hint: string): Field {
  return {
    name: "body",
    label,
    hint,
    widget: "markdown",
    required: false,
    buttons: ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
    editor_components: ["image"],
  };
}

function backend(settings: CmsSettings): CmsConfig["backend"] {
  const { cms } = settings;
  const commit_messages = {
    create: "Nytt i {{collection}}: {{slug}}",
    update: "Ändrat i {{collection}}: {{slug}}",
    delete: "Raderat ur {{collection}}: {{slug}}",
    uploadMedia: "Ny fil: {{path}}",
    deleteMedia: "Raderad fil: {{path}}",
  };
  if (!cms) {
    // Only "Arbeta med lokalt repository" works in the preview without `cms`; the CMS still needs
    // a Git backend to offer it, and names this repository on its sign-in page.
    return { name: "github", repo: `lokalt/${settings.localName}`, auth_methods: ["token"], commit_messages };
  }
  return hostBackend(cms, commit_messages);
}

/** config.yml for a site, with its content folder's path in the repository and the repository's folder name. */
export async function cmsConfigFile(
  site: Pick<SiteData, "name" | "url" | "cms" | "organisationNumber"> & { readonly logo?: { readonly path: string }; readonly themeVocabulary?: readonly string[] },
  contentFolder: string,
  localName: string,
): Promise<string> {
  const { stringify } = await import("yaml");
  const config = cmsConfig({
    cms: site.cms,
    siteName: site.name,
    siteUrl: site.url,
    contentFolder,
    localName,
    ...(site.organisationNumber ? { organisationNumber: site.organisationNumber } : {}),
    ...(site.logo ? { logo: site.logo.path } : {}),
    ...(site.themeVocabulary ? { themeVocabulary: site.themeVocabulary } : {}),
  });
  return `# Made by projektarkiv from src/content/model/schema.ts and site.yaml on every build; edits here are lost.\n${stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** The whole configuration, as config.yml holds it. */
export function cmsConfig(settings: CmsSettings): CmsConfig {
  const folder = (name: string) => [settings.contentFolder, name].filter(Boolean).join("/");
  const pageFile = (kind: string) => folder(Object.keys(FIXED_FILES).find((file) => FIXED_FILES[file] === kind)!);
  return {
    backend: backend(settings),
    app_title: settings.siteName,
    site_url: settings.siteUrl,
    // The organisation's logo on the sign-in page, from the site itself (the page's policy allows no
    // other), relative to /admin/: the site's path prefix is then right in the preview and published.
    ...(settings.logo ? { logo: { src: `..${attachmentUrl(settings.logo)}` } } : {}),
    media_folder: folder(ATTACHMENTS_FOLDER),
    public_folder: `/${ATTACHMENTS_FOLDER}`,
    // A phone's photo (5–12 MB, 4000 px) is made at most 2,400 px wide and high before it is
    // committed, since a file once in git stays in its history. The browser turns it upright by
    // its EXIF orientation as it reads it; the result is WebP, the only format Sveltia CMS writes.
    // An uploaded file's name is made as the file names of entries are (`slug` below), so that
    // "Slutrapport VINNA (slutlig).pdf" becomes slutrapport-vinna-slutlig.pdf, as the editor guide
    // asks; the CMS keeps an underscore (IMG_4711.jpg becomes img_4711.webp).
    media_libraries: { default: { config: { transformations: PHOTO_TRANSFORMATIONS, slugify_filename: true } } },
    // File names as `npm run new` makes them: "Rum för bildning" becomes rum-for-bildning.md.
    slug: { encoding: "ascii", clean_accents: true },
    // An empty optional field is left out of the file, as an editor would write it: the schema
    // refuses an empty text.
    output: { omit_empty_optional_fields: true },
    // The content is in Swedish, and the CMS makes file names by the language's own rules only when
    // it knows the language: without this, "Läsfrämjande" would become laesfraemjande.md, the
    // German way. With one language, the files keep their names (no .sv.md).
    i18n: { structure: "multiple_files", locales: ["sv"], default_locale: "sv", omit_default_locale_from_file_path: true },
    collections: [
      {
        name: PROJECTS_FOLDER,
        label: "Projekt",
        label_singular: "projekt",
        description: "Ett projekt per fil. Filnamnet görs av titeln och blir sidans adress: /projekt/filnamn/.",
        icon: "folder_open",
        folder: folder(PROJECTS_FOLDER),
        extension: "md",
        format: PROJECT_FILE_FORMAT,
        i18n: true,
        create: true,
        identifier_field: ENTRY_NAME_FIELDS.projekt,
        slug: "{{title}}",
        summary: "{{title}}{{draft | ternary(' (utkast)', '')}}",
        sortable_fields: ["title", "reviewed"],
        view_filters: [{ label: "Utkast", field: "draft", pattern: true }],
        preview_path: "projekt/{{slug}}/",
        // A project's uploads go to filer/<its file name>/, so that two projects' slutrapport.pdf
        // are two files: with one flat folder, the second upload's "Ersätt" replaced the first
        // project's report. {{slug}} is the entry's file name, kept when its title changes.
        media_folder: `/${folder(ATTACHMENTS_FOLDER)}/{{slug}}`,
        public_folder: `/${ATTACHMENTS_FOLDER}/{{slug}}`,
        // The CMS would otherwise note old addresses in an `aliases` field, which the schema refuses.
        aliases_field: false,
        fields: [
          ...formFields(projectSchema).map((field) =>
            field.name === "id" ? identifierField(field, settings) : field.name === "themes" ? themesField(field, settings.themeVocabulary ?? DEFAULT_THEMES) : field,
          ),
          body("Brödtext", "Texten om projektet. En tom rad gör ett nytt stycke. Mellanrubriker börjar på nivå 2."),
        ],
      },
      {
        name: CONTACTS_FOLDER,
        label: "Kontakter",
        label_singular: "kontakt",
        description: "En fil per person. Projekten och sidorna hänvisar till personen med filnamnet, som görs av namnet.",
        icon: "contacts",
        folder: folder(CONTACTS_FOLDER),
        extension: "md",
        format: "yaml-frontmatter",
        i18n: true,
        create: true,
        identifier_field: ENTRY_NAME_FIELDS.kontakter,
        slug: "{{name}}",
        summary: "{{name}}, {{title}}",
        sortable_fields: ["name"],
        fields: [...formFields(contactSchema), body("Presentation", "En kort presentation, som visas i kontaktlistan.")],
      },
      {
        name: "sidor",
        label: "Webbplatsens sidor",
        description: "Startsidans inledning, sidan om kakor och tillgänglighetsredogörelsen. Inställningarna i site.yaml ändras i filen.",
        icon: "description",
        files: [
          {
            name: "index",
            label: "Startsidan",
            file: pageFile("index"),
            format: "yaml-frontmatter",
            fields: [...formFields(pageSchema), body("Inledning", "Texten överst på startsidan, före listan med projekt.")],
          },
          {
            name: "kakor",
            label: "Vad är kakor?",
            file: pageFile("cookies"),
            format: "yaml-frontmatter",
            fields: [...formFields(pageSchema), body("Text", "Sidan om kakor. Listan över kakor görs av inställningarna i site.yaml.")],
          },
          {
            name: "tillganglighet",
            label: "Tillgänglighetsredogörelse",
            file: pageFile("accessibility"),
            format: "yaml-frontmatter",
            fields: [
              ...formFields(accessibilitySchema),
              body(
                "Brister och undantag",
                "Enligt Diggs mall: vilket innehåll som inte är tillgängligt och varför, och vad som omfattas av undantag. Resten av redogörelsen görs av fälten ovan.",
              ),
            ],
          },
        ],
      },
    ],
  };
}
