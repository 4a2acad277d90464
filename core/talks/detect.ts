/**
 * Talk detection: a conference recap covers several talks, each under its own title. Finds the posts
 * of a page (each `<article>` of an archive is one), then the talk titles inside each post: headings at
 * the post's talk level, or, where a blog uses no headings, bold-only or short standalone lines.
 * Sections keep live DOM references so callers order things with `compareDocumentPosition`.
 */
import { findSpeakers } from './speakers';

/** A talk written up in a post: its title element and the post it belongs to. */
export interface TalkSection {
  title: string;
  speakers: string[];
  /** The element holding the talk title: a heading, or a paragraph used as one. */
  heading: Element;
  /** The post (or article) container the talk belongs to; sections never extend beyond it. */
  post: Element;
  /** The title of the post (or of the post-level heading) above the talk, when there is one. */
  postTitle: string | null;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** Level given to paragraphs used as talk titles: below every real heading. */
const PSEUDO_LEVEL = 7;
const MAX_TITLE = 500;
/** Lines longer than this are prose, not titles. */
const MAX_LINE = 100;
/** Text allowed before a post's first heading for it to still be the post title ("Posted on ... by ..."). */
const MAX_TEXT_BEFORE_TITLE = 200;
/** How much of a section's opening is handed to speaker detection. */
const LEAD_CHARS = 600;

/** Containers that are never part of a post's content. */
const BOILERPLATE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);
const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
/** Class or id tokens of comment threads, sidebars and widgets. Exact tokens: "has-sidebar" on <body> is layout. */
const BOILERPLATE_TOKEN =
  /^(?:comments?|comment-list|commentlist|comments-area|respond|sidebar|widget|widgets|related|related-posts|share|sharing|social|breadcrumbs?|menu|navigation|navbar|site-header|site-footer|masthead)$/i;
/**
 * Inside a post, also prefix and suffix forms ("comment-body", "jp-relatedposts", "newsletter-wrapper",
 * "article-footer-wrap"), promotions, and headings only screen readers or the dek line show.
 */
