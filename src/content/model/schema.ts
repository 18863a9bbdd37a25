/**
 * The content model: one zod schema per kind of content file. This is the single source of truth;
 * the TypeScript types below are inferred from it, never written twice.
 */
import { PARTNER_ROLE_NAMES, PARTNER_ROLES } from "../../format/partner-roles.ts";
import { z } from "zod";
import { darkenForText, formatRatio, MINIMUM_TEXT_CONTRAST, parseHexColour, toHex, weakestContrast } from "../../format/colour.ts";
import { countryName } from "../../format/country.ts";
import { displayOrganisationNumber, parseOrganisationNumber, PROJECT_IDENTIFIER } from "../../format/organisation-number.ts";
import { isLookAlike, nameSkeleton } from "../../format/confusables.ts";
import { parsePartialDate, todayInSweden, type PartialDate } from "../../format/date.ts";
import { parsePhoneNumber } from "../../format/phone.ts";
import { PLACEHOLDERS } from "./placeholders.ts";
import { normalWebAddress } from "../../format/urls.ts";
import { MAX_NAME_LENGTH } from "../../format/limits.ts";
import { swedishSlug } from "../../format/slug.ts";
import { COUNTIES, countyKey } from "../../format/county.ts";
import { isWithinSourceReach, SOURCE_PATH_REACH } from "../../format/source-path.ts";
import { didYouMean } from "./suggest.ts";
import { CURRENCIES, hasAtMostTwoDecimals, knownCaseNumberFormat } from "../../format/grant.ts";
import { MAX_THEMES, themeKey } from "../../format/themes.ts";
import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_NAMES } from "../../format/document-categories.ts";

/**
 * What an editor is told about a field, and what kind of value it holds where its type alone does
 * not say. The web editor's form is generated from this (src/cms/): the label and hint are what the
 * editor reads there, in the editor guide's words.
 */
export interface FieldInfo {
  /** The field's name in Swedish, as the form shows it. */
  readonly label?: string;
  /** One or two sentences under the field. */
  readonly hint?: string;
  readonly kind?: "partial-date" | "date" | "country" | "language" | "phone" | "organisation-number" | "url" | "email" | "multiline" | "file" | "image" | "amount";
  /** The folder whose files a reference names: a contact id or a project slug. */
  readonly references?: "kontakter" | "projekt";
  /** Swedish names of an enum's values, where the values themselves are English. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** The value a new file starts with, where that differs from the schema's default. */
  readonly initial?: unknown;
}

/** The FieldInfo of every described field, by schema. */
export const fieldInfo = z.registry<FieldInfo>();

/** Adds to what is known of a field (a value kind and a label are often given in two steps). */
function describe<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  fieldInfo.add(schema, { ...fieldInfo.get(schema), ...info });
  return schema;
}

/** Describes a field by its Swedish label and, optionally, a hint. */
const labelled = <T extends z.ZodType>(schema: T, label: string, hint?: string): T =>
  describe(schema, hint === undefined ? { label } : { label, hint });

/** Text that must not be empty once surrounding white space is removed. */
const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).trim().min(1);

/** A field that must be there, with what to write when it is not (instead of "saknas"). */
const whenMissing = (message: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? message : undefined) });

/**
 * The name of an organisation, a funder, a programme or a person: at most 200 characters, and with
 * a letter or a digit, since many of them become an address (/finansiar/statens-kulturrad/) and
 * "★★★" would make an empty one.
 */
const name = (params?: Parameters<typeof z.string>[0]) =>
  text(params)
    .max(MAX_NAME_LENGTH)
    .refine((value) => swedishSlug(value) !== "", "namnet har varken bokstäver eller siffror, så det går inte att göra en adress av det; skriv namnet med bokstäver");

/** A contact id or project slug; whether it exists is checked when references are resolved. */
const reference = (folder: "kontakter" | "projekt") => describe(text(), { references: folder });

const WEB_URL_MESSAGE = "måste vara en webbadress som börjar med https:// eller http:// följt av webbplatsens namn, till exempel https://www.region.se/";

/**
 * An absolute http(s) address, written with `//` and a host, read into its normal form
 * (https://host/…); `javascript:`, `data:` and `https:evil.example` are refused.
 */
const webUrl = () =>
  describe(
    z.string().transform((value, context) => {
      const normal = normalWebAddress(value);
      if (normal === undefined) {
        context.addIssue({ code: "custom", message: WEB_URL_MESSAGE });
        return z.NEVER;
      }
      return normal;
    }),
    { kind: "url" },
  );

