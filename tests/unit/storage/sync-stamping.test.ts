/**
 * Once sync is enabled, every write of the library stamps its sync state (storage/sync/stamping.ts):
 * after each command, the sync table's view of every record equals the record (its synced fields),
 * exactly the records the command changed or deleted are dirty, and a deleted record's state says
 * deleted. Before sync is enabled (and after it is forgotten) no write touches the sync tables.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryData } from '@/core/backup';
import { SYNC_TABLES, type SyncTable, documentId, recordKey, toSyncedValues } from '@/core/sync/documents';
import { isDeleted, viewState } from '@/core/sync/merge';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { recordAnchoring } from '@/storage/highlights';
import { enableSync, forgetSync, isSyncEnabled } from '@/storage/sync/enable';
import { skipStamping } from '@/storage/sync/stamping';
import { DEVICE_ID_KEY, SYNC_ENABLED_KEY } from '@/storage/sync/state';
import { unmarkNotATalk } from '@/storage/talk-corrections';
import { clipOn } from '../clip-fixtures';
import { sampleLibrary } from '../core/backup-fixtures';
import { event, schedule } from '../schedule-fixtures';
import { readWholeLibrary } from './library-helpers';

const A = 'https://a.example/';
const B = 'https://b.example/';
const SOURCE = { url: 'https://fosdem.example/2026/schedule/xml' };

type Ids = { a1: string; a2: string; b1: string; talkA: string; talkB: string };

const keyed = (data: LibraryData) => {
  const all = new Map<string, Record<string, unknown>>();
  for (const table of SYNC_TABLES) {
    for (const record of data[table]) {
      all.set(
        documentId(table, recordKey(table, record as never)),
        record as unknown as Record<string, unknown>,
      );
    }
  }
  return all;
};
const tableOf = (key: string) => key.slice(0, key.indexOf(':')) as SyncTable;

/** Clears every dirty flag, so a command's stamps are the only dirty rows. */
async function markAllSent(db: TalkNotesDatabase) {
  await db.sync.toCollection().modify({ dirty: 0 });
}

/**
 * Checks the sync state against the library: every record's state shows its synced values, the
 * records that differ from `before` (changed, added, deleted) are exactly the dirty ones. Returns
 * how many rows are dirty.
 */
async function expectStamped(db: TalkNotesDatabase, before: LibraryData): Promise<number> {
  const previous = keyed(before);
  const current = keyed(await readWholeLibrary(db));
  const rows = new Map((await db.sync.toArray()).map((row) => [row.key, row]));
  const changed = new Set<string>();
  for (const [key, record] of current) {
    const row = rows.get(key);
    expect(row, `${key} has a sync state`).toBeDefined();
    const table = tableOf(key);
    expect(viewState(row!.state).values, key).toEqual(toSyncedValues(table, record as never));
    const old = previous.get(key);
    if (
      !old ||
      JSON.stringify(toSyncedValues(table, old as never)) !==
        JSON.stringify(toSyncedValues(table, record as never))
    )
      changed.add(key);
  }
  for (const key of previous.keys()) {
    if (current.has(key)) continue;
    expect(isDeleted(rows.get(key)!.state), `${key} is deleted in its sync state`).toBe(true);
    changed.add(key);
  }
  const dirty = [...rows.values()].filter((row) => row.dirty === 1).map((row) => row.key);
  expect(dirty.sort()).toEqual([...changed].sort());
  return dirty.length;
}

