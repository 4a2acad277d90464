/**
 * DOM helpers of talk detection: visible text, document order, and where an element sits in a page
 * (content, a post's header, or chrome such as navigation, sidebars, comments and tables of contents).
 */

import { cleanText } from '../text';

export const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Containers that are never part of a post's content. */
const BOILERPLATE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
const BOILERPLATE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
]);
/** Class or id tokens of comment threads, sidebars and widgets. Exact tokens: "has-sidebar" on <body> is layout. */
const BOILERPLATE_TOKEN =
  /^(?:comments?|comment-list|commentlist|comments-area|respond|sidebar|widget|widgets|related|related-posts|share|sharing|social|breadcrumbs?|menu|navigation|navbar|site-header|site-footer|masthead|cookie-banner|cookie-consent|consent|more-articles|more-posts|read-next|recommended|suggested-posts|also-read)$/i;
/**
 * Inside a post, also prefix and suffix forms ("comment-body", "jp-relatedposts", "newsletter-wrapper",
 * "article-footer-wrap"), promotions, tables of contents, and headings only screen readers or the dek show.
 */
const IN_POST_BOILERPLATE = new RegExp(
  [
    `^(?:comments?|respond|sidebar|widgets?|related|relatedposts|share|sharing|sharedaddy|social|breadcrumbs?|menu|nav|navigation|footer|newsletter|subscribe|subscription|promo|ads?|advert|playlist|next-post|prev-post|post-navigation|toc|table-of-contents|cookie|consent|author-box|author-bio|author-card|about-author|ltag|liquid|embed|oembed|github-card|gist|user-card|profile-card|more-articles|read-next|series|bookmark|link-preview|preview-card|kg-bookmark|kg-signup|signup)(?:[-_].*)?$`,
    `[-_](?:comments?|sidebar|widgets?|related|relatedposts|share|sharing|footer|nav|navigation|menu|newsletter|playlist|promo|dek|deck|standfirst|kicker|toc|table-of-contents|outline)(?:[-_]wrap(?:per)?)?$`,
    `^(?:sr-only|screen-reader-text|visually-hidden|visuallyhidden)$`,
  ].join('|'),
  'i',
);
/** Where a title-looking line is quoted, listed or tabulated rather than a title. */
const NOT_TITLE_CONTEXT = new Set([
  'LI',
  'BLOCKQUOTE',
  'TABLE',
  'FIGURE',
  'FIGCAPTION',
  'PRE',
  'CODE',
  'DETAILS',
]);

/** Mathematical alphanumerics (U+1D400-U+1D7FF): the "𝗯𝗼𝗹𝗱" and "𝘪𝘵𝘢𝘭𝘪𝘤" of posts without markup. */
export const MATH_ALPHANUMERIC = /[\u{1D400}-\u{1D7FF}]/u;
const MATH_ALPHANUMERICS = /[\u{1D400}-\u{1D7FF}]+/gu;

/**
 * Whitespace (including no-break and zero-width spaces) collapsed, trimmed (core/text.ts), and
 * mathematical alphanumerics read as the letters and digits they style (NFKC), as a reader reads them.
 */
export function clean(value: string | null | undefined): string {
  const text = cleanText(value);
  return MATH_ALPHANUMERIC.test(text) ? text.replace(MATH_ALPHANUMERICS, (s) => s.normalize('NFKC')) : text;
}
export { truncate } from '../text';

export function tokens(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/).filter(Boolean);
}

/**
 * An element's child elements, read along the sibling chain. Spreading or iterating `el.children`
 * reads the live collection's `length` at every step, and jsdom (the tests' and the eval's DOM)
 * answers each read by scanning the children for an item named "length": quadratic on a container
 * of thousands of lines (3,000 cards: 1.5 s in one call).
 */
export function childElements(el: Element): Element[] {
  const children: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) children.push(child);
  return children;
}

/** True when `a` comes before `b` in the document (and does not contain it). */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0 && !a.contains(b);
}

/** Hidden by markup: `hidden`, `aria-hidden`, or an inline `display:none` / `visibility:hidden`. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The text a reader sees in `el`: hidden descendants and scripts left out, whitespace collapsed. */
export function visibleText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.textContent;
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (isHidden(e) || /^(?:SCRIPT|STYLE|TEMPLATE)$/.test(e.tagName)) continue;
        walk(e);
      }
    }
  };
  walk(el);
  return clean(out);
}

/**
 * The text of `el`, whitespace collapsed, read only until it is longer than `max` characters: enough
 * to tell a line from prose without reading a whole section.
 */
export function textUpTo(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    out += node.textContent;
    if (out.length > max * 2 && clean(out).length > max) break;
  }
  return clean(out);
}

/**
 * The text of `el` as `textUpTo` reads it, with each emphasised phrase (`<em>`, `<i>`, `<cite>`) in
 * quotation marks, since a title set in italics is as good as a quoted one, and each user tag (a
 * LiveJournal-style `ljuser`, a Mastodon mention's `h-card`) written as an "@handle", since it names a
 * person by account.
 */
export function markedText(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  let emphasis: Element | null = null;
  let tag: Element | null = null;
  for (let node = walker.nextNode(); node && out.length < max * 2; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(?:SCRIPT|STYLE|TEMPLATE)$/.test(parent.tagName)) continue;
    const inEmphasis = within(parent.closest('em, i, cite'), el);
    const inTag = within(parent.closest(USER_TAG), el);
    if (inEmphasis !== emphasis) {
      if (emphasis) out += '”';
      if (inEmphasis) out += '“';
      emphasis = inEmphasis;
    }
    if (inTag !== tag) {
      tag = inTag;
      if (inTag && !clean(inTag.textContent).startsWith('@')) out += '@';
    }
    out += node.textContent ?? '';
  }
  if (emphasis) out += '”';
  return clean(out).slice(0, max);
}
const USER_TAG = '.ljuser, [data-ljuser], .h-card, .mention:not(.hashtag)';
const within = (found: Element | null, root: Element) => (found && root.contains(found) ? found : null);

