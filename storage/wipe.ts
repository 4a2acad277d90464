/**
 * Deleting everything Talk Notes keeps in this browser's database: every table, records and
 * settings alike, in one transaction (all or nothing). Tables added by later versions are included
 * because the list is the database's own.
 */
import type { TalkNotesDatabase } from './db';
import { skipStamping, stampingSwitch } from './sync/stamping';

/** Empties every table; returns the page addresses that had highlights, for telling open tabs. */
export async function deleteAllData(db: TalkNotesDatabase): Promise<string[]> {
  // The sync state is emptied too (the `enabled` flag with it, so stamping stops, as forgetSync
  // does): this browser starts afresh, and no deletion is sent to a sync server (starting sync
  // again brings the server's library back).
  const stamping = stampingSwitch(db);
  const wasOn = stamping.on;
  stamping.on = false;
  try {
    return await db.transaction('rw', db.tables, async () => {
      skipStamping();
      const urls = (await db.pages.toArray()).map((page) => page.url);
      await Promise.all(db.tables.map((table) => table.clear()));
      return urls;
    });
  } catch (error) {
    stamping.on = wasOn;
    throw error;
  }
}
