/**
 * Page metadata as a notes user wants it: title, authors, site, date, language, canonical URL and
 * excerpt. Reads `<meta>`, JSON-LD and a few conventional elements, and runs Mozilla Readability on an
 * inert copy of the page (./inert.ts: nothing in it loads or runs) for its article heuristics (title,
 * byline, excerpt) and to tell whether the page holds an article at all. Pure: takes the document as a
 * parameter and never modifies it.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { inertCopyOfDocument } from './inert';
import { LIMITS } from './limits';
import { cleanText, truncate } from './text';
import type { PageMetadata } from './types';
import { normalizeUrl } from './url';

export interface ExtractPageMetadataOptions {
  /** Readability gives up on documents with more elements than this (it throws; we fall back to metadata only). */
  maxElemsToParse?: number;
  /** The page URL when it differs from `doc.URL` (e.g. a document parsed from a string). */
  url?: string;
}

export interface ExtractedPage {
  metadata: PageMetadata;
  /** What Readability found, or null when the page holds no article or is too large to parse. */
  article: { title: string; textLength: number } | null;
}

export const DEFAULT_MAX_ELEMS_TO_PARSE = 30_000;

/**
 * Extracts the metadata of `doc`. Throws only when neither `options.url` nor `doc.URL` is an http(s) URL
 * (a page record needs one); malformed JSON-LD, odd dates and pages without an article are tolerated.
 */
export function extractPageMetadata(doc: Document, options: ExtractPageMetadataOptions = {}): ExtractedPage {
  const pageUrl = options.url ?? doc.URL;
  const url = normalizeUrl(pageUrl);
  if (url === null) throw new RangeError(`extractPageMetadata needs an http(s) page URL, got "${pageUrl}"`);

  const article = runReadability(doc, options.maxElemsToParse ?? DEFAULT_MAX_ELEMS_TO_PARSE);
  const meta = readMetaTags(doc);
  const ld = readJsonLd(doc);

  const siteName =
    bounded(
      firstOf(meta, ['og:site_name']) ??
        ld.siteName ??
        firstOf(meta, ['application-name']) ??
        article?.siteName,
      LIMITS.siteName,
    ) ?? null;
  // Titles the page states win over Readability's, which guesses at separators ("Evolve: Shared ..." -> "Shared ...").
  // The JSON-LD headline first: og:title is often a variant written for social cards.
  const rawTitle =
    cleanText(ld.headline) ||
    firstOf(meta, ['og:title', 'twitter:title']) ||
    firstOf(meta, ['dc.title', 'dcterms.title']) ||
    cleanText(doc.title) ||
    cleanText(article?.title) ||
    cleanText(doc.querySelector('h1')?.textContent) ||
    url; // a page with no title at all is still listed by something
  const title = truncate(stripSiteName(rawTitle, siteName), LIMITS.title);

  return {
    metadata: {
      url,
      title,
      authors: findAuthors(doc, meta, ld, article?.byline),
      siteName,
      publishedAt: findPublishedAt(doc, meta, ld, article?.publishedTime),
      lang: findLang(doc, meta, article?.lang),
      canonicalUrl: findCanonicalUrl(doc, pageUrl),
      excerpt:
        bounded(
          firstOf(meta, ['description', 'og:description', 'twitter:description', 'dc.description']) ??
            article?.excerpt,
          LIMITS.excerpt,
        ) ?? null,
    },
    article: article
      ? { title: truncate(cleanText(article.title) || title, LIMITS.title), textLength: article.length }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------- Readability

interface ReadabilityArticle {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  length: number;
}

function runReadability(doc: Document, maxElemsToParse: number): ReadabilityArticle | null {
  try {
    // Readability would throw on the clone anyway; counting first spares us cloning a huge page.
    if (doc.getElementsByTagName('*').length > maxElemsToParse) return null;
    // Readability always returns its best attempt, even a menu; this is its own "is there an article" test.
    if (!isProbablyReaderable(doc)) return null;
    // Readability rewrites the DOM it parses: give it a copy so the reader's page stays as it is, in an
    // inert document (a clone in the page would load its images and run their handlers again).
    const clone = inertCopyOfDocument(doc);
    const parsed = new Readability(clone, { maxElemsToParse }).parse();
    if (!parsed) return null;
    return {
      title: parsed.title ?? '',
      byline: parsed.byline ?? null,
      excerpt: parsed.excerpt ?? null,
      siteName: parsed.siteName ?? null,
      publishedTime: parsed.publishedTime ?? null,
      lang: parsed.lang ?? null,
      length: parsed.length ?? parsed.textContent?.length ?? 0,
    };
  } catch {
    // Too many elements ("Aborting parsing document"), or markup Readability chokes on: metadata only.
    return null;
  }
}

// ---------------------------------------------------------------------------------------------- meta tags

/** `<meta name|property|itemprop|http-equiv>` contents by lower-cased key, in document order. */
function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const content = cleanText(el.getAttribute('content'));
    if (!content) continue;
    const keys = [
      el.getAttribute('name'),
      el.getAttribute('property'),
      el.getAttribute('itemprop'),
      el.getAttribute('http-equiv'),
    ];
    for (const attr of keys) {
      // `property` may hold several space-separated names ("og:title twitter:title").
      for (const key of (attr ?? '').toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const values = tags.get(key);
        if (!values) tags.set(key, [content]);
        else if (!values.includes(content)) values.push(content);
      }
    }
  }
  return tags;
}

