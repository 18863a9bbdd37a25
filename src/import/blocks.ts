/**
 * Reads a page's HTML into a flat list of blocks (headings, paragraphs, lists, tables, pictures,
 * files), by the structure of the markup, not by its class names: every site names its own
 * paragraph and heading formats. Sitevision's portlets are told apart by the classes the system
 * itself gives them (`sv-file-portlet`, `sv-script-portlet`, …).
 *
 * The HTML of each block is rebuilt from an allow-list of elements with no attributes but a
 * checked `href`, so nothing of the page's own markup (scripts, event attributes, styles, frames,
 * forms) reaches a block. What is left out is recorded as dropped, with its text, for the report.
 */
import { NodeType, parse, type HTMLElement, type Node } from "node-html-parser";
import { DOCUMENT_FORMATS, PICTURE_EXTENSIONS } from "../content/files/attachments.ts";
import { escapeMarkup } from "../format/markup.ts";
import { normalWebAddress } from "../format/urls.ts";

/** Something of the page that is not carried over, and why. */
export interface Dropped {
  /** What it was, in Swedish: "skript", "navigation", "tabell". */
  readonly what: string;
  /** Its visible text (empty for scripts and styles), so that no word goes missing unreported. */
  readonly text: string;
  readonly reason: string;
  /** For a region of the page left out whole (a menu, a table, a frame): how many words its text has. */
  readonly words?: number;
}

/** The words of a text, as a reader counts them. */
export const wordsIn = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** A region of the page left out whole, with its word count, so that the report says how much went. */
export const droppedRegion = (what: string, text: string, reason: string): Dropped => ({ what, text, reason, words: wordsIn(text) });

/** A link of a block: the address as the page writes it, the absolute address where it can be made, and its text. */
export interface PageLink {
  readonly href: string;
  readonly url: string | undefined;
  readonly text: string;
}

/** A picture of the page: its address as written, and its text alternative where it has one. */
export interface PageImage {
  readonly src: string;
  readonly alt: string | undefined;
}

interface BlockBase {
  /** True for blocks inside the page's content area. */
  readonly inContent: boolean;
  /** What was removed from inside the block. */
  readonly dropped: readonly Dropped[];
  /** The landmark (header, main, aside, footer, section …) the block stands in, by number. */
  readonly landmark: number;
  /**
   * True inside a header or a footer (or role banner or contentinfo), or a table's header cell: the
   * frame around a text, never a section of a project's own (results are not read from it).
   */
  readonly frame?: boolean;
}

export type Block = BlockBase &
  (
    | { readonly kind: "heading"; readonly level: number; readonly text: string; readonly html: string; readonly links: readonly PageLink[] }
    /** `caption`: a picture's caption (`figcaption`, WordPress's `wp-caption-text`), never a summary. */
    | { readonly kind: "paragraph"; readonly html: string; readonly text: string; readonly lines: readonly string[]; readonly links: readonly PageLink[]; readonly caption?: boolean }
    | { readonly kind: "list"; readonly html: string; readonly text: string; readonly items: readonly ListItem[] }
    | { readonly kind: "table"; readonly rows: readonly (readonly string[])[]; readonly text: string; readonly items: readonly LinkedText[] }
    | { readonly kind: "other"; readonly html: string; readonly text: string }
    | { readonly kind: "rule" }
    | ({ readonly kind: "picture" } & PageImage)
    | { readonly kind: "file"; readonly href: string; readonly text: string }
    /** A whole element left out: only its `dropped` entry says what it was. */
    | { readonly kind: "removed" }
  );

/** A piece of a block's text with the links in it: a list's item, a table's row. */
export interface LinkedText {
  readonly text: string;
  readonly links: readonly PageLink[];
}

/** An item of a list block. */
export interface ListItem extends LinkedText {
  readonly html: string;
}

/**
 * How the content area was found: Sitevision's `.pagecontent`, `main`, the cell of a layout table
 * that holds the page's headings, or the whole body.
 */
export type ContentArea = "pagecontent" | "main" | "cell" | "body";

/** The page as blocks, with what the reader found out about the page itself. */
export interface PageBlocks {
  readonly blocks: readonly Block[];
  readonly contentArea: ContentArea;
  readonly sitevision: boolean;
  /** `<title>`, and the site's name from `og:site_name`. */
  readonly title: string;
  readonly siteName: string | undefined;
  /** The page's own address, where the page says it: a browser's "saved from" note, canonical, og:url. */
  readonly address: string | undefined;
  /** What the page says it is about: its tags (WordPress's `rel="tag"` links) and keywords (`<meta name="keywords">`, Sitevision's "Nyckelord"). */
  readonly tags: readonly string[];
}

