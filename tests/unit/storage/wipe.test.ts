// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { importSchedule } from '@/storage/conferences';
import { setSetting } from '@/storage/settings';
import { enableSync } from '@/storage/sync/enable';
import { deleteAllData } from '@/storage/wipe';
import { makeLibrary } from '../../e2e/seed-library';
import { event, schedule } from '../schedule-fixtures';

describe('deleteAllData', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`wipe-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('empties every table, records and settings, and names the pages that had highlights', async () => {
    const library = makeLibrary({ highlights: 30, pages: 4, seed: 2, collections: 2 });
    await db.pages.bulkAdd(library.pages);
    await db.talks.bulkAdd(library.talks);
    await db.highlights.bulkAdd(library.highlights);
    await db.collections.bulkAdd(library.collections);
    await importSchedule(db, schedule([event('a', 'A talk', '2026-01-31T10:00:00+01:00')]));
    await setSetting(db, 'colorNames', { yellow: 'Idea' });
    // A library set up for sync, so its sync tables hold rows too.
    await enableSync(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBeGreaterThan(0);

    const urls = await deleteAllData(db);

    expect(urls.sort()).toEqual(library.pages.map((p) => p.url).sort());
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('on an empty library deletes nothing and names no page', async () => {
    expect(await deleteAllData(db)).toEqual([]);
  });
});