type MetaTags = Map<string, string[]>;

/** The first value of the first key present. */
function firstOf(meta: MetaTags, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value) return value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- JSON-LD

interface JsonLdFacts {
  headline?: string;
  authors: string[];
  datePublished?: string;
  siteName?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE =
  /^(Article|NewsArticle|BlogPosting|Blog|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|LiveBlogPosting|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|WebPage|ItemPage|AboutPage|Event|PresentationDigitalDocument|CreativeWork)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

/** Reads the article-like JSON-LD nodes of the page. Malformed blocks are skipped, never thrown. */
function readJsonLd(doc: Document): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    // Some CMSs wrap the JSON in HTML comments or CDATA markers.
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)/, '')
      .replace(/(?:-->|(?:\/\/\s*)?\]\]>)\s*$/, '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      continue;
    }
    collectNodes(parsed, nodes, 0);
  }

  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown =>
    isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1
      ? (byId.get(value['@id']) ?? value)
      : value;

  const facts: JsonLdFacts = { authors: [] };
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  // Prefer a real article type over the WebPage that wraps it.
  articles.sort((a, b) => rank(a) - rank(b));
  for (const node of articles) {
    facts.headline ??= stringValue(node.headline) ?? stringValue(node.name);
    facts.datePublished ??= stringValue(node.datePublished) ?? stringValue(node.dateCreated);
    if (!facts.authors.length) facts.authors = personNames(node.author, resolve);
    if (!facts.authors.length) facts.authors = personNames(node.creator, resolve);
    if (!facts.siteName) {
      const publisher = resolve(node.publisher);
      facts.siteName = isObject(publisher) ? stringValue(publisher.name) : stringValue(publisher);
    }
  }
  if (!facts.siteName) {
    const site = nodes.find((n) => typesOf(n).includes('WebSite'));
    if (site) facts.siteName = stringValue(site.name);
  }
  return facts;
}

function rank(node: JsonObject): number {
  const types = typesOf(node);
  if (types.some((t) => /Article|Posting|Report/.test(t))) return 0;
  if (types.some((t) => /Page$/.test(t))) return 2;
  return 1;
}

function collectNodes(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 4 || out.length > 200) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collectNodes(value['@graph'], out, depth + 1);
  }
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value) || undefined;
  if (Array.isArray(value)) return stringValue(value[0]);
  return undefined;
}

