/**
 * The web editor's form, translated from the content schema (src/content/model/schema.ts): every key of
 * an object schema becomes a Sveltia CMS field. The widget follows from the key's type and from
 * what the schema says of it (`FieldInfo`); the label and hint are the schema's own Swedish words.
 * A key the schema does not describe has no field, and the translation stops with an error.
 */
import type { Field } from "./sveltia-types.ts";
import type { z } from "zod";
import { schemaDef } from "../content/model/field-names.ts";
import { fieldInfo, type FieldInfo } from "../content/model/schema.ts";
import { countryCodes, countryName } from "../format/country.ts";
import { VALID_PARTIAL_DATE } from "../format/date.ts";

/** The folders that references point into, and the field that names an entry there. */
export const ENTRY_NAME_FIELDS = { projekt: "title", kontakter: "name" } as const;

/** Patterns the form checks as the editor types; the build checks the values fully. */
const PATTERNS: Partial<Record<NonNullable<FieldInfo["kind"]>, [string, string]>> = {
  "partial-date": [VALID_PARTIAL_DATE.source, "Skriv ett år, en månad eller en dag som finns: 2008, 2011-04 eller 2011-04-05."],
  language: ["^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", "Skriv en språkkod, till exempel nb, da eller en."],
  phone: ["^\\+?[0-9][0-9 ()-]*$", "Skriv numret med siffror, till exempel 019-602 72 54."],
  "organisation-number": ["^[0-9]{6}-?[0-9]{4}$", "Skriv tio siffror, till exempel 232100-0180."],
  url: ["^https?://", "Adressen ska börja med https:// eller http://."],
};

/** A field's schema without its optional and default wrappers, with what was said of it on the way. */
export function unwrapField(schema: z.ZodType): { core: z.ZodType; info: FieldInfo; optional: boolean } {
  let info: FieldInfo = {};
  let optional = false;
  let current = schema;
  for (;;) {
    info = { ...fieldInfo.get(current), ...info };
    const def = schemaDef(current);
    if ((def.type === "optional" || def.type === "default") && def.innerType) {
      optional = true;
      current = def.innerType;
    } else if (def.type === "pipe" && def.in && !info.kind) {
      current = def.in;
    } else {
      return { core: current, info, optional };
    }
  }
}

/** The widget and its settings, without name, label and hint. */
type Widget = Record<string, unknown> & { widget: string };

function relation(folder: keyof typeof ENTRY_NAME_FIELDS, multiple: boolean): Widget {
  const nameField = ENTRY_NAME_FIELDS[folder];
  return { widget: "relation", collection: folder, value_field: "{{slug}}", search_fields: [nameField], display_fields: [nameField], multiple };
}

/** An option's label as the form shows it: "Läsfrämjande" for the value "läsfrämjande". */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function select(values: readonly string[], info: FieldInfo, multiple: boolean): Widget {
  const options = values.map((value) => ({ value, label: capitalised(info.optionLabels?.[value] ?? value) }));
  return { widget: "select", options, multiple };
}

function maxLength(schema: z.ZodType): { maxlength?: number } {
  const length = (schema as { maxLength?: number | null }).maxLength;
  return typeof length === "number" ? { maxlength: length } : {};
}

function widgetOf(core: z.ZodType, info: FieldInfo, path: string, optional: boolean): Widget {
  if (info.references) return relation(info.references, false);
  const pattern = info.kind && PATTERNS[info.kind];
  switch (info.kind) {
    case "date": {
      // New files start with today's date, as `npm run new` writes them; an optional date starts empty.
      const date = { widget: "datetime", type: "date", format: "YYYY-MM-DD" };
      return optional ? date : { ...date, default: "{{now}}" };
    }
    case "file":
    case "image":
      // Uploads go to filer/ (config.ts, media_folder); a file from another site is not offered,
      // since the build accepts only files in filer/.
      return { widget: info.kind, choose_url: false };
    case "country":
      return { widget: "select", options: countryCodes().map((code) => ({ value: code, label: countryName(code)! })) };
    case "partial-date":
    case "language":
    case "phone":
    case "organisation-number":
      return { widget: "string", pattern };
    case "url":
      return { widget: "string", type: "url", pattern };
    case "email":
      return { widget: "string", type: "email" };
    case "multiline":
      return { widget: "text", ...maxLength(core) };
    case "amount":
      // Öre and cents: the browser's number field accepts what its step allows.
      return { widget: "number", value_type: "float", step: 0.01, min: 0.01 };
  }
  const def = schemaDef(core);
  switch (def.type) {
    case "string":
      return { widget: "string", ...maxLength(core) };
    case "boolean":
      return { widget: "boolean" };
    case "number":
      return { widget: "number", value_type: "int" };
    case "enum":
      return select(Object.values(def.entries ?? {}), info, false);
    case "object":
      return { widget: "object", fields: formFields(core, path) };
    case "array":
      return listOf(def.element!, info, path);
  }
  throw new Error(`src/content/model/schema.ts: the field ${path} (${def.type}) has no form widget in src/cms/fields.ts`);
}

/** A list: of references, of choices, of records, or of single values such as goals. */
function listOf(element: z.ZodType, listInfo: FieldInfo, path: string): Widget {
  const { core, info } = unwrapField(element);
  if (info.references) return relation(info.references, true);
  const def = schemaDef(core);
  if (def.type === "enum") return select(Object.values(def.entries ?? {}), listInfo, true);
  const singular = info.label ? { label_singular: info.label } : {};
  if (def.type === "object") {
    const shown = ["date", "name", "title"].filter((key) => def.shape?.[key]);
    return { widget: "list", ...singular, summary: shown.map((key) => `{{fields.${key}}}`).join(" "), collapsed: "auto", fields: formFields(core, path) };
  }
  return { widget: "list", ...singular, field: formField("item", element, `${path}[]`, listInfo.label) };
}

/**
 * The field for one key of the schema. `fallbackLabel` names the items of a list of single values
 * that have no label of their own.
 */
export function formField(name: string, schema: z.ZodType, path = name, fallbackLabel?: string): Field {
  const { core, info, optional } = unwrapField(schema);
  const label = info.label ?? fallbackLabel;
  if (!label) throw new Error(`src/content/model/schema.ts: the field ${path} has no label; describe it with labelled()`);
  const field = {
    name,
    label,
    ...(info.hint ? { hint: info.hint } : {}),
    required: !optional,
    ...widgetOf(core, info, path, optional),
    ...(info.initial !== undefined ? { default: info.initial } : {}),
  };
  return field as Field;
}

/** The fields for every key of an object schema, in the schema's order. */
export function formFields(schema: z.ZodType, path = ""): Field[] {
  const shape = schemaDef(schema).shape;
  if (!shape) throw new Error(`src/content/model/schema.ts: ${path || "the schema"} is not an object`);
  return Object.entries(shape).map(([key, child]) => formField(key, child, path ? `${path}.${key}` : key));
}
