/** Queries on highlights. */
import type { HighlightRecord } from '@/core/types';
import type { TalkNotesDatabase } from './db';

/** Highlights of one page (by normalized URL) in document order. */
export async function highlightsForUrl(db: TalkNotesDatabase, url: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('url').equals(url).toArray();
  return rows.sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}

/** Total number of highlights in the library. */
export function countHighlights(db: TalkNotesDatabase): Promise<number> {
  return db.highlights.count();
}
