/**
 * What a page is, read from its content area: an index whose items link to one page per project
 * on the same site, the page of one project (its headings are sections such as "Bakgrund", "Mål",
 * "Resultat"), or a page of several projects, which projects.ts splits at its headings.
 */
import { isPageAddress, wordsIn, type Block, type PageLink } from "./blocks.ts";
import { learnedFieldOf } from "./results-and-lessons.ts";

/** A project page an index links to. */
export interface IndexLink {
  /** The address as the page writes it. */
  readonly href: string;
  /** The absolute address, where the page's own address makes one. */
  readonly url: string | undefined;
  readonly text: string;
}

type Heading = Extract<Block, { kind: "heading" }>;

export type PageKind = { readonly kind: "index"; readonly links: readonly IndexLink[] } | { readonly kind: "project" } | { readonly kind: "projects" };

/** The headings of one project's page: sections of the project, never projects of their own. */
const SECTION_HEADING = new RegExp(
  `^(?:${[
    "bakgrund",
    "syfte",
    "mål",
    "målsättning(?:ar)?",
    "syfte och mål",
    "mål och syfte",
    "projektets (?:mål|syfte|bakgrund|resultat)",
    "effektmål",
    "målgrupp(?:er)?",
    "resultat",
    "resultat och (?:erfarenheter|lärdomar|effekter)",
    "erfarenheter",
    "lärdomar",
    "effekter",
    "utvärdering",
    "uppföljning",
    "genomförande",
    "så gick det till",
    "aktiviteter",
    "metod",
    "om projektet",
    "projektbeskrivning",
    "beskrivning",
    "sammanfattning",
    "dokument(?:ation)?",
    "rapporter?",
    "slutrapport",
    "filer",
    "läs mer",
    "länkar",
    "mer information",
    "fakta(?: om projektet)?",
    "projektfakta",
    "kontakt(?:er|person(?:er)?)?",
    "partner(?:s)?",
    "samarbetspart(?:ner|er)(?:s)?",
    "samarbete",
    "finansiering",
    "finansiär(?:er)?",
    "budget",
    "tidsplan",
    "tid(?:period)?",
    "projekttid",
    "projektägare",
    "projektledare",
    "organisation",
    "deltagare",
    "spridning",
    "nästa steg",
    "framtid",
    "bilder",
  ].join("|")})$`,
  "i",
);

/** Whether a heading names a section of a project ("Bakgrund", "Mål", "Dokument"). */
export const isSectionHeading = (text: string) => SECTION_HEADING.test(text.replace(/[:.]$/, "").trim()) || learnedFieldOf(text) !== undefined;

/** A link to a page of the same site: relative, or on the page's own origin; never a document, a picture or the page itself. */
function samePageSite(link: PageLink, pageAddress: string | undefined): boolean {
  if (/^(?:mailto|tel|javascript|data):/i.test(link.href)) return false;
  const path = link.url ? new URL(link.url).pathname : link.href.split(/[?#]/)[0]!;
  if (path === "/" || path === "" || !isPageAddress(link.href)) return false;
  if (!link.url) return !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.href);
  if (!pageAddress) return false;
  const url = new URL(link.url);
  const page = new URL(pageAddress);
  return url.origin === page.origin && url.pathname !== page.pathname;
}

/** The words an index may say of its own per project it lists (a teaser of a sentence or two), beyond its introduction. */
const WORDS_PER_ITEM = 40;
const INTRODUCTION_WORDS = 60;

/**
 * What the content of a page is. An index: at least two items (list items, table rows, headings
 * or paragraphs that are mostly a link) link to other pages of the same site, and the page says
 * little else: an introduction, and after the first item at most a short teaser per item (a page
 * whose linked titles stand over whole texts, as a Drupal view of projects, is a page of projects). One project: the page has a heading of
 * its own (its h1) and its other headings are a project's sections, or it has none.
 */
export function pageKind(content: readonly Block[], pageAddress: string | undefined): PageKind {
  const links = new Map<string, IndexLink>();
  let linkWords = 0;
  /** Whether a block's text is mostly one link to a page of the site: an item of an index. */
  const isItem = (text: string, found: readonly PageLink[]) => {
    const main = found.find((link) => samePageSite(link, pageAddress));
    if (!main || wordsIn(main.text) * 2 < wordsIn(text)) return false;
    if (!links.has(main.url ?? main.href)) links.set(main.url ?? main.href, main);
    linkWords += wordsIn(main.text);
    return true;
  };
  const headings = content.filter((block): block is Heading => block.kind === "heading");
  const title = headings.find((block) => block.level === 1) ?? headings[0];
  let ownWords = 0;
  // Blocks that are not items, after the first item: an index has a teaser per item at most.
  let between = 0;
  for (const block of content) {
    if (block === title || block.kind === "removed") continue;
    const item =
      block.kind === "heading" || block.kind === "paragraph" ? isItem(block.text, block.links) : block.kind === "list" || block.kind === "table" ? block.items.map((listed) => isItem(listed.text, listed.links)).some(Boolean) : false;
    if (!item && links.size > 0) between++;
    if ("text" in block) ownWords += wordsIn(block.text);
  }
  const others = headings.filter((block) => block !== title);
  const plainSections = others.filter((block) => block.links.length === 0 && isSectionHeading(block.text));
  if (links.size >= 2 && plainSections.length < 2 && between <= links.size && ownWords - linkWords <= INTRODUCTION_WORDS + WORDS_PER_ITEM * links.size) {
    return { kind: "index", links: [...links.values()] };
  }
  // One project's page: an h1 over every other heading, and the top level of those mostly sections.
  const topLevel = Math.min(...others.map((block) => block.level));
  const top = others.filter((block) => block.level === topLevel);
  const sections = top.filter((block) => isSectionHeading(block.text)).length;
  return title?.level === 1 && others.every((block) => block.level > 1) && sections * 2 >= top.length ? { kind: "project" } : { kind: "projects" };
}
