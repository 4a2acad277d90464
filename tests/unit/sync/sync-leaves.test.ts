// @vitest-environment node
/**
 * Conflicting leaf revisions on the server (docs/sync.md section 1, "What is left" 3): made by
 * replication between servers, not by our client (which writes with `_rev` and merges on a 409).
 * A pass reads every leaf, merges them into one state, writes it on one leaf and then deletes the
 * others, so the server keeps one. The leaf is planted as CouchDB's replicator would
 * (`_bulk_docs` with `new_edits: false`), from a device that synced to another database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewState } from '@/core/sync/merge';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { SyncServer } from '@/storage/sync/couch';
import { enableSync } from '@/storage/sync/enable';
import { syncOnce } from '@/storage/sync/pass';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { clipOn } from '../clip-fixtures';

interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
}

describe('conflicting leaf revisions on the server', () => {
  let server: PouchServer;
  const devices: Device[] = [];
  let clock = 0;

  async function device(): Promise<Device> {
    const db = createDatabase(`sync-leaves-${crypto.randomUUID()}`);
    await enableSync(db);
    const made = {
      db,
      commands: createCommands({ db, now: () => (clock = Math.max(clock + 1, Date.now())) }),
    };
    devices.push(made);
    return made;
  }
  const sync = async (d: Device, target: SyncServer) => {
    const report = await syncOnce(d.db, target);
    expect(report.error).toBeUndefined();
    expect(report.refused).toEqual([]);
    return report;
  };
  const leavesOf = async (target: SyncServer, id: string) => {
    const response = await fetch(`${target.url}/${encodeURIComponent(id)}?conflicts=true`);
    const doc = (await response.json()) as { _rev: string; _conflicts?: string[] };
    return [doc._rev, ...(doc._conflicts ?? [])];
  };

  beforeEach(async () => {
    server = await startPouchServer();
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.db.delete();
    await server.stop();
  });

  it('are merged, written on one leaf, and the others deleted: the server keeps one', async () => {
    const main: SyncServer = { url: `${server.origin}/main` };
    const other: SyncServer = { url: `${server.origin}/other` };
    const laptop = await device();
    const desktop = await device();
    const { highlight } = await clipOn(laptop.db, 'https://a.example/', 'a passage', 60, null);
    const id = `highlights:${highlight.id}`;
    await sync(laptop, main);
    await sync(desktop, main);
    await laptop.commands.updateHighlight(highlight.id, { note: 'written on the laptop' });
    await sync(laptop, main);
    // The desktop writes to another server's database, which is then replicated into this one.
    await desktop.commands.updateHighlight(highlight.id, { note: 'written on the desktop' });
    await sync(desktop, other);
    const planted = await (await fetch(`${other.url}/${encodeURIComponent(id)}`)).json();
    const put = await fetch(`${main.url}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs: [planted], new_edits: false }),
    });
    expect(put.ok).toBe(true);
    expect(await leavesOf(main, id)).toHaveLength(2);

    const reader = await device();
    await sync(reader, main);
    expect(await leavesOf(main, id)).toHaveLength(1);
    // Nothing was lost: both notes are in the state, one shown and the other offered as a conflict.
    for (const d of [reader, laptop]) {
      if (d !== reader) await sync(d, main);
      const row = await d.db.sync.get(id);
      const notes = viewState(row!.state).conflicts.find((c) => c.field === 'note');
      expect(notes?.versions.map((v) => v.value).sort()).toEqual([
        'written on the desktop',
        'written on the laptop',
      ]);
      expect(row!.leaves).toBeUndefined();
    }
    // And a later pass finds nothing more to do there.
    expect((await sync(reader, main)).sent).toBe(0);
    expect(await leavesOf(main, id)).toHaveLength(1);
  });
});
