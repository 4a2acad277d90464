/**
 * Records edited on two devices, as the dashboard lists them, and the reader's choice written back
 * (docs/sync.md, "Conflict rules"). Conflicts live in the sync state (the `sync` table's
 * `RecordState`, and the `conflicts` of the server's document), not in the library's records, so
 * they are read from there. Resolving writes a version that supersedes every value the reader saw
 * (core/sync/edits.ts `resolveConflict`) and the record with the chosen value, in one transaction,
 * marked dirty so the next pass sends it and every device ends with the choice.
 */
import {
  type ConflictChoice,
  conflictChoices,
  keptNoticeKey,
  showsKeptNotice,
} from '@/core/sync/conflict-choices';
import {
  type SyncRecords,
  type SyncTable,
  SYNC_TABLES,
  recordProblem,
  toLocalRecord,
} from '@/core/sync/documents';
import { resolveConflict } from '@/core/sync/edits';
import { sameValue } from '@/core/sync/field-clock';
import type { TalkNotesDatabase } from '../db';
import { skipStamping } from './stamping';
import { DEVICE_ID_KEY } from './state';

/** One record the reader should look at: fields in conflict, or kept after a deletion elsewhere. */
export interface SyncConflict {
  /** The sync document id, `<table>:<key>`. */
  id: string;
  table: SyncTable;
  key: string;
  choices: ConflictChoice[];
  keptAfterDeletion: boolean;
  /** The record as the library holds it (what the dashboard names it by). */
  record: SyncRecords[SyncTable] | undefined;
}

/** What the reader keeps: one of the values shown (by its device and edit time), or all of them. */
export type ConflictKeep = 'both' | { by: string; at: number };

function splitId(id: string): { table: SyncTable; key: string } | null {
  const at = id.indexOf(':');
  const table = id.slice(0, at) as SyncTable;
  if (at < 1 || !SYNC_TABLES.includes(table)) return null;
  return { table, key: id.slice(at + 1) };
}

/**
 * Every record with something to resolve or to say, with this device's sync id (null before sync
 * was ever started). Reads only the rows flagged `conflicted` (an index, conflict-flag.ts), so a
 * live query of it is not woken by the writes of the other records.
 */
export async function listSyncConflicts(
  db: TalkNotesDatabase,
): Promise<{ device: string | null; conflicts: SyncConflict[] }> {
  const tables = SYNC_TABLES.map((name) => db.table(name));
  return db.transaction('r', [...tables, db.sync, db.syncMeta], async () => {
    const found: Omit<SyncConflict, 'record'>[] = [];
    await db.sync
      .where('conflicted')
      .equals(1)
      .each((row) => {
        const choices = conflictChoices(row.state);
        const keptAfterDeletion = showsKeptNotice(row.state, row.keptDismissed);
        if (choices.length === 0 && !keptAfterDeletion) return;
        const where = splitId(row.key);
        if (where) found.push({ id: row.key, ...where, choices, keptAfterDeletion });
      });
    const conflicts: SyncConflict[] = [];
    for (const item of found) {
      const record = (await db.table(item.table).get(item.key)) as SyncRecords[SyncTable] | undefined;
      conflicts.push({ ...item, record });
    }
    const device = (await db.syncMeta.get(DEVICE_ID_KEY))?.value;
    return { device: typeof device === 'string' ? device : null, conflicts };
  });
}

/**
 * Dismisses the "kept after a deletion" notice of the record `id` on this device (per device: the
 * notice is the synced state's, which cannot forget a deletion; the dismissal is a note beside it,
 * in the sync row, never sent). A deletion made after shows it again. False when there is none.
 */
export async function dismissKeptNotice(db: TalkNotesDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', db.sync, async () => {
    const row = await db.sync.get(id);
    if (!row || !showsKeptNotice(row.state, row.keptDismissed)) return false;
    // The conflict-flag middleware clears `conflicted` when nothing else is asked of the reader.
    await db.sync.put({ ...row, keptDismissed: keptNoticeKey(row.state) });
    return true;
  });
}

/**
 * Writes the reader's choice for `field` of the record `id`: the value kept supersedes every
 * version of the field, the record shows it, and the sync row is dirty. Throws a sentence for the
 * reader when the conflict is no longer there (resolved on another device meanwhile) or the value
 * is not valid (two notes too long together). Returns the page address of a changed highlight or
 * page, for open tabs to redraw.
 */
export async function resolveSyncConflict(
  db: TalkNotesDatabase,
  id: string,
  field: string,
  keep: ConflictKeep,
  now: number = Date.now(),
): Promise<string | null> {
  const where = splitId(id);
  if (!where) throw new Error('There is no such record.');
  const { table: name, key } = where;
  const table = db.table(name);
  return db.transaction('rw', [table, db.sync, db.syncMeta], async () => {
    // The pass's way of writing: this is a sync state change, recorded below, not an edit to stamp.
    skipStamping();
    const row = await db.sync.get(id);
    const choice = row && conflictChoices(row.state).find((c) => c.field === field);
    if (!row || !choice) throw new Error('This conflict was already resolved.');
    let value: unknown;
    if (keep === 'both') {
      if (choice.both === null) throw new Error('These values cannot both be kept: keep one.');
      value = choice.both;
    } else {
      const version = choice.versions.find((v) => v.by === keep.by && v.at === keep.at);
      if (!version) throw new Error('This conflict changed meanwhile: look at it again.');
      value = version.value;
    }
    const device = (await db.syncMeta.get(DEVICE_ID_KEY))?.value;
    if (typeof device !== 'string') throw new Error('Sync is not set up in this browser.');
    const state = resolveConflict(row.state, field, value, device, now);
    const local = (await table.get(key)) as SyncRecords[SyncTable] | undefined;
    const record = toLocalRecord(name, key, state, local);
    if (!record) throw new Error('This record was deleted.');
    const problem = recordProblem(name, record);
    if (problem) throw new Error(`That cannot be kept: ${problem}.`);
    if (!local || !sameValue(local, record)) await table.put(record);
    await db.sync.put({ ...row, state, dirty: 1 });
    const url = (record as { url?: unknown }).url;
    return (name === 'highlights' || name === 'pages') && typeof url === 'string' ? url : null;
  });
}
