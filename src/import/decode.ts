/**
 * A page's bytes as text, by a real decoder (iconv-lite): Node 20's TextDecoder reads windows-1252's
 * 0x80–0x9F as control characters, so an en dash became U+0096 and "pågick 2006–2007" no period.
 *
 * The character set is taken as browsers take it (the WHATWG Encoding standard): a byte order mark,
 * else the HTTP answer's `charset`, else the page's `<meta charset>` or `http-equiv`; iso-8859-1 and
 * us-ascii are read as windows-1252. What is declared is then checked against the bytes, since old
 * sites often declare what they are not: a page said to be UTF-8 whose bytes are not is read as
 * windows-1252 (the UTF-8 in it kept), a page said to be iso-8859-1 whose bytes are UTF-8 as UTF-8.
 * Mojibake (UTF-8 once read as windows-1252 and saved again, "Ã¤" for "ä") is repaired where the
 * characters give valid UTF-8 back. Each of these is said in the report, in Swedish.
 */
import iconv from "iconv-lite";

export interface DecodedPage {
  readonly text: string;
  /** The encoding the page was read in: "utf-8", "windows-1252", or another iconv-lite knows. */
  readonly encoding: string;
  /** For the report: a declaration the bytes contradict, a guess, mojibake repaired. */
  readonly notes: readonly string[];
}

/** The labels browsers read as windows-1252 (WHATWG Encoding, "windows-1252"): Latin-1 and ASCII among them. */
const WINDOWS_1252_LABELS = new Set(
  "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252".split(" "),
);
const UTF8_LABELS = new Set("unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8".split(" "));

/** A declared label as the encoding it names, or undefined for one no decoder here knows. */
function encodingOfLabel(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return "windows-1252";
  if (UTF8_LABELS.has(name)) return "utf-8";
  return iconv.encodingExists(name) ? name : undefined;
}

/** How far into the page a `<meta charset>` is looked for: browsers look at the first 1024 bytes; old pages put comments first. */
const META_SCAN_BYTES = 4096;

interface Declared {
  readonly label: string;
  readonly where: string;
}

/** The character set the HTTP answer or the page declares, with where it was said. */
function declaredCharset(bytes: Uint8Array, contentType: string): Declared | undefined {
  const http = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (http) return { label: http, where: "i svaret från webbservern" };
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString("latin1");
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return meta ? { label: meta, where: "i sin meta-tagg" } : undefined;
}

/** Byte order marks, which browsers let decide over any declaration. */
const BOMS: readonly (readonly [readonly number[], string])[] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as UTF-8, or undefined where they are not valid UTF-8. */
function asUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes as windows-1252, as browsers read it: iconv-lite's table, with the five bytes it leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as the control characters of the same number, as the
 * WHATWG standard maps them, so that mojibake holding them ("â€\x9d" for "”") can be repaired.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = iconv.decode(Buffer.from(bytes), "windows-1252");
  // One character per byte: a character's index is its byte's.
  return text.replace(/\ufffd/g, (_, index: number) => String.fromCharCode(bytes[index]!));
}

/** The byte a windows-1252 character stands for, as a two-digit hex escape for a regular expression's class. */
const BYTE_OF = new Map<string, number>(Array.from({ length: 256 }, (_, byte) => [decodeWindows1252(Uint8Array.of(byte)), byte]));

/** Characters that stand for UTF-8 continuation bytes (0x80–0xBF) when UTF-8 was read as windows-1252 (or Latin-1). */
const CONTINUATION = [...BYTE_OF].filter(([, byte]) => byte >= 0x80 && byte <= 0xbf).map(([character]) => character);
const CONTINUATION_CLASS = `[${CONTINUATION.join("").replace(/[\]\\^-]/g, "\\$&")}\\u0080-\\u009f]`;

/** A UTF-8 sequence written in windows-1252 characters, by its lead: two-, three- and four-byte sequences. */
const sequencePattern = (leads2: string, leads3: string, leads4: string) =>
  new RegExp(`[${leads2}]${CONTINUATION_CLASS}|[${leads3}]${CONTINUATION_CLASS}{2}|[${leads4}]${CONTINUATION_CLASS}{3}`, "g");

/** Any UTF-8 sequence: for a page declared UTF-8 whose bytes were read as windows-1252 because some are not. */
const ANY_SEQUENCE = sequencePattern("\u00c2-\u00df", "\u00e0-\u00ef", "\u00f0-\u00f4");
/**
 * The sequences mojibake in a Nordic page is made of: "Ã" for å, ä, ö, é …, "Â" for a no-break
 * space, §, «, », and "â" for dashes, quotes, … and €. No Swedish word has "Ã" or "Â", nor "â"
 * before "€", so real text is not taken for mojibake.
 */
const MOJIBAKE = sequencePattern("\u00c2\u00c3", "\u00e2", "");

/** A repair: what the page had, what it became, how often. */
type Repairs = Map<string, { to: string; count: number }>;

