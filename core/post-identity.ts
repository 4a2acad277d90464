/**
 * Which post a page shows (#18), beside its URL: the permalinks the page declares for itself
 * (`<link rel=canonical>`, `og:url`, JSON-LD `mainEntityOfPage` / `url`), the post's fingerprint
 * (its heading and first paragraphs, normalized and hashed), and on archive and tag pages, which show
 * several posts in full, each `<article>`'s own permalink and fingerprint.
 *
 * These are claims made by the page, untrusted: the background keeps only those of the page's own
 * site (core/site.ts) before it looks anything up. Read (by post-identity.js, loaded on demand) on
 * every visit to a site the library holds a page of, so it stays cheap: tag-name lookups and the text
 * of a few paragraphs, never the whole page's text.
 */
import { LIMITS } from './limits';
import { normalizeUrl } from './url';

/** What a page claims about the posts it shows, as it travels to the background. */
export interface PostClaim {
  /** Permalinks the page declares for the post it shows (canonical first), its own URL left out. */
  permalinks: string[];
  /** Fingerprint of the post the page shows; null on archive pages and pages with too little text. */
  fingerprint: string | null;
  /** Archive and tag pages: each post shown in full, in document order. Empty on a post's own page. */
  articles: ArticleClaim[];
  /**
   * The browser brought the reader here through an HTTP redirect within the page's origin (its
   * navigation entry's `redirectCount`, which no page script can change): a moved post's old link.
   * Only then, or with `referrer`, is a post found by its fingerprint alone drawn without asking.
   */
  redirected?: true;
  /** The page the reader came from (`document.referrer`, normalized): a client redirect's old address. */
  referrer?: string;
}

export interface ArticleClaim {
  permalink: string;
  fingerprint: string | null;
  /** The post's heading as the page shows it (the title its clips are filed with). */
  title: string;
}

/** A claim and the elements of the articles it names, same order (the content script draws in them). */
export interface PostIdentity {
  claim: PostClaim;
  articleElements: Element[];
}

/** At most this many declared permalinks and archive articles are claimed (the message's limits). */
export const MAX_PERMALINKS = LIMITS.claimedPermalinks;
export const MAX_ARTICLES = LIMITS.archiveArticles;
/** A fingerprint needs this much paragraph text; less (a stub, a list page) is no fingerprint. */
export const MIN_FINGERPRINT_TEXT = 80;
/** Paragraph text read for a fingerprint: enough to tell posts apart, little enough to stay cheap. */
const FINGERPRINT_TEXT = 400;
/** JSON-LD blocks larger than this are not parsed on a visit. */
const MAX_JSON_LD = 100_000;

const POST_TYPES = /(Article|BlogPosting|Posting|Report|WebPage)$/;

/**
 * Reads the post identity of `doc`, whose own key is `pageUrl` (normalized). Never throws on a
 * page's markup: what cannot be read is left out.
 */
export function readPostIdentity(doc: Document, pageUrl: string): PostIdentity {
  const articles = archiveArticles(doc, pageUrl);
  const permalinks = unique(
    [canonical(doc), ogUrl(doc), ...jsonLdPermalinks(doc)]
      .map((href) => resolve(href, pageUrl))
      .filter((url): url is string => url !== null && url !== pageUrl),
  ).slice(0, MAX_PERMALINKS);
  return {
    claim: {
      permalinks,
      fingerprint: articles.length ? null : fingerprintOf(mainScope(doc)),
      articles: articles.map((a) => a.claim),
    },
    articleElements: articles.map((a) => a.element),
  };
}

/**
 * A post's fingerprint: its heading and the start of its paragraphs, case, accents, punctuation and
 * spacing ignored, hashed (two 32-bit FNV-1a, 16 hex digits). Null when there is too little text to
 * tell one post from another.
 */
export function postFingerprint(heading: string, paragraphs: readonly string[]): string | null {
  let body = '';
  for (const paragraph of paragraphs) {
    // A long paragraph only counts by its start: normalizing all of it would cost for nothing.
    const normalized = normalizeText(paragraph.slice(0, FINGERPRINT_TEXT * 2));
    if (!normalized) continue;
    body = body ? `${body} ${normalized}` : normalized;
    if (body.length >= FINGERPRINT_TEXT) break;
  }
  if (body.length < MIN_FINGERPRINT_TEXT) return null;
  const text = `${normalizeText(heading)}\n${body.slice(0, FINGERPRINT_TEXT)}`;
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
}

/** Lower case, no accents, letters and digits only, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The part of a post's page that holds the post: its only `<article>`, else `<main>`, else the body. */
function mainScope(doc: Document): Element | null {
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1) return articles[0]!;
  return doc.getElementsByTagName('main')[0] ?? doc.body;
}

function fingerprintOf(scope: Element | null): string | null {
  if (!scope) return null;
  return postFingerprint(headingOf(scope), firstParagraphs(scope));
}

