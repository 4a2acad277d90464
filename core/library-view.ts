/**
 * The dashboard's view of the library, as pure functions: an index built once per data change,
 * then search and filters over it. Grouping and the list's rows are in ./library-groups.ts,
 * counts for the filters in ./library-facets.ts. Nothing here touches Preact, Dexie or the DOM,
 * so every step is unit-tested and benchmarked alone.
 *
 * The pipeline, each step memoized by the caller on its inputs:
 * `buildLibraryIndex(data)` → `searchLibrary(index, terms)` → `filterLibrary(index, filter, hits)`
 * → `groupHighlights(index, slots, by)` → `flattenGroups(groups, collapsed)`.
 */
import { foldCase, MAX_TERMS } from './search';
import {
  type CollectionRecord,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type PageRecord,
  type TalkRecord,
} from './types';

export interface LibraryData {
  highlights: readonly HighlightRecord[];
  pages: readonly PageRecord[];
  talks: readonly TalkRecord[];
}

/** Separates fields in a haystack so a term never matches across two of them. */
const FIELD_SEPARATOR = '\u0001';

/**
 * What search, filters and grouping read, precomputed once per data change: the highlights in
 * order, each one's talk and page as array slots (no lookups by id per keystroke), and lookups by
 * id. The lowercase text search scans is built on first use (`prepareSearch`), so the first render
 * does not wait for it.
 */
export interface LibraryIndex {
  /** Every highlight, newest first: the order of unsorted results. Slots index this array. */
  highlights: HighlightRecord[];
  pagesById: ReadonlyMap<string, PageRecord>;
  talksById: ReadonlyMap<string, TalkRecord>;
  /** Per slot: index into `talks` of the highlight's talk, -1 for none (or a missing talk). */
  talkSlot: Int32Array;
  /** Per slot: index into `pages` of the highlight's page, -1 for a missing page. */
  pageSlot: Int32Array;
  /** Talks and pages by their slot (the order of `LibraryData`). */
  talks: readonly TalkRecord[];
  pages: readonly PageRecord[];
  /** Site of each page, by page slot (see `siteOf`). */
  pageSites: string[];
  /** Per slot: the colour's index in HIGHLIGHT_COLORS (comparing numbers, not strings, per keystroke). */
  color: Uint8Array;
  /** Per slot: ORPHAN and HAS_NOTE bits. */
  flags: Uint8Array;
  /** Search text, once `prepareSearch` has built it. */
  search: SearchText | null;
}

/** Lowercase text for search; talk and page text is stored once, not once per highlight. */
export interface SearchText {
  /** Per slot: the highlight's text, note and tags. */
  own: string[];
  /** Per talk slot: title and speakers. */
  talks: string[];
  /** Per page slot: title and site. */
  pages: string[];
}

export const UNKNOWN_SITE = 'Unknown site';
/** Bits of `LibraryIndex.flags`. */
export const ORPHAN = 1;
export const HAS_NOTE = 2;
const COLOR_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  HIGHLIGHT_COLORS.map((c, i) => [c, i]),
);

/** The site a page belongs to, as readers name it: its site name, else its host. */
export function siteOf(page: Pick<PageRecord, 'siteName' | 'url'> | undefined): string {
  const name = page?.siteName?.trim();
  if (name) return name;
  if (!page) return UNKNOWN_SITE;
  try {
    return new URL(page.url).hostname || page.url;
  } catch {
    return page.url;
  }
}

/** The site of the highlight at `slot`. */
export function siteAt(index: LibraryIndex, slot: number): string {
  return index.pageSites[index.pageSlot[slot]!] ?? UNKNOWN_SITE;
}

/** Builds the index; O(n log n) over the library, run once per change of the data. */
export function buildLibraryIndex(data: LibraryData): LibraryIndex {
  const n = data.highlights.length;
  // Newest first, ties in input order: a typed-array sort of positions beats sorting the objects.
  const created = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    created[i] = data.highlights[i]!.createdAt;
    order[i] = i;
  }
  order.sort((a, b) => created[b]! - created[a]! || a - b);
  const highlights = new Array<HighlightRecord>(n);
  for (let i = 0; i < n; i++) highlights[i] = data.highlights[order[i]!]!;

  const pagesById = new Map<string, PageRecord>();
  const talksById = new Map<string, TalkRecord>();
  const talkIndex = new Map<string, number>();
  const pageIndex = new Map<string, number>();
  data.talks.forEach((talk, i) => {
    talksById.set(talk.id, talk);
    talkIndex.set(talk.id, i);
  });
  const pageSites = data.pages.map((page, i) => {
    pagesById.set(page.id, page);
    pageIndex.set(page.id, i);
    return siteOf(page);
  });
  const talkSlot = new Int32Array(n);
  const pageSlot = new Int32Array(n);
  const color = new Uint8Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = highlights[i]!;
    talkSlot[i] = h.talkId === null ? -1 : (talkIndex.get(h.talkId) ?? -1);
    pageSlot[i] = pageIndex.get(h.pageId) ?? -1;
    color[i] = COLOR_INDEX[h.color] ?? 0;
    flags[i] = (h.anchorStatus === 'orphan' ? ORPHAN : 0) | (h.note.trim() !== '' ? HAS_NOTE : 0);
  }
  return {
    highlights,
    pagesById,
    talksById,
    talkSlot,
    pageSlot,
    talks: data.talks,
    pages: data.pages,
    pageSites,
    color,
    flags,
    search: null,
  };
}

