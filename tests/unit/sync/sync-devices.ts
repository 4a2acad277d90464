/**
 * Devices for the multi-device sync tests: each a fake-indexeddb library whose reader pressed `Start sync`,
 * all syncing with one pouchdb-server the test starts before each test and stops after it. Real pass,
 * stamping and merge code; only the transport's server is a test's own.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import type { LibraryData } from '@/core/backup';
import { SYNC_TABLES } from '@/core/sync/documents';
import { viewState } from '@/core/sync/merge';
import type { HighlightRecord } from '@/core/types';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { Fetch, SyncServer } from '@/storage/sync/couch';
import { enableSync } from '@/storage/sync/enable';
import { syncOnce } from '@/storage/sync/pass';
import { type PouchServer, startPouchServer } from '../../sync/pouchdb-server';
import { readWholeLibrary } from '../storage/library-helpers';

export interface Device {
  db: TalkNotesDatabase;
  commands: Commands;
}

/** A device's whole library without the per-device anchoring status, to compare devices. */
export async function libraryOf(device: Device): Promise<LibraryData> {
  const data = await readWholeLibrary(device.db);
  return { ...data, highlights: data.highlights.map(({ anchorStatus: _, ...h }) => h as never) };
}

/** Registers the server's start and stop and the devices' cleanup on the calling `describe`. */
export function useSyncDevices(name: string) {
  let server: PouchServer;
  let target: SyncServer;
  const devices: Device[] = [];
  // Edits later than the clips (which use the real clock), and never two at the same millisecond.
  let clock = 0;

  beforeEach(async () => {
    server = await startPouchServer();
    target = { url: `${server.origin}/talk-notes` };
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.db.delete();
    await server.stop();
  });

  async function device(): Promise<Device> {
    const db = createDatabase(`${name}-${crypto.randomUUID()}`);
    await enableSync(db);
    const made = {
      db,
      commands: createCommands({ db, now: () => (clock = Math.max(clock + 1, Date.now())) }),
    };
    devices.push(made);
    return made;
  }
  /** One pass that must end without an error or a refused record. */
  const sync = async (d: Device) => {
    const report = await syncOnce(d.db, target);
    expect(report.error).toBeUndefined();
    expect(report.refused).toEqual([]);
    return report;
  };
  /** Passes on every device until a whole round sends nothing (at most 4 rounds); the rounds it took. */
  const settle = async (all: Device[]) => {
    for (let round = 0; round < 4; round++) {
      let sent = 0;
      for (const d of all) sent += (await sync(d)).sent;
      if (sent === 0) return round;
    }
    throw new Error('passes still send after 4 rounds');
  };
  return { device, sync, settle, target: () => target };
}

/**
 * What a device shows: its library (without the per-device anchoring status); per record it holds,
 * the conflicts it offers and whether it was kept after a deletion; and, per live record, every
 * field's values as the sync state has them (winner first, then conflicts), to find edits in. The
 * property tests compare devices by it.
 */
export async function deviceView(db: TalkNotesDatabase) {
  const library = await readWholeLibrary(db);
  const highlights = library.highlights.map(
    ({ anchorStatus: _, ...h }) => h as Omit<HighlightRecord, 'anchorStatus'>,
  );
  const offered: Record<string, { conflicts: [string, unknown[]][]; keptAfterDeletion: boolean }> = {};
  const shown: Record<string, Record<string, unknown[]>> = {};
  for (const row of await db.sync.toArray()) {
    if (!SYNC_TABLES.some((table) => row.key.startsWith(`${table}:`))) continue;
    const view = viewState(row.state);
    offered[row.key] = {
      conflicts: view.conflicts.map((c) => [c.field, c.versions.map((v) => v.value)]),
      keptAfterDeletion: view.keptAfterDeletion,
    };
    if (!view.values) continue;
    const values: Record<string, unknown[]> = {};
    for (const field of Object.keys(row.state.fields)) {
      const conflict = view.conflicts.find((c) => c.field === field);
      values[field] = conflict ? conflict.versions.map((v) => v.value) : [view.values[field]];
    }
    shown[row.key] = values;
  }
  return { library: { ...library, highlights }, offered, shown };
}

/** A fetch whose connection is lost from the `after`-th request on (as a network error). */
export function losing(after: number): Fetch {
  let made = 0;
  return (input, init) =>
    made++ >= after ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
}
