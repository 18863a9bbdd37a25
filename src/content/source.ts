import { CORE_SCHEMA, load } from "js-yaml";
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import type { ContentError } from "./errors.ts";
import { closingAdvice, diagnoseYamlError, slipsInValidYaml } from "./yaml-slips.ts";

/** A content file split into front matter and body, with a way back from a field to its line. */
export interface SourceFile {
  readonly file: string;
  /** The front matter as plain data; undefined when it could not be read. */
  readonly data: unknown;
  /** The Markdown body, with line endings normalised to \n. */
  readonly body: string;
  /** The line of the file where the body starts. */
  readonly bodyLine: number;
  /** Errors found while reading: encoding, delimiters, YAML syntax. */
  readonly errors: ContentError[];
  /** The line of a field, or of the nearest enclosing field that exists. */
  locate(fieldPath: readonly PropertyKey[]): number | undefined;
}

const YAML_MESSAGES: Record<string, string> = {
  BAD_INDENT: "fel indrag (antal mellanslag i början av raden)",
  MISSING_CHAR: "ett tecken saknas, till exempel ett avslutande ] eller \"",
  MULTILINE_IMPLICIT_KEY: "ett fältnamn saknar kolon (:) eller ett värde går över flera rader",
  BLOCK_AS_IMPLICIT_KEY: "ett fältnamn saknar kolon (:)",
  UNEXPECTED_TOKEN: "oväntat tecken",
  BAD_SCALAR_START: "ett värde börjar med ett tecken som måste stå inom citattecken",
  BAD_DQ_ESCAPE: "ogiltig escape-sekvens inom citattecken",
  ALIAS_PROPS: "ogiltigt alias",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 (a byte-order mark is dropped) and normalises CRLF and CR line endings. */
function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/\r\n?/g, "\n");
  } catch {
    return undefined;
  }
}

function failed(file: string, error: Omit<ContentError, "file">): SourceFile {
  return { file, data: undefined, body: "", bodyLine: 1, errors: [{ file, ...error }], locate: () => undefined };
}