/** Names of a schema.org author value: a string, a Person/Organization, an @id reference, or an array of those. */
function personNames(value: unknown, resolve: (v: unknown) => unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const node = resolve(item);
    const name = isObject(node) ? stringValue(node.name) : stringValue(node);
    if (name) names.push(name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------- fields

function findAuthors(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdFacts,
  byline: string | null | undefined,
): string[] {
  // Pages with several authors repeat the tag (ietf: two DC.Creator): keep them all.
  const metaAuthors =
    ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author']
      .map((key) => meta.get(key) ?? [])
      .find((values) => values.length) ?? [];
  // rel=author link texts are often "Posts by X" or "View my complete profile": keep only name-shaped ones.
  const relAuthors = [...doc.querySelectorAll('a[rel~="author" i], link[rel~="author" i][title]')]
    .map((el) => cleanText(el.getAttribute('title') || el.textContent).replace(RE_POSTS_BY, ''))
    .filter(looksLikeName);
  // The first source that names anyone wins: mixing sources mostly adds variants of the same name.
  for (const source of [ld.authors, metaAuthors, relAuthors, byline ? splitByline(byline) : []]) {
    const names = dedupe(source.map(cleanAuthor).filter((n): n is string => n !== null));
    if (names.length) return names.slice(0, LIMITS.authors);
  }
  return [];
}

const RE_POSTS_BY = /^(?:(?:view\s+)?(?:all\s+|more\s+)?(?:posts|articles|stories|entries)\s+)?by\s+/i;
const NAME_PARTICLE = /^(?:de|del|der|den|da|das|di|do|dos|du|la|le|van|von|ter|ten|bin|ibn|al|y|zu)$/;

/** Capitalized words (and name particles), at most six: "Mike Conley", "Michiel de Jong", "J. R. R. Tolkien". */
function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length <= 6 &&
    words.some((w) => /^\p{Lu}/u.test(w)) &&
    words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) || NAME_PARTICLE.test(w))
  );
}

/** "By Nathan Willis\n March 25, 2015" -> ["Nathan Willis"]; "Written by A\n Edited by B" -> ["A"]. */
function splitByline(byline: string): string[] {
  const lines = byline
    .split(/\n+/)
    .map((l) => cleanText(l))
    .filter((l) => l && !/^(edited|illustrated|photos?|updated|posted)\b/i.test(l) && !looksLikeDate(l));
  return lines.slice(0, 1);
}

function cleanAuthor(raw: string): string | null {
  let name = cleanText(raw)
    .replace(/^(?:written\s+)?by\s*:?\s+/i, '')
    .replace(/\s*\((?:https?:\/\/|www\.)[^)]*\)\s*$/i, '') // "Name (http://example.org/)"
    .replace(/^@/, '');
  name = name.replace(/[,;|]+$/, '').trim();
  if (!name || name.length > LIMITS.personName) return null;
  if (/^(?:https?:\/\/|www\.)/i.test(name) || /^\S+@\S+\.\S+$/.test(name)) return null;
  if (!/\p{L}/u.test(name)) return null;
  return name;
}

function looksLikeDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}/.test(text) ||
    /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}$/i.test(text) ||
    /^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$/i.test(text)
  );
}

function findPublishedAt(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdFacts,
  readabilityTime: string | null | undefined,
): string | null {
  // A bare <time> only counts on a single-article page: on an archive it dates one post, not the page.
  const articles = doc.querySelectorAll('article');
  const scope =
    articles.length > 1
      ? null
      : (doc.querySelector('article, main, [role="main"], [itemprop="articleBody"]') ?? doc);
  const timeEl =
    doc.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]') ??
    [...(scope?.querySelectorAll('time[datetime]') ?? [])].find(
      (el) => !/modified|updated/i.test(`${el.getAttribute('itemprop')} ${el.className}`),
    );
  const candidates = [
    firstOf(meta, ['article:published_time']),
    ld.datePublished,
    firstOf(meta, ['datepublished']),
    timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content'),
    firstOf(meta, [
      'date',
      'dc.date',
      'dc.date.issued',
      'dcterms.date',
      'dcterms.issued',
      'dcterms.created',
      'pubdate',
      'publishdate',
      'parsely-pub-date',
      'sailthru.date',
      'og:published_time',
    ]),
    readabilityTime,
  ];
  for (const candidate of candidates) {
    const iso = candidate ? toIsoDate(candidate) : null;
    if (iso) return iso;
  }
  return null;
}

