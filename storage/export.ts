/** Queries behind the exports: what a Markdown or Web Annotation export needs besides the highlights. */
import type { ColorNames } from '@/core/colors';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { getSetting } from './settings';

export interface ExportContext {
  pages: PageRecord[];
  talks: TalkRecord[];
  colorNames: ColorNames;
}

/** The pages and talks the highlights refer to, and the colour names (bulk reads). */
export async function loadExportContext(
  db: TalkNotesDatabase,
  highlights: readonly HighlightRecord[],
): Promise<ExportContext> {
  const pageIds = [...new Set(highlights.map((h) => h.pageId))];
  const talkIds = [...new Set(highlights.flatMap((h) => (h.talkId ? [h.talkId] : [])))];
  const [pages, talks, colorNames] = await Promise.all([
    db.pages.bulkGet(pageIds),
    db.talks.bulkGet(talkIds),
    getSetting(db, 'colorNames'),
  ]);
  return {
    pages: pages.filter((p): p is PageRecord => p !== undefined),
    talks: talks.filter((t): t is TalkRecord => t !== undefined),
    colorNames,
  };
}

/**
 * Every highlight with every page and talk, for the Web Annotation export of the whole library (the
 * talks: a passage of a conference talk links to its event page).
 */
export async function loadAllAnnotations(
  db: TalkNotesDatabase,
): Promise<{ highlights: HighlightRecord[]; pages: PageRecord[]; talks: TalkRecord[] }> {
  return db.transaction('r', db.highlights, db.pages, db.talks, async () => {
    const [highlights, pages, talks] = await Promise.all([
      db.highlights.toArray(),
      db.pages.toArray(),
      db.talks.toArray(),
    ]);
    return { highlights, pages, talks };
  });
}
