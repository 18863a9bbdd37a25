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
import { normalWebAddress } from "../format/urls.ts";

/** Something of the page that is not carried over, and why. */
export interface Dropped {
  /** What it was, in Swedish: "skript", "navigation", "tabell". */
  readonly what: string;
  /** Its visible text (empty for scripts and styles), so that no word goes missing unreported. */
  readonly text: string;
  readonly reason: string;
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
}

export type Block = BlockBase &
  (
    | { readonly kind: "heading"; readonly level: number; readonly text: string; readonly html: string }
    /** `caption`: a picture's caption (`figcaption`, WordPress's `wp-caption-text`), never a summary. */
    | { readonly kind: "paragraph"; readonly html: string; readonly text: string; readonly lines: readonly string[]; readonly caption?: boolean }
    | { readonly kind: "list"; readonly html: string; readonly text: string; readonly items: readonly { html: string; text: string }[] }
    | { readonly kind: "table"; readonly rows: readonly (readonly string[])[]; readonly text: string }
    | { readonly kind: "other"; readonly html: string; readonly text: string }
    | { readonly kind: "rule" }
    | ({ readonly kind: "picture" } & PageImage)
    | { readonly kind: "file"; readonly href: string; readonly text: string }
    /** A whole element left out: only its `dropped` entry says what it was. */
    | { readonly kind: "removed" }
  );