const emailAddress = () =>
  describe(z.email({ message: "ska vara en e-postadress, till exempel namn@example.se" }), { kind: "email" });

/** YAML reads 2008 as a number and 2011-04-05 as text; both are calendar dates here. */
const partialDate = () =>
  describe(
    z.union([z.number(), z.string()]).transform((value, ctx): PartialDate => {
      const parsed = parsePartialDate(String(value));
      if (!parsed) {
        ctx.addIssue({
          code: "custom",
          message: `ogiltigt datum "${String(value)}" (skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)`,
        });
        return z.NEVER;
      }
      return parsed;
    }),
    { kind: "partial-date" },
  );

/** A whole calendar date, YYYY-MM-DD, kept as that string. */
const calendarDate = () =>
  z.union([z.number(), z.string()]).transform((value, ctx): string => {
    const parsed = parsePartialDate(String(value));
    if (!parsed || parsed.precision !== "day") {
      ctx.addIssue({ code: "custom", message: `ogiltigt datum "${String(value)}" (skriv ÅÅÅÅ-MM-DD)` });
      return z.NEVER;
    }
    return parsed.iso;
  });

/** A date that has already happened: a page cannot have been reviewed tomorrow. */
const pastDate = () =>
  describe(
    calendarDate().refine((iso) => iso <= todayInSweden(), {
      message: "datumet ligger i framtiden",
    }),
    { kind: "date" },
  );

const countryCode = () =>
  describe(
    z.string().refine((code) => countryName(code) !== undefined, {
      message: "ska vara en landskod med två stora bokstäver enligt ISO 3166-1, till exempel SE, NO eller DK",
    }),
    { kind: "country" },
  );

const languageTag = () =>
  describe(
    z.string().refine((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    }, "ska vara en språkkod enligt BCP 47, till exempel nb, da eller en"),
    { kind: "language" },
  );

const phoneNumber = () =>
  describe(
    z.union([z.string(), z.number()]).transform((value, ctx) => {
      const parsed = parsePhoneNumber(String(value));
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: `ogiltigt telefonnummer "${String(value)}"` });
        return z.NEVER;
      }
      return parsed;
    }),
    { kind: "phone" },
  );

const URL_HINT = "Adressen ska börja med https:// eller http://.";

/**
 * A file in the content folder's filer/, by its path there ("vinna-vinna/slutrapport.pdf"). The
 * web editor writes the published address (/filer/…), which is read the same way. Whether the file
 * exists, and is of a kind and size the site accepts, is checked with the other files (attachments.ts).
 */
