import type { z } from "zod";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "ett tal",
  boolean: "true eller false",
  array: "en lista",
  object: "en grupp av fält",
};

function describeValue(value: unknown): string {
  if (value === null) return "ett tomt värde";
  if (Array.isArray(value)) return "en lista";
  if (typeof value === "string") return `texten "${value}"`;
  if (typeof value === "number") return `talet ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (typeof value === "object") return "en grupp av fält";
  return "ett okänt värde";
}

/**
 * Swedish messages for zod's built-in checks, written for editors rather than developers.
 * Our own checks (dates, phone numbers, URLs) carry their messages in the schema.
 */
export const swedishIssueMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && issue.code !== "unrecognized_keys") return "saknas, men måste finnas";
  switch (issue.code) {
    case "invalid_type":
      return `ska vara ${TYPE_NAMES[issue.expected] ?? issue.expected}, inte ${describeValue(issue.input)}`;
    case "too_small":
      if (issue.origin === "string") return "får inte vara tomt";
      if (issue.origin === "array") return `ska ha minst ${issue.minimum} värde${issue.minimum === 1 ? "" : "n"}`;
      return `ska vara minst ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") {
        const length = typeof issue.input === "string" ? issue.input.length : undefined;
        return `får vara högst ${issue.maximum} tecken${length ? ` (är ${length})` : ""}`;
      }
      return `får vara högst ${issue.maximum}`;
    case "invalid_value":
      return `ska vara ett av ${issue.values.map((value) => `"${String(value)}"`).join(", ")}, inte ${describeValue(issue.input)}`;
    case "invalid_union":
      return `har fel form: ${describeValue(issue.input)}`;
    case "invalid_format":
      return issue.format === "regex" ? `har fel form` : `har fel form (${issue.format})`;
    default:
      return undefined;
  }
};
