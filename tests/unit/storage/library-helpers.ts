/** Filling and reading a whole library, for backup and restore tests. */
import type { LibraryData } from '@/core/backup';
import type { TalkNotesDatabase } from '@/storage/db';

const tables = (db: TalkNotesDatabase) => [
  db.pages,
  db.conferences,
  db.talks,
  db.highlights,
  db.collections,
  db.settings,
];

/** Writes every record of `data`, in one transaction. */
export async function fillLibrary(db: TalkNotesDatabase, data: LibraryData): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await db.pages.bulkPut(data.pages);
    await db.conferences.bulkPut(data.conferences);
    await db.talks.bulkPut(data.talks);
    await db.highlights.bulkPut(data.highlights);
    await db.collections.bulkPut(data.collections);
    await db.settings.bulkPut(data.settings);
  });
}

/** Every record of every table, in key order: compare two of these to see that nothing changed. */
export async function readWholeLibrary(db: TalkNotesDatabase): Promise<LibraryData> {
  return db.transaction('r', tables(db), async () => ({
    pages: await db.pages.toArray(),
    conferences: await db.conferences.toArray(),
    talks: await db.talks.toArray(),
    highlights: await db.highlights.toArray(),
    collections: await db.collections.toArray(),
    settings: await db.settings.toArray(),
  }));
}

/** Empties every table (the "wipe" of a restore test). */
export async function wipeLibrary(db: TalkNotesDatabase): Promise<void> {
  await db.transaction('rw', tables(db), () => Promise.all(tables(db).map((t) => t.clear())));
}