const attachment = (kind: "file" | "image") =>
  describe(text().transform((value) => value.replace(/^\/?filer\//, "")), { kind });

const ALT_HINT =
  "Vad bilden visar, för den som inte ser den: en skärmläsare läser upp texten. Skriv det som bilden tillför sidan, i en eller två meningar, utan ”Bild på”.";

/** A picture with its text alternative (WCAG 1.1.1): required, and empty only for decoration. */
const picture = z
  .strictObject({
    file: labelled(attachment("image"), "Bildfil", "En JPEG, PNG, WebP eller AVIF ur filer/. SVG går inte att använda."),
    alt: labelled(
      z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? "alternativtext saknas: skriv vad bilden visar (alt), eller alt: \"\" och decorative: true om bilden bara är utsmyckning"
              : undefined,
        })
        .trim(),
      "Alternativtext",
      ALT_HINT,
    ),
    decorative: labelled(
      z.boolean().default(false),
      "Bara utsmyckning",
      "Slå på bara om bilden inte säger något som inte redan står i texten. Då lämnas alternativtexten tom.",
    ),
  })
  .superRefine((image, context) => {
    if (image.alt === "" && !image.decorative) {
      context.addIssue({
        code: "custom",
        path: ["alt"],
        message: "alternativtexten är tom: skriv vad bilden visar, eller lägg till decorative: true om bilden bara är utsmyckning",
      });
    } else if (image.alt !== "" && image.decorative) {
      context.addIssue({
        code: "custom",
        path: ["decorative"],
        message: "en bild som bara är utsmyckning har ingen alternativtext: ta bort decorative eller skriv alt: \"\"",
      });
    }
  });

/** A report, a plan, conference material: a file in filer/, linked from the project's page. */
const projectDocument = z.strictObject({
  title: labelled(text(), "Titel", "Vad dokumentet heter, till exempel Slutrapport. Det blir länktexten."),
  file: labelled(
    attachment("file"),
    "Fil",
    "PDF, Word, Excel, PowerPoint, OpenDocument, text eller CSV. Ladda upp filen här; den hamnar i projektets mapp under filer/.",
  ),
  lang: labelled(
    languageTag().optional(),
    "Språk",
    "Bara om dokumentet inte är på svenska: en språkkod, till exempel en (engelska) eller nb (norska).",
  ),
  published: labelled(
    pastDate().optional(),
    "Publicerad",
    "När dokumentet publicerades första gången. Det avgör om det omfattas av kraven på tillgänglighet (från den 23 september 2018).",
  ),
  category: describe(z.enum(DOCUMENT_CATEGORIES).optional(), {
    label: "Dokumenttyp",
    hint: "Vad dokumentet är: en slutrapport, en utvärdering, metodmaterial som andra kan använda, en presentation eller annat. Visas bredvid länken.",
    optionLabels: DOCUMENT_CATEGORY_NAMES,
  }),
});

/** A Swedish organisation number, checked with its Luhn digit, kept as its ten digits. */
const organisationNumber = (params?: Parameters<typeof z.union>[1]) =>
  z.union([z.string(), z.number()], params).transform((value, ctx): string => {
    const parsed = parseOrganisationNumber(String(value));
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.digits;
  });

const partner = z.strictObject({
  name: labelled(name(), "Namn", "Organisationens namn."),
  country: labelled(countryCode().optional(), "Land", "Partnerna visas grupperade per land."),
  roles: describe(z.array(z.enum(PARTNER_ROLES)).min(1).default(["partner"]), {
    label: "Roller",
    hint: "Utan roll blir organisationen partner.",
    optionLabels: PARTNER_ROLE_NAMES,
  }),
  lang: labelled(
    languageTag().optional(),
    "Språk",
    "Språket namnet är skrivet på, till exempel nb (norska), da (danska) eller en (engelska). Det gör att en skärmläsare uttalar namnet rätt.",
  ),
  url: labelled(webUrl().optional(), "Webbplats", URL_HINT),
  organisationNumber: describe(organisationNumber().optional(), {
    label: "Organisationsnummer",
    hint: "Om organisationen har ett, till exempel 232100-0180. Ett nationellt arkiv känner igen partnern på det när den publicerar samma projekt.",
    kind: "organisation-number",
  }),
});

/** A funder, and the grant it gave where the editor knows it: programme, case number, amount, currency and year. */
const funder = z
  .strictObject({
    name: labelled(name(), "Namn", "Finansiärens namn, till exempel Statens kulturråd."),
    url: labelled(webUrl().optional(), "Webbplats", URL_HINT),
    programme: labelled(name().optional(), "Program", "Bidragsprogrammet, till exempel Stärkta bibliotek."),
    caseNumber: labelled(
      text().max(100).optional(),
      "Diarienummer eller projektnummer",
      "Finansiärens nummer för bidraget, som det står i beslutet: ett diarienummer som KUR 2019/1234 (Kulturrådet) eller ett projektnummer som NYPS 20201234 (Interreg).",
    ),
    amount: describe(z.number().positive().refine(hasAtMostTwoDecimals, "ska ha högst två decimaler (öre eller cent), till exempel 450000 eller 1250000.50").optional(), {
      label: "Belopp",
      hint: "Bidraget, utan mellanslag, till exempel 450000. Öre och cent skrivs efter en punkt: 1250000.50.",
      kind: "amount",
    }),
    currency: describe(z.enum(CURRENCIES).optional(), {
      label: "Valuta",
      hint: "Utan valuta är beloppet i svenska kronor. EU-program betalar ofta i euro.",
      optionLabels: { SEK: "kronor (SEK)", EUR: "euro (EUR)", NOK: "norska kronor (NOK)", DKK: "danska kronor (DKK)" },
    }),
    year: labelled(z.number().int().min(1900).max(2100).optional(), "År", "Året bidraget beviljades, till exempel 2019."),
  })
  .superRefine((grant, context) => {
    const known = grant.caseNumber === undefined ? undefined : knownCaseNumberFormat(grant);
    if (known && !known.pattern.test(grant.caseNumber!)) context.addIssue({ code: "custom", path: ["caseNumber"], message: known.message });
    if (grant.currency !== undefined && grant.amount === undefined) {
      context.addIssue({ code: "custom", path: ["currency"], message: "valutan gäller beloppet: skriv beloppet (amount), eller ta bort raden currency" });
    }
  });

const projectEvent = z.strictObject({
  date: labelled(partialDate(), "Datum", "Ett år (2011), en månad (2011-04) eller en dag (2011-04-05)."),
  title: labelled(text(), "Vad som hände", "Till exempel Inspirationskonferens."),
});

/** Who answers for a page and when it was last checked: shown on every page. */
const pageResponsibility = {
  reviewed: labelled(
    pastDate(),
    "Granskad",
    "När sidan senast granskades. Sätt dagens datum när du har läst igenom hela sidan. Datumet får inte ligga i framtiden.",
  ),
  contentOwner: labelled(
    reference("kontakter"),
    "Innehållsansvarig",
    "Vem som ansvarar för innehållet. Namnet visas på sidan och länkar till kontaktlistan.",
  ),
  publishedBy: labelled(reference("kontakter"), "Publicerad av", "Vem som har publicerat sidan."),
};

/** The fields of a project file, before the checks that span several fields. */
const projectFields = z.strictObject({
  id: labelled(
    z.string().trim().regex(PROJECT_IDENTIFIER, "ska se ut som SE-ORGNR-2321000164-vinna-vinna: SE-ORGNR, organisationsnumret utan bindestreck och projektets filnamn när det skapades").optional(),
    "Id",
    "Projektets beständiga id i den öppna datan. Det skrivs när projektet skapas och ändras aldrig, inte heller när titeln eller filnamnet ändras.",
  ),
  title: labelled(text(), "Titel", "Projektets namn, som det ska stå som rubrik. Filnamnet och adressen görs av titeln."),
  subtitle: labelled(text().optional(), "Underrubrik", "Till exempel fortbildningsprojekt med folkbildningen."),
  summary: describe(text().max(300), {
    label: "Sammanfattning",
    hint: "En eller två meningar om projektet, högst 300 tecken. Visas i listan på startsidan och i sökmotorer. Skriv vanlig text, utan Markdown.",
    kind: "multiline",
  }),
  image: labelled(
    picture.optional(),
    "Bild",
    "Visas överst på projektets sida, litet i listorna och när sidan delas i sociala medier.",
  ),
  period: labelled(
    z
      .strictObject({
        start: labelled(partialDate().optional(), "Start", "Ett år (2008), en månad (2008-09) eller en dag (2008-09-01)."),
        end: labelled(partialDate().optional(), "Slut", "Ett år, en månad eller en dag. Får inte ligga före starten."),
      })
      .refine((period) => !period.start || !period.end || period.start.iso <= period.end.iso, {
        message: "slutdatumet ligger före startdatumet",
        path: ["end"],
      })
      .optional(),
    "Period",
    "När projektet pågick. Projekten på startsidan sorteras efter slutdatumet, och det senaste kommer först.",
  ),
  themes: labelled(
    z
      .array(name())
      .max(MAX_THEMES, `högst ${MAX_THEMES} ämnen: välj de som projektet mest handlade om`)
      .refine((themes) => new Set(themes.map(themeKey)).size === themes.length, "samma ämne står två gånger")
      .default([]),
    "Ämnen",
    `Vad projektet handlade om, högst ${MAX_THEMES} ämnen ur webbplatsens lista. Projektet visas på ämnenas sidor, och i sökningen går det att välja ämne.`,
  ),
  goals: labelled(z.array(labelled(text(), "Mål")).default([]), "Mål", "Projektets mål, ett per rad. Du kan använda *kursiv* och länkar."),
  results: labelled(
    z.array(labelled(text(), "Resultat")).default([]),
    "Resultat",
    "Vad projektet uppnådde, ett resultat per rad: vad som blev gjort, hur många som deltog, vad som finns kvar. Du kan använda *kursiv* och länkar.",
  ),
  lessons: labelled(
    z.array(labelled(text(), "Erfarenhet")).default([]),
    "Erfarenheter",
    "Vad ni lärde er, en erfarenhet per rad: vad som fungerade, vad ni skulle göra annorlunda. Det är det som andra bibliotek letar efter när de planerar ett projekt.",
  ),
  partners: labelled(z.array(labelled(partner, "Partner")).default([]), "Partner", "Organisationer som var med i projektet."),
  funders: labelled(
    z.array(labelled(funder, "Finansiär")).default([]),
    "Finansiärer",
    "Vem som gav pengar. På sidan står det ”Projektet har haft stöd av …”.",
  ),
  events: labelled(z.array(labelled(projectEvent, "Händelse")).default([]), "Händelser", "Viktiga datum, till exempel en konferens."),
  documents: labelled(
    z.array(labelled(projectDocument, "Dokument")).default([]),
    "Dokumentation",
    "Rapporter, planer och annat material från projektet. Varje dokument länkas från sidan med format och storlek.",
  ),
  contacts: labelled(z.array(reference("kontakter")).default([]), "Kontaktpersoner", "Visas som kontaktkort längst ned på sidan."),
  related: labelled(
    z.array(reference("projekt")).default([]),
    "Relaterade projekt",
    "Andra projekt som hör ihop med det här. Välj dem i det ena projektet, så visas länken på båda sidorna.",
  ),
  ...pageResponsibility,
  draft: describe(z.boolean().default(false), {
    label: "Utkast",
    hint: "Ett utkast syns i förhandsgranskningen men publiceras inte. Stäng av när projektet ska publiceras.",
    initial: true,
  }),
});

export const projectSchema = projectFields.refine(
  (project) => project.draft || project.summary !== PLACEHOLDERS.summary,
  {
    message: "byt ut exempeltexten mot en riktig sammanfattning innan projektet publiceras",
    path: ["summary"],
  },
);

/** A person in the open data: name and title, and their entry in the archive's contact directory. */
const contactSummary = z.object({ id: text(), name: name(), title: text(), url: webUrl().optional() });

/** A county (län), by its own name; a misspelt one is named with the closest. */
const county = () =>
  z.string().refine((name) => (COUNTIES as readonly string[]).includes(name), {
    error: (issue) => `okänt län "${String(issue.input)}"${didYouMean(String(issue.input), COUNTIES, countyKey)}; skriv länets namn som Örebro län eller Västmanlands län`,
  });

/** The organisation that publishes an archive, in each project of its open data. */
const publisher = z.object({
  name: name(),
  organisationNumber: organisationNumber().optional(),
  /** The archive's address. */
  url: webUrl(),
  counties: z.array(county()).default([]),
});

/** A document in the open data: a link to the file on its archive's site, never the file itself. */
const openDocument = z.object({
  title: text(),
  url: webUrl(),
  format: text(),
  size: z.number().int().nonnegative(),
  lang: languageTag().optional(),
  published: calendarDate().optional(),
  /** What the document lacks to be accessible ("taggar", "dokumentspråk"); empty when nothing. */
  shortcomings: z.array(text()).default([]),
  category: z.enum(DOCUMENT_CATEGORIES).optional(),
});

/**
 * One project in /projekt.json: the front matter as an editor writes it, with the absolute URL
 * added, the people resolved to name and title, documents as links and the publishing
 * organisation named. /projekt.schema.json is generated from this, and a national archive reads
 * harvested records with it (src/harvest/records.ts). Pictures are left out: a page elsewhere
 * must not load them from the archive's site.
 */
export const openDataProjectSchema = projectFields
  .omit({ draft: true, contacts: true, contentOwner: true, publishedBy: true, image: true, documents: true })
  .extend({
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ska vara ett filnamn med små bokstäver a-z, siffror och bindestreck"),
    url: webUrl(),
    publisher: publisher.optional(),
    documents: z.array(openDocument).default([]),
    contacts: z.array(contactSummary).default([]),
    contentOwner: contactSummary,
    publishedBy: contactSummary,
  });

export type OpenDataProject = z.output<typeof openDataProjectSchema>;

/** The JSON Schema of /projekt.json, from the same zod schema as the content itself. */
export function openDataJsonSchema(): object {
  return z.toJSONSchema(z.array(openDataProjectSchema), { io: "input", unrepresentable: "any" });
}

export const contactSchema = z.strictObject({
  name: labelled(name(), "Namn", "Personens namn. Filnamnet görs av namnet, och projekten hänvisar till personen med det."),
  title: labelled(
    text().refine((title) => title !== PLACEHOLDERS.contactTitle, "byt ut exempeltexten mot personens titel"),
    "Titel",
    "Titel eller roll, till exempel Utvecklingsledare - bibliotek.",
  ),
  phones: labelled(
    z.array(labelled(phoneNumber(), "Telefonnummer")).default([]),
    "Telefonnummer",
    "Skriv numren som man brukar, till exempel 019-602 72 54. På webbplatsen blir de länkar som går att ringa från en mobil.",
  ),
  email: labelled(emailAddress().optional(), "E-post"),
});

export const pageSchema = z.strictObject({
  title: labelled(text(), "Rubrik"),
  summary: describe(text().max(300).optional(), {
    label: "Beskrivning",
    hint: "En eller två meningar om sidan, högst 300 tecken. Visas i sökmotorer.",
    kind: "multiline",
  }),
  ...pageResponsibility,
});

export const COMPLIANCE_STATUSES = ["helt förenlig", "delvis förenlig", "inte förenlig"] as const;

export const accessibilitySchema = pageSchema.extend({
  compliance: labelled(
    z.enum(COMPLIANCE_STATUSES),
    "Förenlighet",
    "Hur väl webbplatsen uppfyller lagens krav. Står något under Innehåll som inte är tillgängligt är den delvis förenlig.",
  ),
  assessed: labelled(pastDate(), "Bedömd", "När webbplatsen senast bedömdes."),
  method: describe(text(), {
    label: "Metod",
    hint: "Hur webbplatsen har testats. Skriv bara det som verkligen har gjorts.",
    kind: "multiline",
  }),
  feedback: labelled(
    z
      .strictObject({
        email: labelled(emailAddress().optional(), "E-post"),
        phone: labelled(phoneNumber().optional(), "Telefon", "Till exempel 019-602 72 53."),
        url: labelled(webUrl().optional(), "Webbformulär", URL_HINT),
      })
      .refine((feedback) => feedback.email || feedback.phone || feedback.url, {
        message: "ange minst ett sätt att lämna synpunkter: email, phone eller url",
      }),
    "Synpunkter",
    "Hur man rapporterar brister i tillgängligheten. Fyll i minst ett av fälten.",
  ),
});

const cookieDeclaration = z.strictObject({
  name: text(),
  purpose: text(),
  lifetime: text(),
  provider: text().optional(),
});

const consentCategory = z.strictObject({
  id: text().regex(/^[a-z0-9-]+$/, "får bara innehålla a-z, siffror och bindestreck"),
  name: text(),
  purpose: text(),
  scripts: z
    .array(
      z.string().refine((src) => (src.startsWith("/") && !src.startsWith("//")) || src.startsWith("https://"), {
        message: "ska vara en sökväg på webbplatsen som börjar med / eller en adress som börjar med https://",
      }),
    )
    .default([]),
  cookies: z.array(cookieDeclaration).default([]),
});

/** The site's own colour, for links, buttons and the header rule: it must be readable on white. */
const siteColour = () =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      const rgb = parseHexColour(value);
      if (!rgb) {
        context.addIssue({ code: "custom", message: `ska vara en färg skriven som #0b4f8a, inte "${value}"` });
        return z.NEVER;
      }
      const { background, ratio } = weakestContrast(rgb);
      if (ratio < MINIMUM_TEXT_CONTRAST) {
        context.addIssue({
          code: "custom",
          message: `färgen ${value} har kontrasten ${formatRatio(ratio)} mot ${background.name}, men länkar och knappar behöver minst 4,5:1 (WCAG 1.4.3); ${darkenForText(rgb)} är samma färgton och når kravet mot alla bakgrunder på webbplatsen`,
        });
        return z.NEVER;
      }
      return toHex(rgb);
    });

