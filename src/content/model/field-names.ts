import type { z } from "zod";

/** The parts of a zod schema's definition that walking a schema needs. */
export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
}

/** A schema's definition, for code that walks the content schema (this file, src/cms/). */
export function schemaDef(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Every object key a schema accepts, at any depth: the vocabulary for "menade du …?" hints. */
export function fieldNames(schema: z.ZodType, into: Set<string> = new Set()): Set<string> {
  const def = schemaDef(schema);
  for (const [key, child] of Object.entries(def.shape ?? {})) {
    into.add(key);
    fieldNames(child, into);
  }
  for (const child of [def.innerType, def.element, def.in, ...(def.options ?? [])]) {
    if (child) fieldNames(child, into);
  }
  return into;
}