/**
 * The index's search text, built on the first call and kept on the index (the dashboard calls it
 * when idle after the first render, so the first keystroke finds it ready).
 */
export function prepareSearch(index: LibraryIndex): SearchText {
  if (index.search) return index.search;
  const own = new Array<string>(index.highlights.length);
  for (let i = 0; i < own.length; i++) {
    const h = index.highlights[i]!;
    own[i] = foldCase(h.tags.length || h.note ? [h.text, h.note, ...h.tags].join(FIELD_SEPARATOR) : h.text);
  }
  index.search = {
    own,
    talks: index.talks.map((t) => foldCase([t.title, ...t.speakers].join(FIELD_SEPARATOR))),
    pages: index.pages.map((p, i) => foldCase([p.title, index.pageSites[i]].join(FIELD_SEPARATOR))),
  };
  return index.search;
}

/** Bit `t` set when term `t` occurs in the text. */
function termMasks(texts: readonly string[], terms: readonly string[]): Int32Array {
  const masks = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    let mask = 0;
    for (let t = 0; t < terms.length; t++) if (texts[i]!.includes(terms[t]!)) mask |= 1 << t;
    masks[i] = mask;
  }
  return masks;
}

/**
 * Slots of the highlights where every term occurs in the highlight's text, note, tags, talk
 * (title, speakers) or page (title, site). `within` limits the scan to earlier hits (see
 * `isRefinement`); without it the whole library is scanned. Slots stay in index order.
 */
export function searchLibrary(
  index: LibraryIndex,
  terms: readonly string[],
  within?: Int32Array | null,
): Int32Array {
  const n = index.highlights.length;
  const used = terms.slice(0, MAX_TERMS);
  const all = (1 << used.length) - 1; // used.length <= MAX_TERMS < 31
  const text = prepareSearch(index);
  const talkMasks = termMasks(text.talks, used);
  const pageMasks = termMasks(text.pages, used);
  const ownText = text.own;
  const { talkSlot, pageSlot } = index;
  const hits = new Int32Array(within ? within.length : n);
  let count = 0;
  const total = within ? within.length : n;
  for (let k = 0; k < total; k++) {
    const slot = within ? within[k]! : k;
    const talk = talkSlot[slot]!;
    const page = pageSlot[slot]!;
    const mask = (talk < 0 ? 0 : talkMasks[talk]!) | (page < 0 ? 0 : pageMasks[page]!);
    let found = true;
    if (mask !== all) {
      const own = ownText[slot]!;
      for (let t = 0; t < used.length; t++) {
        if ((mask & (1 << t)) === 0 && !own.includes(used[t]!)) {
          found = false;
          break;
        }
      }
    }
    if (found) hits[count++] = slot;
  }
  return hits.slice(0, count);
}

/** Everything the reader can narrow the library by; criteria combine (all must hold). */
export interface LibraryFilter {
  /** Search text, as typed (see `parseQuery`). */
  query: string;
  /** Highlights carrying every one of these tags (case-insensitive). */
  tags: readonly string[];
  /** Highlights of any of these talks. */
  talkIds: readonly string[];
  /** Highlights from any of these sites (see `siteOf`). */
  sites: readonly string[];
  /** Highlights in any of these colours. */
  colors: readonly HighlightColor[];
  /** First day (local `YYYY-MM-DD`, inclusive) a highlight was made on. */
  fromDay: string | null;
  /** Last day (local `YYYY-MM-DD`, inclusive). */
  toDay: string | null;
  hasNote: boolean;
  /** Only highlights the last visit could not find on their page. */
  orphansOnly: boolean;
  /** Only highlights in this collection. */
  collectionId: string | null;
}

export const EMPTY_FILTER: LibraryFilter = {
  query: '',
  tags: [],
  talkIds: [],
  sites: [],
  colors: [],
  fromDay: null,
  toDay: null,
  hasNote: false,
  orphansOnly: false,
  collectionId: null,
};

