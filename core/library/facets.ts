/**
 * What the library offers to choose from: counts of tags, sites, colours and talks for the
 * filters, the conferences' days, tracks and rooms, and talks that may be the same talk written up
 * on another page (for merging).
 */
import { type LibraryIndex, ORPHAN, UNKNOWN_SITE } from './library-index';
import { scheduleIndex } from './schedule-index';
import { foldCase } from './search';
import { tagsOf } from '../record-notes';
import { HIGHLIGHT_COLORS, type HighlightColor, type TalkRecord } from '../types';

const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface Count<T> {
  value: T;
  count: number;
}

/** What the filters can offer, from the whole library: tags, sites and colours with counts. */
export interface LibraryFacets {
  /**
   * Tags (first spelling seen, case-insensitively merged), alphabetical, with the number of
   * highlights that carry each themselves or through their talk or page (core/library/filters.ts
   * `tagCarrier`).
   */
  tags: Count<string>[];
  /** Sites, alphabetical. */
  sites: Count<string>[];
  colors: Count<HighlightColor>[];
  /**
   * Number of highlights filed under each talk (its own, before links to conference talks), by
   * talk id; talks without highlights are absent.
   */
  talkCounts: ReadonlyMap<string, number>;
  orphans: number;
  /**
   * What the conferences offer, with the number of highlights shown under their talks; every value
   * a conference talk has is listed, read about or not. Conferences by id, in the Conferences
   * view's order; days (conference-local `YYYY-MM-DD`) in order; tracks and rooms alphabetical.
   */
  conferences: Count<string>[];
  scheduleDays: Count<string>[];
  tracks: Count<string>[];
  rooms: Count<string>[];
}

/** Counts over the whole library, by slot (no lookups by id: it runs on every data change). */
export function libraryFacets(index: LibraryIndex): LibraryFacets {
  const perTalk = new Int32Array(index.talks.length);
  const perOwnTalk = new Int32Array(index.talks.length);
  const perPage = new Int32Array(index.pages.length);
  const perSpelling = new Map<string, number>();
  const perColor = new Int32Array(HIGHLIGHT_COLORS.length);
  let unknownPage = 0;
  let orphans = 0;
  // Whether each talk / page (by slot + 1; 0 is "none") carries tags of its own.
  const recordTagged = Uint8Array.from([0, ...index.talks.map((t) => (tagsOf(t).length ? 1 : 0))]);
  const pageTagged = Uint8Array.from([0, ...index.pages.map((p) => (tagsOf(p).length ? 1 : 0))]);
  for (let slot = 0; slot < index.highlights.length; slot++) {
    const talk = index.talkSlot[slot]!;
    const page = index.pageSlot[slot]!;
    if (talk >= 0) perTalk[talk]!++;
    const own = index.ownTalkSlot[slot]!;
    if (own >= 0) perOwnTalk[own]!++;
    if (page >= 0) perPage[page]!++;
    else unknownPage++;
    perColor[index.color[slot]!]!++;
    if (index.flags[slot]! & ORPHAN) orphans++;
    const tags = index.highlights[slot]!.tags;
    if (!recordTagged[talk + 1] && !recordTagged[own + 1] && !pageTagged[page + 1]) {
      for (let t = 0; t < tags.length; t++) perSpelling.set(tags[t]!, (perSpelling.get(tags[t]!) ?? 0) + 1);
      continue;
    }
    // Its talk's or page's tags count for it too (the tag filter's rule), each tag once.
    const seen = new Set<string>();
    for (const tag of [
      ...tags,
      ...(talk >= 0 ? tagsOf(index.talks[talk]) : []),
      ...(own >= 0 && own !== talk ? tagsOf(index.talks[own]) : []),
      ...(page >= 0 ? tagsOf(index.pages[page]) : []),
    ]) {
      const key = foldCase(tag);
      if (seen.has(key)) continue;
      seen.add(key);
      perSpelling.set(tag, (perSpelling.get(tag) ?? 0) + 1);
    }
  }
  const merge = (map: Map<string, Count<string>>, key: string, value: string, count: number) => {
    const entry = map.get(key);
    if (entry) entry.count += count;
    else map.set(key, { value, count });
  };
  const tags = new Map<string, Count<string>>();
  for (const [tag, count] of perSpelling) merge(tags, foldCase(tag), tag, count);
  const sites = new Map<string, Count<string>>();
  perPage.forEach((count, page) => {
    if (count) merge(sites, index.pageSites[page]!, index.pageSites[page]!, count);
  });
  if (unknownPage) merge(sites, UNKNOWN_SITE, UNKNOWN_SITE, unknownPage);
  const talkCounts = new Map<string, number>();
  perOwnTalk.forEach((count, talk) => {
    if (count) talkCounts.set(index.talks[talk]!.id, count);
  });
  const alpha = (a: Count<string>, b: Count<string>) => COLLATOR.compare(a.value, b.value);
  return {
    ...scheduleFacets(index, perTalk),
    tags: [...tags.values()].sort(alpha),
    sites: [...sites.values()].sort(alpha),
    colors: HIGHLIGHT_COLORS.map((value, i) => ({ value, count: perColor[i]! })).filter((c) => c.count > 0),
    talkCounts,
    orphans,
  };
}

/** The conferences, days, tracks and rooms of the conference talks, with the highlights under them. */
function scheduleFacets(index: LibraryIndex, perTalk: Int32Array) {
  const schedule = scheduleIndex(index);
  const conferences = schedule.conferences.map((c) => ({ value: c.id, count: 0 }));
  const days = new Map<string, Count<string>>();
  const tracks = new Map<string, Count<string>>();
  const rooms = new Map<string, Count<string>>();
  const add = (map: Map<string, Count<string>>, value: string | null | undefined, count: number) => {
    if (!value) return;
    const entry = map.get(value);
    if (entry) entry.count += count;
    else map.set(value, { value, count });
  };
  schedule.talksOf.forEach((slots, c) => {
    for (const slot of slots) {
      const count = perTalk[slot]!;
      const talk = index.talks[slot]!;
      conferences[c]!.count += count;
      add(days, schedule.day[slot], count);
      add(tracks, talk.track, count);
      add(rooms, talk.room, count);
    }
  });
  const alpha = (a: Count<string>, b: Count<string>) => COLLATOR.compare(a.value, b.value);
  return {
    conferences,
    scheduleDays: [...days.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    tracks: [...tracks.values()].sort(alpha),
    rooms: [...rooms.values()].sort(alpha),
  };
}

/** A talk title reduced for comparison: lowercase letters and digits, single spaces. */
function titleKey(title: string): string {
  return foldCase(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Talks that may be the same talk as `target` (the same talk written up on another page): equal
 * titles once case and punctuation are ignored, or one title containing the other. Best first.
 */
export function similarTalks(target: TalkRecord, talks: readonly TalkRecord[]): TalkRecord[] {
  const key = titleKey(target.title);
  if (!key) return [];
  const scored: { talk: TalkRecord; score: number }[] = [];
  for (const talk of talks) {
    if (talk.id === target.id) continue;
    const other = titleKey(talk.title);
    if (!other) continue;
    if (other === key) scored.push({ talk, score: 0 });
    else if (Math.min(other.length, key.length) >= 6 && (other.includes(key) || key.includes(other)))
      scored.push({ talk, score: 1 });
  }
  return scored.sort((a, b) => a.score - b.score || a.talk.createdAt - b.talk.createdAt).map((s) => s.talk);
}
