/**
 * Talks made by hand and collections record who made them (#16, docs/sync.md section 2), as clipped
 * pages, detected talks and highlights do: the commands ask the `author` dependency (the pages pass
 * the sync panel's name or this browser's) and the record, its backup schema and its sync document
 * carry it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CollectionRecordSchema, TalkRecordSchema } from '@/core/schemas';
import { toDocument } from '@/core/sync/documents';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { enableSync } from '@/storage/sync/enable';
import { clipOn } from '../clip-fixtures';

let db: TalkNotesDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('who made a talk by hand or a collection', () => {
  it('records the author the commands are given, in the record and its sync document', async () => {
    db = createDatabase(`author-${crypto.randomUUID()}`);
    await enableSync(db);
    const { highlight } = await clipOn(db, 'https://a.example/', 'a passage', 60, null);
    const commands = createCommands({ db, author: async () => "Ada's laptop" });
    const talk = await commands.createTalk(highlight.pageId, 'My own talk');
    const collection = await commands.createCollection({
      name: 'Reading list',
      highlightIds: [highlight.id],
    });
    expect((await db.talks.get(talk.id))?.author).toBe("Ada's laptop");
    expect((await db.collections.get(collection.id))?.author).toBe("Ada's laptop");
    for (const [table, id] of [
      ['talks', talk.id],
      ['collections', collection.id],
    ] as const) {
      const row = (await db.sync.get(`${table}:${id}`))!;
      const document = toDocument(table, id, row.state) as unknown as {
        author: unknown;
        record: { author?: unknown };
      };
      expect(document.author).toBe("Ada's laptop");
      expect(document.record.author).toBe("Ada's laptop");
    }
  });

  it('makes them without one when none is given or it cannot be read, and the backup schema takes both', async () => {
    db = createDatabase(`author-${crypto.randomUUID()}`);
    const { highlight } = await clipOn(db, 'https://a.example/', 'a passage', 60, null);
    const none = createCommands({ db });
    const failing = createCommands({
      db,
      author: () => Promise.reject(new Error('storage gone')),
    });
    const talk = await none.createTalk(highlight.pageId, 'Talk one');
    const collection = await failing.createCollection({ name: 'Set' });
    expect('author' in (await db.talks.get(talk.id))!).toBe(false);
    expect('author' in (await db.collections.get(collection.id))!).toBe(false);
    const authored = createCommands({ db, author: async () => 'Brian' });
    await authored.createCollection({ name: 'Another set' });
    const collections = await db.collections.toArray();
    expect(collections.map((c) => c.author ?? null).sort()).toEqual(['Brian', null]);
    for (const c of collections) expect(v.safeParse(CollectionRecordSchema, c).success).toBe(true);
    expect(
      v.safeParse(TalkRecordSchema, { ...(await db.talks.get(talk.id))!, author: 'Brian' }).success,
    ).toBe(true);
  });
});