/** The page as blocks, with what the reader found out about the page itself. */
export interface PageBlocks {
  readonly blocks: readonly Block[];
  /** How the content area was found: Sitevision's `.pagecontent`, `main`, or the whole body. */
  readonly contentArea: "pagecontent" | "main" | "body";
  readonly sitevision: boolean;
  /** `<title>`, and the site's name from `og:site_name`. */
  readonly title: string;
  readonly siteName: string | undefined;
  /** The page's own address, where the page says it: a browser's "saved from" note, canonical, og:url. */
  readonly address: string | undefined;
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
const INLINE = new Set("a abbr b bdi bdo br cite code data del dfn em font i img ins kbd label mark picture q s samp small source span strong sub sup time u var wbr".split(" "));

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

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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
  textOf(nodes, (element) => DROPPED_ELEMENTS.has(tagOf(element)) || skip(element));

/** All the text of something left out whole, for the report's list of what was dropped. */
const droppedText = (nodes: readonly Node[]) => textOf(nodes, () => false);

/** The lines of nodes: a `<br>` or a block element starts a new line. Empty lines are left out, and so is what the block drops. */
function linesOf(nodes: readonly Node[]): string[] {
  const lines = [""];
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) lines[lines.length - 1] += node.text;
    else if (isElement(node)) {
      const tag = tagOf(node);
      if (INVISIBLE.has(tag) || DROPPED_ELEMENTS.has(tag)) return;
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

/** What is said after a file's link: "(pdf, 245 kB)", "PDF 1,2 MB". */
const FILE_INFORMATION = /^[([]?\s*(?:[a-z]{2,5}\s*[,-]?\s*)?(?:\d[\d\s,.]*\s*(?:byte|b|kb|mb|gb)\b)?\s*[)\]]?$/i;

/** A download button's words beside a file's link. */
const DOWNLOAD_WORDS = /^(?:ladda ne[rd]|hämta|öppna|download)(?:\s+(?:filen|dokumentet))?$/i;

/** A line of underscores, dashes or stars: a separator drawn with text, as on the reference page. */
const DRAWN_RULE = /^[_\-–—=*~·.\s]{5,}$/;

/** An old cookie notice: "Den här webbplatsen använder kakor". */
const COOKIE_NOTICE = /\banvänder\s+(?:kakor|cookies)\b/i;

/** Sitevision's portlets and other containers that are left out whole, by the class or role the system gives them. */
function leftOutContainer(element: HTMLElement): Dropped | undefined {
  const classes = `${element.getAttribute("class") ?? ""} ${element.id}`;
  const tag = tagOf(element);
  const text = () => droppedText([element]);
  if (/\bsv-script-portlet\b/.test(classes)) return { what: "skriptportlet", text: "", reason: "skript hör till den gamla webbplatsen och tas aldrig med" };
  if (/\bsv-html-portlet\b/.test(classes)) {
    return { what: "HTML-portlet", text: text(), reason: "egen HTML går inte att flytta säkert; skriv in texten i brödtexten om den behövs" };
  }
  if (/cookie|kakor/i.test(classes)) return { what: "kakmeddelande", text: text(), reason: "den nya webbplatsen frågar om samtycke på ett eget sätt (sidan Vad är kakor?)" };
  if (tag === "nav" || element.getAttribute("role") === "navigation" || /\b(?:sv-(?:menu|linklist|breadcrumbs?|related|tagcloud|search)[\w-]*|breadcrumbs?)\b/i.test(classes)) {
    return { what: "navigation", text: text(), reason: "menyer och länklistor hör till den gamla webbplatsen" };
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
}

/** Elements that start a part of the page of their own: a contact block does not run on past one. */
const LANDMARKS = new Set(["header", "footer", "aside", "nav", "main", "section", "article"]);

/** Rebuilds nodes as HTML from the allow-list, collecting pictures and what was left out. */
class Cleaner {
  readonly dropped: Dropped[] = [];
  readonly pictures: PageImage[] = [];
  constructor(private readonly base: URL | undefined) {}

  nodes(nodes: readonly Node[]): string {
    return tidyInline(nodes.map((node) => this.node(node)).join(""));
  }

  private node(node: Node): string {
    if (node.nodeType === NodeType.TEXT_NODE) return escapeHtml(node.text.replace(/\u00a0/g, " "));
    if (!isElement(node)) return "";
    const tag = tagOf(node);
    const dropped = DROPPED_ELEMENTS.get(tag);
    if (dropped) {
      this.dropped.push(droppedElement(node, dropped));
      return "";
    }
    if (tag === "img") {
      const picture = pictureOf(node);
      if (picture) this.pictures.push(picture);
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
    return `<a href="${escapeHtml(url.href)}">${inner}</a>`;
  }
}

function droppedElement(element: HTMLElement, what: string): Dropped {
  const tag = tagOf(element);
  const text = INVISIBLE.has(tag) ? "" : droppedText(element.childNodes);
  const reason =
    tag === "script" || tag === "style"
      ? "hör till den gamla webbplatsen och tas aldrig med"
      : "kan inte uttryckas i Markdown och tas inte med; lägg in innehållet på nytt om det behövs";
  return { what, text, reason };
}

/** A picture's address and text alternative; pictures of the system itself (icons) are left out. */
function pictureOf(element: HTMLElement): PageImage | undefined {
  const src = (element.getAttribute("src") || element.getAttribute("data-src") || "").trim();
  if (!src || pathOf(src).startsWith("/sitevision/")) return undefined;
  const alt = element.getAttribute("alt");
  return { src, alt: alt === undefined ? undefined : normaliseSpace(alt) };
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
  const contentArea = main ?? body;
  const blocks: Block[] = [];
  walk(body, { blocks, contentArea, inContent: contentArea === body, base, landmark: 0, landmarks: { count: 0 } });
  const generator = meta('meta[name="generator"]') ?? "";
  return {
    blocks,
    contentArea: pagecontent ? "pagecontent" : main ? "main" : "body",
    sitevision: /sitevision/i.test(generator) || body.querySelector(".sv-layout, .sv-text-portlet, .sv-portlet") !== null,
    title: normaliseSpace(root.querySelector("title")?.text ?? ""),
    siteName: meta('meta[property="og:site_name"]') ?? meta('meta[name="og:site_name"]'),
    address: base?.href,
  };
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
      if (INLINE.has(tagOf(node))) {
        run.push(node);
      } else {
        flush();
        const inner = LANDMARKS.has(tagOf(node)) || node === state.contentArea ? { ...state, landmark: ++state.landmarks.count } : state;
        block(node, node === state.contentArea ? { ...inner, inContent: true } : inner);
      }
    }
  }
  flush();
}

/** A block as the walk finds it, before it is placed on the page. */
type BlockContent = Block extends infer B ? (B extends Block ? Omit<B, keyof BlockBase> : never) : never;

function push(state: Walk, block: BlockContent, dropped: readonly Dropped[] = []): void {
  state.blocks.push({ ...block, inContent: state.inContent, landmark: state.landmark, dropped } as Block);
}

function pushPictures(state: Walk, pictures: readonly PageImage[]): void {
  for (const picture of pictures) push(state, { kind: "picture", ...picture });
}

/** One element that is not inline. */
function block(element: HTMLElement, state: Walk): void {
  const tag = tagOf(element);
  if (INVISIBLE.has(tag)) {
    if (tag === "script" || tag === "style") push(state, { kind: "removed" }, [droppedElement(element, DROPPED_ELEMENTS.get(tag)!)]);
    return;
  }
  const dropped = DROPPED_ELEMENTS.get(tag);
  if (dropped) return push(state, { kind: "removed" }, [droppedElement(element, dropped)]);
  const leftOut = leftOutContainer(element);
  if (leftOut) return push(state, { kind: "removed" }, [leftOut]);
  if (/\bsv-file-portlet\b/.test(element.getAttribute("class") ?? "")) return filePortlet(element, state);
  if (isCaption(element)) return paragraph(element.childNodes, state, true);
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const cleaner = new Cleaner(state.base);
    const html = cleaner.nodes(element.childNodes);
    const text = visibleText(element.childNodes);
    if (text) push(state, { kind: "heading", level: Number(heading[1]), text, html }, cleaner.dropped);
    return pushPictures(state, cleaner.pictures);
  }
  switch (tag) {
    case "p":
      return paragraph(element.childNodes, state);
    case "ul":
    case "ol":
      return list(element, tag, state);
    case "table":
      return table(element, state);
    case "hr":
      return push(state, { kind: "rule" });
    case "blockquote":
    case "pre":
    case "dl": {
      const cleaner = new Cleaner(state.base);
      const html = cleaner.nodes([element]);
      push(state, { kind: "other", html, text: visibleText([element]) }, cleaner.dropped);
      return pushPictures(state, cleaner.pictures);
    }
    default:
      return walk(element, state);
  }
}

/** A picture's caption: `figcaption`, or an element named for a caption (`wp-caption-text`, "bildtext") with no picture inside. */
const isCaption = (element: HTMLElement) =>
  tagOf(element) === "figcaption" || (/caption|bildtext/i.test(element.getAttribute("class") ?? "") && element.querySelector("img, picture") === null);

/** A paragraph, or what a paragraph can stand for: a drawn separator, a lone file link, an old cookie notice. */
function paragraph(nodes: readonly Node[], state: Walk, caption = false): void {
  const text = visibleText(nodes);
  const cleaner = new Cleaner(state.base);
  const html = cleaner.nodes(nodes).trim();
  if (!text) {
    if (cleaner.dropped.length > 0) push(state, { kind: "removed" }, cleaner.dropped);
    return pushPictures(state, cleaner.pictures);
  }
  if (DRAWN_RULE.test(text) && !/[\p{L}\p{N}]/u.test(text)) return push(state, { kind: "rule" });
  if (COOKIE_NOTICE.test(text) && !state.inContent) {
    return push(state, { kind: "removed" }, [{ what: "kakmeddelande", text, reason: "den nya webbplatsen frågar om samtycke på ett eget sätt (sidan Vad är kakor?)" }]);
  }
  const links = nodes.flatMap((node) => (isElement(node) ? (tagOf(node) === "a" ? [node] : node.querySelectorAll("a")) : []));
  const href = links[0]?.getAttribute("href")?.trim();
  if (href && isDocumentAddress(href) && links.every((link) => link.getAttribute("href")?.trim() === href)) {
    const rest = visibleText(nodes, (element) => element === links[0]);
    if (FILE_INFORMATION.test(rest) || DOWNLOAD_WORDS.test(rest)) {
      const information = rest ? [{ what: "filinformation", text: rest, reason: "filens typ och storlek visar den nya sidan själv" }] : [];
      return push(state, { kind: "file", href, text: visibleText([links[0]!]) }, information);
    }
  }
  push(state, { kind: "paragraph", html, text, lines: linesOf(nodes), ...(caption ? { caption } : {}) }, cleaner.dropped);
  pushPictures(state, cleaner.pictures);
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

function list(element: HTMLElement, tag: "ul" | "ol", state: Walk): void {
  const items = element.childNodes.filter((node): node is HTMLElement => isElement(node) && tagOf(node) === "li");
  const links = items.map((item) => item.querySelectorAll("a"));
  const allFiles =
    items.length > 0 &&
    links.every((found, index) => found.length === 1 && isDocumentAddress(found[0]!.getAttribute("href") ?? "") && FILE_INFORMATION.test(visibleText(items[index]!.childNodes, (inner) => inner === found[0]!)));
  if (allFiles) {
    for (const item of items) paragraph(item.childNodes, state);
    return;
  }
  const cleaner = new Cleaner(state.base);
  const cleaned = items.map((item) => ({ html: cleaner.nodes(item.childNodes).trim(), text: visibleText(item.childNodes) }));
  const html = `<${tag}>${cleaned.map((item) => `<li>${item.html}</li>`).join("")}</${tag}>`;
  push(state, { kind: "list", html, text: visibleText([element]), items: cleaned }, cleaner.dropped);
  pushPictures(state, cleaner.pictures);
}

/** A simple table becomes rows of cells; one with merged cells or tables inside is left out, with its text. */
function table(element: HTMLElement, state: Walk): void {
  const rows = element.querySelectorAll("tr");
  const cells = rows.map((row) => row.childNodes.filter((node): node is HTMLElement => isElement(node) && ["td", "th"].includes(tagOf(node))));
  const complex =
    rows.length === 0 ||
    element.querySelector("table") !== null ||
    cells.some((row) => row.some((cell) => Number(cell.getAttribute("colspan") ?? 1) > 1 || Number(cell.getAttribute("rowspan") ?? 1) > 1 || cell.querySelector("ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote, pre") !== null));
  if (complex) {
    return push(state, { kind: "removed" }, [
      { what: "tabell", text: droppedText([element]), reason: "tabellen har sammanslagna celler, listor eller tabeller i cellerna, som Markdown inte kan uttrycka; skriv in innehållet som text eller lägg tabellen i ett dokument" },
    ]);
  }
  const cleaner = new Cleaner(state.base);
  const html = cells.map((row) => row.map((cell) => cleaner.nodes(cell.childNodes).trim()));
  push(state, { kind: "table", rows: html, text: visibleText([element]) }, cleaner.dropped);
  pushPictures(state, cleaner.pictures);
}
