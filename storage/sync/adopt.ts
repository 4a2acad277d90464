/**
 * The library as it was before sync existed, stamped once (schema version 4's upgrade): each record
 * gets a version per field, made by this device at the record's `updatedAt`, and is marked dirty,
 * so the first pass sends it. Writes after the upgrade are stamped by the middleware (stamping.ts).
 */
import type { Transaction } from 'dexie';
import { SYNC_TABLES, documentId, recordKey, toSyncedValues } from '@/core/sync/documents';
import { stampRecord } from '@/core/sync/edits';
import { DEVICE_ID_KEY, newDeviceId, SYNC_META_TABLE, SYNC_STATE_TABLE, type SyncRow } from './state';

/** Rows written per bulkPut: bounds the memory an upgrade of a large library holds at once. */
const CHUNK = 2_000;

export async function stampExistingRecords(tx: Transaction, now: number = Date.now()): Promise<void> {
  const device = newDeviceId();
  await tx.table(SYNC_META_TABLE).put({ key: DEVICE_ID_KEY, value: device });
  for (const table of SYNC_TABLES) {
    const records = await tx.table(table).toArray();
    for (let start = 0; start < records.length; start += CHUNK) {
      const rows: SyncRow[] = records.slice(start, start + CHUNK).map((record) => {
        const at = typeof record.updatedAt === 'number' ? record.updatedAt : now;
        return {
          key: documentId(table, recordKey(table, record)),
          state: stampRecord(undefined, toSyncedValues(table, record), device, at),
          dirty: 1,
        };
      });
      await tx.table(SYNC_STATE_TABLE).bulkPut(rows);
    }
  }
}
