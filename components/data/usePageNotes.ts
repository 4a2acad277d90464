import { useMemo } from 'preact/hooks';
import type { ColorNames } from '@/core/colors';
import { NO_RULES, type TalkRules } from '@/core/talks/rules';
import type { HighlightColor } from '@/core/types';
import type { TalkNotesDatabase } from '@/storage/db';
import { listTags } from '@/storage/highlights';
import { type PageNotes, pageNotes } from '@/storage/popup-queries';
import { getSetting } from '@/storage/settings';
import { talkRulesFor } from '@/storage/talk-rules';
import { useLiveQuery } from './useLiveQuery';

/** What the popup shows of one page, live from the database. */
export interface PageNotesView {
  notes: PageNotes;
  colorNames: ColorNames;
  /** Every tag in the library, for completion. */
  suggestions: string[];
  /** What the reader taught talk detection on this page's site. */
  talkRules: TalkRules;
  /** The colour the in-page toolbar starts every new clip from. */
  defaultColor: HighlightColor;
}

/**
 * The notes of the page at `url` (normalized), its reader's colour names and the library's tags,
 * each kept live; undefined until the notes are read. A null `url` reads nothing.
 */
export function usePageNotes(db: TalkNotesDatabase, url: string | null): PageNotesView | undefined {
  const notes = useLiveQuery(url === null ? null : () => pageNotes(db, url), [db, url]);
  const colorNames = useLiveQuery(url === null ? null : () => getSetting(db, 'colorNames'), [
    db,
    url === null,
  ]);
  const suggestions = useLiveQuery(url === null ? null : () => listTags(db), [db, url === null]);
  const talkRules = useLiveQuery(url === null ? null : () => talkRulesFor(db, url), [db, url]);
  const defaultColor = useLiveQuery(url === null ? null : () => getSetting(db, 'defaultColor'), [
    db,
    url === null,
  ]);
  return useMemo(
    () =>
      notes && {
        notes,
        colorNames: colorNames ?? {},
        suggestions: suggestions ?? [],
        talkRules: talkRules ?? NO_RULES,
        defaultColor: defaultColor ?? 'yellow',
      },
    [notes, colorNames, suggestions, talkRules, defaultColor],
  );
}
