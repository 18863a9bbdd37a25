/**
 * Sveltia CMS's own JSON Schema of its configuration (it ships in the package), compiled once with
 * ajv: the web editor's config.yml, and so each host's `cms` in site.yaml, must pass it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { PROJECT_ROOT } from "../helpers.ts";

let compiled: ValidateFunction | undefined;

/** The schema's errors for a configuration, as JSON, or undefined when it passes. */
export function sveltiaSchemaErrors(config: unknown): string | undefined {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules/@sveltia/cms/schema/sveltia-cms.json"), "utf8"));
    const isRegExp = (text: string) => {
      try {
        return new RegExp(text) instanceof RegExp;
      } catch {
        return false;
      }
    };
    compiled = new Ajv({ allErrors: true, strict: false, formats: { regex: isRegExp, uri: (text: string) => URL.canParse(text) } }).compile(schema);
  }
  return compiled(config) ? undefined : JSON.stringify(compiled.errors);
}
