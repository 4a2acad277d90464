/**
 * Deleting everything Talk Notes keeps in this browser's database: every table, records and
 * settings alike, in one transaction (all or nothing). Tables added by later versions are included
 * because the list is the database's own.
 */
import type { TalkNotesDatabase } from './db';

/** Empties every table; returns the page addresses that had highlights, for telling open tabs. */
export async function deleteAllData(db: TalkNotesDatabase): Promise<string[]> {
  return db.transaction('rw', db.tables, async () => {
    const urls = (await db.pages.toArray()).map((page) => page.url);
    await Promise.all(db.tables.map((table) => table.clear()));
    return urls;
  });
}
