/**
 * The indexed `conflicted` flag of the sync rows (schema version 6, storage/sync/conflict-flag.ts):
 * a library synced at version 5 keeps every row when opened with the current code and finds its
 * conflicts through the index; and every write of a sync row, whoever makes it, keeps the flag as
 * the row's state says.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { documentId, toSyncedValues } from '@/core/sync/documents';
import { stampDeletion, stampRecord } from '@/core/sync/edits';
import { mergeStates, type RecordState } from '@/core/sync/merge';
import type { HighlightRecord } from '@/core/types';
import { createDatabase } from '@/storage/db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '@/storage/schema';
import { listSyncConflicts, resolveSyncConflict } from '@/storage/sync/conflicts';
import { enableSync } from '@/storage/sync/enable';
import type { SyncRow } from '@/storage/sync/state';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function highlight(id: string, note: string): HighlightRecord {
  const text = `passage ${id}`;
  return {
    id,
    pageId: 'p1',
    url: 'https://blog.example/post',
    talkId: null,
    text,
    markdown: text,
    selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
    color: 'yellow',
    note,
    tags: [],
    position: 10,
    anchorStatus: 'placed',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  } as HighlightRecord;
}

const values = (record: HighlightRecord) => toSyncedValues('highlights', record);

/** Sync states as two devices make them: a plain one, a note edited on both, one deleted on A and edited on B. */
function states() {
  const base = (id: string) => stampRecord(undefined, values(highlight(id, '')), 'dev-a', 1);
  const plain = base('h1');
  const edited = mergeStates(
    stampRecord(base('h2'), values(highlight('h2', 'note from A')), 'dev-a', 2),
    stampRecord(base('h2'), values(highlight('h2', 'note from B')), 'dev-b', 3),
  );
  const kept = mergeStates(
    stampDeletion(base('h3'), 'dev-a', 2),
    stampRecord(base('h3'), values(highlight('h3', 'edited on B')), 'dev-b', 3),
  );
  return { plain, edited, kept };
}

const row = (id: string, state: RecordState, dirty: 0 | 1 = 0): SyncRow => ({
  key: documentId('highlights', id),
  state,
  rev: `1-${id}`,
  dirty,
});

describe('the indexed conflict flag of the sync rows', () => {
  it('an existing version-5 library upgraded keeps every row and finds its conflicts by the index', async () => {
    const name = `sync-conflict-flag-${crypto.randomUUID()}`;
    const old = new Dexie(name); // closed below; deleted through the current connection
    for (const schema of SCHEMA_VERSIONS.filter((s) => s.version <= 5)) {
      const declared = old.version(schema.version).stores(schema.stores);
      if (schema.upgrade) declared.upgrade(schema.upgrade);
    }
    const { plain, edited, kept } = states();
    const library = {
      pages: [
        {
          id: 'p1',
          url: 'https://blog.example/post',
          title: 'A post',
          authors: [],
          siteName: null,
          publishedAt: null,
          lang: null,
          canonicalUrl: null,
          excerpt: null,
          createdAt: 1_700_000_000_000,
          updatedAt: 1_700_000_000_000,
        },
      ],
      highlights: [highlight('h1', ''), highlight('h2', 'note from B'), highlight('h3', 'edited on B')],
      sync: [row('h1', plain), row('h2', edited), row('h3', kept, 1)],
      syncMeta: [
        { key: 'enabled', value: true },
        { key: 'deviceId', value: 'dev-a' },
        {
          key: 'checkpoint:http://127.0.0.1:5984/talk-notes',
          value: { since: '12-abc', instance: 'epoch-1' },
        },
      ],
    };
    await old.open();
    for (const [table, rows] of Object.entries(library)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = createDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.pages.toArray()).toEqual(library.pages);
    expect(await db.highlights.toArray()).toEqual(library.highlights);
    expect(await db.syncMeta.orderBy('key').toArray()).toEqual(
      [...library.syncMeta].sort((a, b) => a.key.localeCompare(b.key)),
    );
    // The rows as they were, the two that ask something of the reader flagged.
    expect(await db.sync.toArray()).toEqual([
      row('h1', plain),
      { ...row('h2', edited), conflicted: 1 },
      { ...row('h3', kept, 1), conflicted: 1 },
    ]);
    expect(await db.sync.where('conflicted').equals(1).primaryKeys()).toEqual([
      'highlights:h2',
      'highlights:h3',
    ]);
    const { device, conflicts } = await listSyncConflicts(db);
    expect(device).toBe('dev-a');
    expect(
      conflicts.map((c) => [c.id, c.choices.map((choice) => choice.field), c.keptAfterDeletion]),
    ).toEqual([
      ['highlights:h2', ['note'], false],
      ['highlights:h3', [], true],
    ]);
    expect(await db.sync.where('dirty').equals(1).primaryKeys()).toEqual(['highlights:h3']);
  });

  it('follows every write of a row: set by a merge, cleared by a resolution, never on plain edits', async () => {
    const db = createDatabase(`sync-conflict-flag-${crypto.randomUUID()}`);
    opened.push(db);
    await enableSync(db);
    const { edited } = states();
    // Stamped local writes (the stamping middleware writes the rows): no conflict, no flag.
    await db.highlights.bulkPut([highlight('h1', ''), highlight('h2', '')]);
    await db.highlights.update('h1', { note: 'edited here', updatedAt: 1_700_000_000_001 });
    expect(await db.sync.where('conflicted').equals(1).count()).toBe(0);
    expect((await db.sync.get('highlights:h1'))?.conflicted).toBeUndefined();
    // A merged state with a conflict, written as the pass writes it.
    await db.sync.put(row('h2', edited));
    expect(await db.sync.where('conflicted').equals(1).primaryKeys()).toEqual(['highlights:h2']);
    const { conflicts } = await listSyncConflicts(db);
    const version = conflicts[0]!.choices[0]!.versions[0]!;
    await resolveSyncConflict(db, 'highlights:h2', 'note', { by: version.by, at: version.at });
    expect(await db.sync.where('conflicted').equals(1).count()).toBe(0);
    expect((await db.sync.get('highlights:h2'))?.conflicted).toBeUndefined();
    expect((await listSyncConflicts(db)).conflicts).toEqual([]);
  });
});
