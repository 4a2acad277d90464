/**
 * Talks a page declares in schema.org JSON-LD: `Event`s (and their sub-types), `VideoObject`s,
 * presentations, with their performers. Conference sites and video pages publish them; a line whose
 * title is one of them names a talk. The JSON is the page's and untrusted: parsed defensively, bounded.
 */
import { isPersonName } from './people';

export interface DeclaredTalk {
  /** The item's name, normalised for comparison (see `titleKey`). */
  key: string;
  speakers: string[];
}

/** Types whose items may be talks (the conference itself is an Event too: it is simply never a line's title). */
const TALK_TYPES =
  /^(?:Event|EducationEvent|BusinessEvent|SocialEvent|VideoObject|PresentationDigitalDocument|CreativeWork|Lecture|Talk|Course)$/;
/** Bounds: a page's JSON-LD is small; anything bigger is not parsed. */
const MAX_SCRIPT_CHARS = 200_000;
const MAX_ITEMS = 2_000;

/** What a page's JSON-LD says: the talks it declares and the headlines of its articles. */
export interface StructuredData {
  declared: DeclaredTalk[];
  /**
   * The "headline" of each Article, BlogPosting or NewsArticle, which a site may set to the talk's title
   * while the page's heading is a headline of its own.
   */
  headlines: string[];
}

/** Reads `doc`'s JSON-LD once: its talk-like items and its articles' headlines. */
export function structuredData(doc: Document): StructuredData {
  const declared: DeclaredTalk[] = [];
  const headlines: string[] = [];
  for (const data of jsonLd(doc)) {
    if (declared.length < MAX_ITEMS) collect(data, declared, 0);
    collectHeadlines(data, headlines, 0);
  }
  return { declared: declared.slice(0, MAX_ITEMS), headlines };
}

/** The talk-like items of `doc`'s JSON-LD. */
export function declaredTalks(doc: Document): DeclaredTalk[] {
  return structuredData(doc).declared;
}

/** Each JSON-LD script of `doc`, parsed; scripts too big or not JSON are left out. */
function* jsonLd(doc: Document): Generator<unknown> {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    try {
      yield JSON.parse(text);
    } catch {}
  }
}

function collectHeadlines(value: unknown, out: string[], depth: number): void {
  if (depth > 4 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectHeadlines(item, out, depth + 1);
    return;
  }
  const item = value as Record<string, unknown>;
  if (typeof item.headline === 'string') out.push(item.headline);
  collectHeadlines(item['@graph'], out, depth + 1);
}

function collect(value: unknown, out: DeclaredTalk[], depth: number): void {
  if (depth > 6 || out.length >= MAX_ITEMS || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const item = value as Record<string, unknown>;
  const types = ([] as unknown[])
    .concat(item['@type'] ?? [])
    .filter((t): t is string => typeof t === 'string');
  const name = typeof item.name === 'string' ? item.name : null;
  if (name && types.some((t) => TALK_TYPES.test(t))) {
    const speakers = ['performer', 'performers', 'actor', 'speaker', 'presenter', 'author', 'creator']
      .flatMap((k) => ([] as unknown[]).concat(item[k] ?? []))
      .map((p) =>
        typeof p === 'string' ? p : typeof p === 'object' && p ? (p as Record<string, unknown>).name : null,
      )
      .filter((p): p is string => typeof p === 'string' && isPersonName(p.trim()))
      .map((p) => p.trim());
    out.push({ key: titleKey(name), speakers: [...new Set(speakers)] });
  }
  for (const key of [
    '@graph',
    'subEvent',
    'subEvents',
    'hasPart',
    'itemListElement',
    'item',
    'workPerformed',
  ]) {
    collect(item[key], out, depth + 1);
  }
}

/** Lower case, quotes and dashes unified, whitespace collapsed. */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/["'`´‘’“”«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The declared talk a line's title names: the same name, or a name that starts with it and continues
 * with a separator ("Title – Speaker | Event"). Null when none.
 */
export function declaredTalkFor(title: string, talks: readonly DeclaredTalk[]): DeclaredTalk | null {
  const key = titleKey(title);
  if (key.length < 4) return null;
  return (
    talks.find((t) => t.key === key) ??
    talks.find((t) => t.key.startsWith(key) && /^\s*[-|:(,]/.test(t.key.slice(key.length))) ??
    null
  );
}
