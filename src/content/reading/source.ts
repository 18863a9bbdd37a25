import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import { formatFieldPath, type ContentError } from "../model/errors.ts";
import { closingAdvice, diagnoseYamlError, slipsInValidYaml } from "./yaml-slips.ts";
import { describeInvisibleCharacter, firstInvisibleCharacter, hasInvisibleCharacter, INVISIBLE_CHARACTER } from "../../format/invisible-characters.ts";

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
  /**
   * The line of a field, or of the nearest enclosing field that exists. A missing top-level field
   * is placed where it would be added: the closing --- of front matter, or the end of a YAML file.
   */
  locate(fieldPath: readonly PropertyKey[]): number | undefined;
  /** The text of a line of the file (1-based), as it is written there. */
  lineText(line: number): string | undefined;
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

const ENCODING_MESSAGE = "filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8";

/**
 * UTF-16, with or without a byte-order mark, as Windows programs save "Unicode": every other byte
 * of its first characters is 0, which UTF-8 would read as valid text full of NULs.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  if (sample.length < 4) return false;
  const zerosAt = (parity: number) => sample.filter((byte, index) => index % 2 === parity && byte === 0).length;
  return Math.max(zerosAt(0), zerosAt(1)) >= Math.floor(sample.length / 2) - 1;
}

/** Decodes UTF-8 (a byte-order mark is dropped) and normalises CRLF and CR line endings; or says why not. */
function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (isUtf16(bytes)) return { error: "filen är sparad som UTF-16 (i Windows kallat Unicode); spara om den med teckenkodningen UTF-8" };
  try {
    return { text: utf8.decode(bytes).replace(/\r\n?/g, "\n") };
  } catch {
    return { error: ENCODING_MESSAGE };
  }
}

/**
 * One error per line holding a control character: Word's line break (U+000B) pasted into a
 * summary makes the feed ill-formed XML, and a NUL would reach the page. They are refused, not
 * removed, so that the file says what the site shows.
 */
function controlCharacterErrors(file: string, text: string): ContentError[] {
  // Most files have none: one scan of the whole text, and the lines only when it finds one.
  if (!hasInvisibleCharacter(text)) return [];
  const errors: ContentError[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    const found = [...line.matchAll(INVISIBLE_CHARACTER)];
    if (found.length === 0) continue;
    const what = describeInvisibleCharacter(found[0]![0]);
    const column = found[0]!.index! + 1;
    const before = line.slice(Math.max(0, column - 21), column - 1).replace(INVISIBLE_CHARACTER, "").trim();
    const more = found.length > 1 ? ` (och ${found.length - 1} till på raden)` : "";
    errors.push({
      file,
      line: index + 1,
      message: `raden har ett osynligt styrtecken (${what}) i kolumn ${column}${before ? `, efter "${before}"` : ""}${more}; ta bort det, till exempel genom att skriva om texten runt det`,
    });
  }
  return errors;
}

/**
 * The same characters written as YAML escapes ("Region\u202e Dalarna" in double quotes), which a
 * line scan cannot see: one error per field whose text holds one. Read only when the YAML has a
 * backslash, and without recursion, so that no nesting can overflow the stack.
 */