/** Elements whose content is never carried over, with what they are called in the report. */
const DROPPED_ELEMENTS: ReadonlyMap<string, string> = new Map(Object.entries({
  script: "skript",
  style: "stilmall",
  template: "mall",
  noscript: "innehåll för webbläsare utan JavaScript",
  iframe: "inbäddad sida (iframe)",
  frame: "inbäddad sida (frame)",
  frameset: "inbäddad sida (frameset)",
  object: "inbäddat innehåll (object)",
  embed: "inbäddat innehåll (embed)",
  applet: "inbäddat innehåll (applet)",
  form: "formulär",
  input: "formulärfält",
  button: "knapp",
  select: "formulärfält",
  textarea: "formulärfält",
  svg: "SVG-grafik",
  math: "formel (MathML)",
  canvas: "grafik (canvas)",
  video: "video",
  audio: "ljud",
  dialog: "dialogruta",
}));

/** Elements whose text a visitor does not see. */
const INVISIBLE = new Set(["script", "style", "template", "head", "title", "meta", "link"]);

/** Inline elements: their text flows into the paragraph around them. */
const INLINE = new Set("a abbr b bdi bdo br button cite code data del dfn em font i img ins kbd label mark picture q s samp small source span strong sub sup time u var wbr".split(" "));

/**
 * A button that opens and closes a part of the page (an accordion's heading, Sitevision's
 * `env-collapse`): its label is the visible title of what it opens, so its text is read as text.
 */
const isToggle = (element: HTMLElement) =>
  element.hasAttribute("aria-expanded") || element.hasAttribute("aria-controls") || element.hasAttribute("data-env-collapse") || /collapse|accordion|toggle|expand/i.test(element.getAttribute("class") ?? "");

/** What an element left out whole is called in the report, or undefined for one that is read. */
function droppedKind(element: HTMLElement): string | undefined {
  const tag = tagOf(element);
  return tag === "button" && isToggle(element) ? undefined : DROPPED_ELEMENTS.get(tag);
}

/** Elements kept, without attributes, in a block's HTML. Anything else is replaced by its content. */
const KEPT = new Set("p ul ol li dl dt dd blockquote pre code strong b em i sub sup h1 h2 h3 h4 h5 h6".split(" "));

/** Line breaks and spaces at the edge of emphasis (`<strong><br>Name</strong>`, as hand-written markup has it). */
const EDGE = String.raw`(?:\s|<br>)+`;
const EMPHASIS_OPENED = new RegExp(`<(strong|b|em|i|code)>(${EDGE})`, "g");
const EMPHASIS_CLOSED = new RegExp(`(${EDGE})</(strong|b|em|i|code)>`, "g");
const AT_THE_ENDS = new RegExp(`^${EDGE}|${EDGE}$`, "g");

/**
 * Moves line breaks and spaces out of emphasis, drops empty emphasis and the breaks at the ends, so
 * that Markdown's `**` sits against the words it marks.
 */
function tidyInline(html: string): string {
  let tidied = html;
  for (let before = ""; before !== tidied; ) {
    before = tidied;
    tidied = tidied.replace(EMPHASIS_OPENED, "$2<$1>").replace(EMPHASIS_CLOSED, "</$2>$1").replace(/<(strong|b|em|i|code)><\/\1>/g, "");
  }
  return tidied.replace(AT_THE_ENDS, "");
}

/** Text with every run of white space, no-break spaces included, as one space. */
const normaliseSpace = (text: string) => text.replace(/[\s\u200b]+/g, " ").trim();

const isElement = (node: Node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE;
const tagOf = (element: HTMLElement) => (element.rawTagName ?? "").toLowerCase();

/** The text a visitor sees in nodes, except inside elements for which `skip` is true. */
function textOf(nodes: readonly Node[], skip: (element: HTMLElement) => boolean): string {
  let text = "";
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) text += node.text;
    else if (isElement(node)) {
      const tag = tagOf(node);
      if (INVISIBLE.has(tag) || skip(node)) return;
      if (tag === "br" || !INLINE.has(tag)) text += " ";
      node.childNodes.forEach(visit);
      if (!INLINE.has(tag)) text += " ";
    }
  };
  nodes.forEach(visit);
  return normaliseSpace(text);
}

/**
 * What a block shows: the text of nodes without the elements the block leaves out (a `noscript`,
 * a form), whose text the report lists as dropped. It never becomes a summary or a title.
 */
const visibleText = (nodes: readonly Node[], skip: (element: HTMLElement) => boolean = () => false) =>
  textOf(nodes, (element) => droppedKind(element) !== undefined || skip(element));

/** All the text of something left out whole, for the report's list of what was dropped. */
const droppedText = (nodes: readonly Node[]) => textOf(nodes, () => false);

/** The lines of nodes: a `<br>` or a block element starts a new line. Empty lines are left out, and so is what the block drops. */
function linesOf(nodes: readonly Node[]): string[] {
  const lines = [""];
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) lines[lines.length - 1] += node.text;
    else if (isElement(node)) {
      const tag = tagOf(node);
      if (INVISIBLE.has(tag) || droppedKind(node)) return;
      if (tag === "br") lines.push("");
      else if (INLINE.has(tag)) node.childNodes.forEach(visit);
      else {
        lines.push("");
        node.childNodes.forEach(visit);
        lines.push("");
      }
    }
  };
  nodes.forEach(visit);
  return lines.map(normaliseSpace).filter(Boolean);
}