/** True when any criterion narrows the library. */
export function isFiltered(filter: LibraryFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.tags.length > 0 ||
    filter.talkIds.length > 0 ||
    filter.sites.length > 0 ||
    filter.colors.length > 0 ||
    filter.fromDay !== null ||
    filter.toDay !== null ||
    filter.hasNote ||
    filter.orphansOnly ||
    filter.collectionId !== null
  );
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day of a timestamp, as `YYYY-MM-DD`. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting the day `key` (`YYYY-MM-DD`); NaN when the key is not a date. */
export function dayStart(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** Local midnight ending the day `key`: the start of the next day. */
export function dayEnd(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime();
}

type Test = (h: HighlightRecord, slot: number) => boolean;

/**
 * Slots of the highlights that pass every criterion of `filter` except the query, taken from
 * `hits` (search results) or from the whole library when `hits` is null; index order.
 * `collections` resolves `filter.collectionId`; an unknown collection matches nothing.
 */
export function filterLibrary(
  index: LibraryIndex,
  filter: LibraryFilter,
  hits: Int32Array | null,
  collections: readonly CollectionRecord[] = [],
): Int32Array {
  const tests: Test[] = [];
  if (filter.collectionId !== null) {
    const collection = collections.find((c) => c.id === filter.collectionId);
    const members = new Set(collection?.highlightIds ?? []);
    tests.push((h) => members.has(h.id));
  }
  const needed = (filter.orphansOnly ? ORPHAN : 0) | (filter.hasNote ? HAS_NOTE : 0);
  if (needed) tests.push((_, slot) => (index.flags[slot]! & needed) === needed);
  if (filter.colors.length) {
    const colors = new Uint8Array(HIGHLIGHT_COLORS.length);
    for (const c of filter.colors) colors[COLOR_INDEX[c] ?? 0] = 1;
    tests.push((_, slot) => colors[index.color[slot]!] === 1);
  }
  if (filter.talkIds.length) {
    const talks = new Set(filter.talkIds);
    tests.push((h) => h.talkId !== null && talks.has(h.talkId));
  }
  if (filter.sites.length) {
    const sites = new Set(filter.sites);
    tests.push((_, slot) => sites.has(siteAt(index, slot)));
  }
  if (filter.tags.length) {
    const wanted = filter.tags.map(foldCase);
    tests.push((h) => wanted.every((tag) => h.tags.some((t) => foldCase(t) === tag)));
  }
  const from = filter.fromDay ? dayStart(filter.fromDay) : Number.NaN;
  if (!Number.isNaN(from)) tests.push((h) => h.createdAt >= from);
  const until = filter.toDay ? dayEnd(filter.toDay) : Number.NaN;
  if (!Number.isNaN(until)) tests.push((h) => h.createdAt < until);

  const total = hits ? hits.length : index.highlights.length;
  if (tests.length === 0) return hits ?? Int32Array.from({ length: total }, (_, k) => k);
  const out = new Int32Array(total);
  let count = 0;
  outer: for (let k = 0; k < total; k++) {
    const slot = hits ? hits[k]! : k;
    const h = index.highlights[slot]!;
    for (const test of tests) if (!test(h, slot)) continue outer;
    out[count++] = slot;
  }
  return out.slice(0, count);
}

/** The highlights at `slots`, in that order. */
export function highlightsAt(index: LibraryIndex, slots: Int32Array): HighlightRecord[] {
  const out = new Array<HighlightRecord>(slots.length);
  for (let k = 0; k < slots.length; k++) out[k] = index.highlights[slots[k]!]!;
  return out;
}

/** Names the filter's criteria refer to, for `describeFilter`. */
export interface FilterNames {
  talkTitle: (id: string) => string | undefined;
  colorLabel: (color: HighlightColor) => string;
  collectionName: (id: string) => string | undefined;
}

/** The filter in words ("Search “rust” · tags: kernel · with a note"), '' when it is empty. */
export function describeFilter(filter: LibraryFilter, names: FilterNames): string {
  const parts: string[] = [];
  if (filter.collectionId !== null) {
    parts.push(`collection: ${names.collectionName(filter.collectionId) ?? 'unknown'}`);
  }
  if (filter.query.trim()) parts.push(`search “${filter.query.trim()}”`);
  if (filter.tags.length) parts.push(`tags: ${filter.tags.join(', ')}`);
  if (filter.talkIds.length) {
    parts.push(`talks: ${filter.talkIds.map((id) => names.talkTitle(id) ?? 'unknown').join(', ')}`);
  }
  if (filter.sites.length) parts.push(`sites: ${filter.sites.join(', ')}`);
  if (filter.colors.length) parts.push(`colours: ${filter.colors.map(names.colorLabel).join(', ')}`);
  if (filter.fromDay && filter.toDay) parts.push(`from ${filter.fromDay} to ${filter.toDay}`);
  else if (filter.fromDay) parts.push(`from ${filter.fromDay}`);
  else if (filter.toDay) parts.push(`until ${filter.toDay}`);
  if (filter.hasNote) parts.push('with a note');
  if (filter.orphansOnly) parts.push('not found on their page');
  const text = parts.join(' · ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}
