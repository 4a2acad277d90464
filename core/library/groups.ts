/**
 * Grouping the results (by talk, page, tag or day) and the flat list of rows the virtualized list
 * renders: group headers and highlights. Runs on every keystroke over tens of thousands of
 * highlights, so groups are found by slot and rows are two typed arrays, not objects.
 */
import { dayEnd, dayKey, dayStart } from './days';
import type { LibraryIndex } from './library-index';
import { foldCase } from './search';
import type { ConferenceRecord, HighlightRecord, PageRecord, TalkRecord } from '../types';

/**
 * How the dashboard groups its list (not a Markdown export's sections, core/markdown/export-options.ts
 * `ExportGroupBy`). `conference` is the Conferences view (./conference-groups.ts): conferences, their
 * days, and their talks in schedule order, read about or not.
 */
export type LibraryGroupBy = 'talk' | 'page' | 'tag' | 'day' | 'conference';

/**
 * How talk groups are ordered: `page`, each page's talks together in the order the page has them
 * (a conference's in schedule order), pages most recently clipped first; `newest`, the talk with the
 * newest clip first. Page order is the default everywhere (popup, dashboard, export).
 */
export const LIBRARY_ORDERS = ['page', 'newest'] as const;
export type LibraryOrder = (typeof LIBRARY_ORDERS)[number];
export const LIBRARY_GROUP_BY: readonly LibraryGroupBy[] = ['talk', 'page', 'tag', 'day', 'conference'];

export interface HighlightGroup {
  /** Unique within a grouping and stable across data changes: `talk:<id>`, `page:<id>`, ... */
  key: string;
  by: LibraryGroupBy;
  /** Talk title, page title, tag (first spelling seen), or day (`YYYY-MM-DD`); '' for "no tag". */
  title: string;
  /** The talk (talk view), null for the page's highlights outside any talk. */
  talk: TalkRecord | null;
  /** The page (page view, and talk view's "no talk" groups). */
  page: PageRecord | null;
  /** Pages the group's highlights came from, in the order of the group (a conference talk: and its linked write-ups). */
  pages: PageRecord[];
  /**
   * Page groups (and the talk view's "no talk" groups, which list them as one too): the addresses of
   * the post, permalink first, when it was read at more than one (#18: its pages are listed as one).
   */
  addresses?: readonly string[];
  highlights: HighlightRecord[];
  /** The Conferences view only (./conference-groups.ts): what the row is and where it sits. */
  schedule?: ScheduleRow;
}

/**
 * A row of the Conferences view: a conference's heading, a day's heading (no highlights of their
 * own: counts in `summary`), or a talk of the schedule with its highlights (none: not read about).
 */
export interface ScheduleRow {
  level: 'conference' | 'day' | 'talk';
  conference: ConferenceRecord;
  /** The conference-local day (`YYYY-MM-DD`) of a day or talk; '' for talks without one. */
  day: string;
  /** Keys of the headings above: the row is hidden when one of them is folded. */
  within: readonly string[];
  /** Headings: the talks listed under them, how many of those have highlights, and the highlights. */
  summary: { talks: number; read: number; highlights: number };
  /** Talks: how many of the highlights have a note. */
  notes: number;
}

/** Case- and accent-insensitive ordering of names (one collator: `localeCompare` is slow at scale). */
const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Document order within a page: position, then creation. */
function byPosition(a: HighlightRecord, b: HighlightRecord): number {
  return a.position - b.position || a.createdAt - b.createdAt;
}

export function emptyGroup(key: string, by: LibraryGroupBy, title: string): HighlightGroup {
  return { key, by, title, talk: null, page: null, pages: [], highlights: [] };
}

/** Adds the page of `slot` to the group's pages unless it is there (talks, pages, days have few). */
export function notePage(index: LibraryIndex, group: HighlightGroup, slot: number) {
  const page = index.pages[index.pageSlot[slot]!];
  if (page && group.pages[group.pages.length - 1] !== page && !group.pages.includes(page))
    group.pages.push(page);
}

/**
 * Groups results (slots in index order: newest first). Talk groups come in `order` (see
 * LIBRARY_ORDERS), page groups most recently active first; both list their highlights in document order (a talk's pages in turn); day groups
 * newest first; tag groups alphabetically, untagged last, and a highlight with several tags is in
 * each of their groups. Runs on every keystroke: groups are found by slot, not by string key.
 */