function escapedInvisibleErrors(file: string, yamlText: string, data: unknown, locate: SourceFile["locate"], lineErrors: readonly ContentError[]): ContentError[] {
  if (!yamlText.includes("\\") || data === undefined) return [];
  const reported = new Set(lineErrors.map((error) => error.line));
  const errors: ContentError[] = [];
  const pending: [unknown, PropertyKey[]][] = [[data, []]];
  while (pending.length > 0 && errors.length < 10) {
    const [value, at] = pending.pop()!;
    if (typeof value === "string") {
      const found = firstInvisibleCharacter(value);
      const line = found ? locate(at) : undefined;
      if (found && !reported.has(line)) {
        errors.push({ file, ...lineOf(line), field: formatFieldPath(at), message: `texten har ett osynligt styrtecken (${describeInvisibleCharacter(found[0])}), skrivet som en kod med \\; ta bort det` });
      }
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) pending.push([child, [...at, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return errors;
}

const lineOf = (line: number | undefined) => (line === undefined ? {} : { line });

function failed(file: string, error: Omit<ContentError, "file">): SourceFile {
  return { file, data: undefined, body: "", bodyLine: 1, errors: [{ file, ...error }], locate: () => undefined, lineText: () => undefined };
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
function yamlErrors(file: string, yamlText: string, document: Document, yamlLineAt: (offset: number) => number, lineOffset: number): (ContentError & { fix?: string })[] {
  const lines = yamlText.split("\n");
  const byLine = new Map<number, Omit<ContentError, "file" | "line"> & { fix?: string }>();
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
      if (diagnosis?.fix !== undefined && !byLine.has(line)) {
        byLine.set(line, { ...(field ? { field } : {}), message, fix: diagnosis.fix });
        continue;
      }
    }
    if (!byLine.has(line)) byLine.set(line, field ? { field, message } : { message });
  }
  return [...byLine].map(([line, error]) => ({ file, line: line + lineOffset, ...error }));
}

/** At most this many slips are corrected one after another in one file before the rest is reported as found. */
const MAX_CORRECTIONS = 20;

/**
 * The errors of a YAML text whose slips have corrected lines, without the errors that only follow
 * from a slip: a no-break space before one list item made the eleven lines after it unreadable, and
 * the advice for those lines would have turned every partner into a string. The first slip with a
 * corrected line is put into a copy of the text, which is parsed again; then the next, and so on.
 * Each slip is reported once, on its own line, with its corrected line; what the corrected text
 * still gets wrong is reported as found there. A correction that does not mend its own line is not
 * offered.
 */
function withoutFollowOnErrors(file: string, yamlText: string, first: (ContentError & { fix?: string })[], lineOffset: number): ContentError[] {
  if (!first.some((error) => error.fix !== undefined)) return first;
  const { LineCounter, parseDocument } = yaml();
  const lines = yamlText.split("\n");
  const corrected: ContentError[] = [];
  let errors = first;
  for (let round = 0; round < MAX_CORRECTIONS; round++) {
    const slip = errors.find((error) => error.fix !== undefined);
    if (!slip) break;
    lines[slip.line! - lineOffset - 1] = slip.fix!;
    const text = lines.join("\n");
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    errors = yamlErrors(file, text, document, (offset) => lineCounter.linePos(offset).line, lineOffset);
    if (!errors.some((error) => error.line === slip.line)) corrected.push(slip);
  }
  return [...corrected, ...errors].map(({ fix: _fix, ...error }: ContentError & { fix?: string }) => error).sort((a, b) => a.line! - b.line!);
}

/**
 * Parses YAML text whose first line is `lineOffset` + 1 in the file, and after which a missing
 * top-level field would be added on `endLine`. The fast path is js-yaml with the YAML 1.2 core
 * schema (dates stay text); the slower `yaml` package, which keeps positions, runs only when there
 * is an error to place on a line.
 */
function parseYaml(file: string, yamlText: string, lineOffset: number, endLine: number) {
  const anchors = ANCHOR_HINT.test(yamlText) ? anchorErrors(file, yamlText, lineOffset) : [];
  if (anchors.length > 0) return { data: undefined, errors: anchors, locate: () => undefined };
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return parseYamlWithPositions(file, yamlText, lineOffset, endLine);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return parseYamlWithPositions(file, yamlText, lineOffset, endLine);
  // YAML that parsed can still hold a slip that changes the text (yaml-slips.ts).
  const slips = slipsInValidYaml(yamlText, yaml);
  if (slips.length > 0) {
    const errors = slips.map((slip): ContentError => ({ file, line: slip.line + lineOffset, ...(slip.field ? { field: slip.field } : {}), message: slip.message }));
    return { data, errors, locate: () => undefined };
  }
  let positioned: ReturnType<typeof parseYamlWithPositions> | undefined;
  const locate = (fieldPath: readonly PropertyKey[]) => (positioned ??= parseYamlWithPositions(file, yamlText, lineOffset, endLine)).locate(fieldPath);
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
function parseYamlWithPositions(file: string, yamlText: string, lineOffset: number, endLine: number) {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlLineAt = (offset: number) => lineCounter.linePos(offset).line;
  const lineAt = (offset: number) => yamlLineAt(offset) + lineOffset;
  const errors = withoutFollowOnErrors(file, yamlText, yamlErrors(file, yamlText, document, yamlLineAt, lineOffset), lineOffset);
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
  return { data, errors, locate: (fieldPath: readonly PropertyKey[]) => locateField(document, fieldPath, lineAt, endLine) };
}

/**
 * Walks the YAML tree along a field path and returns the line of the deepest part that exists. A
 * top-level field that is not there at all gets `endLine`, where it would be added, rather than the
 * line of whichever field happens to come first.
 */
function locateField(
  document: Document,
  fieldPath: readonly PropertyKey[],
  lineAt: (offset: number) => number,
  endLine: number,
): number | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = document.contents;
  let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : undefined;
  for (const [depth, part] of fieldPath.entries()) {
    if (isMap(node) || (depth === 0 && node == null)) {
      const pair = isMap(node) ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part)) : undefined;
      if (!pair) return depth === 0 ? endLine : line;
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
  const decoded = decodeText(bytes);
  if ("error" in decoded) return failed(file, { message: decoded.error });
  const { text } = decoded;
  if (text.trim() === "") return failed(file, { line: 1, message: "filen är tom" });
  const lines = text.split("\n");
  if (lines[0]!.trimEnd() !== "---") {
    return failed(file, { line: 1, message: "filen ska börja med en rad med bara --- följd av fälten (front matter)" });
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === "---");
  if (closing === -1) {
    return failed(file, { line: 1, message: "front matter saknar en avslutande rad med bara ---" });
  }
  // gray-matter reads the front matter, with this module's YAML reader as its engine: js-yaml's
  // YAML 1.2 core schema (dates stay text), and lines counted from the file's first line, since the
  // front matter it gives starts with the rest of the opening --- line. The body is everything after
  // the closing line, so that its lines are counted from the line after it.
  let closingStart = 0;
  for (let index = 0; index < closing; index++) closingStart += lines[index]!.length + 1;
  let yaml: ReturnType<typeof parseYaml> | undefined;
  const split = matter(text, { engines: { yaml: { parse: (frontMatter: string) => ((yaml = parseYaml(file, frontMatter, 0, closing + 1)), {}) } } });
  if (split.matter.length !== closingStart - 4) {
    // gray-matter ends the front matter at the first line that starts with ---, such as ----.
    const early = split.matter.split("\n").length + 1;
    return failed(file, { line: early, message: "raden börjar med --- men är inte den rad med bara --- som avslutar fälten; ta bort strecken eller sätt citattecken runt texten" });
  }
  // A front matter of only comments is not given to the engine.
  yaml ??= parseYaml(file, split.matter, 0, closing + 1);
  const body = text.slice(closingStart + lines[closing]!.length + 1);
  const lineErrors = controlCharacterErrors(file, text);
  const errors = [...lineErrors, ...yaml.errors, ...escapedInvisibleErrors(file, split.matter, yaml.data, yaml.locate, lineErrors)];
  return { file, data: yaml.data, body, bodyLine: closing + 2, errors, locate: yaml.locate, lineText: (line) => lines[line - 1] };
}

/** Reads a YAML data file such as `_data/site.yaml`. */
export function readYamlFile(file: string, bytes: Uint8Array): SourceFile {
  const decoded = decodeText(bytes);
  if ("error" in decoded) return failed(file, { message: decoded.error });
  const { text } = decoded;
  if (text.trim() === "") return failed(file, { line: 1, message: "filen är tom" });
  const lines = text.split("\n");
  // A field is added after the last line; a file that ends with a line break has an empty line there.
  const yaml = parseYaml(file, text, 0, text.endsWith("\n") ? lines.length : lines.length + 1);
  const lineErrors = controlCharacterErrors(file, text);
  const errors = [...lineErrors, ...yaml.errors, ...escapedInvisibleErrors(file, text, yaml.data, yaml.locate, lineErrors)];
  return { file, data: yaml.data, body: "", bodyLine: 1, errors, locate: yaml.locate, lineText: (line) => lines[line - 1] };
}