/** Brackets and quotes that YAML only notices are unclosed on a later line. */
const UNCLOSED = [
  { pattern: /^Flow sequence/, opener: "[", closer: "]", message: "en lista inom [ ] saknar sitt avslutande ]" },
  { pattern: /^Flow map/, opener: "{", closer: "}", message: "en grupp inom { } saknar sitt avslutande }" },
  { pattern: /^Missing closing "/, opener: '"', closer: '"', message: 'ett citattecken " saknar sitt avslutande "' },
  { pattern: /^Missing closing '/, opener: "'", closer: "'", message: "ett citattecken ' saknar sitt avslutande '" },
];

/**
 * One Swedish error per line for YAML syntax errors. An unclosed bracket or quote is reported on
 * the line where it was opened, not where YAML gave up.
 */
function yamlErrors(file: string, yamlText: string, document: Document, yamlLineAt: (offset: number) => number, lineOffset: number): ContentError[] {
  const lines = yamlText.split("\n");
  const byLine = new Map<number, Omit<ContentError, "file" | "line">>();
  for (const error of document.errors) {
    let line = yamlLineAt(error.pos[0]);
    let message = `ogiltig YAML: ${YAML_MESSAGES[error.code] ?? error.message.split("\n")[0]!}`;
    let field: string | undefined;
    const unclosed = UNCLOSED.find((candidate) => candidate.pattern.test(error.message));
    if (unclosed) {
      for (let index = Math.min(line - 1, lines.length) - 1; index >= 0; index--) {
        if (lines[index]!.includes(unclosed.opener)) {
          line = index + 1;
          break;
        }
      }
      message = `ogiltig YAML: ${unclosed.message}; ${closingAdvice(lines[line - 1] ?? "", unclosed.opener, unclosed.closer)}`;
    } else {
      const diagnosis = diagnoseYamlError(lines, { code: error.code, line });
      if (diagnosis) ({ line, message, field } = diagnosis);
    }
    if (!byLine.has(line)) byLine.set(line, field ? { field, message } : { message });
  }
  return [...byLine].map(([line, error]) => ({ file, line: line + lineOffset, ...error }));
}

/**
 * Parses YAML text whose first line is `lineOffset` + 1 in the file. The fast path is js-yaml with
 * the YAML 1.2 core schema (dates stay text); the slower `yaml` package, which keeps positions, runs
 * only when there is an error to place on a line.
 */
function parseYaml(file: string, yamlText: string, lineOffset: number) {
  const anchors = ANCHOR_HINT.test(yamlText) ? anchorErrors(file, yamlText, lineOffset) : [];
  if (anchors.length > 0) return { data: undefined, errors: anchors, locate: () => undefined };
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return parseYamlWithPositions(file, yamlText, lineOffset);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return parseYamlWithPositions(file, yamlText, lineOffset);
  // YAML that parsed can still hold a slip that changes the text (yaml-slips.ts).
  const slips = slipsInValidYaml(yamlText, yaml);
  if (slips.length > 0) {
    const errors = slips.map((slip): ContentError => ({ file, line: slip.line + lineOffset, ...(slip.field ? { field: slip.field } : {}), message: slip.message }));
    return { data, errors, locate: () => undefined };
  }
  let positioned: ReturnType<typeof parseYamlWithPositions> | undefined;
  const locate = (fieldPath: readonly PropertyKey[]) => (positioned ??= parseYamlWithPositions(file, yamlText, lineOffset)).locate(fieldPath);
  return { data, errors: [] as ContentError[], locate };
}

/** Text that may hold a YAML anchor (`&namn`): only then is the file read for anchors. */
const ANCHOR_HINT = /(?:^|[\s[{,:-])&[^\s&]/m;

/**
 * Anchors and aliases (`&namn`, `*namn`) are refused: front matter has no use for them, and a few
 * hundred kilobytes of text repeated through aliases can expand to gigabytes when it is read.
 * Each anchor is reported on its line, before anything is expanded.
 */
function anchorErrors(file: string, yamlText: string, lineOffset: number): ContentError[] {
  const { isNode, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const errors: ContentError[] = [];
  visit(document, (_key, node) => {
    if (!isNode(node) || !node.anchor || !node.range) return;
    errors.push({
      file,
      line: lineCounter.linePos(node.range[0]).line + lineOffset,
      message: `YAML-ankare (&${node.anchor}) och alias (*${node.anchor}) används inte i innehållsfilerna; skriv ut värdet där det behövs`,
    });
  });
  return errors;
}

/**
 * The `yaml` package, loaded the first time a field must be found by line: valid files never need
 * it, and a check of a large archive starts faster without it.
 */
const require = createRequire(import.meta.url);
let yamlPackage: typeof import("yaml") | undefined;
const yaml = () => (yamlPackage ??= require("yaml") as typeof import("yaml"));

/** Parses YAML with the `yaml` package, which reports errors and maps fields to lines. */
function parseYamlWithPositions(file: string, yamlText: string, lineOffset: number) {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlLineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineAt = (offset: number) => yamlLineAt(offset) + lineOffset;
  const errors = yamlErrors(file, yamlText, document, yamlLineAt, lineOffset);
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 50 }) ?? {};
    } catch (error) {
      errors.push({ file, line: lineOffset + 1, message: `ogiltig YAML: ${(error as Error).message}` });
    }
  }
  if (errors.length === 0 && (typeof data !== "object" || data === null || Array.isArray(data))) {
    errors.push({ file, line: lineOffset + 1, message: "fälten ska skrivas som namn: värde, ett per rad" });
    data = undefined;
  }
  return { data, errors, locate: (fieldPath: readonly PropertyKey[]) => locateField(document, fieldPath, lineAt) };
}

/** Walks the YAML tree along a field path and returns the line of the deepest part that exists. */
function locateField(
  document: Document,
  fieldPath: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = document.contents;
  let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : undefined;
  for (const part of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** Reads a Markdown content file: YAML front matter between --- lines, then the body. */
export function readContentFile(file: string, bytes: Uint8Array): SourceFile {
  const text = decodeText(bytes);
  if (text === undefined) {
    return failed(file, { message: "filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8" });
  }
  if (text.trim() === "") return failed(file, { line: 1, message: "filen är tom" });
  const lines = text.split("\n");
  if (lines[0]!.trimEnd() !== "---") {
    return failed(file, { line: 1, message: "filen ska börja med en rad med bara --- följd av fälten (front matter)" });
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  if (closing === -1) {
    return failed(file, { line: 1, message: "front matter saknar en avslutande rad med bara ---" });
  }
  // The front matter is the text between the --- lines, starting with the rest of the opening line
  // so that YAML line 1 is file line 1; the body is everything after the closing line. (gray-matter
  // splits the same way, but looks up every whole file in a cache of its own first, which cost
  // more than the splitting: 0.14 s of validating 4,000 files.)
  let closingStart = 0;
  for (let index = 0; index < closing; index++) closingStart += lines[index]!.length + 1;
  const yaml = parseYaml(file, text.slice(3, closingStart - 1), 0);
  const body = text.slice(closingStart + lines[closing]!.length + 1);
  return { file, data: yaml.data, body, bodyLine: closing + 2, errors: yaml.errors, locate: yaml.locate };
}

/** Reads a YAML data file such as `_data/site.yaml`. */
export function readYamlFile(file: string, bytes: Uint8Array): SourceFile {
  const text = decodeText(bytes);
  if (text === undefined) {
    return failed(file, { message: "filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8" });
  }
  if (text.trim() === "") return failed(file, { line: 1, message: "filen är tom" });
  const yaml = parseYaml(file, text, 0);
  return { file, data: yaml.data, body: "", bodyLine: 1, errors: yaml.errors, locate: yaml.locate };
}