export function groupHighlights(
  index: LibraryIndex,
  slots: Int32Array,
  by: Exclude<LibraryGroupBy, 'conference'>,
  order: LibraryOrder = 'page',
): HighlightGroup[] {
  if (by === 'tag') return groupByTag(index, slots);
  if (by === 'day') return groupByDay(index, slots);
  const byTalk = new Array<HighlightGroup | undefined>(index.talks.length);
  const byPage = new Array<HighlightGroup | undefined>(index.pages.length);
  const unknownPages = new Map<string, HighlightGroup>();
  const groups: HighlightGroup[] = [];
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    const h = index.highlights[slot]!;
    const talkSlot = by === 'talk' ? index.talkSlot[slot]! : -1;
    const pageSlot = index.pageSlot[slot]!;
    // A post's pages are one group (#18), under its first page.
    const postSlot = pageSlot >= 0 ? index.postSlot[pageSlot]! : -1;
    let group =
      talkSlot >= 0 ? byTalk[talkSlot] : postSlot >= 0 ? byPage[postSlot] : unknownPages.get(h.pageId);
    if (!group) {
      if (talkSlot >= 0) {
        const talk = index.talks[talkSlot]!;
        group = { ...emptyGroup(`talk:${talk.id}`, by, talk.title), talk };
        byTalk[talkSlot] = group;
      } else {
        const page = index.pages[postSlot] ?? null;
        const key = `${by === 'talk' ? 'notalk' : 'page'}:${page?.id ?? h.pageId}`;
        group = { ...emptyGroup(key, by, page?.title ?? h.url), page };
        const addresses = postSlot >= 0 ? index.postAddresses[postSlot]! : [];
        if (addresses.length > 1) group.addresses = addresses;
        if (postSlot >= 0) byPage[postSlot] = group;
        else unknownPages.set(h.pageId, group);
      }
      groups.push(group);
    }
    group.highlights.push(h);
    notePage(index, group, slot);
  }
  for (const group of groups) sortInDocumentOrder(group);
  return by === 'talk' && order === 'page' ? inPageOrder(groups) : groups;
}

/**
 * Talk groups (newest first) regrouped by where their talks are: a page's (or a conference's) all
 * together, at the place of its most recent one; on a page, passages before any talk first, then
 * the talks by position (a conference's talks by schedule position).
 */
function inPageOrder(groups: HighlightGroup[]): HighlightGroup[] {
  const home = (g: HighlightGroup) =>
    g.talk ? (g.talk.pageId ?? `conference:${g.talk.conferenceId ?? g.talk.id}`) : (g.page?.id ?? g.key);
  const rank = new Map<string, number>();
  for (const group of groups) if (!rank.has(home(group))) rank.set(home(group), rank.size);
  const place = (g: HighlightGroup) => (g.talk ? g.talk.position : Number.NEGATIVE_INFINITY);
  return groups
    .map((group, i) => ({ group, i, rank: rank.get(home(group))! }))
    .sort((a, b) => a.rank - b.rank || place(a.group) - place(b.group) || a.i - b.i)
    .map(({ group }) => group);
}

/** A group's highlights in document order: page by page (in the order of `pages`), by position on each. */
export function sortInDocumentOrder(group: HighlightGroup): void {
  if (group.pages.length <= 1) group.highlights.sort(byPosition);
  else {
    const pageOrder = new Map(group.pages.map((p, i) => [p.id, i]));
    const order = (h: HighlightRecord) => pageOrder.get(h.pageId) ?? pageOrder.size;
    group.highlights.sort((a, b) => order(a) - order(b) || byPosition(a, b));
  }
}

function groupByDay(index: LibraryIndex, slots: Int32Array): HighlightGroup[] {
  const byDay = new Map<string, HighlightGroup>();
  let current: { start: number; end: number; group: HighlightGroup } | null = null;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    const h = index.highlights[slot]!;
    // Results come newest first, so consecutive highlights mostly share a day.
    if (!current || h.createdAt < current.start || h.createdAt >= current.end) {
      const day = dayKey(h.createdAt);
      let group = byDay.get(day);
      if (!group) {
        group = emptyGroup(`day:${day}`, 'day', day);
        byDay.set(day, group);
      }
      current = { start: dayStart(day), end: dayEnd(day), group };
    }
    current.group.highlights.push(h);
    notePage(index, current.group, slot);
  }
  return [...byDay.values()];
}

function groupByTag(index: LibraryIndex, slots: Int32Array): HighlightGroup[] {
  const groups = new Map<string, HighlightGroup>();
  // A tag spans many pages: a set per group, not a scan of its page list.
  const pages = new Map<HighlightGroup, Set<PageRecord>>();
  const add = (key: string, title: string, slot: number) => {
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup(key, 'tag', title);
      groups.set(key, group);
      pages.set(group, new Set());
    }
    group.highlights.push(index.highlights[slot]!);
    const page = index.pages[index.pageSlot[slot]!];
    if (page) pages.get(group)!.add(page);
  };
  // Spelling -> key, so each distinct spelling is folded once, not once per highlight.
  const keys = new Map<string, string>();
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    const tags = index.highlights[slot]!.tags;
    if (tags.length === 0) add('notag:', '', slot);
    for (const tag of tags) {
      let key = keys.get(tag);
      if (key === undefined) {
        key = `tag:${foldCase(tag)}`;
        keys.set(tag, key);
      }
      add(key, tag, slot);
    }
  }
  for (const [group, set] of pages) group.pages = [...set];
  return [...groups.values()].sort((a, b) => {
    if (a.key === 'notag:' || b.key === 'notag:') return a.key === 'notag:' ? 1 : -1;
    return COLLATOR.compare(a.title, b.title) || (a.key < b.key ? -1 : 1);
  });
}

