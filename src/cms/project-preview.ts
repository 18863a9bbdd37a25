/**
 * The web editor's preview of a project, shown beside the form: the project as its page shows it
 * (layouts/project.njk), with the same headings, order, wording and classes, in the site's own
 * stylesheet (registered in admin.ts). Sveltia CMS's default preview is a plain list of field
 * names and values, in nothing like the site's typography.
 *
 * It is a React component, which is what Sveltia's `registerPreviewTemplate` takes; React is the
 * copy the CMS itself bundles (`h` is its createElement). Dates, countries, partner roles and grants
 * are written by the same functions as the build's (src/format/), and the body by markdown-it with the
 * site's options. What the preview cannot know
 * without the build is left out or approximated: a document's size and accessibility, the lead
 * picture's sizes, links to funders' pages and to the people in the directory.
 */
import MarkdownIt from "markdown-it";
import { MARKDOWN_OPTIONS } from "../content/reading/markdown-options.ts";
import { countryName } from "../format/country.ts";
import { formatSwedishDate, parsePartialDate, periodParts, type PartialDate } from "../format/date.ts";
import { DOCUMENT_FORMATS } from "../format/document-formats.ts";
import { documentCategoryName, type DocumentCategory } from "../format/document-categories.ts";
import { formatGrant, type GrantDetails } from "../format/grant.ts";
import { groupByCountry, partnerRolesText, type PartnerRole } from "../format/partner-roles.ts";
import { joinSwedish } from "../format/swedish-list.ts";

/** The collection the preview is for: the projects' (config.ts names it by PROJECTS_FOLDER, which reads the disk, so not here). */
export const PREVIEWED_COLLECTION = "projekt";

/** React's createElement, as Sveltia CMS puts it on `window.h`. */
type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface PreviewProps {
  readonly entry: { getIn(path: readonly string[]): unknown };
  getAsset(path: string): { readonly url: string } | undefined;
  readonly fieldsMetaData?: { getIn?(path: readonly unknown[]): unknown };
}

/** The form's values as they will be written: what the form holds, without Immutable's wrappers. */
interface ProjectValues {
  readonly title?: string;
  readonly subtitle?: string;
  readonly period?: { readonly start?: string; readonly end?: string };
  readonly image?: { readonly file?: string; readonly alt?: string };
  readonly themes?: readonly string[];
  readonly goals?: readonly string[];
  readonly results?: readonly string[];
  readonly lessons?: readonly string[];
  readonly partners?: readonly { readonly name?: string; readonly country?: string; readonly roles?: readonly PartnerRole[]; readonly url?: string; readonly lang?: string }[];
  readonly funders?: readonly ({ readonly name?: string } & GrantDetails)[];
  readonly events?: readonly { readonly date?: string; readonly title?: string }[];
  readonly documents?: readonly { readonly title?: string; readonly file?: string; readonly published?: string; readonly category?: DocumentCategory }[];
  readonly contacts?: readonly string[];
  readonly reviewed?: string;
  readonly contentOwner?: string;
  readonly publishedBy?: string;
  readonly draft?: boolean;
  readonly body?: string;
}

const plain = (value: unknown): unknown =>
  value && typeof (value as { toJS?: unknown }).toJS === "function" ? (value as { toJS(): unknown }).toJS() : value;

/** The values without the form's empty ones (null for an empty number, "" for an empty text), as the file will be written. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null || item === "" ? [] : [[key, withoutEmpty(item)]])));
  }
  return value;
}

const filled = (text: string | undefined): text is string => typeof text === "string" && text.trim() !== "";


/** The file's kind as the document list names it: "PDF", "Word". */
function documentFormat(file: string): string {
  const extension = file.split(".").pop()?.toLowerCase() ?? "";
  return DOCUMENT_FORMATS[extension] ?? extension.toUpperCase();
}

/** A person's name by the file name the form stores, when the CMS has the person loaded. */
function personName(props: PreviewProps, field: string, id: string): string {
  const name = plain(props.fieldsMetaData?.getIn?.([field, id, "name"]));
  return typeof name === "string" && name !== "" ? name : id;
}

/**
 * The body as the page renders it (src/eleventy/markdown.ts): markdown-it with the site's options,
 * so that lines with a single line break between them are one paragraph, as on the page, where the
 * CMS's own preview breaks the line. Raw HTML stays text, as on a site that does not allow it. A
 * picture from filer/ is shown from the CMS's copy, by `assetUrl` in the render's environment.
 */
const bodyMarkdown = new MarkdownIt({ ...MARKDOWN_OPTIONS, html: false });
const renderImage = bodyMarkdown.renderer.rules.image!;
bodyMarkdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const url = (env as { assetUrl(src: string): string | undefined }).assetUrl(String(token.attrGet("src") ?? ""));
  if (url) token.attrSet("src", url);
  return renderImage(tokens, index, options, env, self);
};