/** An address's path in lower case, or "" when it is not an address. */
function pathOf(address: string): string {
  try {
    return decodeURIComponent(new URL(address, "http://sida.invalid/").pathname).toLowerCase();
  } catch {
    return "";
  }
}

const extensionOfAddress = (address: string) => /\.([a-z0-9]+)$/.exec(pathOf(address))?.[1] ?? "";

/** Programs and archives: linked as files, they are refused by name rather than kept as links. */
const REFUSED_FILES = new Set(["zip", "rar", "7z", "exe", "msi", "dmg", "apk", "bat", "cmd", "ps1", "js", "jar", "svg"]);

/** A link to a file rather than a page: Sitevision's /download/, or a document's, program's or archive's file name. */
function isDocumentAddress(address: string): boolean {
  const path = pathOf(address);
  const extension = extensionOfAddress(address);
  if (path.startsWith("/download/")) return true;
  if (PICTURE_EXTENSIONS.has(extension)) return false;
  return extension in DOCUMENT_FORMATS || REFUSED_FILES.has(extension);
}

/** A link to a page rather than to a file: no document, program, archive or picture. */
export const isPageAddress = (address: string) => !isDocumentAddress(address) && !PICTURE_EXTENSIONS.has(extensionOfAddress(address));

/** What is said after a file's link: "(pdf, 245 kB)", "PDF 1,2 MB". */
const FILE_INFORMATION = /^[([]?\s*(?:[a-z]{2,5}\s*[,-]?\s*)?(?:\d[\d\s,.]*\s*(?:byte|b|kb|mb|gb)\b)?\s*[)\]]?$/i;

/** A download button's words beside a file's link. */
const DOWNLOAD_WORDS = /^(?:ladda ne[rd]|hämta|öppna|download)(?:\s+(?:filen|dokumentet))?$/i;

/** A line of underscores, dashes or stars: a separator drawn with text, as on the reference page. */
const DRAWN_RULE = /^[_\-–—=*~·.\s]{5,}$/;

/** An old cookie notice: "Den här webbplatsen använder kakor". */
const COOKIE_NOTICE = /\banvänder\s+(?:kakor|cookies)\b/i;

/** The page's menus: Sitevision's menu, breadcrumb, tag cloud and search portlets, and any breadcrumbs. */
const MENU_CLASSES = /\b(?:sv-(?:menu|breadcrumbs?|tagcloud|search)[\w-]*|breadcrumbs?)\b/i;

/** Sitevision's link lists and related links: a project's documents or an index's pages inside the content area, a menu outside it. */
const LINK_LIST_CLASSES = /\bsv-(?:linklist|related)[\w-]*/i;

/**
 * Sitevision's portlets and other containers that are left out whole, by the class or role the
 * system gives them. A link list (`sv-linklist-portlet`, `sv-related-portlet`) is read inside the
 * content area, where it lists a project's documents or an index's pages, and is a menu outside it.
 */
function leftOutContainer(element: HTMLElement, inContent: boolean): Dropped | undefined {
  const classes = `${element.getAttribute("class") ?? ""} ${element.id}`;
  const tag = tagOf(element);
  const text = () => droppedText([element]);
  if (/\bsv-script-portlet\b/.test(classes)) return { what: "skriptportlet", text: "", reason: "skript hör till den gamla webbplatsen och tas aldrig med" };
  if (/\bsv-html-portlet\b/.test(classes)) {
    return droppedRegion("HTML-portlet", text(), "egen HTML går inte att flytta säkert; skriv in texten i brödtexten om den behövs");
  }
  if (/cookie|kakor/i.test(classes)) return droppedRegion("kakmeddelande", text(), "den nya webbplatsen frågar om samtycke på ett eget sätt (sidan Vad är kakor?)");
  if (tag === "nav" || element.getAttribute("role") === "navigation" || MENU_CLASSES.test(classes) || (!inContent && LINK_LIST_CLASSES.test(classes))) {
    return droppedRegion("navigation", text(), "menyer och länklistor hör till den gamla webbplatsen");
  }
  return undefined;
}

/** What a block is collected into, and how addresses are read. */
interface Walk {
  readonly blocks: Block[];
  readonly contentArea: HTMLElement;
  readonly inContent: boolean;
  /** The page's address, to make links absolute; relative links are left out without it. */
  readonly base: URL | undefined;
  readonly landmark: number;
  /** Numbers the landmarks of the page. */
  readonly landmarks: { count: number };
  /** Inside a header, a footer or a table's header cell. */
  readonly frame?: boolean;
}

/** A header or a footer, of the page or of an article, or a table's header cell: the frame around a text. */
const isFrame = (element: HTMLElement) => ["header", "footer", "th"].includes(tagOf(element)) || ["banner", "contentinfo"].includes(element.getAttribute("role") ?? "");

