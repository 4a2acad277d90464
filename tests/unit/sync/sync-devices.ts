/**
 * Devices for the multi-device sync tests: each a fake-indexeddb library whose reader pressed `Start sync`,
 * all syncing with one pouchdb-server the test starts before each test and stops after it. Real pass,
 * stamping and merge code; only the transport's server is a test's own.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import type { LibraryData } from '@/core/backup';
import { type Commands, createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import type { SyncServer } from '@/storage/sync/couch';
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