/** The component registered for the projects' collection. */
export function projectPreview(h: CreateElement) {
  const time = (date: string | undefined) => {
    const parsed: PartialDate | undefined = date ? parsePartialDate(date) : undefined;
    return parsed ? h("time", { dateTime: parsed.iso }, formatSwedishDate(parsed)) : date ?? "";
  };
  const section = (id: string, heading: string, ...content: unknown[]) =>
    h("section", { "aria-labelledby": id }, h("h2", { id }, heading), ...content);

  return function ProjectPreview(props: PreviewProps): unknown {
    const data = (withoutEmpty(plain(props.entry.getIn(["data"]))) ?? {}) as ProjectValues;
    const { period, image } = data;
    const themes = (data.themes ?? []).filter(filled);
    const lists = [
      { id: "mal", heading: "Mål", lines: (data.goals ?? []).filter(filled) },
      { id: "resultat", heading: "Resultat", lines: (data.results ?? []).filter(filled) },
      { id: "erfarenheter", heading: "Erfarenheter", lines: (data.lessons ?? []).filter(filled) },
    ];
    const partners = (data.partners ?? []).filter((partner) => filled(partner.name));
    const funders = (data.funders ?? []).filter((funder) => filled(funder.name));
    const events = (data.events ?? []).filter((event) => filled(event.title));
    const documents = (data.documents ?? []).filter((document) => filled(document.title) && filled(document.file));
    const contacts = (data.contacts ?? []).filter(filled);
    const groups = groupByCountry(partners);
    const asset = image?.file ? props.getAsset(image.file) : undefined;

    const header = h(
      "header",
      { className: "project-header" },
      h("h1", null, data.title || "(Titel saknas)"),
      filled(data.subtitle) && h("p", { className: "subtitle" }, data.subtitle),
      (period?.start || period?.end) &&
        h(
          "p",
          { className: "period" },
          "Projekttid: ",
          ...periodParts(period.start === undefined ? undefined : { iso: period.start }, period.end === undefined ? undefined : { iso: period.end }).map((part) => (typeof part === "string" ? part : time(part.iso))),
        ),
      themes.length > 0 && h("p", { className: "themes" }, `${themes.length === 1 ? "Ämne" : "Ämnen"}: ${themes.join(", ")}`),
      data.draft &&
        h("p", { className: "draft-notice" }, h("strong", null, "Utkast."), " Projektet syns inte på webbplatsen. När det ska publiceras: stäng av ", h("strong", null, "Utkast"), " i formuläret och spara."),
    );

    const grantText = (funder: GrantDetails) => {
      const grant = formatGrant(funder);
      return grant ? ` (${grant})` : "";
    };

    return h(
      "main",
      { id: "innehall" },
      h(
        "article",
        { className: "project" },
        header,
        asset && h("div", { className: "lead-picture" }, h("img", { src: asset.url, alt: image?.alt ?? "" })),
        h("div", { className: "project-body", dangerouslySetInnerHTML: { __html: bodyMarkdown.render(data.body ?? "", { assetUrl: (src: string) => props.getAsset(src)?.url }) } }),
        ...lists.map(({ id, heading, lines }) => lines.length > 0 && section(id, heading, h("ul", null, ...lines.map((line) => h("li", null, line))))),
        groups.length > 0 &&
          section(
            "partner",
            "Partner",
            ...groups.flatMap(({ country, partners: members }) => [
              h("h3", null, country ? (countryName(country) ?? country) : "Övriga partner"),
              h(
                "ul",
                { className: "partner-list" },
                ...members.map((partner) => {
                  const roles = partnerRolesText(partner.roles ?? []);
                  const name = partner.url ? h("a", { href: partner.url, lang: partner.lang || undefined }, partner.name) : partner.lang ? h("span", { lang: partner.lang }, partner.name) : partner.name;
                  return h("li", null, name, roles && " ", roles && h("span", { className: "partner-roles" }, `(${roles})`));
                }),
              ),
            ]),
          ),
        funders.length > 0 &&
          section("finansiering", "Finansiering", h("p", null, `Projektet har haft stöd av ${joinSwedish(funders.map((funder) => `${funder.name}${grantText(funder)}`))}.`)),
        events.length > 0 &&
          section("handelser", "Händelser", h("ul", { className: "event-list" }, ...events.map((event) => h("li", null, time(event.date), ": ", event.title)))),
        documents.length > 0 &&
          section(
            "dokumentation",
            "Dokumentation",
            h(
              "ul",
              { className: "document-list" },
              ...documents.map((document) => {
                const category = documentCategoryName({ title: document.title!, ...(document.category ? { category: document.category } : {}) });
                return h(
                  "li",
                  null,
                  category && h("span", { className: "document-category" }, `${category}:`),
                  category && " ",
                  h("a", { href: props.getAsset(document.file!)?.url ?? document.file }, `${document.title} (${documentFormat(document.file!)})`),
                  document.published && ", publicerad ",
                  document.published && time(document.published),
                );
              }),
            ),
          ),
        contacts.length > 0 &&
          section("kontaktpersoner", "Kontakt", h("ul", { className: "contact-list" }, ...contacts.map((id) => h("li", { className: "contact-card" }, h("p", { className: "contact-name" }, personName(props, "contacts", id)))))),
      ),
      h(
        "section",
        { className: "page-info", "aria-labelledby": "sidinformation" },
        h("h2", { id: "sidinformation" }, "Sidinformation"),
        data.reviewed && h("p", null, "Sidan granskades den ", time(data.reviewed)),
        data.contentOwner && h("p", null, `Innehållsansvarig: ${personName(props, "contentOwner", data.contentOwner)}`),
        data.publishedBy && h("p", null, `Publicerad av ${personName(props, "publishedBy", data.publishedBy)}`),
      ),
    );
  };
}
