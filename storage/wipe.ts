/**
 * Deleting everything Talk Notes keeps in this browser's database: every table, records and
 * settings alike, in one transaction (all or nothing). Tables added by later versions are included
 * because the list is the database's own.
 */
import type { TalkNotesDatabase } from './db';
import { skipStamping } from './sync/stamping';

/** Empties every table; returns the page addresses that had highlights, for telling open tabs. */
export async function deleteAllData(db: TalkNotesDatabase): Promise<string[]> {
  return db.transaction('rw', db.tables, async () => {
    // The sync state is emptied too: this browser starts afresh, and no deletion is sent to a sync
    // server (the next sync brings the server's library back).
    skipStamping();
    const urls = (await db.pages.toArray()).map((page) => page.url);
    await Promise.all(db.tables.map((table) => table.clear()));
    return urls;
  });
}
