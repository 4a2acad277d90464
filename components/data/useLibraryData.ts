import { useMemo, useRef } from 'preact/hooks';
import type { ColorNames } from '@/core/colors';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  TalkRecord,
} from '@/core/types';
import { listCollections } from '@/storage/collections';
import { listConferences } from '@/storage/conferences';
import type { TalkNotesDatabase } from '@/storage/db';
import { allHighlights, allPages, allTalks } from '@/storage/library';
import { getSetting } from '@/storage/settings';
import { useLiveQuery } from './useLiveQuery';

export interface LibraryRecords {
  highlights: HighlightRecord[];
  pages: PageRecord[];
  /** Every talk: the pages' and the imported conferences'. */
  talks: TalkRecord[];
  conferences: ConferenceRecord[];
  collections: CollectionRecord[];
  colorNames: ColorNames;
}

/**
 * The whole library, kept live: one query per table, so renaming a collection does not re-read
 * every highlight. Undefined until every table has been read once. Marks
 * `talk-notes:dashboard-data` when that first happens (the benchmark measures from there).
 */
export function useLibraryData(db: TalkNotesDatabase): LibraryRecords | undefined {
  const highlights = useLiveQuery(() => allHighlights(db), [db]);
  const pages = useLiveQuery(() => allPages(db), [db]);
  const talks = useLiveQuery(() => allTalks(db), [db]);
  const conferences = useLiveQuery(() => listConferences(db), [db]);
  const collections = useLiveQuery(() => listCollections(db), [db]);
  const colorNames = useLiveQuery(() => getSetting(db, 'colorNames'), [db]);
  const ready = !!(highlights && pages && talks && conferences && collections && colorNames);
  const marked = useRef(false);
  if (ready && !marked.current) {
    marked.current = true;
    performance.mark('talk-notes:dashboard-data');
  }
  return useMemo(
    () => (ready ? { highlights, pages, talks, conferences, collections, colorNames } : undefined),
    [ready, highlights, pages, talks, conferences, collections, colorNames],
  );
}
