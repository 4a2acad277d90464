/**
 * An extension update adds a schema version while an old page (a dashboard tab) still holds the
 * database open. The old connection must step aside, so the upgrade is not blocked, and keep
 * working afterwards.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/storage/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '@/storage/schema';
import { noMetadata } from '../clip-fixtures';

describe('an upgrade while an old page holds the database', () => {
  it('is not blocked, and the old page keeps reading', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const oldPage = createDatabase(name);
    await oldPage.pages.add({
      id: 'p1',
      url: 'https://blog.example/',
      title: 'Day 3',
      ...noMetadata(),
      createdAt: 1,
      updatedAt: 1,
    });

    // The updated extension: every version so far plus a new one with an added index.
    const updated = new Dexie(name);
    for (const { version, stores } of SCHEMA_VERSIONS) updated.version(version).stores(stores);
    const latest = SCHEMA_VERSIONS.at(-1)!;
    updated.version(CURRENT_VERSION + 1).stores({ ...latest.stores, pages: `${latest.stores.pages}, lang` });
    let blocked = false;
    updated.on('blocked', () => {
      blocked = true;
    });
    await updated.open();
    expect(blocked).toBe(false);
    expect(updated.verno).toBe(CURRENT_VERSION + 1);
    expect(await updated.table('pages').where('lang').equals('en').count()).toBe(0);

    // The old page's connection was closed for the upgrade; it reopens on its next read.
    expect((await oldPage.pages.get('p1'))?.title).toBe('Day 3');
    updated.close();
    oldPage.close();
    await Dexie.delete(name);
  });
});
