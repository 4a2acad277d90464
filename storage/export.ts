/** Queries behind the exports: what a Markdown or Web Annotation export needs besides the highlights. */
import type { ColorNames } from '@/core/colors';
import type { ConferenceRecord, HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';
import { getSetting } from './settings';

export interface ExportContext {
  pages: PageRecord[];
  /** The highlights' talks and the conference talks those link to. */
  talks: TalkRecord[];
  /** The conferences of those conference talks. */
  conferences: ConferenceRecord[];
  colorNames: ColorNames;
}

const present = <T>(records: (T | undefined)[]): T[] => records.filter((r): r is T => r !== undefined);

/**
 * The pages and talks the highlights refer to, the conference talks their talks link to (the export
 * puts such passages under them) with their conferences, and the colour names (bulk reads).
 */
export async function loadExportContext(
  db: TalkNotesDatabase,
  highlights: readonly HighlightRecord[],
): Promise<ExportContext> {
  const pageIds = [...new Set(highlights.map((h) => h.pageId))];
  const talkIds = [...new Set(highlights.flatMap((h) => (h.talkId ? [h.talkId] : [])))];
  const [pages, own, colorNames] = await Promise.all([
    db.pages.bulkGet(pageIds),
    db.talks.bulkGet(talkIds).then(present),
    getSetting(db, 'colorNames'),
  ]);
  const linkedIds = [...new Set(own.flatMap((t) => (t.scheduleTalkId ? [t.scheduleTalkId] : [])))];
  const talks = [...own, ...present(await db.talks.bulkGet(linkedIds.filter((id) => !talkIds.includes(id))))];
  const conferenceIds = [...new Set(talks.flatMap((t) => (t.conferenceId ? [t.conferenceId] : [])))];
  return {
    pages: present(pages),
    talks,
    conferences: present(await db.conferences.bulkGet(conferenceIds)),
    colorNames,
  };
}

/**
 * Every highlight with every page, talk and conference, for the Web Annotation export of the whole
 * library (a passage of a conference talk links to its event page and names its conference).
 */
export async function loadAllAnnotations(db: TalkNotesDatabase): Promise<{
  highlights: HighlightRecord[];
  pages: PageRecord[];
  talks: TalkRecord[];
  conferences: ConferenceRecord[];
}> {
  return db.transaction('r', db.highlights, db.pages, db.talks, db.conferences, async () => {
    const [highlights, pages, talks, conferences] = await Promise.all([
      db.highlights.toArray(),
      db.pages.toArray(),
      db.talks.toArray(),
      db.conferences.toArray(),
    ]);
    return { highlights, pages, talks, conferences };
  });
}