/** The git hosts the web editor can save to. Forgejo is Sveltia CMS's "gitea" backend. */
const GIT_HOSTS = ["github", "gitlab", "forgejo"] as const;

/** The licence of the open data: a Creative Commons URI exactly as the dataportal compares it (http, ending in /). */
const DATA_LICENCE = /^http:\/\/creativecommons\.org\/(?:publicdomain\/zero\/1\.0|licenses\/by(?:-sa)?\/4\.0)\/$/;
const CC0 = "http://creativecommons.org/publicdomain/zero/1.0/";

/** The kinds of publisher in the EU's ADMS vocabulary that a library organisation can be. */
/**
 * An archive this site harvests: where its projekt.json is, and the organisation that publishes
 * it. The organisation is the site owner's word, never the source's: the source's records speak
 * only for it (src/harvest/trust.ts).
 */
const harvestSource = z
  .strictObject({
    url: webUrl().optional(),
    /**
     * A projekt.json, or a folder holding one, relative to the folder the content folder lies in:
     * in the repository or in a folder beside it, never absolute or further up. A symbolic link in
     * the folder named never leads out of it (the harvest refuses it).
     */
    path: text().refine(isWithinSourceReach, { message: SOURCE_PATH_REACH }).optional(),
    organisation: name(
      whenMissing("skriv vilken organisation som publicerar källans arkiv, till exempel organisation: Region Dalarna; källans projekt visas under den, och källan får bara tala för den"),
    ),
    organisationNumber: organisationNumber(
      whenMissing("skriv organisationens organisationsnummer, till exempel organisationNumber: 232100-0180; källans projekt-id (SE-ORGNR-…) och utgivare jämförs med det"),
    ),
    counties: z.array(county()).optional(),
  })
  .refine((source) => (source.url === undefined) !== (source.path === undefined), {
    message: "skriv antingen url: (adressen till en projekt.json) eller path: (en fil eller mapp i arkivet eller bredvid det), inte båda",
  });

