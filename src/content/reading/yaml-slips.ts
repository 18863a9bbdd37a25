/**
 * The slips people make in hand-written YAML, and what to write instead. One place for every rule,
 * used for front matter and site.yaml alike (source.ts), so that `check`, the build, the preview's
 * error page and `--format github` all say the same.
 *
 * Two kinds of slip:
 * - YAML that parses, but not into what the editor wrote: text after ` #` is a comment and is lost;
 *   a list item indented one space too far is folded into the item above; a list line without a
 *   space after `-` is text; typographic quotes are part of the text. These are found by
 *   {@link slipsInValidYaml}, which reads the file's lines first and parses positions only when a
 *   line looks like one of them.
 * - YAML that does not parse, where the parser's own words point the wrong way: a colon and a space
 *   inside a value, a no-break space or a tab in the indentation, an unclosed quote, a key written
 *   twice. {@link diagnoseYamlError} names the real cause from the line.
 *
 * Each message says what happened and, where one can be made, gives the corrected line.
 */
import { codePoint } from "../../format/invisible-characters.ts";
import type { Document, Node, Scalar } from "yaml";
import { formatFieldPath } from "../model/errors.ts";

/** A slip on a line of the YAML text (1-based), with the field where one is known. */
export interface Slip {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
  /** The whole corrected line, indentation included, where the message gives one: source.ts puts it in and parses again. */
  readonly fix?: string;
}

/** Spaces that look like a space but are not one to YAML: no-break, thin, zero-width, ideographic. */
const UNUSUAL_SPACES = "\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF";
const UNUSUAL_SPACE = new RegExp(`[${UNUSUAL_SPACES}]`);
const UNUSUAL_INDENT = new RegExp(`^[ \\t]*[${UNUSUAL_SPACES}]`);
/** The indentation of a line, unusual spaces included. */
const ANY_INDENT = new RegExp(`^[ \\t${UNUSUAL_SPACES}]*`);
const SPACE_NAMES: Record<string, string> = { "\u00A0": "ett hårt mellanslag (U+00A0)", "\u200B": "ett osynligt mellanslag (U+200B)", "\uFEFF": "ett osynligt tecken (U+FEFF)" };

/** Opening and closing quotes of Swedish, English and German typography, which YAML reads as text. */
const TYPOGRAPHIC_QUOTES = "”“„‟«»";

// Cheap tests on the lines, so that a file without any of these slips is never parsed a second time.
/**
 * A typographic quote, later on the line another one that ends the line's value (then only spaces,
 * a comment, or the end of a [ ] or { } item). Quotes inside running text, ”so” common in Swedish,
 * do not match.
 */