/** Elements that start a part of the page of their own: a contact block does not run on past one. */
const LANDMARKS = new Set(["header", "footer", "aside", "nav", "main", "section", "article"]);

/** A link's address made absolute against the page's, when it is an http(s) address a reader would take for one. */
function absoluteAddress(href: string, base: URL | undefined): string | undefined {
  if (/^https?:/i.test(href)) return normalWebAddress(href);
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The links in nodes, anchors (`#…`) left out. */
function linksIn(nodes: readonly Node[], base: URL | undefined): PageLink[] {
  const anchors = nodes.flatMap((node) => (isElement(node) ? (tagOf(node) === "a" ? [node] : node.querySelectorAll("a")) : []));
  return anchors.flatMap((anchor) => {
    const href = anchor.getAttribute("href")?.trim();
    return href && !href.startsWith("#") ? [{ href, url: absoluteAddress(href, base), text: visibleText([anchor]) }] : [];
  });
}

/** Rebuilds nodes as HTML from the allow-list, collecting pictures and what was left out. */
class Cleaner {
  readonly dropped: Dropped[] = [];
  readonly pictures: PageImage[] = [];
  /** Links to documents taken out of the HTML (in a table, they become the project's documents). */
  readonly documents: { href: string; text: string }[] = [];
  /** `documentsAsText`: a link to a document keeps only its text, and the link goes into {@link documents}. */
  constructor(
    private readonly base: URL | undefined,
    private readonly documentsAsText = false,
  ) {}

  nodes(nodes: readonly Node[]): string {
    return tidyInline(nodes.map((node) => this.node(node)).join(""));
  }

  private node(node: Node): string {
    if (node.nodeType === NodeType.TEXT_NODE) return escapeMarkup(node.text.replace(/\u00a0/g, " "));
    if (!isElement(node)) return "";
    const tag = tagOf(node);
    const dropped = droppedKind(node);
    if (dropped) {
      this.dropped.push(droppedElement(node, dropped));
      return "";
    }
    if (tag === "img") {
      const picture = pictureOf(node);
      if (picture && "src" in picture) this.pictures.push(picture);
      else if (picture) this.dropped.push(picture);
      return "";
    }
    if (tag === "br") return "<br>";
    const inner = this.nodes(node.childNodes);
    if (tag === "a") return this.link(node, inner);
    return KEPT.has(tag) ? `<${tag}>${inner}</${tag}>` : inner;
  }

  /** A link with an absolute http(s), mailto or tel address; any other keeps its text only. */
  private link(element: HTMLElement, inner: string): string {
    const href = element.getAttribute("href")?.trim();
    if (!href || href.startsWith("#")) return inner;
    // The URL parser reads "https:evil.example" as a path on the page's own site; a reader sees another host.
    if (/^https?:/i.test(href) && !normalWebAddress(href)) {
      this.dropped.push({ what: "länk", text: "", reason: `adressen ${href} är ingen fullständig webbadress (den ska börja med https:// och ett värdnamn); texten står kvar utan länk` });
      return inner;
    }
    if (this.documentsAsText && isDocumentAddress(href)) {
      this.documents.push({ href, text: visibleText([element]) });
      return inner;
    }
    let url: URL;
    try {
      url = new URL(href, this.base);
    } catch {
      this.dropped.push({ what: "länk", text: "", reason: `adressen ${href} går inte att göra fullständig utan sidans adress; texten står kvar utan länk` });
      return inner;
    }
    if (!["http:", "https:", "mailto:", "tel:"].includes(url.protocol)) {
      this.dropped.push({ what: "länk", text: "", reason: `länkar som börjar med ${url.protocol} tas inte med; texten står kvar utan länk` });
      return inner;
    }
    return `<a href="${escapeMarkup(url.href)}">${inner}</a>`;
  }
}

function droppedElement(element: HTMLElement, what: string): Dropped {
  const tag = tagOf(element);
  if (INVISIBLE.has(tag)) return { what, text: "", reason: "hör till den gamla webbplatsen och tas aldrig med" };
  return droppedRegion(what, droppedText(element.childNodes), "kan inte uttryckas i Markdown och tas inte med; lägg in innehållet på nytt om det behövs");
}

/** A spacer's file name, as old sites named the transparent GIFs that held their tables apart. */
const SPACER_NAME = /(?:^|\/)(?:spacer|space|blank|transp(?:arent)?|trans|clear|pixel|pix|dot|shim|spacer_?\w*|1x1|s)\.gif$/i;

/** Statistics services, whose pictures count visitors and show nothing. */
const STATISTICS_HOST = /(?:^|\.)(?:siteimproveanalytics\.(?:com|io)|siteimprove\.com|google-analytics\.com|googletagmanager\.com|doubleclick\.net|matomo\.cloud|piwik\.pro|stats?\.[\w.-]+|statistik\.[\w.-]+|analytics\.[\w.-]+|webstat\.[\w.-]+|counter\.[\w.-]+)$/i;
const STATISTICS_PATH = /(?:^|\/)(?:matomo|piwik)\.php$|\/(?:pixel|tracking|tracker|beacon|collect|counter|count|hit)(?:\.\w+|\/|$)/i;

/** A picture too small to see: spacers, and the 1 × 1 pictures that count visitors. */
const tiny = (element: HTMLElement) => {
  const size = (name: string) => Number.parseInt(element.getAttribute(name) ?? "", 10);
  const [width, height] = [size("width"), size("height")];
  return width <= 1 || height <= 1 || (width <= 2 && height <= 2);
};

/**
 * A picture's address and text alternative; pictures of the system itself (icons) are left out
 * silently, and spacers and statistics pictures left out and said so.
 */
function pictureOf(element: HTMLElement): PageImage | Dropped | undefined {
  const src = (element.getAttribute("src") || element.getAttribute("data-src") || "").trim();
  const path = pathOf(src);
  if (!src || path.startsWith("/sitevision/")) return undefined;
  let host = "";
  try {
    host = new URL(src, "http://sida.invalid/").hostname;
  } catch {
    host = "";
  }
  if (STATISTICS_HOST.test(host) || STATISTICS_PATH.test(path)) {
    return { what: "statistikbild", text: "", reason: `${src} räknar besökare åt en statistiktjänst och visar ingenting; den nya webbplatsen har ingen sådan` };
  }
  if (SPACER_NAME.test(path) || tiny(element)) {
    return { what: "distansbild", text: "", reason: `${src} är en genomskinlig eller mycket liten bild som bara höll isär den gamla sidans delar` };
  }
  const alt = element.getAttribute("alt");
  return { src, alt: alt === undefined ? undefined : normaliseSpace(alt) };
}

/**
 * The cell of a layout table that holds the page's content, on a page with no content area of its
 * own (old sites built of tables): the innermost cell with at least two thirds of the page's
 * headings. Undefined when the headings are not gathered in one cell.
 */
function contentCell(body: HTMLElement): HTMLElement | undefined {
  const headings = body.querySelectorAll("h1, h2, h3, h4, h5, h6");
  if (headings.length < 2) return undefined;
  const counts = new Map<HTMLElement, { headings: number; depth: number }>();
  for (const heading of headings) {
    const cells: HTMLElement[] = [];
    for (let parent = heading.parentNode; parent && parent !== body; parent = parent.parentNode) if (tagOf(parent) === "td" || tagOf(parent) === "th") cells.push(parent);
    cells.forEach((cell, index) => {
      const found = counts.get(cell) ?? counts.set(cell, { headings: 0, depth: cells.length - index }).get(cell)!;
      found.headings++;
    });
  }
  const enough = [...counts].filter(([, found]) => found.headings * 3 >= headings.length * 2);
  return enough.sort(([, a], [, b]) => b.depth - a.depth)[0]?.[0];
}

/** Reads the blocks of a page; `address` is the page's own, where known. */
export function readPageBlocks(html: string, address?: string): PageBlocks {
  const root = parse(html, { comment: true, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  if (deeperThan(root, MAX_DEPTH)) throw new UnreadablePage(`har element inuti varandra i fler än ${MAX_DEPTH} nivåer; så djupt är ingen vanlig webbsida byggd, och den läses inte`);
  const savedFrom = /saved from url=\(\d+\)(\S+)/.exec(root.childNodes.find((node) => node.nodeType === NodeType.COMMENT_NODE)?.rawText ?? "")?.[1];
  const meta = (selector: string, attribute = "content") => root.querySelector(selector)?.getAttribute(attribute)?.trim() || undefined;
  // The address the page gives itself only makes its links whole and names it in the report: nothing is fetched from it.
  const pageAddress = [address, savedFrom, meta('link[rel="canonical"]', "href"), meta('meta[property="og:url"]')].map((candidate) => candidate && normalWebAddress(candidate)).find(Boolean);
  const base = pageAddress ? new URL(pageAddress) : undefined;
  const body = root.querySelector("body") ?? root;
  const pagecontent = body.querySelector(".pagecontent");
  const main = pagecontent ?? body.querySelector("main") ?? body.querySelector('[role="main"]');
  const cell = main ? undefined : contentCell(body);
  const contentArea = main ?? cell ?? body;
  const blocks: Block[] = [];
  walk(body, { blocks, contentArea, inContent: contentArea === body, base, landmark: 0, landmarks: { count: 0 } });
  const generator = meta('meta[name="generator"]') ?? "";
  return {
    blocks,
    contentArea: pagecontent ? "pagecontent" : main ? "main" : cell ? "cell" : "body",
    sitevision: /sitevision/i.test(generator) || body.querySelector(".sv-layout, .sv-text-portlet, .sv-portlet") !== null,
    title: normaliseSpace(root.querySelector("title")?.text ?? ""),
    siteName: meta('meta[property="og:site_name"]') ?? meta('meta[name="og:site_name"]'),
    address: base?.href,
    tags: tagsOf(root),
  };
}

/** The page's tags and keywords, each once, in page order. */
function tagsOf(root: HTMLElement): string[] {
  const tags = root.querySelectorAll("a").filter((link) => /(?:^|\s)tag(?:\s|$)/i.test(link.getAttribute("rel") ?? "")).map((link) => normaliseSpace(link.text));
  const keywords = root.querySelectorAll("meta").filter((meta) => meta.getAttribute("name")?.toLowerCase() === "keywords").flatMap((meta) => (meta.getAttribute("content") ?? "").split(/[,;]/).map(normaliseSpace));
  return [...new Set([...tags, ...keywords].filter(Boolean))];
}

/**
 * The regions outside the content area that the import leaves out (a layout table's menu column,
 * its header and footer), each run of blocks as one region with its text and word count.
 */
export function regionsOutside(blocks: readonly Block[], reason: string): Dropped[] {
  const regions: Dropped[] = [];
  let run: string[] = [];
  const flush = () => {
    const text = run.filter(Boolean).join(" ");
    if (wordsIn(text) > 0) regions.push(droppedRegion("utanför innehållet", text, reason));
    run = [];
  };
  for (const block of blocks) {
    if (block.inContent) flush();
    else run.push("text" in block ? block.text : "", ...block.dropped.map((item) => item.text));
  }
  flush();
  return regions;
}

/**
 * How deeply elements may nest. Real pages stay well under a hundred levels; the reader walks the
 * page by recursion, so a page built deeper (200,000 nested `div`s) is refused before it is walked.
 */
export const MAX_DEPTH = 500;

/** A page that cannot be read at all, with the reason in Swedish. */
export class UnreadablePage extends Error {}

/** Whether elements under `root` nest deeper than `limit`, found without recursion. */
function deeperThan(root: Node, limit: number): boolean {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of node.childNodes) if (isElement(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Elements that end a paragraph: what an HTML5 parser would close an open `<p>` at. */
const BLOCK_ELEMENTS = "address, article, aside, blockquote, center, details, div, dl, fieldset, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, ul";

/**
 * Whether an element that should hold only text holds blocks: old pages leave `<p>` open before a
 * table (`<P>Intro.<TABLE>…`), which this parser nests inside the paragraph, and wrap whole
 * columns in `<font>`. Such an element is walked as a container, so that its headings stay headings.
 * A link is the exception: a card that is one link around a heading and a teaser stays one item.
 */
const holdsBlocks = (element: HTMLElement) => element.querySelector(BLOCK_ELEMENTS) !== null;

/** Walks the children of a container, gathering inline content into paragraphs between blocks. */
function walk(container: HTMLElement, state: Walk): void {
  let run: Node[] = [];
  const flush = () => {
    if (run.length > 0) paragraph(run, state);
    run = [];
  };
  for (const node of container.childNodes) {
    if (node.nodeType === NodeType.TEXT_NODE) {
      run.push(node);
    } else if (isElement(node)) {
      if (INLINE.has(tagOf(node)) && (tagOf(node) === "a" || !holdsBlocks(node))) {
        run.push(node);
      } else {
        flush();
        const landmarked = LANDMARKS.has(tagOf(node)) || node === state.contentArea ? { ...state, landmark: ++state.landmarks.count } : state;
        const inner = !state.frame && isFrame(node) ? { ...landmarked, frame: true } : landmarked;
        block(node, node === state.contentArea ? { ...inner, inContent: true } : inner);
      }
    }
  }
  flush();
}

/** A block as the walk finds it, before it is placed on the page. */
type BlockContent = Block extends infer B ? (B extends Block ? Omit<B, keyof BlockBase> : never) : never;

function push(state: Walk, block: BlockContent, dropped: readonly Dropped[] = []): void {
  state.blocks.push({ ...block, inContent: state.inContent, landmark: state.landmark, ...(state.frame ? { frame: true } : {}), dropped } as Block);
}

/** What the cleaner took out of a block besides its HTML: pictures as picture blocks, documents as file blocks. */
function pushCollected(state: Walk, cleaner: Cleaner): void {
  for (const picture of cleaner.pictures) push(state, { kind: "picture", ...picture });
  for (const document of cleaner.documents) push(state, { kind: "file", href: document.href, text: document.text });
}

/** One element that is not inline. */
function block(element: HTMLElement, state: Walk): void {
  const tag = tagOf(element);
  if (INVISIBLE.has(tag)) {
    if (tag === "script" || tag === "style") push(state, { kind: "removed" }, [droppedElement(element, DROPPED_ELEMENTS.get(tag)!)]);
    return;
  }
  const dropped = droppedKind(element);
  if (dropped) return push(state, { kind: "removed" }, [droppedElement(element, dropped)]);
  const leftOut = leftOutContainer(element, state.inContent);
  if (leftOut) return leftOutWithDocuments(element, leftOut, state);
  if (/\bsv-file-portlet\b/.test(element.getAttribute("class") ?? "")) return filePortlet(element, state);
  if (isCaption(element)) return paragraph(element.childNodes, state, true);
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const cleaner = new Cleaner(state.base);
    const html = cleaner.nodes(element.childNodes);
    const text = visibleText(element.childNodes);
    if (text) push(state, { kind: "heading", level: Number(heading[1]), text, html, links: linksIn(element.childNodes, state.base) }, cleaner.dropped);
    else if (cleaner.dropped.length > 0) push(state, { kind: "removed" }, cleaner.dropped);
    return pushCollected(state, cleaner);
  }
  switch (tag) {
    case "p":
      return holdsBlocks(element) ? walk(element, state) : paragraph(element.childNodes, state);
    case "ul":
    case "ol":
      return list(element, tag, state);
    case "table":
      return isLayoutTable(element) ? walk(element, state) : table(element, state);
    case "hr":
      return push(state, { kind: "rule" });
    case "blockquote":
    case "pre":
    case "dl": {
      const cleaner = new Cleaner(state.base);
      const html = cleaner.nodes([element]);
      push(state, { kind: "other", html, text: visibleText([element]) }, cleaner.dropped);
      return pushCollected(state, cleaner);
    }
    default:
      return walk(element, state);
  }
}

/** A picture's caption: `figcaption`, or an element named for a caption (`wp-caption-text`, "bildtext") with no picture inside. */
const isCaption = (element: HTMLElement) =>
  tagOf(element) === "figcaption" || (/caption|bildtext/i.test(element.getAttribute("class") ?? "") && element.querySelector("img, picture") === null);

/**
 * A menu left out whole: in the content area, the documents it links to are the project's all the
 * same (a navigation-looking list of reports), so they become files and only the rest is dropped.
 */
function leftOutWithDocuments(element: HTMLElement, leftOut: Dropped, state: Walk): void {
  const documents = state.inContent ? element.querySelectorAll("a").filter((link) => isDocumentAddress(link.getAttribute("href")?.trim() ?? "")) : [];
  if (documents.length === 0) return push(state, { kind: "removed" }, [leftOut]);
  for (const link of documents) push(state, { kind: "file", href: link.getAttribute("href")!.trim(), text: visibleText([link]) });
  const rest = textOf([element], (inner) => documents.includes(inner));
  if (rest) push(state, { kind: "removed" }, [droppedRegion(leftOut.what, rest, leftOut.reason)]);
}

/** A lone link to a document in nodes, with what else they say ("(pdf, 245 kB)", "Ladda ner"), or undefined. */
function lonelyDocumentLink(nodes: readonly Node[]): { link: HTMLElement; href: string; rest: string } | undefined {
  const links = nodes.flatMap((node) => (isElement(node) ? (tagOf(node) === "a" ? [node] : node.querySelectorAll("a")) : []));
  const href = links[0]?.getAttribute("href")?.trim();
  if (!href || !isDocumentAddress(href) || !links.every((link) => link.getAttribute("href")?.trim() === href)) return undefined;
  const rest = visibleText(nodes, (element) => element === links[0]);
  return FILE_INFORMATION.test(rest) || DOWNLOAD_WORDS.test(rest) ? { link: links[0]!, href, rest } : undefined;
}

/** A paragraph, or what a paragraph can stand for: a drawn separator, a lone file link, an old cookie notice. */
function paragraph(nodes: readonly Node[], state: Walk, caption = false): void {
  const text = visibleText(nodes);
  const cleaner = new Cleaner(state.base);
  const html = cleaner.nodes(nodes).trim();
  if (!text) {
    if (cleaner.dropped.length > 0) push(state, { kind: "removed" }, cleaner.dropped);
    return pushCollected(state, cleaner);
  }
  if (DRAWN_RULE.test(text) && !/[\p{L}\p{N}]/u.test(text)) return push(state, { kind: "rule" });
  if (COOKIE_NOTICE.test(text) && !state.inContent) {
    return push(state, { kind: "removed" }, [droppedRegion("kakmeddelande", text, "den nya webbplatsen frågar om samtycke på ett eget sätt (sidan Vad är kakor?)")]);
  }
  const file = lonelyDocumentLink(nodes);
  if (file) {
    const information = file.rest ? [{ what: "filinformation", text: file.rest, reason: "filens typ och storlek visar den nya sidan själv" }] : [];
    return push(state, { kind: "file", href: file.href, text: visibleText([file.link]) }, information);
  }
  push(state, { kind: "paragraph", html, text, lines: linesOf(nodes), links: linksIn(nodes, state.base), ...(caption ? { caption } : {}) }, cleaner.dropped);
  pushCollected(state, cleaner);
}

/** Sitevision's file portlet: a file block for each link, and its sizes as dropped. */
function filePortlet(element: HTMLElement, state: Walk): void {
  const links = element.querySelectorAll("a").filter((link) => link.getAttribute("href")?.trim());
  const rest = visibleText([element], (inner) => tagOf(inner) === "a");
  links.forEach((link, index) => {
    const information = index === 0 && rest ? [{ what: "filinformation", text: rest, reason: "filens typ och storlek visar den nya sidan själv" }] : [];
    push(state, { kind: "file", href: link.getAttribute("href")!.trim(), text: visibleText([link]) }, information);
  });
}

/**
 * A list; an item that is only a link to a document (a link list of reports, as Sitevision's link
 * list portlet writes one) is a file, and the items around it stay lists.
 */
function list(element: HTMLElement, tag: "ul" | "ol", state: Walk): void {
  const items = element.childNodes.filter((node): node is HTMLElement => isElement(node) && tagOf(node) === "li");
  let run: HTMLElement[] = [];
  const flush = () => {
    if (run.length > 0) listBlock(run, tag, state);
    run = [];
  };
  for (const item of items) {
    if (lonelyDocumentLink(item.childNodes)) {
      flush();
      paragraph(item.childNodes, state);
    } else {
      run.push(item);
    }
  }
  flush();
}

function listBlock(items: readonly HTMLElement[], tag: "ul" | "ol", state: Walk): void {
  const cleaner = new Cleaner(state.base);
  const cleaned = items.map((item) => ({ html: cleaner.nodes(item.childNodes).trim(), text: visibleText(item.childNodes), links: linksIn(item.childNodes, state.base) }));
  const html = `<${tag}>${cleaned.map((item) => `<li>${item.html}</li>`).join("")}</${tag}>`;
  push(state, { kind: "list", html, text: visibleText(items), items: cleaned }, cleaner.dropped);
  pushCollected(state, cleaner);
}

/** A table's own rows, not those of tables inside it. */
const ownRows = (table: HTMLElement): HTMLElement[] =>
  table.childNodes.filter(isElement).flatMap((child) => (tagOf(child) === "tr" ? [child] : ["thead", "tbody", "tfoot"].includes(tagOf(child)) ? child.childNodes.filter((row): row is HTMLElement => isElement(row) && tagOf(row) === "tr") : []));
const cellsOf = (row: HTMLElement): HTMLElement[] => row.childNodes.filter((node): node is HTMLElement => isElement(node) && ["td", "th"].includes(tagOf(node)));

/** What a cell of a data table does not hold: headings, lists, tables, quotations, separators. */
const BLOCK_CONTENT = "h1, h2, h3, h4, h5, h6, ul, ol, dl, table, blockquote, pre, hr, form";

/** The longest text a cell of a data table holds; a longer one is a column of a page's layout. */
const DATA_CELL_LENGTH = 300;

/**
 * Whether a table lays out the page rather than holding data: its cells hold headings, lists,
 * tables or several paragraphs, or long text; or it is one cell, one row or one column without
 * header cells, or pictures beside text without header cells, as old sites built their pages.
 */
function isLayoutTable(table: HTMLElement): boolean {
  const role = table.getAttribute("role");
  if (role === "presentation" || role === "none") return true;
  const rows = ownRows(table).map(cellsOf);
  const cells = rows.flat();
  if (cells.length <= 1) return true;
  if (cells.some((cell) => cell.querySelector(BLOCK_CONTENT) !== null || cell.querySelectorAll("p").length > 1 || visibleText([cell]).length > DATA_CELL_LENGTH)) return true;
  const headers = cells.some((cell) => tagOf(cell) === "th");
  return !headers && (rows.length === 1 || rows.every((row) => row.length <= 1) || cells.some((cell) => cell.querySelector("img") !== null));
}

/** A data table becomes rows of cells; one with merged cells is left out, with its text and word count. Its documents are the project's. */
function table(element: HTMLElement, state: Walk): void {
  const cells = ownRows(element).map(cellsOf);
  const merged = cells.some((row) => row.some((cell) => Number(cell.getAttribute("colspan") ?? 1) > 1 || Number(cell.getAttribute("rowspan") ?? 1) > 1));
  const cleaner = new Cleaner(state.base, true);
  if (merged) {
    cleaner.nodes([element]);
    push(state, { kind: "removed" }, [
      droppedRegion("komplex tabell", droppedText([element]), "tabellen har sammanslagna celler, som Markdown inte kan uttrycka; skriv in innehållet som text eller lägg tabellen i ett dokument"),
    ]);
    return pushCollected(state, cleaner);
  }
  const html = cells.map((row) => row.map((cell) => cleaner.nodes(cell.childNodes).trim()));
  // Each row as a whole too, with its links: an index may list its pages as a table's rows.
  const items = ownRows(element).map((row) => ({ text: visibleText([row]), links: linksIn([row], state.base) }));
  push(state, { kind: "table", rows: html, text: visibleText([element]), items }, cleaner.dropped);
  pushCollected(state, cleaner);
}