/** A heading's text without the permalink or edit marks sites append ("Current status #", "History[edit]"). */
export function headingText(el: Element): string {
  const text = visibleText(el).replace(/\s*(?:\[edit\]|[#¶§🔗])$/u, '');
  // An outline's tags rendered as elements after the title (Org by pandoc: <span class="tag">talk</span>)
  // are written back as the outline writes them, ":talk:cloud:", so the title parser reads them as tags.
  const tags = [...el.querySelectorAll(OUTLINE_TAG)].map((t) => clean(t.textContent)).filter(Boolean);
  const written = tags.join(' ');
  return tags.length && text.endsWith(written)
    ? `${text.slice(0, -written.length).trim()} :${tags.join(':')}:`
    : text;
}
const OUTLINE_TAG = '.tag, [data-tag-name]';

/**
 * True when `el` sits in navigation, a site header or footer, a sidebar or comments. A class alone does
 * not make chrome of a container that holds most of the page (Blogger's posts sit in a "widget").
 */
export function isBoilerplate(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (BOILERPLATE_TAGS.has(node.tagName)) return true;
    if (BOILERPLATE_ROLES.has(node.getAttribute('role') ?? '')) return true;
    if (tokens(node).some((t) => BOILERPLATE_TOKEN.test(t)) && !holdsMostOfPage(node)) return true;
  }
  return false;
}

const pageLengths = new WeakMap<Document, number>();

function holdsMostOfPage(el: Element): boolean {
  const doc = el.ownerDocument;
  let total = pageLengths.get(doc);
  if (total === undefined) {
    total = (doc.body?.textContent ?? '').length;
    pageLengths.set(doc, total);
  }
  return (el.textContent ?? '').length > total / 2;
}

/** Where `el` sits within `post`: in its content, in its `<header>`, or in parts that never hold titles. */
export function contextInPost(
  el: Element,
  post: Element,
  allow: ReadonlySet<string> = EMPTY,
): 'content' | 'header' | 'excluded' {
  let inHeader = false;
  if (tokens(el).some((t) => IN_POST_BOILERPLATE.test(t))) return 'excluded';
  if (isHidden(el)) return 'excluded';
  for (let node = el.parentElement; node && node !== post; node = node.parentElement) {
    if (node.tagName === 'HEADER' || node.getAttribute('role') === 'banner') {
      inHeader = true;
      continue;
    }
    // <section><header><h2>Talk</h2></header>...: a section's header titles the section, not the post.
    if (node.tagName === 'SECTION' || node.tagName === 'ARTICLE') inHeader = false;
    if (isHidden(node)) return 'excluded';
    // A heading inside a link is a link card's title (Medium's "mixtape", Ghost's bookmark), not a section's.
    if (node.tagName === 'A') return 'excluded';
    if (BOILERPLATE_TAGS.has(node.tagName)) return 'excluded';
    if (
      NOT_TITLE_CONTEXT.has(node.tagName) &&
      !allow.has(node.tagName) &&
      !isLayoutTable(node) &&
      embeddingOf(el) !== node
    )
      return 'excluded';
    if (BOILERPLATE_ROLES.has(node.getAttribute('role') ?? '')) return 'excluded';
    if (tokens(node).some((t) => IN_POST_BOILERPLATE.test(t))) return 'excluded';
  }
  if (NOT_TITLE_CONTEXT.has(el.tagName) && !allow.has(el.tagName)) return 'excluded';
  return inHeader ? 'header' : 'content';
}
const EMPTY: ReadonlySet<string> = new Set();

/**
 * The block quote a heading opens, when it opens one: a quote that starts with a heading is an embedded
 * note or post (a digital garden's transclusion, a quoted post with its title), whose heading titles it.
 */
export function embeddingOf(heading: Element): Element | null {
  const parent = heading.parentElement;
  return parent?.tagName === 'BLOCKQUOTE' && parent.firstElementChild === heading && heading.matches(HEADINGS)
    ? parent
    : null;
}

const layoutTables = new WeakMap<Element, boolean>();

/**
 * A table used for layout, as e-mail newsletters build every block of a page: its cells hold headings,
 * or it has one cell per row, or it says it is presentational. A data table has columns of short
 * values; a heading in it would be a layout's, not a tabulated title.
 */
export function isLayoutTable(el: Element): boolean {
  if (el.tagName !== 'TABLE') return false;
  let layout = layoutTables.get(el);
  if (layout === undefined) {
    const rows = [...el.querySelectorAll('tr')].filter((tr) => tr.closest('table') === el);
    layout =
      el.getAttribute('role') === 'presentation' ||
      el.querySelector(HEADINGS) !== null ||
      // One cell per row: a box around blocks, not a table of values.
      (rows.length > 0 && rows.every((tr) => tr.children.length === 1));
    layoutTables.set(el, layout);
  }
  return layout;
}

/** 1-6 for h1-h6; anything else ranks below every heading. */
export function headingLevel(el: Element): number {
  return /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 7;
}

/** The blocks that follow `el` in reading order (its next siblings, then its ancestors' next siblings), up to `stop`. */
export function* blocksAfter(el: Element, stop: Element): Generator<Element> {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) yield sib;
  }
}
