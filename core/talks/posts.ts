/**
 * The posts of a page: each `<article>` of an archive, each repeated post container of a blog that
 * uses none (Blogger's `.post`), else the main content. A live blog's entries are `<article>`s too,
 * but one talk spans several of them: a run of short dated sibling articles is one post.
 */
import { childElements, clean, HEADINGS, isBoilerplate } from './dom';

const POST_SELECTORS = [
  'main',
  '[role="main"]',
  '[itemprop="articleBody"]',
  '.post, .hentry, .entry-content, .post-content, .post-body, .article-body, .article-content, .blog-post',
];
/** Containers that blogs repeat once per post on archive and label pages. */
const REPEATED_POST = '.post, .hentry, [itemprop="blogPost"], .blog-post, .type-post';
/** Entries of a live blog are short: a post of its own is longer than this on average. */
const MAX_ENTRY_CHARS = 1500;
/** A repeated post container with less text than this is a teaser or a widget, not a post. */
const MIN_POST_CHARS = 80;

/** The post containers under `root`, in document order. */
export function findPosts(root: Element | Document): Element[] {
  const articles = outermost([...root.querySelectorAll('article')].filter((a) => !isBoilerplate(a)));
  if (root.nodeType === 1 && (root as Element).tagName === 'ARTICLE') return [root as Element];
  const posts = mergeLiveBlogEntries(articles);
  if (posts.length) return posts;
  const repeated = outermost([...root.querySelectorAll(REPEATED_POST)].filter((el) => !isBoilerplate(el)));
  if (repeated.length >= 2 && repeated.every((el) => clean(el.textContent).length > MIN_POST_CHARS))
    return repeated;
  for (const selector of POST_SELECTORS) {
    const found = [...root.querySelectorAll(selector)].find((el) => !isBoilerplate(el));
    if (found) return [found];
  }
  const densest = densestProse(root);
  return densest ? [densest] : [];
}

/** Elements not inside another element of the list. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/**
 * Short sibling articles (three or more) are parts of one page, not posts: dated ones are a live
 * blog's entries (their parent is the post), undated ones are cards (session cards, teasers) inside
 * the page's content, which is then found as if there were no articles.
 */
function mergeLiveBlogEntries(articles: Element[]): Element[] {
  const byParent = new Map<Element, Element[]>();
  for (const article of articles) {
    const parent = article.parentElement;
    if (!parent) continue;
    byParent.set(parent, [...(byParent.get(parent) ?? []), article]);
  }
  const merged = new Set<Element>();
  const cards = new Set<Element>();
  for (const [parent, siblings] of byParent) {
    if (siblings.length < 3) continue;
    const chars = siblings.reduce((sum, a) => sum + clean(a.textContent).length, 0) / siblings.length;
    if (chars > MAX_ENTRY_CHARS) continue;
    const dated = siblings.filter((a) => a.querySelector('time'));
    if (dated.length >= siblings.length * 0.6) merged.add(parent);
    else for (const card of siblings) cards.add(card);
  }
  const posts: Element[] = [];
  for (const article of articles) {
    if (cards.has(article)) continue;
    const parent = article.parentElement;
    const post = parent && merged.has(parent) ? parent : article;
    if (!posts.includes(post)) posts.push(post);
  }
  return posts;
}

/** Share of the page's prose that the content container holds. */
const CONTENT_SHARE = 0.7;
/** Blocks with less text than this are labels and buttons, not prose. */
const MIN_PROSE = 40;
const BLOCK = /^(?:P|DIV|LI|DD|TD|BLOCKQUOTE|SECTION|ARTICLE|MAIN|H[1-6]|PRE|FIGCAPTION)$/;

/**
 * The deepest element holding most of the page's prose (paragraphs, or the div blocks of pages that
 * use no <p>, such as Notion's), leaving chrome out.
 */
function densestProse(root: Element | Document): Element | null {
  const body = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!body) return null;
  const own = new Map<Element, number>();
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let block = node.parentElement;
    if (!block || /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(block.tagName)) continue;
    while (block && block !== body && !BLOCK.test(block.tagName)) block = block.parentElement;
    if (!block) continue;
    own.set(block, (own.get(block) ?? 0) + clean(node.textContent).length);
  }
  const totals = new Map<Element, number>();
  let total = 0;
  for (const [block, length] of own) {
    if (length < MIN_PROSE || isBoilerplate(block)) continue;
    total += length;
    for (let el: Element | null = block; el; el = el === body ? null : el.parentElement) {
      totals.set(el, (totals.get(el) ?? 0) + length);
    }
  }
  if (!total) return null;
  let best = body;
  for (;;) {
    const child = childElements(best).find((c) => (totals.get(c) ?? 0) >= total * CONTENT_SHARE);
    if (!child) return best;
    best = child;
  }
}

/**
 * A live blog's entries inside `post`: its outermost inner articles; else, where the blog builds them of
 * other elements (an `<ol>` timeline of `<li>`s, a feed of `<div>`s), the largest run of three or more
 * like siblings most of which hold one time stamp (`<time>`) each and are short, as entries are, two of
 * them at least titled by a heading (a comment thread's messages have none). Empty when there is neither.
 */
export function liveBlogEntries(post: Element): Element[] {
  const articles = outermost([...post.querySelectorAll('article')]);
  if (articles.length) return articles;
  const parents = new Set<Element>();
  for (const time of post.querySelectorAll('time')) if (time.parentElement) parents.add(time.parentElement);
  let best: Element[] = [];
  for (const parent of parents) {
    for (let node: Element | null = parent; node && node !== post; node = node.parentElement) {
      const holder = node.parentElement;
      if (!holder || holder.childElementCount < 3) continue;
      const siblings = childElements(holder).filter((c) => c.tagName === node!.tagName);
      if (siblings.length < 3 || siblings.length <= best.length) continue;
      const dated = siblings.filter((s) => s.querySelectorAll('time').length === 1);
      const chars = siblings.reduce((sum, s) => sum + clean(s.textContent).length, 0) / siblings.length;
      // A live blog titles some entries with headings; a comment thread's messages have none.
      const headed = siblings.filter((s) => s.querySelector(HEADINGS)).length;
      if (dated.length >= siblings.length * 0.6 && chars <= MAX_ENTRY_CHARS && headed >= 2) best = siblings;
    }
  }
  return best;
}
