// @vitest-environment node
/**
 * Conflicts as the reader meets them (docs/sync.md, "Conflict rules"): two devices (fake-indexeddb)
 * syncing through pouchdb-server on 127.0.0.1 edit the same note; both list it, the reader's choice
 * on one device (storage/sync/conflicts.ts) reaches the other, and no conflict is left anywhere.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentId } from '@/core/sync/documents';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { SyncServer } from '@/storage/sync/couch';
import { listSyncConflicts, resolveSyncConflict } from '@/storage/sync/conflicts';
import { enableSync } from '@/storage/sync/enable';
import { syncOnce } from '@/storage/sync/pass';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';

interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
}

describe('sync conflicts offered to the reader', () => {
  let server: PouchServer;
  let target: SyncServer;
  const devices: Device[] = [];
  let clock = 0;
  const tick = () => (clock = Math.max(clock + 1, Date.now()));

  async function device(): Promise<Device> {
    const db = createDatabase(`sync-conflicts-${crypto.randomUUID()}`);
    await enableSync(db);
    const made = { db, commands: createCommands({ db, now: tick }) };
    devices.push(made);
    return made;
  }
  const sync = async (d: Device) => {
    const report = await syncOnce(d.db, target);
    expect(report.error).toBeUndefined();
  };

  /** A highlight on both devices whose note A and B then edit, neither having seen the other's edit. */
  async function editedOnBoth() {
    const a = await device();
    const b = await device();
    const { highlight } = await clipOn(a.db, 'https://a.example/', 'the same passage', 60, null);
    await sync(a);
    await sync(b);
    await a.commands.updateHighlight(highlight.id, { note: 'note from A' });
    await b.commands.updateHighlight(highlight.id, { note: 'note from B' });
    await sync(a);
    await sync(b);
    await sync(a);
    return { a, b, id: highlight.id };
  }

  beforeEach(async () => {
    server = await startPouchServer();
    target = { url: `${server.origin}/talk-notes` };
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.db.delete();
    await server.stop();
  });

  it('lists the note edited on two devices on both, the later shown first, with the record', async () => {
    const { a, b, id } = await editedOnBoth();
    for (const d of [a, b]) {
      const { device, conflicts } = await listSyncConflicts(d.db);
      expect(device).toMatch(/^dev-/);
      expect(conflicts).toHaveLength(1);
      const [conflict] = conflicts;
      expect(conflict).toMatchObject({
        id: documentId('highlights', id),
        table: 'highlights',
        key: id,
        keptAfterDeletion: false,
        record: { id, text: 'the same passage', note: 'note from B' },
      });
      expect(conflict!.choices.map((c) => c.field)).toEqual(['note']);
      expect(conflict!.choices[0]!.versions.map((v) => v.value)).toEqual(['note from B', 'note from A']);
      expect(conflict!.choices[0]!.both).toBe('note from B\n\nnote from A');
    }
  });

  it('writes "keep that" on one device; after syncing both show it and no conflict is left', async () => {
    const { a, b, id } = await editedOnBoth();
    const [conflict] = (await listSyncConflicts(a.db)).conflicts;
    const that = conflict!.choices[0]!.versions[1]!;
    const url = await resolveSyncConflict(a.db, conflict!.id, 'note', { by: that.by, at: that.at }, tick());
    expect(url).toBe('https://a.example/');
    expect((await a.db.highlights.get(id))?.note).toBe('note from A');
    expect((await listSyncConflicts(a.db)).conflicts).toEqual([]);
    expect((await a.db.sync.get(conflict!.id))?.dirty).toBe(1);
    await sync(a);
    await sync(b);
    await sync(a);
    for (const d of [a, b]) {
      expect((await d.db.highlights.get(id))?.note).toBe('note from A');
      expect((await listSyncConflicts(d.db)).conflicts).toEqual([]);
    }
  });

  it('writes "keep both" (both notes, the shown one first) and refuses a choice no longer offered', async () => {
    const { a, b, id } = await editedOnBoth();
    const [conflict] = (await listSyncConflicts(b.db)).conflicts;
    await resolveSyncConflict(b.db, conflict!.id, 'note', 'both', tick());
    await expect(resolveSyncConflict(b.db, conflict!.id, 'note', 'both', tick())).rejects.toThrow(
      'This conflict was already resolved.',
    );
    await sync(b);
    await sync(a);
    for (const d of [a, b]) {
      expect((await d.db.highlights.get(id))?.note).toBe('note from B\n\nnote from A');
      expect((await listSyncConflicts(d.db)).conflicts).toEqual([]);
    }
    // A choice made on a stale view (a version that is gone) changes nothing.
    await a.commands.updateHighlight(id, { note: 'A again' });
    await b.commands.updateHighlight(id, { note: 'B again' });
    await sync(a);
    await sync(b);
    await expect(
      resolveSyncConflict(b.db, conflict!.id, 'note', { by: 'dev-gone', at: 1 }, tick()),
    ).rejects.toThrow('This conflict changed meanwhile');
    expect((await b.db.highlights.get(id))?.note).toBe('B again');
  });

  it('says a highlight deleted on one device and edited on the other was kept; an undo here says nothing', async () => {
    const a = await device();
    const b = await device();
    const { highlight } = await clipOn(a.db, 'https://a.example/', 'kept one', 60, null);
    const undone = await clipOn(a.db, 'https://a.example/', 'undone one', 80, null);
    await sync(a);
    await sync(b);
    await a.commands.deleteHighlights([highlight.id]);
    await b.commands.updateHighlight(highlight.id, { note: 'edited while deleted elsewhere' });
    // Deleted and brought back on one device: its own undo, no news.
    const removed = await a.db.highlights.get(undone.highlight.id);
    await a.commands.deleteHighlights([undone.highlight.id]);
    await a.db.highlights.put(removed!);
    await sync(a);
    await sync(b);
    await sync(a);
    for (const d of [a, b]) {
      const { conflicts } = await listSyncConflicts(d.db);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ key: highlight.id, keptAfterDeletion: true, choices: [] });
    }
  });
});