const TYPOGRAPHIC_QUOTE_HINT = new RegExp(`[${TYPOGRAPHIC_QUOTES}][^\\n]*[${TYPOGRAPHIC_QUOTES}][ \\t]*(?:$|#|[,\\]}])`, "m");
/** Whitespace then # on a line that is not a comment of its own. */
const TRAILING_COMMENT_HINT = /^(?![ \t]*#).*[ \t]#/m;
/** `- text` or `key: text`, then a line indented further that starts with `- `. */
const FOLDED_ITEM_HINT = /^([ \t]*)(?:- |[^\s#-][^\n]*?:[ \t]+)[^\s#][^\n]*\n\1[ \t]+- /m;
/** `-text` at the start of a line (not `---` or a negative number). */
const NO_SPACE_ITEM = /^[ \t]*-[^\s\d-]/;
const NO_SPACE_HINT = new RegExp(NO_SPACE_ITEM.source, "m");
/** A list item: `- ` at the start of a line. */
const LIST_ITEM = /^[ \t]*- /;

/** The start of a long text, for a message: "Stödja och stärka lokala nätverk - Utveckla …". */
const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()} …` : text);

/**
 * A value as YAML writes it in double quotes, which keep every character as text: `#`, `: `,
 * quotes of any kind, a leading `- `. `npm run new` writes names this way, and every corrected
 * line below uses it.
 */
export const doubleQuoted = (text: string) => JSON.stringify(text);

/** "2 mellanslag". */
const spaces = (count: number) => `${count} mellanslag`;

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/** A line whose value is put in double quotes: `title: Vinna #2` → `title: "Vinna #2"`. */
function withQuotedValue(line: string, valueStart: number, value: string): string {
  return `${line.slice(0, valueStart).trimStart()}${doubleQuoted(value)}`;
}

/** Where a line's value starts: after `key: ` or `- `, or undefined. */
function valueStartOf(line: string): number | undefined {
  const item = /^[ \t]*- +/.exec(line);
  if (item) return item[0].length;
  const pair = /^[ \t]*[^\s#"'][^:]*?:[ \t]+/.exec(line);
  return pair ? pair[0].length : undefined;
}

/** Unusual spaces at the start of a line, which the parser sees as text, not indentation. */
function unusualIndentSlip(line: string, lineNumber: number): Slip | undefined {
  if (!UNUSUAL_INDENT.test(line)) return undefined;
  const character = UNUSUAL_SPACE.exec(line)![0];
  const name = SPACE_NAMES[character] ?? `ett ovanligt mellanslag (${codePoint(character)})`;
  const fixed = line.replace(ANY_INDENT, (indent) => " ".repeat([...indent].filter((c) => c !== "\u200B" && c !== "\uFEFF").length));
  return {
    line: lineNumber,
    fix: fixed,
    message: `raden börjar med ${name}, som ofta följer med text som klistras in från Word eller en webbsida; byt det mot vanliga mellanslag och skriv raden med ${spaces(indentOf(fixed))} först: ${fixed.trim()}`,
  };
}

/** A list line written `-text`, which YAML reads as text rather than as an item. */
function noSpaceAfterDashSlip(line: string, lineNumber: number, field?: string): Slip {
  const fixed = line.replace(/^([ \t]*)-/, "$1- ");
  return { line: lineNumber, fix: fixed, ...(field ? { field } : {}), message: `listpunkten saknar mellanslag efter -, så den läses som text och inte som en punkt i listan; skriv raden så här: ${fixed.trim()}` };
}

/** The `yaml` package, passed in by source.ts, which loads it only when it is needed. */
type YamlPackage = typeof import("yaml");

/** The dotted field path of a node, from the ancestors `visit` gives. */
function fieldOf(yaml: YamlPackage, path: readonly unknown[], node: Node): string {
  const parts: PropertyKey[] = [];
  const chain = [...path, node];
  chain.forEach((ancestor, index) => {
    const next = chain[index + 1];
    if (yaml.isPair(ancestor)) parts.push(String(yaml.isScalar(ancestor.key) ? ancestor.key.value : ancestor.key));
    else if (yaml.isSeq(ancestor) && next !== undefined) parts.push(ancestor.items.indexOf(next as never));
  });
  return formatFieldPath(parts);
}

/**
 * Slips in YAML that parsed: each changes what the site shows, without an error from YAML. Returns
 * nothing, without parsing again, for a text that has no line like any of them.
 */
export function slipsInValidYaml(text: string, yaml: () => YamlPackage): Slip[] {
  const oddSpace = UNUSUAL_SPACE.test(text);
  const suspect = TRAILING_COMMENT_HINT.test(text) || FOLDED_ITEM_HINT.test(text) || NO_SPACE_HINT.test(text) || TYPOGRAPHIC_QUOTE_HINT.test(text);
  if (!oddSpace && !suspect) return [];
  const lines = text.split("\n");
  const slips: Slip[] = [];
  if (oddSpace) {
    lines.forEach((line, index) => {
      const slip = unusualIndentSlip(line, index + 1);
      if (slip) slips.push(slip);
    });
  }
  if (!suspect) return slips;

  const yamlPackage = yaml();
  const lineCounter = new yamlPackage.LineCounter();
  const document = yamlPackage.parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  yamlPackage.visit(document as Document, {
    Scalar(key, node: Scalar, path) {
      if (key === "key" || node.type !== "PLAIN" || !node.range) return;
      const [start, valueEnd] = node.range;
      const field = fieldOf(yamlPackage, path, node);
      const value = String(node.value);
      const first = lineOf(start);
      const last = lineOf(Math.max(start, valueEnd - 1));
      const firstLine = lines[first - 1]!;
      const valueStart = valueStartOf(firstLine);

      // Text after " #" on the value's last line is a comment, and is lost.
      const lastLine = lines[last - 1]!;
      const endColumn = valueEnd - lineCounter.lineStarts[last - 1]!;
      const comment = /^[ \t]+#(.*)$/.exec(lastLine.slice(endColumn));
      if (comment) {
        const lost = `texten efter # räknas som en kommentar och kommer inte med på sidan ("#${comment[1]!.trimEnd()}")`;
        const fix =
          first === last && valueStart !== undefined
            ? `sätt citattecken runt hela värdet och skriv raden så här: ${withQuotedValue(firstLine, valueStart, `${value} #${comment[1]}`.trimEnd())}`
            : "sätt citattecken runt värdet";
        slips.push({ line: last, field, message: `${lost}; ${fix}` });
      }

      // A line of the value that starts with "- " is a list item folded into the one above.
      const folded = LIST_ITEM.test(firstLine)
        ? (text: string) =>
            `listpunkten är indragen mer än punkten ovanför och blir en del av den ("${shortened(value)}"); dra in alla punkter lika mycket och skriv raden med ${spaces(indentOf(firstLine))} först: ${text.trim()}`
        : () => "raden börjar med - men blir en fortsättning på texten ovanför; en lista skrivs under ett eget fältnamn, med punkterna på raderna under det";
      for (let line = first + 1; line <= last; line++) {
        const text = lines[line - 1]!;
        if (LIST_ITEM.test(text)) slips.push({ line, field, message: folded(text) });
      }

      // "-text" lines: text, not list items
      for (let line = first; line <= last; line++) {
        const text = lines[line - 1]!;
        if (NO_SPACE_ITEM.test(text)) slips.push(noSpaceAfterDashSlip(text, line, field));
      }

      // ”Vinna Vinna”: typographic quotes are text to YAML
      if (valueStart !== undefined && first === last && value.length > 1 && TYPOGRAPHIC_QUOTES.includes(value[0]!) && TYPOGRAPHIC_QUOTES.includes(value.at(-1)!)) {
        slips.push({ line: first, field, message: typographicQuoteMessage(firstLine, valueStart, value.slice(1, -1)) });
      }
    },
  });
  return slips.sort((a, b) => a.line - b.line);
}

function typographicQuoteMessage(line: string, valueStart: number, inner: string): string {
  return `typografiska citattecken (” “ „) räknas som en del av texten i YAML; skriv raka citattecken (") och raden så här: ${withQuotedValue(line, valueStart, inner)}`;
}

/** The parser's error, with the code and line the `yaml` package gave. */
interface YamlError {
  readonly code: string;
  /** 1-based line in the YAML text. */
  readonly line: number;
}

/**
 * The real cause of a YAML error, from the line it is on (or the line above, where the parser
 * noticed late), with the corrected line; undefined when none of the known slips fits.
 */
export function diagnoseYamlError(lines: readonly string[], error: YamlError): Slip | undefined {
  const line = lines[error.line - 1] ?? "";
  const above = lines[error.line - 2];
  for (const [text, number] of [[line, error.line], [above, error.line - 1]] as const) {
    const slip = text === undefined ? undefined : unusualIndentSlip(text, number);
    if (slip) return slip;
  }
  if (error.code === "TAB_AS_INDENT" || /^[ ]*\t/.test(line)) {
    const fixed = line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, "  "));
    return { line: error.line, fix: fixed, message: `tabbtecken får inte användas för indrag i YAML; använd mellanslag och skriv raden med ${spaces(indentOf(fixed))} först: ${fixed.trim()}` };
  }
  if (error.code === "DUPLICATE_KEY") {
    const key = /^[ \t]*(?:- )?([^\s:#][^:]*?):/.exec(line)?.[1];
    const indent = indentOf(line);
    const earlier = key === undefined ? -1 : lines.findIndex((candidate, index) => index < error.line - 1 && indentOf(candidate) === indent && candidate.trimStart().startsWith(`${key}:`));
    return {
      line: error.line,
      ...(key ? { field: key } : {}),
      message: earlier >= 0 ? `fältet ${key} står redan på rad ${earlier + 1}; ta bort den ena raden` : "samma fält står två gånger; ta bort den ena raden",
    };
  }
  if (NO_SPACE_ITEM.test(line)) return noSpaceAfterDashSlip(line, error.line);
  const valueStart = valueStartOf(line);
  if (valueStart !== undefined) {
    const value = line.slice(valueStart).trimEnd();
    if (TYPOGRAPHIC_QUOTES.includes(value[0] ?? "")) {
      const closing = TYPOGRAPHIC_QUOTES.includes(value.at(-1)!) ? value.slice(1, -1) : value.slice(1);
      return { line: error.line, fix: `${line.slice(0, indentOf(line))}${withQuotedValue(line, valueStart, closing)}`, message: typographicQuoteMessage(line, valueStart, closing) };
    }
    if (/: /.test(value) && !/^["'[{|>]/.test(value)) {
      return {
        line: error.line,
        fix: `${line.slice(0, indentOf(line))}${withQuotedValue(line, valueStart, value)}`,
        message: `värdet innehåller kolon följt av mellanslag (": "), som YAML läser som ett nytt fältnamn; sätt citattecken runt värdet och skriv raden så här: ${withQuotedValue(line, valueStart, value)}`,
      };
    }
  }
  return undefined;
}

/**
 * A text that YAML split at ": " into a field and a value, where the schema wanted text: `- Mål:
 * läsa mer` reads as { Mål: "läsa mer" }. Returns the message with the corrected line, or undefined
 * when the value is not such a split.
 */
export function colonSplitMessage(value: unknown, inList: boolean, key?: string): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1 || typeof entries[0]![1] === "object") return undefined;
  const text = `${entries[0]![0]}: ${String(entries[0]![1])}`;
  const line = inList ? `- ${doubleQuoted(text)}` : `${key}: ${doubleQuoted(text)}`;
  return `texten innehåller kolon följt av mellanslag (": "), som YAML läser som ett fältnamn och ett värde; sätt citattecken runt texten och skriv raden så här: ${line}`;
}

/** Spaces in a number as people write it: ordinary, no-break and narrow no-break. */
const NUMBER_SPACES = /[ \u00A0\u202F]/g;
/** A currency after an amount, as it is often written along with it: "450 000 kr", "1 250 000 €". */
const AMOUNT_UNIT = /\s*(?:kr|kronor|sek|eur|euro|€|nok|dkk|:-)\.?$/i;

/**
 * A value YAML read as another type than the field takes, and the corrected line: a number where
 * text was wanted (`caseNumber: 20357823` → `caseNumber: "20357823"`, quoted as written, so that
 * 0123 keeps its zero), or text where a number was wanted (`amount: 480 000` → `amount: 480000`,
 * `1 250 000,50` → `1250000.50`). `line` is the field's line in the file, `key` the field's name
 * or undefined for an item of a list. Returns the advice to put after the message, or undefined
 * when the line is not a plain `key: value` or `- value` or no corrected line can be made.
 */
export function wrongTypeAdvice(line: string, expected: string, input: unknown, key: string | undefined): string | undefined {
  const start = key === undefined ? /^[ \t]*- +/.exec(line) : new RegExp(`^[ \\t]*(?:- +)?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:[ \\t]+`).exec(line);
  if (!start) return undefined;
  const written = line.slice(start[0].length).replace(/[ \t]+#.*$/, "").trimEnd();
  const head = line.slice(0, start[0].length).trimStart();
  if (expected === "string" && (typeof input === "number" || typeof input === "boolean") && !/^["'[{|>&*!]/.test(written)) {
    return `sätt citattecken runt värdet och skriv raden så här: ${head}${doubleQuoted(written)}`;
  }
  if (expected === "number" && typeof input === "string") {
    const number = input.trim().replace(AMOUNT_UNIT, "").replace(NUMBER_SPACES, "").replace(/,(\d{1,2})$/, ".$1");
    if (!/^\d+(?:\.\d+)?$/.test(number)) return undefined;
    return `skriv talet utan mellanslag${input.includes(",") ? ", med punkt före decimalerna," : ""} och utan citattecken, så här: ${head}${number}`;
  }
  return undefined;
}

/**
 * What to write for a quote or bracket left open on `line`: the line closed. A bracket that opens a
 * value may also have been meant as text, which is then quoted.
 */
export function closingAdvice(line: string, opener: string, closer: string): string {
  const closed = `skriv raden så här: ${line.trim()}${closer}`;
  const valueStart = valueStartOf(line);
  if (opener === '"' || opener === "'" || valueStart === undefined || !line.slice(valueStart).startsWith(opener)) return closed;
  return `${closed}, eller om det är text och inte en lista: ${withQuotedValue(line, valueStart, line.slice(valueStart).trimEnd())}`;
}