export const PUBLISHER_TYPES = ["LocalAuthority", "RegionalAuthority", "NationalAuthority", "NonProfitOrganisation", "Academia-ScientificOrganisation"] as const;

/**
 * The site's vocabulary of themes (src/format/themes.ts): the default list with some added, or a
 * list of the site's own instead.
 */
const themeSettings = z
  .strictObject({
    add: z.array(name()).optional(),
    replace: z.array(name()).min(1, "skriv minst ett ämne, eller ta bort replace för att använda den inbyggda listan").optional(),
  })
  .refine((themes) => !(themes.add && themes.replace), { message: "skriv antingen add: (ämnen utöver den inbyggda listan) eller replace: (en egen lista i stället för den), inte båda" });

export const siteSchema = z.strictObject({
  name: text().max(MAX_NAME_LENGTH),
  organisation: name(),
  /** The organisation's number (organisationsnummer): the projects' ids are made from it. */
  organisationNumber: organisationNumber().optional(),
  /** A DCAT-AP-SE catalogue of the open data at /dcat.rdf, for Sveriges dataportal to harvest. */
  dcat: z.boolean().default(false),
  /** The open data's licence. */
  dataLicense: z
    .string()
    .trim()
    .regex(DATA_LICENCE, `skriv licensens adress exakt som Creative Commons skriver den, med http:// och / på slutet, till exempel ${CC0} (CC0) eller http://creativecommons.org/licenses/by/4.0/ (CC BY)`)
    .default(CC0),
  /** Where questions about the open data go: the catalogue's contact point. */
  dataContactEmail: emailAddress().optional(),
  /** What kind of publisher the organisation is, in the catalogue. */
  publisherType: z.enum(PUBLISHER_TYPES).optional(),
  /** The themes projects may have: the default vocabulary, added to or replaced. */
  themes: themeSettings.optional(),
  /** The counties (län) the organisation works for; a national archive is browsed by them. */
  counties: z.array(county()).default([]),
  /**
   * Other archives whose projects this site publishes beside its own (src/harvest/): each the
   * address of a projekt.json, or a file or folder in the repository. `npm run harvest` fetches
   * them into content/_harvest/; the build reads only that copy.
   */
  sources: z.array(harvestSource).default([]),
  /** The organisation's logo, shown in the header instead of the site name's first line. */
  logo: z.strictObject({ file: attachment("image"), alt: text() }).optional(),
  colour: siteColour().optional(),
  /** The largest document or picture, in megabytes, that a page may link. */
  maxFileMegabytes: z.number().positive().default(25),
  url: webUrl(),
  contacts: z.array(reference("kontakter")).default([]),
  generatedPages: z.strictObject(pageResponsibility),
  reviewIntervalMonths: z.number().int().positive().default(12),
  /** Raw HTML in Markdown, for trusted sites only; it is then sanitised. Off by default. */
  markdown: z.strictObject({ allowHtml: z.boolean().default(false) }).default({ allowHtml: false }),
  cookies: z.strictObject({ categories: z.array(consentCategory).default([]) }).default({ categories: [] }),
  /** Web editing at /admin/ (src/cms/): the repository that the editors' saves are committed to, on GitHub, GitLab or a Forgejo. */
  cms: z
    .strictObject({
      /** Where the repository is: GitHub unless said otherwise. */
      backend: z.enum(GIT_HOSTS).default("github"),
      repo: z
        .string()
        .trim()
        .regex(/^(?!\.\.?(?:\/|$))[\w.-]+(?:\/(?!\.\.?(?:\/|$))[\w.-]+)+$/, "skriv ägare/namn som på GitHub, till exempel regionbiblioteket/avslutade-projekt"),
      branch: text().default("main"),
      /** A self-managed GitLab's or a Forgejo's address, such as https://gitlab.region.se. */
      baseUrl: webUrl().optional(),
      /** The OAuth application for "Logga in med GitLab" (PKCE) or with Forgejo; without it, editors sign in with a token. */
      appId: text().optional(),
      /** An OAuth worker (sveltia-cms-auth) for "Logga in med GitHub"; without it editors sign in with a token. */
      oauthWorker: webUrl().optional(),
    })
    .superRefine((cms, context) => {
      const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
      if (cms.backend !== "gitlab" && cms.repo.split("/").length !== 2) {
        issue("repo", "skriv ägare/namn, till exempel regionbiblioteket/avslutade-projekt; undergrupper (a/b/c) finns bara på GitLab");
      }
      if (cms.backend === "forgejo" && !cms.baseUrl) issue("baseUrl", "skriv adressen till er Forgejo, till exempel https://codeberg.org eller https://git.region.se");
      if (cms.backend === "github" && cms.baseUrl) issue("baseUrl", "gäller bara GitLab och Forgejo; ta bort raden, eller skriv backend: gitlab eller backend: forgejo");
      if (cms.backend === "github" && cms.appId) issue("appId", "gäller bara GitLab och Forgejo; inloggning med GitHub går genom oauthWorker");
      if (cms.backend !== "github" && cms.oauthWorker) issue("oauthWorker", "gäller bara GitHub; på GitLab och Forgejo loggar redaktörerna in med appId");
    })
    .optional(),
}).superRefine((site, context) => {
  if (!site.dcat) return;
  const needed = { organisationNumber: "organisationsnumret, till exempel organisationNumber: 232100-0164", dataContactEmail: "en e-postadress för frågor om den öppna datan, till exempel dataContactEmail: oppnadata@region.se", publisherType: `vilken sorts organisation ni är: ${PUBLISHER_TYPES.join(", ")}` } as const;
  for (const [key, what] of Object.entries(needed)) {
    if (site[key as keyof typeof needed] === undefined) context.addIssue({ code: "custom", path: ["dcat"], message: `katalogen för Sveriges dataportal (dcat: true) behöver ${key}: ${what}` });
  }
}).superRefine((site, context) => {
  // Each source stands for one organisation, and no two organisations can be taken for each other
  // on the site: not the site's own, and not two sources'. Names are compared by their UTS #39
  // skeleton, each worked out once (a national site may have 300 sources; docs/federation.md).
  type Known = { readonly organisation: string; readonly organisationNumber?: string | undefined; readonly what: string };
  const named = (organisation: string, number: string | undefined) => (number ? `${organisation} (${displayOrganisationNumber(number)})` : organisation);
  const own: Known = { ...site, what: `webbplatsens egen organisation, ${named(site.organisation, site.organisationNumber)}` };
  const bySkeleton = new Map<string, Known>([[nameSkeleton(site.organisation), own]]);
  const byNumber = new Map<string, Known>(site.organisationNumber ? [[site.organisationNumber, own]] : []);
  for (const [index, source] of site.sources.entries()) {
    const issue = (field: "organisation" | "organisationNumber", message: string) => context.addIssue({ code: "custom", path: ["sources", index, field], message });
    const skeleton = nameSkeleton(source.organisation);
    const sameName = bySkeleton.get(skeleton);
    const sameNumber = byNumber.get(source.organisationNumber);
    // A source in error is not compared with again: its own line says what is wrong.
    if (sameName && isLookAlike(source.organisation, sameName.organisation)) {
      issue("organisation", `"${source.organisation}" ser ut som ${sameName.what}, men är skrivet med andra tecken; skriv namnet med vanliga bokstäver`);
    } else if (sameName === own || sameNumber === own) {
      issue(sameNumber === own ? "organisationNumber" : "organisation", `är ${own.what}; en källa kan bara publicera för en annan organisation, så skriv källans eget namn och organisationsnummer`);
    } else if (sameNumber && sameNumber !== sameName) {
      issue("organisation", `har samma organisationsnummer som ${sameNumber.what}, men ett annat namn; skriv samma namn för samma organisation`);
    } else if (sameName && sameName !== sameNumber) {
      issue("organisationNumber", `${sameName.what} har samma namn men ett annat organisationsnummer; två organisationer med samma namn går inte att skilja åt på webbplatsen`);
    } else {
      const known: Known = { ...source, what: `källa nr ${index + 1}, ${named(source.organisation, source.organisationNumber)}` };
      if (!bySkeleton.has(skeleton)) bySkeleton.set(skeleton, known);
      if (!byNumber.has(source.organisationNumber)) byNumber.set(source.organisationNumber, known);
    }
  }
});

export type ProjectData = z.output<typeof projectSchema>;
export type ContactData = z.output<typeof contactSchema>;
export type PageData = z.output<typeof pageSchema>;
export type AccessibilityData = z.output<typeof accessibilitySchema>;
export type SiteData = z.output<typeof siteSchema>;
export type PartnerData = ProjectData["partners"][number];
export type FunderData = ProjectData["funders"][number];
export type DocumentData = ProjectData["documents"][number];
export type PictureData = NonNullable<ProjectData["image"]>;
export type ConsentCategory = SiteData["cookies"]["categories"][number];
export type CmsSettingsData = NonNullable<SiteData["cms"]>;
export type HarvestSourceData = SiteData["sources"][number];

export { PARTNER_ROLE_NAMES, PARTNER_ROLES, type PartnerRole } from "../../format/partner-roles.ts";