const IN_POST_BOILERPLATE = new RegExp(
  [
    `^(?:comments?|respond|sidebar|widgets?|related|relatedposts|share|sharing|sharedaddy|social|breadcrumbs?|menu|nav|navigation|footer|newsletter|subscribe|subscription|promo|ads?|advert|playlist|next-post|prev-post|post-navigation|toc|table-of-contents)(?:[-_].*)?$`,
    `[-_](?:comments?|sidebar|widgets?|related|relatedposts|share|sharing|footer|nav|navigation|menu|newsletter|playlist|promo|dek|deck|standfirst|kicker)(?:[-_]wrap(?:per)?)?$`,
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
/** Post meta lines ("Posted on <time> by ..."): never talk titles. */
const META_TOKEN = /meta|byline|author|date|posted|tags|categor|caption|credit|subtitle|dek|kicker/i;
const POST_SELECTORS = [
  'main',
  '[role="main"]',
  '[itemprop="articleBody"]',
  '.post, .hentry, .entry-content, .post-content, .post-body, .article-body, .article-content, .blog-post',
];

/**
 * Finds the talk sections of every post under `root`, in document order. A post's own title is not a
 * talk, and the lines before its first talk title belong to no talk.
 */
export function detectTalkSections(root: Element | Document): TalkSection[] {
  const doc = root.ownerDocument ?? (root as Document);
  const titles = documentTitles(doc);
  return findPosts(root).flatMap((post) => detectInPost(post, titles));
}

// ---------------------------------------------------------------------------------------------- posts

/** The post containers: outermost `<article>`s, else the main content container, else the densest prose. */
export function findPosts(root: Element | Document): Element[] {
  const articles: Element[] = [...root.querySelectorAll('article')];
  if (root.nodeType === 1 && (root as Element).tagName === 'ARTICLE') articles.unshift(root as Element);
  const posts = articles.filter((a) => !isBoilerplate(a) && !articles.some((o) => o !== a && o.contains(a)));
  if (posts.length) return posts;
  for (const selector of POST_SELECTORS) {
    const found = [...root.querySelectorAll(selector)].find((el) => !isBoilerplate(el));
    if (found) return [found];
  }
  const densest = densestProse(root);
  return densest ? [densest] : [];
}

/** The element whose direct paragraphs hold the most text. */
function densestProse(root: Element | Document): Element | null {
  const totals = new Map<Element, number>();
  for (const p of root.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || isBoilerplate(p)) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + clean(p.textContent).length);
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [el, length] of totals) {
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

/** True when `el` sits in navigation, a site header or footer, a sidebar or comments. */
function isBoilerplate(el: Element): boolean {
  for (let node: Element | null = el; node && node.tagName !== 'BODY'; node = node.parentElement) {
    if (BOILERPLATE_TAGS.has(node.tagName)) return true;
    if (BOILERPLATE_ROLES.has(node.getAttribute('role') ?? '')) return true;
    if (tokens(node).some((t) => BOILERPLATE_TOKEN.test(t))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------- one post

interface Candidate {
  el: Element;
  level: number;
  text: string;
}

function detectInPost(post: Element, titles: Set<string>): TalkSection[] {
  const headings: Candidate[] = [];
  const headerHeadings = new Set<Element>();
  for (const el of post.querySelectorAll(HEADINGS)) {
    const text = titleText(el);
    if (!text) continue;
    const context = contextInPost(el, post);
    if (context === 'excluded') continue;
    if (context === 'header') headerHeadings.add(el);
    headings.push({ el, level: Number(el.tagName[1]), text });
  }

  // Post-level headings: the post title, the document title's heading, those in the post's <header>,
  // and those above the talk level. They are never talks and end the talk before them.
  const postTitle = findPostTitle(post, headings, titles);
  const postLevel = new Set<Element>(headerHeadings);
  if (postTitle) postLevel.add(postTitle.el);
  for (const h of headings) if (titles.has(h.text.toLowerCase())) postLevel.add(h.el);
  const body = headings.filter((h) => !postLevel.has(h.el));

  let talks: Candidate[];
  if (body.length) {
    const talkLevel = findTalkLevel(body);
    talks = body.filter((h) => h.level === talkLevel);
    for (const h of body) if (h.level < talkLevel) postLevel.add(h.el);
  } else {
    // No headings below the title: blogs then set talk titles as bold lines, or as bare short lines.
    talks = pseudoHeadings(post, 'bold');
    if (!talks.length) {
      talks = pseudoHeadings(post, 'plain');
      if (talks.length < 2) talks = []; // one short line is too little evidence of a talk list
    }
  }

  const boundaries = new Set<Element>([...postLevel, ...talks.map((t) => t.el)]);
  const postLevelHeadings = headings.filter((h) => postLevel.has(h.el));
  return talks.map((talk) => {
    const title = truncate(talk.text, MAX_TITLE);
    const above = postLevelHeadings.filter((h) => precedes(h.el, talk.el)).pop();
    return {
      title,
      speakers: findSpeakers(title, sectionLead(talk.el, post, boundaries)),
      heading: talk.el,
      post,
      postTitle: above ? truncate(above.text, MAX_TITLE) : null,
    };
  });
}

/**
 * The post's own title: its first heading when it is in the post's header, repeats the document title,
 * or opens the post above every other heading's level ("h2 post title with h3 talks").
 */
function findPostTitle(post: Element, headings: Candidate[], titles: Set<string>): Candidate | null {
  const [first, ...rest] = headings;
  if (!first) return null;
  if (titles.has(first.text.toLowerCase())) return first;
  if (contextInPost(first.el, post) === 'header') return first;
  if (textBefore(post, first.el, MAX_TEXT_BEFORE_TITLE) >= MAX_TEXT_BEFORE_TITLE) return null;
  return rest.every((h) => h.level > first.level) ? first : null;
}

/**
 * The heading level of the talks. A shallower level whose every heading groups several deeper ones
 * ("Day 1" over talks, or post titles of an archive without <article>s) is a post level instead.
 */
function findTalkLevel(body: Candidate[]): number {
  const levels = [...new Set(body.map((h) => h.level))].sort((a, b) => a - b);
  for (let i = 0; i < levels.length - 1; i++) {
    const level = levels[i]!;
    const next = levels[i + 1]!;
    let groups = 0;
    let children = 0;
    let childless = false;
    let open = false; // inside a group heading's span, and it has no child yet
    for (const h of body) {
      if (h.level <= level) {
        if (open) childless = true;
        open = h.level === level;
        if (open) groups++;
      } else if (h.level === next) {
        children++;
        open = false;
      }
    }
    if (open) childless = true;
    if (childless || children <= groups) return level;
  }
  return levels[levels.length - 1]!;
}

/** Paragraphs used as titles: a bold-only `<p>`/`<div>`, or (`plain`) a short unpunctuated line before prose. */
function pseudoHeadings(post: Element, kind: 'bold' | 'plain'): Candidate[] {
  const found: Candidate[] = [];
  for (const el of post.querySelectorAll('p, div')) {
    if (
      el.tagName === 'DIV' &&
      el.querySelector('p, div, ul, ol, table, blockquote, pre, section, article, h1, h2, h3, h4, h5, h6')
    ) {
      continue;
    }
    const text = clean(el.textContent);
    if (!text || text.length > MAX_LINE || !/\p{L}/u.test(text)) continue;
    if (el.querySelector('br, time, img') || tokens(el).some((t) => META_TOKEN.test(t))) continue;
    if (contextInPost(el, post) !== 'content') continue;
    if (kind === 'bold') {
      // Titles end without sentence punctuation; a question is still a title ("Dude, Where's My Microservice?").
      if (/[.,;:]$/.test(text) || !isAllBold(el)) continue;
      if (!nextBlockText(el)) continue;
    } else {
      if (/[.,;:!?…]$/.test(text) || el.querySelector('b, strong, a')) continue;
      const next = nextBlockText(el);
      // Followed by prose: a longer paragraph that reads like sentences.
      if (!next || next.length < Math.max(80, text.length * 2) || !/[.!?:…)"”]$/.test(next)) continue;
    }
    found.push({ el, level: PSEUDO_LEVEL, text });
  }
  return found;
}

function isAllBold(el: Element): boolean {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let sawText = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    sawText = true;
    let bold = false;
    for (let p = node.parentElement; p && p !== el; p = p.parentElement) {
      if (p.tagName === 'B' || p.tagName === 'STRONG') bold = true;
    }
    if (!bold) return false;
  }
  return sawText;
}

function nextBlockText(el: Element): string {
  const next = el.nextElementSibling;
  return next && !next.matches(HEADINGS) ? clean(next.textContent) : '';
}

/** Where `el` sits within `post`: in its content, in its `<header>`, or in parts that never hold titles. */
function contextInPost(el: Element, post: Element): 'content' | 'header' | 'excluded' {
  let inHeader = false;
  if (tokens(el).some((t) => IN_POST_BOILERPLATE.test(t))) return 'excluded';
  for (let node = el.parentElement; node && node !== post; node = node.parentElement) {
    if (node.tagName === 'HEADER' || node.getAttribute('role') === 'banner') {
      inHeader = true;
      continue;
    }
    // <section><header><h2>Talk</h2></header>...: a section's header titles the section, not the post.
    if (node.tagName === 'SECTION' || node.tagName === 'ARTICLE') inHeader = false;
    if (BOILERPLATE_TAGS.has(node.tagName) || NOT_TITLE_CONTEXT.has(node.tagName)) return 'excluded';
    if (BOILERPLATE_ROLES.has(node.getAttribute('role') ?? '')) return 'excluded';
    if (tokens(node).some((t) => IN_POST_BOILERPLATE.test(t))) return 'excluded';
  }
  if (NOT_TITLE_CONTEXT.has(el.tagName)) return 'excluded';
  return inHeader ? 'header' : 'content';
}

// ---------------------------------------------------------------------------------------------- text

/** The section's opening paragraphs (up to the next title), for speaker detection. */
function sectionLead(heading: Element, post: Element, boundaries: Set<Element>): string {
  const parts: string[] = [];
  let length = 0;
  for (let node: Element | null = heading; node && node !== post; node = node.parentElement) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(HEADINGS) || boundaries.has(sib) || sib.querySelector(HEADINGS))
        return parts.join('\n');
      if (sib.matches('ul, ol, table, pre, figure')) continue;
      const text = clean(sib.textContent);
      if (!text) continue;
      parts.push(text);
      length += text.length;
      if (parts.length >= 2 || length >= LEAD_CHARS) return parts.join('\n');
    }
  }
  return parts.join('\n');
}

/** Length of the text in `post` before `el`, counted up to `limit`. */
function textBefore(post: Element, el: Element, limit: number): number {
  const walker = post.ownerDocument.createTreeWalker(post, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (el.contains(node) || !precedes(node, el)) break;
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    length += clean(node.textContent).length;
  }
  return length;
}

/** The document's title as a post title would repeat it: whole, and without a " | Site" part either side. */
function documentTitles(doc: Document): Set<string> {
  const raw = [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content')];
  const titles = new Set<string>();
  for (const value of raw) {
    const title = clean(value).toLowerCase();
    if (!title) continue;
    titles.add(title);
    const separators = [...title.matchAll(/\s+(?:[|–—·•»/]|-|::)\s+/g)];
    const first = separators[0];
    const last = separators[separators.length - 1];
    if (first && last) {
      titles.add(title.slice(0, last.index).trim());
      titles.add(title.slice(first.index + first[0].length).trim());
    }
  }
  titles.delete('');
  return titles;
}

/** 1-6 for h1-h6; paragraphs used as titles rank below every heading. */
export function titleLevel(el: Element): number {
  return /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : PSEUDO_LEVEL;
}

/**
 * True when `el` is a heading that ends the talk titled by `talkHeading` before `node`: a non-empty heading
 * of a higher rank (a post-level heading) between the two, in the post's content.
 */
export function postHeadingBetween(post: Element, talkHeading: Element, node: Node): boolean {
  const level = titleLevel(talkHeading);
  for (const el of post.querySelectorAll(HEADINGS)) {
    if (titleLevel(el) >= level || !precedes(talkHeading, el)) continue;
    if (!precedes(el, node) && !el.contains(node)) continue;
    if (titleText(el) && contextInPost(el, post) !== 'excluded') return true;
  }
  return false;
}

/** True when `a` comes before `b` in the document (and does not contain it). */
function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0 && !a.contains(b);
}

function tokens(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`.split(/\s+/).filter(Boolean);
}

/** A heading's text without the permalink or edit marks sites append ("Current status #", "History[edit]"). */
function titleText(el: Element): string {
  return clean(el.textContent).replace(/\s*(?:\[edit\]|[#¶§🔗])$/u, '');
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
