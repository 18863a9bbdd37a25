/**
 * The content model: one zod schema per kind of content file. This is the single source of truth;
 * the TypeScript types below are inferred from it, never written twice.
 */
import { z } from "zod";
import { countryName } from "../format/country.ts";
import { parsePartialDate, todayInSweden, type PartialDate } from "../format/date.ts";
import { parsePhoneNumber } from "../format/phone.ts";
import { PLACEHOLDERS } from "./placeholders.ts";

/** Text that must not be empty once surrounding white space is removed. */
const text = () => z.string().trim().min(1);

/** A contact id or project slug; whether it exists is checked when references are resolved. */
const reference = () => text();

const WEB_URL_MESSAGE = "måste vara en webbadress som börjar med https:// eller http://";

/** An absolute http(s) URL; `javascript:` and `data:` are refused. */
const webUrl = () =>
  z.string().trim().refine((value) => {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, WEB_URL_MESSAGE);

/** YAML reads 2008 as a number and 2011-04-05 as text; both are calendar dates here. */
const partialDate = () =>
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
  });

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
  calendarDate().refine((iso) => iso <= todayInSweden(), {
    message: "datumet ligger i framtiden",
  });

const countryCode = () =>
  z.string().refine((code) => countryName(code) !== undefined, {
    message: "ska vara en landskod med två stora bokstäver enligt ISO 3166-1, till exempel SE, NO eller DK",
  });

const languageTag = () =>
  z.string().refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, "ska vara en språkkod enligt BCP 47, till exempel nb, da eller en");

const phoneNumber = () =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const parsed = parsePhoneNumber(String(value));
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `ogiltigt telefonnummer "${String(value)}"` });
      return z.NEVER;
    }
    return parsed;
  });

export const PARTNER_ROLES = ["owner", "coordinator", "partner"] as const;

const partner = z.strictObject({
  name: text(),
  country: countryCode().optional(),
  roles: z.array(z.enum(PARTNER_ROLES)).min(1).default(["partner"]),
  lang: languageTag().optional(),
  url: webUrl().optional(),
});

const funder = z.strictObject({
  name: text(),
  url: webUrl().optional(),
});

const projectEvent = z.strictObject({
  date: partialDate(),
  title: text(),
});

/** Who answers for a page and when it was last checked: shown on every page. */
const pageResponsibility = {
  reviewed: pastDate(),
  contentOwner: reference(),
  publishedBy: reference(),
};

/** The fields of a project file, before the checks that span several fields. */
const projectFields = z.strictObject({
  title: text(),
  subtitle: text().optional(),
  summary: text().max(300),
  period: z
    .strictObject({ start: partialDate().optional(), end: partialDate().optional() })
    .refine((period) => !period.start || !period.end || period.start.iso <= period.end.iso, {
      message: "slutdatumet ligger före startdatumet",
      path: ["end"],
    })
    .optional(),
  goals: z.array(text()).default([]),
  partners: z.array(partner).default([]),
  funders: z.array(funder).default([]),
  events: z.array(projectEvent).default([]),
  contacts: z.array(reference()).default([]),
  related: z.array(reference()).default([]),
  ...pageResponsibility,
  draft: z.boolean().default(false),
  });

export const projectSchema = projectFields.refine(
  (project) => project.draft || project.summary !== PLACEHOLDERS.summary,
  {
    message: "byt ut exempeltexten mot en riktig sammanfattning innan projektet publiceras",
    path: ["summary"],
  },
);

const contactSummary = z.object({ id: z.string(), name: z.string(), title: z.string() });

/**
 * One project in /projekt.json: the front matter as an editor writes it, with the absolute URL
 * added and the people resolved to name and title. /projekt.schema.json is generated from this.
 */
export const openDataProjectSchema = projectFields
  .omit({ draft: true, contacts: true, contentOwner: true, publishedBy: true })
  .extend({
    slug: z.string(),
    url: z.url(),
    contacts: z.array(contactSummary),
    contentOwner: contactSummary,
    publishedBy: contactSummary,
  });

/** The JSON Schema of /projekt.json, from the same zod schema as the content itself. */
export function openDataJsonSchema(): object {
  return z.toJSONSchema(z.array(openDataProjectSchema), { io: "input", unrepresentable: "any" });
}

export const contactSchema = z.strictObject({
  name: text(),
  title: text().refine((title) => title !== PLACEHOLDERS.contactTitle, "byt ut exempeltexten mot personens titel"),
  phones: z.array(phoneNumber()).default([]),
  email: z.email({ message: "ska vara en e-postadress, till exempel namn@example.se" }).optional(),
});

export const pageSchema = z.strictObject({
  title: text(),
  summary: text().max(300).optional(),
  ...pageResponsibility,
});

export const COMPLIANCE_STATUSES = ["helt förenlig", "delvis förenlig", "inte förenlig"] as const;

export const accessibilitySchema = pageSchema.extend({
  compliance: z.enum(COMPLIANCE_STATUSES),
  assessed: pastDate(),
  method: text(),
  feedback: z
    .strictObject({
      email: z.email({ message: "ska vara en e-postadress, till exempel namn@example.se" }).optional(),
      phone: phoneNumber().optional(),
      url: webUrl().optional(),
    })
    .refine((feedback) => feedback.email || feedback.phone || feedback.url, {
      message: "ange minst ett sätt att lämna synpunkter: email, phone eller url",
    }),
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

export const siteSchema = z.strictObject({
  name: text(),
  organisation: text(),
  url: webUrl(),
  contacts: z.array(reference()).default([]),
  generatedPages: z.strictObject(pageResponsibility),
  reviewIntervalMonths: z.number().int().positive().default(12),
  /** Raw HTML in Markdown, for trusted sites only; it is then sanitised. Off by default. */
  markdown: z.strictObject({ allowHtml: z.boolean().default(false) }).default({ allowHtml: false }),
  cookies: z.strictObject({ categories: z.array(consentCategory).default([]) }).default({ categories: [] }),
});

export type ProjectData = z.output<typeof projectSchema>;
export type ContactData = z.output<typeof contactSchema>;
export type PageData = z.output<typeof pageSchema>;
export type AccessibilityData = z.output<typeof accessibilitySchema>;
export type SiteData = z.output<typeof siteSchema>;
export type PartnerData = ProjectData["partners"][number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type ConsentCategory = SiteData["cookies"]["categories"][number];