/**
 * ISO 8601 for the date formats we can read without guessing a time zone, keeping the author's
 * calendar date: a date-time with an offset keeps it (`2017-10-23T01:00:00+02:00`, not the UTC
 * instant, which falls on the 22nd), bare dates stay dates (`2024-06-25`), local date-times stay local
 * (`2017-10-29T08:35:00`), and RFC 2822 dates are written in their own offset. Anything else: null.
 * The first ten characters are always the date the author wrote (see `publishedDay` in core/page-view.ts).
 */
export function toIsoDate(input: string): string | null {
  const value = input.trim();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s = '00', frac, zone] = iso;
    if (!validDate(Number(y), Number(mo), Number(d))) return null;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
    const ms = frac ? `.${frac.padEnd(3, '0').slice(0, 3)}` : '';
    const local = `${y}-${mo}-${d}T${h}:${mi}:${s}${ms}`;
    if (!zone) return local;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    if (offset !== 'Z' && !validOffset(offset)) return null;
    return local + offset;
  }
  // RFC 2822 / HTTP dates carry their zone ("Tue, 02 Sep 2014 08:35:27 -0400", "... GMT").
  const rfc =
    /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+([+-]\d{4}|GMT|UTC|UT|Z)$/i.exec(
      value,
    );
  if (rfc) {
    const time = Date.parse(value);
    if (Number.isNaN(time)) return null;
    const zone = rfc[1]!;
    if (!/^[+-]/.test(zone)) return new Date(time).toISOString().replace('.000Z', 'Z');
    const offset = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    if (!validOffset(offset)) return null;
    const minutes = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)));
    // The wall-clock time where the author was: the instant moved by the offset, written without a zone.
    const wall = new Date(time + minutes * 60_000).toISOString().slice(0, 19);
    return wall + offset;
  }
  return null;
}

/** Offsets run from -12:00 to +14:00 in whole minutes. */
function validOffset(offset: string): boolean {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return false;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return Number(m[3]) < 60 && minutes <= 14 * 60;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function findLang(doc: Document, meta: MetaTags, readabilityLang: string | null | undefined): string | null {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    firstOf(meta, ['content-language', 'language', 'dc.language']),
    readabilityLang,
  ];
  for (const candidate of candidates) {
    // Content-Language may list several ("en, de"): the first is the main one.
    const tag = cleanText(candidate).split(/\s*[,;]\s*/)[0];
    if (!tag || /\s/.test(tag)) continue;
    try {
      const canonical = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
      if (canonical && canonical.length <= LIMITS.lang) return canonical;
    } catch {
      // Not a language tag; try the next source.
    }
  }
  return null;
}

function findCanonicalUrl(doc: Document, pageUrl: string): string | null {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim();
  if (!href) return null;
  try {
    const resolved = new URL(href, pageUrl);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
    return resolved.href.length <= LIMITS.url ? resolved.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------- text

const TITLE_SEPARATORS = ['|', '-', '–', '—', '·', '•', ':', '::', '»', '/'];

/** "Post | Site" or "Site – Post" -> "Post", only when the part removed is the site's name. */
export function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const site = siteName.toLowerCase();
  for (const sep of TITLE_SEPARATORS) {
    const suffix = ` ${sep} ${siteName}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) {
      return title.slice(0, -suffix.length).trim();
    }
    for (const prefix of sep === ':' ? [`${site}: `, `${site} : `] : [`${site} ${sep} `]) {
      if (title.length > prefix.length && title.toLowerCase().startsWith(prefix)) {
        return title.slice(prefix.length).trim();
      }
    }
  }
  return title;
}

function bounded(value: string | null | undefined, max: number): string | undefined {
  const cleaned = cleanText(value);
  return cleaned ? truncate(cleaned, max) : undefined;
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
