/**
 * Setting this library up for sync and removing sync from it (docs/sync.md, "Local sync state").
 * Before `enableSync` (what `Start sync` calls) nothing is stamped and the sync tables stay empty, so
 * a reader who never syncs pays nothing. `enableSync` adopts the whole library at once: every record
 * gets a version per field, made by this device at the record's `updatedAt`, marked dirty so the
 * first pass sends it; from then on the middleware (stamping.ts) stamps every write.
 *
 * Stopping sync (no more passes) does not turn stamping off: edits made while stopped must reach the
 * server when sync starts again. Only `forgetSync` (removing sync entirely) does, and it drops the
 * sync state with it; a later `enableSync` adopts the library afresh.
 */
import { SYNC_TABLES, documentId, recordKey, toSyncedValues } from '@/core/sync/documents';
import { stampRecord } from '@/core/sync/edits';
import type { TalkNotesDatabase } from '../db';
import { stampingSwitch } from './stamping';
import { DEVICE_ID_KEY, newDeviceId, SYNC_ENABLED_KEY, type SyncRow } from './state';

/** Rows written per bulkPut: bounds the memory the adoption of a large library holds at once. */
const CHUNK = 2_000;

/** Whether this connection stamps writes (sync enabled, as last read or set here). */
export function isSyncEnabled(db: TalkNotesDatabase): boolean {
  return stampingSwitch(db).on;
}

/**
 * Sets the library up for sync, in one transaction: every record adopted (stamped as this device's
 * edit, dirty) and the `enabled` flag set. Does nothing when sync is already enabled.
 */
export async function enableSync(db: TalkNotesDatabase, now: number = Date.now()): Promise<void> {
  const state = stampingSwitch(db);
  const wasOn = state.on;
  // On before the adopting transaction begins: a write begun after it holds the sync tables, so it
  // waits for the adoption and is stamped on top of it; a write begun before is adopted.
  state.on = true;
  state.enabling++;
  try {
    const tables = SYNC_TABLES.map((name) => db.table(name));
    await db.transaction('rw', [...tables, db.sync, db.syncMeta], async () => {
      if ((await db.syncMeta.get(SYNC_ENABLED_KEY))?.value === true) return;
      // Without the flag the sync rows hold nothing worth keeping (at most stamps made by another
      // connection that had not yet seen a forgetSync): the adoption replaces them.
      await db.sync.clear();
      const known = (await db.syncMeta.get(DEVICE_ID_KEY))?.value;
      const device = typeof known === 'string' ? known : newDeviceId();
      await db.syncMeta.put({ key: DEVICE_ID_KEY, value: device });
      for (const table of SYNC_TABLES) {
        const records = await db.table(table).toArray();
        for (let start = 0; start < records.length; start += CHUNK) {
          const rows: SyncRow[] = records.slice(start, start + CHUNK).map((record) => {
            const at = typeof record.updatedAt === 'number' ? record.updatedAt : now;
            return {
              key: documentId(table, recordKey(table, record)),
              state: stampRecord(undefined, toSyncedValues(table, record), device, at),
              dirty: 1,
            };
          });
          await db.sync.bulkPut(rows);
        }
      }
      await db.syncMeta.put({ key: SYNC_ENABLED_KEY, value: true });
    });
  } catch (error) {
    state.on = wasOn;
    throw error;
  } finally {
    state.enabling--;
  }
}

/**
 * Removes sync from this library: the sync state (versions, dirty flags, device id, checkpoints) and
 * the `enabled` flag; writes are no longer stamped. The library itself is untouched.
 */
export async function forgetSync(db: TalkNotesDatabase): Promise<void> {
  const state = stampingSwitch(db);
  const wasOn = state.on;
  // Off first: a write begun after this no longer holds the sync tables, so none stamps after the
  // clear; one begun before commits before it.
  state.on = false;
  try {
    await db.transaction('rw', db.sync, db.syncMeta, async () => {
      await db.sync.clear();
      await db.syncMeta.clear();
    });
  } catch (error) {
    state.on = wasOn;
    throw error;
  }
}