function headingOf(scope: Element): string {
  return (firstHeading(scope)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first h1, h2 or h3 of `scope` in document order. */
function firstHeading(scope: Element): Element | null {
  let first: Element | null = null;
  for (const tag of ['h1', 'h2', 'h3']) {
    const found = scope.getElementsByTagName(tag)[0];
    if (found && (!first || first.compareDocumentPosition(found) & DOCUMENT_POSITION_PRECEDING))
      first = found;
  }
  return first;
}

/** `Node.DOCUMENT_POSITION_PRECEDING`, spelled out: core reads no page global. */
const DOCUMENT_POSITION_PRECEDING = 2;

/** Texts of the first paragraphs of `scope`, read until there is enough for a fingerprint. */
function firstParagraphs(scope: Element): string[] {
  const texts: string[] = [];
  let length = 0;
  const own = scope.closest('article');
  for (const p of scope.getElementsByTagName('p')) {
    // A comment or card nested in the post (its own <article>) is not the post's text.
    if (own && p.closest('article') !== own) continue;
    const text = p.textContent ?? '';
    if (!text.trim()) continue;
    texts.push(text);
    length += text.length;
    if (length >= FINGERPRINT_TEXT * 2) break;
  }
  return texts;
}

/**
 * The posts an archive or tag page shows: its outermost `<article>`s that link to a permalink of
 * their own (`rel=bookmark`, the heading's link, microformats' `u-url`) other than this page. A page
 * with fewer than two is a post's own page, not an archive.
 */
function archiveArticles(doc: Document, pageUrl: string): { claim: ArticleClaim; element: Element }[] {
  const found: { claim: ArticleClaim; element: Element }[] = [];
  const all = doc.getElementsByTagName('article');
  if (all.length < 2) return found;
  for (const element of all) {
    if (element.parentElement?.closest('article')) continue; // a comment or card inside a post
    const link = permalinkOf(element);
    const permalink = resolve(link?.getAttribute('href') ?? null, pageUrl);
    if (!permalink || permalink === pageUrl) continue;
    found.push({
      element,
      claim: {
        permalink,
        fingerprint: fingerprintOf(element),
        title: headingOf(element).slice(0, LIMITS.title),
      },
    });
    if (found.length >= MAX_ARTICLES) break;
  }
  return found.length >= 2 ? found : [];
}

/** An article's own permalink: `rel=bookmark`, else its heading's link, else microformats' `u-url`. */
function permalinkOf(article: Element): Element | null {
  let heading: Element | null = null;
  let uUrl: Element | null = null;
  for (const a of article.getElementsByTagName('a')) {
    if (!a.hasAttribute('href')) continue;
    if (hasToken(a.getAttribute('rel'), 'bookmark')) return a;
    if (!heading && a.closest('h1, h2, h3') && article.contains(a.closest('h1, h2, h3'))) heading = a;
    if (!uUrl && a.classList.contains('u-url')) uUrl = a;
  }
  return heading ?? uUrl;
}

// Tag-name lookups, not querySelector: on a large page a selector query walks the whole document
// (tens of milliseconds in jsdom), and this runs on every visit.
function canonical(doc: Document): string | null {
  for (const link of doc.getElementsByTagName('link')) {
    if (hasToken(link.getAttribute('rel'), 'canonical') && link.hasAttribute('href'))
      return link.getAttribute('href');
  }
  return null;
}

function ogUrl(doc: Document): string | null {
  for (const meta of doc.head?.getElementsByTagName('meta') ?? []) {
    if (meta.getAttribute('property')?.toLowerCase() === 'og:url') return meta.getAttribute('content');
  }
  return null;
}

function hasToken(list: string | null, token: string): boolean {
  return !!list && list.toLowerCase().split(/\s+/).includes(token);
}

/** `mainEntityOfPage` and `url` of the post objects in the page's JSON-LD (top level and `@graph`). */
function jsonLdPermalinks(doc: Document): string[] {
  const found: string[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
    const nodes = Array.isArray(data) ? data : [data];
    for (const node of nodes.flatMap((n) =>
      isObject(n) && Array.isArray(n['@graph']) ? n['@graph'] : [n],
    )) {
      if (!isObject(node) || !isPostType(node['@type'])) continue;
      const entity = node.mainEntityOfPage;
      if (typeof entity === 'string') found.push(entity);
      else if (isObject(entity)) {
        if (typeof entity['@id'] === 'string') found.push(entity['@id']);
        else if (typeof entity.url === 'string') found.push(entity.url);
      }
      if (typeof node.url === 'string') found.push(node.url);
    }
    if (found.length >= MAX_PERMALINKS) break;
  }
  return found;
}

function isPostType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && POST_TYPES.test(t));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An href resolved against the page and normalized; null unless http(s) and short enough to store. */
function resolve(href: string | null, pageUrl: string): string | null {
  if (!href?.trim()) return null;
  try {
    const url = normalizeUrl(new URL(href.trim(), pageUrl).href);
    return url && url.length <= LIMITS.url ? url : null;
  } catch {
    return null;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
