import { useEffect, useMemo, useRef } from 'preact/hooks';
import { conferenceSlots, groupLibrary } from '@/core/library/conference-groups';
import {
  flattenGroups,
  type LibraryGroupBy,
  type LibraryOrder,
  type HighlightGroup,
  type LibraryRows,
} from '@/core/library/groups';
import { filterLibrary, type LibraryFilter } from '@/core/library/filters';
import { buildLibraryIndex, type LibraryIndex } from '@/core/library/library-index';
import { prepareSearch, searchLibrary } from '@/core/library/search';
import { isRefinement, parseQuery } from '@/core/library/search';
import type { TalkRecord } from '@/core/types';
import { whenIdle } from './useIdleValue';
import type { LibraryRecords } from '../data/useLibraryData';

export interface LibraryView {
  index: LibraryIndex;
  /** Search terms, lowercase: what matches are marked with. */
  terms: string[];
  /** The results, as slots of `index` (in the Conferences view, those under a conference's talk). */
  slots: Int32Array;
  groups: HighlightGroup[];
  rows: LibraryRows;
  /** Number of distinct pages among the results. */
  resultPages: number;
  /** Talks of each page in document order (user-made last), for choosing a highlight's talk. */
  talksByPage: ReadonlyMap<string, TalkRecord[]>;
}

function talksByPageOf(talks: readonly TalkRecord[]): Map<string, TalkRecord[]> {
  const byPage = new Map<string, TalkRecord[]>();
  for (const talk of talks) {
    if (talk.pageId === null) continue; // a conference's talk
    const list = byPage.get(talk.pageId);
    if (list) list.push(talk);
    else byPage.set(talk.pageId, [talk]);
  }
  const order = (t: TalkRecord) => (t.position < 0 ? Number.MAX_SAFE_INTEGER : t.position);
  for (const list of byPage.values()) list.sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt);
  return byPage;
}

/**
 * The dashboard's derived state, each step memoized on its own inputs (core/library/):
 * a keystroke re-runs search, filters and grouping, never the index. Typing on extends the query,
 * so search scans only the previous hits then.
 */
export function useLibraryView(
  records: LibraryRecords | undefined,
  filter: LibraryFilter,
  groupBy: LibraryGroupBy,
  collapsed: ReadonlySet<string>,
  order: LibraryOrder = 'page',
): LibraryView | undefined {
  const highlights = records?.highlights;
  const pages = records?.pages;
  const talks = records?.talks;
  const collections = records?.collections;
  const conferences = records?.conferences;
  const index = useMemo(
    () =>
      highlights && pages && talks ? buildLibraryIndex({ highlights, pages, talks, conferences }) : undefined,
    [highlights, pages, talks, conferences],
  );
  // Build the search text when the page is idle after rendering, not before the first render.
  useEffect(() => {
    if (index && !index.search) return whenIdle(() => prepareSearch(index), 1000);
  }, [index]);
  const talksByPage = useMemo(() => talksByPageOf(talks ?? []), [talks]);
  const terms = useMemo(() => parseQuery(filter.query), [filter.query]);

  const lastSearch = useRef<{ index: LibraryIndex; terms: string[]; hits: Int32Array } | null>(null);
  const hits = useMemo(() => {
    if (!index || terms.length === 0) return null;
    const last = lastSearch.current;
    const within = last && last.index === index && isRefinement(last.terms, terms) ? last.hits : null;
    const found = searchLibrary(index, terms, within);
    lastSearch.current = { index, terms, hits: found };
    return found;
  }, [index, terms]);

  const { query: _query, ...criteria } = filter;
  const criteriaKey = JSON.stringify(criteria);
  const filtered = useMemo(
    () => index && filterLibrary(index, filter, hits, collections),
    // The query acts through `hits`; the other criteria by value.
    [index, hits, collections, criteriaKey],
  );
  const slots = useMemo(
    () => index && filtered && (groupBy === 'conference' ? conferenceSlots(index, filtered) : filtered),
    [index, filtered, groupBy],
  );
  const groups = useMemo(
    () => index && slots && groupLibrary(index, slots, groupBy, filter, terms, order),
    [
      index,
      slots,
      groupBy,
      order,
      groupBy === 'conference' ? criteriaKey : '',
      groupBy === 'conference' ? terms : null,
    ],
  );
  const rows = useMemo(() => groups && flattenGroups(groups, collapsed), [groups, collapsed]);
  const resultPages = useMemo(() => {
    if (!index || !slots) return 0;
    // Pages that are one post count once (#18), as the list shows them.
    const seen = new Uint8Array(index.pages.length);
    let count = 0;
    for (let k = 0; k < slots.length; k++) {
      const slot = index.pageSlot[slots[k]!]!;
      const page = slot >= 0 ? index.postSlot[slot]! : -1;
      if (page >= 0 && !seen[page]) {
        seen[page] = 1;
        count++;
      }
    }
    return count;
  }, [index, slots]);

  if (!index || !slots || !groups || !rows) return undefined;
  return { index, terms, slots, groups, rows, resultPages, talksByPage };
}
