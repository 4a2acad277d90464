/**
 * The dashboard's filters: what the reader can narrow the library by (tags, talks, sites, colours,
 * dates, a note, not found, a collection; a conference's conferences, days, tracks and rooms),
 * applied to the index's slots after the search. Talks are those the highlights are shown under
 * (core/schedule/resolve.ts): a passage of a page talk linked to a conference talk is that talk's.
 */
import { tagsOf } from '../record-notes';
import { resolveTalkId } from '../schedule/resolve';
import {
  type CollectionRecord,
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightRecord,
  type SavedSearch,
} from '../types';
import { dayEnd, dayStart } from './days';
import { COLOR_INDEX, HAS_NOTE, type LibraryIndex, ORPHAN, siteAt } from './library-index';
import { scheduleIndex } from './schedule-index';
import { foldCase, parseQuery, searchLibrary } from './search';

/** Everything the reader can narrow the library by; criteria combine (all must hold). */
export interface LibraryFilter {
  /** Search text, as typed (see `parseQuery`). */
  query: string;
  /**
   * Highlights carrying every one of these tags (case-insensitive), on the highlight itself, its
   * talk or its page (`tagCarrier`).
   */
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
  /** Highlights of the talks of any of these conferences. */
  conferenceIds: readonly string[];
  /** Highlights of conference talks held on any of these days (conference-local `YYYY-MM-DD`). */
  scheduleDays: readonly string[];
  /** Highlights of conference talks in any of these tracks. */
  tracks: readonly string[];
  /** Highlights of conference talks in any of these rooms. */
  rooms: readonly string[];
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
  conferenceIds: [],
  scheduleDays: [],
  tracks: [],
  rooms: [],
};

/** True when any criterion narrows the library. */
export function isFiltered(filter: LibraryFilter): boolean {
  return filter.query.trim() !== '' || hasScheduleCriteria(filter) || narrowsHighlights(filter);
}

/** True when the filter narrows by conference, day, track or room: criteria a schedule talk meets or not. */
export function hasScheduleCriteria(filter: LibraryFilter): boolean {
  return (
    filter.conferenceIds.length > 0 ||
    filter.scheduleDays.length > 0 ||
    filter.tracks.length > 0 ||
    filter.rooms.length > 0
  );
}

/**
 * True when the filter has a criterion only a highlight can meet (tags, talks, sites, colours,
 * dates, a note, not found, a collection): the Conferences view then lists no talk without a
 * matching highlight.
 */