export type LibraryRow =
  | { kind: 'group'; group: HighlightGroup; collapsed: boolean }
  | { kind: 'highlight'; group: HighlightGroup; highlight: HighlightRecord };

/**
 * The rows of the list, compactly: two numbers per row instead of an object (tens of thousands
 * of rows are rebuilt per keystroke; only the visible ones become `LibraryRow`s, via `rowAt`).
 */
export interface LibraryRows {
  length: number;
  groups: readonly HighlightGroup[];
  /** Per row: index of its group in `groups`. */
  group: Int32Array;
  /** Per row: index of its highlight in the group, -1 for the group's header. */
  item: Int32Array;
  /** Keys of the groups shown folded. */
  collapsed: ReadonlySet<string>;
}

/**
 * The rows of the list: each group's header, then its highlights unless it is collapsed. In the
 * Conferences view a folded conference or day hides the groups under it too.
 */
export function flattenGroups(
  groups: readonly HighlightGroup[],
  collapsed: ReadonlySet<string> = new Set(),
): LibraryRows {
  const hidden = (g: HighlightGroup) =>
    g.schedule !== undefined && collapsed.size > 0 && g.schedule.within.some((key) => collapsed.has(key));
  let length = 0;
  for (const g of groups) if (!hidden(g)) length += 1 + (collapsed.has(g.key) ? 0 : g.highlights.length);
  const group = new Int32Array(length);
  const item = new Int32Array(length);
  let row = 0;
  groups.forEach((g, gi) => {
    if (hidden(g)) return;
    group[row] = gi;
    item[row++] = -1;
    if (collapsed.has(g.key)) return;
    for (let k = 0; k < g.highlights.length; k++) {
      group[row] = gi;
      item[row++] = k;
    }
  });
  return { length, groups, group, item, collapsed };
}

/** Row `i` as an object, undefined past the end. */
export function rowAt(rows: LibraryRows, i: number): LibraryRow | undefined {
  if (i < 0 || i >= rows.length) return undefined;
  const group = rows.groups[rows.group[i]!]!;
  const item = rows.item[i]!;
  return item < 0
    ? { kind: 'group', group, collapsed: rows.collapsed.has(group.key) }
    : { kind: 'highlight', group, highlight: group.highlights[item]! };
}

/** The highlight of row `i`, undefined for a group's header. */
export function highlightAt(rows: LibraryRows, i: number): HighlightRecord | undefined {
  const item = rows.item[i];
  return item === undefined || item < 0 ? undefined : rows.groups[rows.group[i]!]!.highlights[item];
}

/**
 * A key for row `i`, unique in the list and stable across renders: the group's key (which has a
 * `:`), the highlight's id, or in the tag view (where a highlight is in each of its tags' groups)
 * both. No string is built except in the tag view: the list asks for every row's key.
 */
export function rowKey(rows: LibraryRows, i: number): string {
  const group = rows.groups[rows.group[i]!]!;
  const item = rows.item[i]!;
  if (item < 0) return group.key;
  const id = group.highlights[item]!.id;
  return group.by === 'tag' ? `${group.key}|${id}` : id;
}

/** Index of the row whose `rowKey` is `key`, -1 if none; builds no string (it runs over every row). */
export function findRowIndex(rows: LibraryRows, key: string | null): number {
  if (key === null) return -1;
  for (let i = 0; i < rows.length; i++) {
    const group = rows.groups[rows.group[i]!]!;
    const item = rows.item[i]!;
    if (item < 0) {
      if (key === group.key) return i;
      continue;
    }
    const id = group.highlights[item]!.id;
    if (group.by !== 'tag') {
      if (key === id) return i;
    } else if (
      key.length === group.key.length + 1 + id.length &&
      key.charCodeAt(group.key.length) === 124 && // '|'
      key.startsWith(group.key) &&
      key.endsWith(id)
    ) {
      return i;
    }
  }
  return -1;
}

/** The highlights of groups in the order shown, each once (a tagged highlight shows in several). */
export function highlightsInView(groups: readonly HighlightGroup[]): HighlightRecord[] {
  const seen = new Set<string>();
  const out: HighlightRecord[] = [];
  for (const group of groups) {
    for (const h of group.highlights) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      out.push(h);
    }
  }
  return out;
}

/** Ids of the highlight rows from row `a` to row `b` (either order, inclusive), each once. */
export function idsBetween(rows: LibraryRows, a: number, b: number): string[] {
  const ids = new Set<string>();
  const from = Math.max(0, Math.min(a, b));
  const to = Math.min(rows.length - 1, Math.max(a, b));
  for (let i = from; i <= to; i++) {
    const h = highlightAt(rows, i);
    if (h) ids.add(h.id);
  }
  return [...ids];
}