describe('stamping writes for sync', () => {
  let db: TalkNotesDatabase;
  let commands: Commands;
  let ids: Ids;

  /** Three clips on two pages. */
  async function clipThree() {
    const a1 = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    const a2 = await clipOn(db, A, 'kpatch', 80, 'Kernel live patching');
    const b1 = await clipOn(db, B, 'livepatch', 60, 'Kernel live patching');
    ids = {
      a1: a1.highlight.id,
      a2: a2.highlight.id,
      b1: b1.highlight.id,
      talkA: a1.highlight.talkId!,
      talkB: b1.highlight.talkId!,
    };
  }

  beforeEach(() => {
    db = createDatabase(`stamping-${crypto.randomUUID()}`);
    commands = createCommands({ db, now: () => Date.UTC(2026, 0, 2) });
  });
  afterEach(() => db.delete());

  // Each command, set up where it needs more than the three clips; `Record<keyof Commands, ...>`
  // makes a command added later fail to compile here until it is listed.
  const cases: Record<
    Exclude<keyof Commands, 'deleteAllData'>,
    {
      setup?: (c: Commands, ids: Ids) => Promise<unknown>;
      run: (c: Commands, ids: Ids, s: never) => Promise<unknown>;
    }
  > = {
    updateHighlight: { run: (c, i) => c.updateHighlight(i.a1, { note: 'a note', color: 'green' }) },
    extendHighlight: {
      run: (c, i) =>
        c.extendHighlight(i.a1, {
          text: 'Kernel live patching kGraft',
          markdown: 'Kernel live patching kGraft',
          selectors: [{ type: 'TextPositionSelector', start: 0, end: 27 }],
          position: 0,
        }),
    },
    deleteHighlight: { run: (c, i) => c.deleteHighlight(i.b1) },
    restoreHighlight: {
      setup: (c, i) => c.deleteHighlight(i.a1),
      run: (c, _i, deleted) => c.restoreHighlight(deleted),
    },
    deleteHighlights: { run: (c, i) => c.deleteHighlights([i.a1, i.b1]) },
    restoreHighlights: {
      setup: (c, i) => c.deleteHighlights([i.a1, i.a2]),
      run: (c, _i, deleted) => c.restoreHighlights(deleted),
    },
    addTags: { run: (c, i) => c.addTags([i.a1, i.b1], ['kernel']) },
    setColor: { run: (c, i) => c.setColor([i.a1, i.b1], 'purple') },
    removeTags: {
      setup: (c, i) => c.addTags([i.a1], ['kernel', 'x']),
      run: (c, i) => c.removeTags([i.a1], ['x']),
    },
    setTalk: { run: (c, i) => c.setTalk([i.b1], i.talkA) },
    moveToTalkNamed: { run: (c, i) => c.moveToTalkNamed(i.a2, 'Hallway track') },
    createTalk: { run: async (c) => c.createTalk((await db.pages.toArray())[0]!.id, 'Mine', ['Me']) },
    renameTalk: { run: (c, i) => c.renameTalk(i.talkA, 'Live patching') },
    setSpeakers: { run: (c, i) => c.setSpeakers(i.talkA, ['Jiri Kosina']) },
    tagTalk: { run: (c, i) => c.tagTalk(i.talkA, ['kernel']) },
    setRecordNote: { run: (c, i) => c.setRecordNote('talk', i.talkA, 'What I will try: **kGraft**') },
    setRecordTags: {
      run: async (c) => c.setRecordTags('page', (await db.pages.toArray())[0]!.id, ['kernel', 'to-read']),
    },
    mergeTalks: { run: (c, i) => c.mergeTalks(i.talkA, [i.talkB]) },
    markNotATalk: { run: (c, i) => c.markNotATalk(i.talkA, 'none') },
    startTalkAt: { run: (c, i) => c.startTalkAt(i.a2, 'Second half', []) },
    applyRedetection: {
      run: (c, i) =>
        c.applyRedetection({
          url: A,
          talks: [
            { title: 'Kernel live patching', speakers: [], position: 50, form: 'h2' },
            { title: 'New One', speakers: ['Ann Lee'], position: 70, form: 'h2' },
          ],
          filing: { [i.a2]: 'New One' },
        }),
    },
    setTalkForm: { run: (c) => c.setTalkForm(A, 'h3') },
    forgetNotATalk: {
      setup: (c, i) => c.markNotATalk(i.talkB, 'none'),
      run: async (c) => {
        const rules = (await db.settings.get('talkRules'))!.value as Record<
          string,
          { notTalks: { key: string }[] }
        >;
        return c.forgetNotATalk(B, rules['b.example']!.notTalks[0]!.key);
      },
    },
    forgetTalkRules: {
      setup: (c) => c.setTalkForm(A, 'h3'),
      run: (c) => c.forgetTalkRules(A),
    },
    createCollection: { run: (c, i) => c.createCollection({ name: 'Keep', highlightIds: [i.a1] }) },
    updateCollection: {
      setup: (c, i) => c.createCollection({ name: 'Keep', highlightIds: [i.a1] }),
      run: (c, _i, made: { id: string }) => c.updateCollection(made.id, { name: 'Kept', description: 'd' }),
    },
    deleteCollection: {
      setup: (c, i) => c.createCollection({ name: 'Keep', highlightIds: [i.a1] }),
      run: (c, _i, made: { id: string }) => c.deleteCollection(made.id),
    },
    addToCollection: {
      setup: (c, i) => c.createCollection({ name: 'Keep', highlightIds: [i.a1] }),
      run: (c, i, made: { id: string }) => c.addToCollection(made.id, [i.b1]),
    },
    removeFromCollection: {
      setup: (c, i) => c.createCollection({ name: 'Keep', highlightIds: [i.a1, i.b1] }),
      run: (c, i, made: { id: string }) => c.removeFromCollection(made.id, [i.b1]),
    },
    setSetting: { run: (c) => c.setSetting('colorNames', { green: 'Key idea' }) },
    importSchedule: {
      run: (c) =>
        c.importSchedule(schedule([event('a', 'Kernel live patching', '2026-01-31T10:00:00+01:00')]), SOURCE),
    },
    linkPageTalks: {
      setup: async (c) => {
        await c.importSchedule(
          schedule([event('a', 'Kernel live patching', '2026-01-31T10:00:00+01:00')]),
          SOURCE,
        );
        // Undecided again, so linking has something to do.
        await db.talks.toCollection().modify((t) => {
          delete t.scheduleTalkId;
          delete t.scheduleCandidates;
          delete t.scheduleLink;
        });
      },
      run: (c) => c.linkPageTalks('all'),
    },
    chooseScheduleTalk: {
      setup: (c) =>
        c.importSchedule(schedule([event('a', 'Something else', '2026-01-31T10:00:00+01:00')]), SOURCE),
      run: async (c, i) => {
        const scheduleTalk = (await db.talks.toArray()).find((t) => t.conferenceId)!;
        return c.chooseScheduleTalk(i.talkA, scheduleTalk.id);
      },
    },
    declineScheduleTalk: {
      setup: (c) =>
        c.importSchedule(schedule([event('a', 'Kernel live patching', '2026-01-31T10:00:00+01:00')]), SOURCE),
      run: (c, i) => c.declineScheduleTalk(i.talkA),
    },
    chooseHighlightScheduleTalk: {
      setup: (c) =>
        c.importSchedule(schedule([event('a', 'Something else', '2026-01-31T10:00:00+01:00')]), SOURCE),
      run: async (c, i) => {
        const scheduleTalk = (await db.talks.toArray()).find((t) => t.conferenceId)!;
        return c.chooseHighlightScheduleTalk(i.a1, scheduleTalk.id);
      },
    },
    declineHighlightOffer: { run: (c, i) => c.declineHighlightOffer(i.a1) },
    removeConference: {
      setup: (c) =>
        c.importSchedule(schedule([event('a', 'Kernel live patching', '2026-01-31T10:00:00+01:00')]), SOURCE),
      run: async (c) => c.removeConference((await db.conferences.toArray())[0]!.id),
    },
    importBackup: { run: (c) => c.importBackup(sampleLibrary()) },
  };

  describe('with sync enabled', () => {
    beforeEach(async () => {
      await enableSync(db);
      await clipThree();
    });

    it('stamps a clip: its page, talks and highlight, made by this device', async () => {
      const before = await readWholeLibrary(db);
      await markAllSent(db);
      await clipOn(db, 'https://c.example/', 'new', 10, null);
      expect(await expectStamped(db, before)).toBe(4); // a page, two talks, a highlight
      const device = (await db.syncMeta.get(DEVICE_ID_KEY))?.value;
      expect(device).toMatch(/^dev-/);
      const highlight = (await db.sync.toArray()).find((r) => r.key.startsWith('highlights:') && r.dirty);
      expect(highlight!.state.fields.text![0]!.by).toBe(device);
    });

    it.each(Object.entries(cases))('the command %s stamps what it changed', async (_, { setup, run }) => {
      const made = await setup?.(commands, ids);
      const before = await readWholeLibrary(db);
      await markAllSent(db);
      await run(commands, ids, made as never);
      expect(await expectStamped(db, before)).toBeGreaterThan(0);
    });

    it('lists every command', () => {
      expect([...Object.keys(cases), 'deleteAllData'].sort()).toEqual(Object.keys(commands).sort());
    });

    it('deleting all data empties the sync state too and stamps nothing: no deletion is sent', async () => {
      expect(await db.sync.count()).toBeGreaterThan(0);
      await commands.deleteAllData();
      expect(await db.sync.count()).toBe(0);
      expect(await db.syncMeta.count()).toBe(0);
      expect(await db.highlights.count()).toBe(0);
      // Sync is removed with the data, as forgetSync would: what is clipped next is not stamped.
      expect(isSyncEnabled(db)).toBe(false);
      await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
      expect(await db.sync.count()).toBe(0);
    });

    it('stamps writes outside the commands too: unmarking, clearing a table', async () => {
      await commands.markNotATalk(ids.talkA, 'none');
      let before = await readWholeLibrary(db);
      await markAllSent(db);
      await unmarkNotATalk(db, ids.talkA);
      expect(await expectStamped(db, before)).toBeGreaterThan(0);
      before = await readWholeLibrary(db);
      await markAllSent(db);
      await db.highlights.clear();
      expect(await expectStamped(db, before)).toBe(3);
    });

    it('leaves the sync state alone for per-device fields and unchanged values', async () => {
      const before = await readWholeLibrary(db);
      await markAllSent(db);
      await recordAnchoring(db, A, [{ id: ids.a1, status: 'orphan' }]);
      await db.highlights.put((await db.highlights.get(ids.b1))!);
      await commands.addTags([ids.a1], []);
      expect(await db.sync.where('dirty').equals(1).count()).toBe(0);
      expect(await expectStamped(db, before)).toBe(0);
    });

    it('an undone delete lives again in the sync state, with versions no deletion covers', async () => {
      const deleted = (await commands.deleteHighlight(ids.a1))!;
      const key = documentId('highlights', ids.a1);
      expect(isDeleted((await db.sync.get(key))!.state)).toBe(true);
      await commands.restoreHighlight(deleted);
      const state = (await db.sync.get(key))!.state;
      expect(isDeleted(state)).toBe(false);
      expect(viewState(state).keptAfterDeletion).toBe(true);
    });

    it('a failed write stamps nothing: the stamp is in the same transaction', async () => {
      await markAllSent(db);
      const page = (await db.pages.toArray())[0]!;
      // The unique URL index refuses a second page with the same URL: the whole transaction aborts.
      await expect(
        db.transaction('rw', db.pages, async () => {
          await db.pages.put({ ...page, title: 'renamed' });
          await db.pages.add({ ...page, id: 'other' });
        }),
      ).rejects.toThrow();
      expect(await db.sync.where('dirty').equals(1).count()).toBe(0);
      expect(await db.sync.get(documentId('pages', 'other'))).toBeUndefined();
    });

    it("the sync pass's own writes are not stamped", async () => {
      await markAllSent(db);
      await db.transaction('rw', db.highlights, db.sync, async () => {
        skipStamping();
        await db.highlights.update(ids.a1, { note: 'from the server' });
      });
      expect(await db.sync.where('dirty').equals(1).count()).toBe(0);
    });
  });

  /** Nothing of sync is stored: no sync row, no device id, no flag. */
  async function expectNoSyncState() {
    expect(await db.sync.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
  }

  describe('with sync never enabled', () => {
    beforeEach(clipThree);

    it.each(Object.entries(cases))('the command %s touches no sync table', async (_, { setup, run }) => {
      const made = await setup?.(commands, ids);
      await run(commands, ids, made as never);
      expect(isSyncEnabled(db)).toBe(false);
      await expectNoSyncState();
    });

    it('nor do writes outside the commands, deleting all data, or a database opened again', async () => {
      await commands.markNotATalk(ids.talkA, 'none');
      await unmarkNotATalk(db, ids.talkA);
      await recordAnchoring(db, A, [{ id: ids.a1, status: 'orphan' }]);
      await db.highlights.clear();
      await expectNoSyncState();
      db.close();
      await db.open();
      await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
      await commands.deleteAllData();
      await clipOn(db, B, 'livepatch', 60, 'Kernel live patching');
      await expectNoSyncState();
    });
  });

  describe('enabling and forgetting sync', () => {
    it('enableSync adopts every record of the library: dirty, its clocks those of the record', async () => {
      await commands.importBackup(sampleLibrary());
      await clipThree();
      await commands.setSetting('colorNames', { green: 'Key idea' });
      await expectNoSyncState();
      const library = keyed(await readWholeLibrary(db));
      expect(library.size).toBeGreaterThan(10);

      await enableSync(db, Date.UTC(2026, 0, 3));
      expect(isSyncEnabled(db)).toBe(true);
      expect((await db.syncMeta.get(SYNC_ENABLED_KEY))?.value).toBe(true);
      const device = (await db.syncMeta.get(DEVICE_ID_KEY))?.value as string;
      expect(device).toMatch(/^dev-/);
      const rows = await db.sync.toArray();
      expect(rows.map((row) => row.key).sort()).toEqual([...library.keys()].sort());
      for (const row of rows) {
        const record = library.get(row.key)!;
        expect(row.dirty, row.key).toBe(1);
        expect(viewState(row.state).values, row.key).toEqual(
          toSyncedValues(tableOf(row.key), record as never),
        );
        for (const [field, [winner]] of Object.entries(row.state.fields)) {
          expect(winner, `${row.key} ${field}`).toMatchObject({ by: device, vv: { [device]: 1 } });
          const at = typeof record.updatedAt === 'number' ? record.updatedAt : Date.UTC(2026, 0, 3);
          expect(winner!.at, `${row.key} ${field}`).toBe(at);
        }
      }

      // Enabling again changes nothing; later writes are stamped on top of the adoption.
      await db.sync.toCollection().modify({ dirty: 0 });
      await enableSync(db);
      expect(await db.sync.where('dirty').equals(1).count()).toBe(0);
      const before = await readWholeLibrary(db);
      await commands.updateHighlight(ids.a1, { note: 'after enabling' });
      expect(await expectStamped(db, before)).toBe(1);
    });

    it('stays enabled when the database is opened again, and forgetSync clears the sync state', async () => {
      await clipThree();
      await enableSync(db);
      db.close();
      await db.open();
      expect(isSyncEnabled(db)).toBe(true);
      await db.sync.toCollection().modify({ dirty: 0 });
      await commands.updateHighlight(ids.a1, { note: 'after reopening' });
      expect(await db.sync.where('dirty').equals(1).count()).toBe(1);

      await forgetSync(db);
      expect(isSyncEnabled(db)).toBe(false);
      await expectNoSyncState();
      await commands.updateHighlight(ids.a1, { note: 'after forgetting' });
      await commands.deleteHighlight(ids.b1);
      await expectNoSyncState();
      db.close();
      await db.open();
      expect(isSyncEnabled(db)).toBe(false);
      expect(await db.highlights.count()).toBe(2);
    });

    it('another connection (another extension page) starts and stops stamping when sync is enabled or forgotten', async () => {
      await clipThree();
      const other = createDatabase(db.name);
      const otherCommands = createCommands({ db: other, now: () => Date.UTC(2026, 0, 4) });
      try {
        await other.open();
        // Closed and opened again (a page reloaded its connection): it still hears of the change.
        other.close();
        await other.open();
        expect(isSyncEnabled(other)).toBe(false);
        await enableSync(db);
        await vi.waitFor(() => expect(isSyncEnabled(other)).toBe(true));
        await db.sync.toCollection().modify({ dirty: 0 });
        const before = await readWholeLibrary(db);
        await otherCommands.updateHighlight(ids.a1, { note: 'from the other page' });
        expect(await expectStamped(db, before)).toBe(1);

        await forgetSync(db);
        await vi.waitFor(() => expect(isSyncEnabled(other)).toBe(false));
        await otherCommands.updateHighlight(ids.a1, { note: 'after forgetting' });
        await expectNoSyncState();
      } finally {
        other.close();
      }
    });
  });
});