/** Each match of `pattern` that gives valid UTF-8 back, as that text; counted by what it was. */
function restoreUtf8(text: string, pattern: RegExp): { text: string; repaired: Repairs } {
  const repaired: Repairs = new Map();
  const restored = text.replace(pattern, (run) => {
    const bytes = Uint8Array.from([...run].map((character) => BYTE_OF.get(character) ?? character.charCodeAt(0)));
    const decoded = asUtf8(bytes);
    if (decoded === undefined) return run;
    const seen = repaired.get(run) ?? repaired.set(run, { to: decoded, count: 0 }).get(run)!;
    seen.count++;
    return decoded;
  });
  return { text: restored, repaired };
}

const total = (repaired: Repairs) => [...repaired.values()].reduce((sum, { count }) => sum + count, 0);

/**
 * Text with mojibake repaired, twice-mangled text ("Ãƒâ€ž") too, with what was repaired and in how
 * many places, for the report.
 */
export function repairMojibake(text: string): { text: string; repaired: Repairs; places: number } {
  let current = text;
  const all: Repairs = new Map();
  let places = 0;
  // A twice-mangled character takes two rounds, and is one place.
  for (let round = 0; round < 3; round++) {
    const { text: restored, repaired } = restoreUtf8(current, MOJIBAKE);
    if (repaired.size === 0) break;
    if (round === 0) places = total(repaired);
    for (const [from, { to, count }] of repaired) {
      const seen = all.get(from) ?? all.set(from, { to, count: 0 }).get(from)!;
      seen.count += count;
    }
    current = restored;
  }
  return { text: current, repaired: all, places };
}

const printable = (text: string) => text.replace(/[\u0080-\u009f]/g, (character) => `\\x${character.charCodeAt(0).toString(16)}`).replace(/\u00a0/g, "\\u00a0");

/** "”Ã¤” blev ”ä” 12 gånger, …": the commonest repairs first. */
function describeRepairs(repaired: Repairs): string {
  const commonest = [...repaired].sort((a, b) => b[1].count - a[1].count).slice(0, 5);
  const listed = commonest.map(([from, { to, count }]) => `”${printable(from)}” blev ”${printable(to)}”${count > 1 ? ` ${count} gånger` : ""}`);
  return `${listed.join(", ")}${repaired.size > commonest.length ? " med flera" : ""}`;
}

const OLD_PAGES = "den kodning gamla svenska sidor brukar ha; kontrollera å, ä, ö och tankstreck";

/** Whether the bytes hold any character outside ASCII. */
const hasNonAscii = (bytes: Uint8Array) => bytes.some((byte) => byte >= 0x80);

/** Reads a page's bytes as text, by its byte order mark, the HTTP answer's content type or its own declaration, checked against its bytes. */
export function decodePage(bytes: Uint8Array, contentType = ""): DecodedPage {
  const notes: string[] = [];
  const bom = BOMS.find(([mark]) => mark.every((byte, index) => bytes[index] === byte));
  let text: string;
  let encoding: string;
  if (bom) {
    encoding = bom[1];
    text = iconv.decode(Buffer.from(bytes), encoding);
  } else {
    const declared = declaredCharset(bytes, contentType);
    const named = declared && encodingOfLabel(declared.label);
    if (declared && !named) notes.push(`sidan anger teckenkodningen ${declared.label} ${declared.where}, som importen inte känner till; den lästes efter sina tecken`);
    const utf8 = asUtf8(bytes);
    if (named === "utf-8" || (!named && utf8 !== undefined)) {
      encoding = "utf-8";
      if (utf8 !== undefined) text = utf8;
      else {
        // Some bytes are windows-1252 (a word pasted from an old page, or the whole page): those are read as such, the UTF-8 as UTF-8.
        const { text: restored, repaired } = restoreUtf8(decodeWindows1252(bytes), ANY_SEQUENCE);
        text = restored;
        encoding = total(repaired) > 0 ? "utf-8" : "windows-1252";
        notes.push(
          `sidan anger teckenkodningen ${declared!.label} ${declared!.where}, men är inte skriven i UTF-8: ${total(repaired) > 0 ? "tecknen som inte är UTF-8 lästes" : "den lästes"} som windows-1252, ${OLD_PAGES}`,
        );
      }
    } else if (named === "windows-1252" && utf8 !== undefined && hasNonAscii(bytes)) {
      encoding = "utf-8";
      text = utf8;
      notes.push(`sidan anger teckenkodningen ${declared!.label} ${declared!.where}, men är skriven i UTF-8 (å, ä och ö är två byte var); den lästes som UTF-8`);
    } else {
      encoding = named ?? "windows-1252";
      text = encoding === "windows-1252" ? decodeWindows1252(bytes) : iconv.decode(Buffer.from(bytes), encoding);
      if (!declared) notes.push(`sidan anger ingen teckenkodning och är inte skriven i UTF-8; den lästes som windows-1252, ${OLD_PAGES}`);
    }
  }
  const { text: repairedText, repaired, places } = repairMojibake(text);
  if (places > 0) {
    notes.push(
      `${places} ${places === 1 ? "ställe" : "ställen"} med trasiga tecken lagades (${describeRepairs(repaired)}): texten hade en gång sparats som UTF-8 men lästs som windows-1252; kontrollera att orden blev rätt`,
    );
  }
  return { text: repairedText, encoding, notes };
}