export function narrowsHighlights(filter: LibraryFilter): boolean {
  return (
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

type Test = (h: HighlightRecord, slot: number) => boolean;

/**
 * Slots of the highlights that pass every criterion of `filter` except the query, taken from
 * `hits` (search results) or from the whole library when `hits` is null; index order.
 * `collections` resolves `filter.collectionId` (see `collectionSlots`); an unknown collection matches
 * nothing. `opening`: the saved searches being resolved, so one that leads back to itself stops.
 */
export function filterLibrary(
  index: LibraryIndex,
  filter: LibraryFilter,
  hits: Int32Array | null,
  collections: readonly CollectionRecord[] = [],
  opening: ReadonlySet<string> = new Set(),
): Int32Array {
  const tests: Test[] = [];
  if (filter.collectionId !== null) {
    const members = collectionSlots(index, filter.collectionId, collections, opening);
    tests.push((_, slot) => members[slot] === 1);
  }
  const needed = (filter.orphansOnly ? ORPHAN : 0) | (filter.hasNote ? HAS_NOTE : 0);
  if (needed) tests.push((_, slot) => (index.flags[slot]! & needed) === needed);
  if (filter.colors.length) {
    const colors = new Uint8Array(HIGHLIGHT_COLORS.length);
    for (const c of filter.colors) colors[COLOR_INDEX[c] ?? 0] = 1;
    tests.push((_, slot) => colors[index.color[slot]!] === 1);
  }
  if (filter.talkIds.length) {
    // A talk chosen before it was linked stands for the conference talk it now shows as.
    const wanted = new Uint8Array(index.talks.length);
    for (const id of filter.talkIds) {
      const shown = resolveTalkId(id, index.talksById);
      const at = shown === null ? -1 : index.talks.indexOf(index.talksById.get(shown)!);
      if (at >= 0) wanted[at] = 1;
    }
    tests.push((_, slot) => index.talkSlot[slot]! >= 0 && wanted[index.talkSlot[slot]!] === 1);
  }
  const talkPasses = scheduleMatches(index, filter);
  if (talkPasses)
    tests.push((_, slot) => index.talkSlot[slot]! >= 0 && talkPasses[index.talkSlot[slot]!] === 1);
  if (filter.sites.length) {
    const sites = new Set(filter.sites);
    tests.push((_, slot) => sites.has(siteAt(index, slot)));
  }
  if (filter.tags.length) {
    const wanted = filter.tags.map(foldCase);
    const carries = tagCarrier(index);
    tests.push((h, slot) => wanted.every((tag) => carries(h, slot, tag)));
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

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * Whether a highlight carries a tag (case-folded) for the tag filter (#17): itself, its talk (its
 * own talk or the conference talk it is shown under) or its page. A highlight matches a tag if it,
 * its talk or its page carries it.
 */
export function tagCarrier(index: LibraryIndex): (h: HighlightRecord, slot: number, tag: string) => boolean {
  const fold = (tags: readonly string[]) => (tags.length ? new Set(tags.map(foldCase)) : NO_TAGS);
  const talkTags = index.talks.map((t) => fold(tagsOf(t)));
  const pageTags = index.pages.map((p) => fold(tagsOf(p)));
  return (h, slot, tag) => {
    if (h.tags.some((t) => foldCase(t) === tag)) return true;
    const shown = index.talkSlot[slot]!;
    const own = index.ownTalkSlot[slot]!;
    const page = index.pageSlot[slot]!;
    return (
      (shown >= 0 && talkTags[shown]!.has(tag)) ||
      (own >= 0 && talkTags[own]!.has(tag)) ||
      (page >= 0 && pageTags[page]!.has(tag))
    );
  };
}

/**
 * Per talk slot, 1 when the talk is a conference talk that meets the filter's conference, day,
 * track and room criteria (each "any of"; together "all"); null when the filter has none of them.
 */
export function scheduleMatches(index: LibraryIndex, filter: LibraryFilter): Uint8Array | null {
  if (!hasScheduleCriteria(filter)) return null;
  const schedule = scheduleIndex(index);
  const conferences = new Set(filter.conferenceIds);
  const days = new Set(filter.scheduleDays);
  const tracks = new Set(filter.tracks);
  const rooms = new Set(filter.rooms);
  const passes = new Uint8Array(index.talks.length);
  for (let slot = 0; slot < index.talks.length; slot++) {
    if (schedule.conference[slot] === -1) continue;
    const talk = index.talks[slot]!;
    if (conferences.size && !conferences.has(talk.conferenceId!)) continue;
    if (days.size && !days.has(schedule.day[slot]!)) continue;
    if (tracks.size && !tracks.has(talk.track ?? '')) continue;
    if (rooms.size && !rooms.has(talk.room ?? '')) continue;
    passes[slot] = 1;
  }
  return passes;
}

/**
 * Per slot, 1 for the highlights of collection `id`: a fixed set's members, or a saved search's
 * results as the library is now (its query and filters run again, so highlights clipped since it
 * was saved are in it). An unknown collection, or a saved search that leads back to one being
 * resolved (`opening`), has none.
 */
export function collectionSlots(
  index: LibraryIndex,
  id: string,
  collections: readonly CollectionRecord[],
  opening: ReadonlySet<string> = new Set(),
): Uint8Array {
  const marks = new Uint8Array(index.highlights.length);
  const collection = collections.find((c) => c.id === id);
  if (!collection || opening.has(id)) return marks;
  if (collection.search) {
    const terms = parseQuery(collection.search.query);
    const hits = terms.length ? searchLibrary(index, terms) : null;
    const inner = new Set(opening).add(id);
    for (const slot of filterLibrary(index, collection.search, hits, collections, inner)) marks[slot] = 1;
    return marks;
  }
  const members = new Set(collection.highlightIds);
  for (let slot = 0; slot < marks.length; slot++)
    if (members.has(index.highlights[slot]!.id)) marks[slot] = 1;
  return marks;
}

/**
 * How many highlights each collection holds now, by id: a fixed set's that still exist, a saved
 * search's current results (see `collectionSlots`).
 */
export function collectionSizes(
  index: LibraryIndex,
  collections: readonly CollectionRecord[],
): Map<string, number> {
  const ids = new Set<string>();
  for (const h of index.highlights) ids.add(h.id);
  const sizes = new Map<string, number>();
  for (const c of collections) {
    let count = 0;
    if (c.search) for (const mark of collectionSlots(index, c.id, collections)) count += mark;
    else for (const id of new Set(c.highlightIds)) if (ids.has(id)) count++;
    sizes.set(c.id, count);
  }
  return sizes;
}

/** The filter as a saved search keeps it (plain arrays, every criterion). */
export function toSavedSearch(filter: LibraryFilter): SavedSearch {
  return {
    query: filter.query.trim(),
    tags: [...filter.tags],
    talkIds: [...filter.talkIds],
    sites: [...filter.sites],
    colors: [...filter.colors],
    fromDay: filter.fromDay,
    toDay: filter.toDay,
    hasNote: filter.hasNote,
    orphansOnly: filter.orphansOnly,
    collectionId: filter.collectionId,
    conferenceIds: [...filter.conferenceIds],
    scheduleDays: [...filter.scheduleDays],
    tracks: [...filter.tracks],
    rooms: [...filter.rooms],
  };
}
