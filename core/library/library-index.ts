/**
 * The library's index, built once per change of the data: the highlights newest first, each one's
 * talk and page as array slots (no lookups by id per keystroke), colours and flags as typed arrays.
 * Search (./search.ts), filters (./filters.ts), grouping (./groups.ts) and the sidebar's counts
 * (./facets.ts) all read it. Nothing in core/library/ touches Preact, Dexie or the DOM, so every step
 * is unit-tested and benchmarked alone.
 *
 * The dashboard's pipeline, each step memoized by the caller on its inputs:
 * `buildLibraryIndex(data)` → `searchLibrary(index, terms)` → `filterLibrary(index, filter, hits)`
 * → `groupHighlights(index, slots, by)` → `flattenGroups(groups, collapsed)`.
 */
import { groupPagesByPost } from '../post-pages';
import { isOffered, resolveTalk } from '../schedule/resolve';
import {
  type ConferenceRecord,
  HIGHLIGHT_COLORS,
  type HighlightRecord,
  type PageRecord,
  type TalkRecord,
} from '../types';

export interface LibraryData {
  highlights: readonly HighlightRecord[];
  pages: readonly PageRecord[];
  /** Every talk: the pages' talks and the conferences' talks. */
  talks: readonly TalkRecord[];
  /** Imported conference schedules (none when left out). */
  conferences?: readonly ConferenceRecord[];
}

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
  conferencesById: ReadonlyMap<string, ConferenceRecord>;
  /**
   * Per slot: index into `talks` of the talk the highlight is shown under, -1 for none (or a
   * missing talk). That is its own talk, or the conference talk its talk links to
   * (core/schedule/resolve.ts): search, filters, grouping and counts all see the conference talk.
   */
  talkSlot: Int32Array;
  /** Per talk slot: the slot of the talk it is shown as (itself, or the conference talk it links to). */
  shownTalk: Int32Array;
  /** Per slot: index into `talks` of the highlight's own talk (before links), -1 for none. */
  ownTalkSlot: Int32Array;
  /** Per slot: index into `pages` of the highlight's page, -1 for a missing page. */
  pageSlot: Int32Array;
  /** Talks and pages by their slot (the order of `LibraryData`). */
  talks: readonly TalkRecord[];
  pages: readonly PageRecord[];
  conferences: readonly ConferenceRecord[];
  /** Site of each page, by page slot (see `siteOf`). */
  pageSites: string[];
  /**
   * Per page slot: the slot of its post's first page (core/post-pages.ts): pages that are one post
   * (a moved post, an archive's copy, AMP and print views) are listed as one (#18).
   */
  postSlot: Int32Array;
  /** Per page slot of a post's first page: the post's addresses, permalink first; others empty. */
  postAddresses: readonly (readonly string[])[];
  /** How many posts the pages are (each post's pages counted once). */
  postCount: number;
  /** Per slot: the colour's index in HIGHLIGHT_COLORS (comparing numbers, not strings, per keystroke). */
  color: Uint8Array;
  /** Per slot: ORPHAN and HAS_NOTE bits. */
  flags: Uint8Array;
  /** Search text, once `prepareSearch` has built it. */
  search: SearchText | null;
  /** The conferences arranged for the Conferences view, once `scheduleIndex` has built it. */
  schedule: ScheduleIndex | null;
}

/** Conferences and their talks in schedule order (./schedule-index.ts). */
export interface ScheduleIndex {
  /** Conferences, the latest first (by first day; undated last), then by title. */
  conferences: readonly ConferenceRecord[];
  /** Per conference (same order): its talks' slots in schedule order. */
  talksOf: readonly Int32Array[];
  /** Per talk slot: the conference-local day (`YYYY-MM-DD`), '' when unknown or not a conference talk. */
  day: readonly string[];
  /** Per talk slot: index into `conferences` of the talk's conference, -1 for a page talk. */
  conference: Int32Array;
  /** Per talk slot of a conference talk: the pages of the page talks linked to it (its write-ups). */
  linkedPages: readonly (readonly PageRecord[] | undefined)[];
}

/** Lowercase text for search; talk and page text is stored once, not once per highlight. */
export interface SearchText {
  /** Per slot: the highlight's text, note and tags. */
  own: string[];
  /**
   * Per talk slot: title and speakers; for a conference talk also its subtitle, room, track,
   * abstract and the titles of the page talks linked to it.
   */
  talks: string[];
  /** Per page slot: title and site. */
  pages: string[];
}

export const UNKNOWN_SITE = 'Unknown site';
/** Bits of `LibraryIndex.flags`. */
export const ORPHAN = 1;
export const HAS_NOTE = 2;
/** Each colour's slot in HIGHLIGHT_COLORS (the numbers `LibraryIndex.color` holds). */
export const COLOR_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
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
  const shownTalk = new Int32Array(data.talks.length);
  data.talks.forEach((talk, i) => {
    const shown = resolveTalk(talk, talksById);
    shownTalk[i] = shown === talk ? i : talkIndex.get(shown.id)!;
  });
  const conferences = data.conferences ?? [];
  const pageSites = data.pages.map((page, i) => {
    pagesById.set(page.id, page);
    pageIndex.set(page.id, i);
    return siteOf(page);
  });
  const posts = groupPagesByPost(data.pages);
  const talkSlot = new Int32Array(n);
  const ownTalkSlot = new Int32Array(n);
  const pageSlot = new Int32Array(n);
  const color = new Uint8Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = highlights[i]!;
    const own = h.talkId === null ? undefined : talkIndex.get(h.talkId);
    ownTalkSlot[i] = own ?? -1;
    // A passage the clip guard offered stays under its page talk until the reader decides.
    talkSlot[i] = own === undefined ? -1 : isOffered(h, talksById) ? own : shownTalk[own]!;
    pageSlot[i] = pageIndex.get(h.pageId) ?? -1;
    color[i] = COLOR_INDEX[h.color] ?? 0;
    flags[i] = (h.anchorStatus === 'orphan' ? ORPHAN : 0) | (h.note.trim() !== '' ? HAS_NOTE : 0);
  }
  return {
    highlights,
    pagesById,
    talksById,
    conferencesById: new Map(conferences.map((c) => [c.id, c])),
    talkSlot,
    shownTalk,
    ownTalkSlot,
    pageSlot,
    talks: data.talks,
    pages: data.pages,
    conferences,
    pageSites,
    postSlot: posts.postOf,
    postAddresses: posts.addresses,
    postCount: posts.postOf.filter((root, i) => root === i).length,
    color,
    flags,
    search: null,
    schedule: null,
  };
}

/** The highlights at `slots`, in that order. */
export function highlightsAt(index: LibraryIndex, slots: Int32Array): HighlightRecord[] {
  const out = new Array<HighlightRecord>(slots.length);
  for (let k = 0; k < slots.length; k++) out[k] = index.highlights[slots[k]!]!;
  return out;
}
