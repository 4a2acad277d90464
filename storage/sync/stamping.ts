/**
 * Stamping every local write for sync (docs/sync.md, "Conflict rules"), in one place: a Dexie DBCore
 * middleware that sees every add, put and delete of a synced table, whichever storage function or
 * Dexie method (put, update, modify, bulkPut, delete, clear) made it, and in the same transaction
 * records the new versions of the fields that changed (core/sync/edits.ts) in the `sync` table and
 * marks the record dirty. A write that changes no synced field (a highlight's anchoring status, a
 * put of the same values) leaves the sync state as it was, so it is not sent.
 *
 * A middleware, not calls in each write function: the storage layer has some fifty write paths, and
 * one that forgot to stamp would lose edits silently. Writes the sync pass itself makes (records
 * merged from the server) are not local edits and are marked so ({@link skipStamping}).
 *
 * Stamping is on only in a library set up for sync (`Start sync`, enable.ts): a reader who never
 * syncs pays nothing, no sync row and no extra read per write. The switch is read once when the
 * database opens and kept in memory ({@link stampingSwitch}); enable.ts turns it on and off in the
 * same connection, and a change made in another extension context (another connection) is read
 * again when Dexie reports that `syncMeta` changed.
 */
import Dexie, {
  type DBCore,
  type ObservabilitySet,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import {
  type SyncRecords,
  type SyncTable,
  SYNC_TABLES,
  documentId,
  toSyncedValues,
} from '@/core/sync/documents';
import { stampDeletion, stampRecord, stampRecreated, stateChanged } from '@/core/sync/edits';
import { isDeleted } from '@/core/sync/merge';
import {
  DEVICE_ID_KEY,
  newDeviceId,
  SYNC_ENABLED_KEY,
  SYNC_META_TABLE,
  SYNC_STATE_TABLE,
  type SyncMetaRow,
  type SyncRow,
} from './state';

const SYNCED = new Set<string>(SYNC_TABLES);

/** The flag a sync pass sets on its transaction (Dexie's `Transaction.idbtrans`). */
interface MarkedTransaction {
  talkNotesSyncWrite?: boolean;
  objectStoreNames?: DOMStringList;
}

/**
 * Marks the current Dexie transaction as one whose writes are not local edits to stamp: the sync
 * pass's (merged states from the server, which it records itself) and deleting all data (the sync
 * state goes too: nothing is sent). Call it first inside `db.transaction(...)`.
 */
export function skipStamping(): void {
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('skipStamping() must be called inside a transaction');
  (transaction.idbtrans as unknown as MarkedTransaction).talkNotesSyncWrite = true;
}

/**
 * Stamps the rest of the current transaction's writes again, after {@link skipStamping}: the pull
 * writes merged states unstamped, then unifies pages (unify.ts), which are this device's own edits.
 */
export function resumeStamping(): void {
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('resumeStamping() must be called inside a transaction');
  (transaction.idbtrans as unknown as MarkedTransaction).talkNotesSyncWrite = false;
}

export interface StampingOptions {
  /** Edit time of records without `updatedAt` (settings) and of deletions. */
  now?: () => number;
}

/** Whether this connection stamps writes: the in-memory copy of `syncMeta`'s `enabled`. */
export interface StampingSwitch {
  on: boolean;
  /** `enableSync` calls under way in this connection: a re-read meanwhile must not turn it off. */
  enabling: number;
}

const switches = new WeakMap<Dexie, StampingSwitch>();

/** The switch of a database `installSyncStamping` was called on (enable.ts and wipe.ts flip it). */
export function stampingSwitch(db: Dexie): StampingSwitch {
  const found = switches.get(db);
  if (!found) throw new Error('this database has no sync stamping installed');
  return found;
}

/**
 * Installs the middleware on `db` (`createDatabase` does, before the first open), off until the
 * database's `syncMeta` says sync is enabled: read once at each open, and again when another
 * connection changes `syncMeta` (Dexie's `storagemutated`, which crosses extension contexts).
 */
export function installSyncStamping(db: Dexie, options: StampingOptions = {}): void {
  const state: StampingSwitch = { on: false, enabling: 0 };
  switches.set(db, state);
  db.use(syncStamping(state, options));
  const read = async () => {
    const row = (await db.table(SYNC_META_TABLE).get(SYNC_ENABLED_KEY)) as SyncMetaRow | undefined;
    state.on = row?.value === true || state.enabling > 0;
  };
  const metaPart = `idb://${db.name}/${SYNC_META_TABLE}/`;
  const changed = (parts: ObservabilitySet) => {
    if (!db.isOpen() || !Object.keys(parts).some((part) => part.startsWith(metaPart))) return;
    read().catch(() => {
      // The database closed or went away meanwhile: the next open reads it again.
    });
  };
  // Listening while open only: `close()` and `delete()` end it, so a closed database is not kept
  // alive by the global event; the next open listens again.
  let listening = false;
  // Sticky: every (re)open of this Dexie instance listens and reads, before any queued request runs.
  db.on(
    'ready',
    () => {
      if (!listening) Dexie.on('storagemutated', changed);
      listening = true;
      return read();
    },
    true,
  );
  db.on('close', () => {
    if (listening) Dexie.on('storagemutated').unsubscribe(changed);
    listening = false;
  });
}

/** The middleware; stamps only while `state.on`. */
function syncStamping(state: StampingSwitch, { now = Date.now }: StampingOptions): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'talk-notes-sync-stamping',
    create(down) {
      return {
        ...down,
        // While sync is on, a write transaction over a synced table also holds the sync tables, so
        // the stamp is part of the same commit (or of the same abort).
        transaction(stores, mode, options) {
          const withSync =
            state.on && mode === 'readwrite' && stores.some((s) => SYNCED.has(s)) && hasSyncTables(down)
              ? [...new Set([...stores, SYNC_STATE_TABLE, SYNC_META_TABLE])]
              : stores;
          return down.transaction(withSync, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          return {
            ...table,
            mutate: (req) =>
              state.on ? stampedMutate(down, table, name as SyncTable, req, now) : table.mutate(req),
          };
        },
      };
    },
  };
}

function hasSyncTables(core: DBCore): boolean {
  return core.schema.tables.some((t) => t.name === SYNC_STATE_TABLE);
}

/**
 * False inside the sync pass's writes, in upgrades of versions before the sync tables, and in a
 * transaction begun before sync was enabled (it does not hold the sync tables).
 */
function stamps(trans: DBCoreTransaction): boolean {
  const marked = trans as unknown as MarkedTransaction;
  if (marked.talkNotesSyncWrite) return false;
  return marked.objectStoreNames?.contains(SYNC_STATE_TABLE) ?? false;
}

async function stampedMutate(
  down: DBCore,
  table: DBCoreTable,
  name: SyncTable,
  req: DBCoreMutateRequest,
  now: () => number,
): Promise<DBCoreMutateResponse> {
  if (!stamps(req.trans)) return table.mutate(req);
  if (req.type === 'deleteRange') {
    // `clear()` and some Collection deletes: find the keys, so each record gets its tombstone.
    const found = await table.query({
      trans: req.trans,
      values: false,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    const keys = found.result as string[];
    const response = await table.mutate(req);
    await stampDeletions(down, req.trans, name, keys, now());
    return response;
  }
  if (req.type === 'delete') {
    const response = await table.mutate(req);
    const deleted = (req.keys as string[]).filter((_, i) => !response.failures[i]);
    await stampDeletions(down, req.trans, name, deleted, now());
    return response;
  }
  // The write first, while Dexie's transaction context is current (its own middlewares below read
  // it); the stamps of the records it wrote follow in the same transaction.
  const response = await table.mutate(req);
  const written = req.values.filter((_, i) => !response.failures[i]) as SyncRecords[SyncTable][];
  if (written.length === 0) return response;
  const extractKey = table.schema.primaryKey.extractKey!;
  const rows = await planStamps(down, req.trans, name, written, extractKey, now());
  const changed = [...new Map(rows.filter((r) => r !== null).map((r) => [r.key, r])).values()];
  if (changed.length)
    await down.table(SYNC_STATE_TABLE).mutate({ trans: req.trans, type: 'put', values: changed });
  return response;
}

/** This device's id, made and stored on first use. */
async function deviceId(down: DBCore, trans: DBCoreTransaction): Promise<string> {
  const meta = down.table(SYNC_META_TABLE);
  const row = (await meta.get({ trans, key: DEVICE_ID_KEY })) as SyncMetaRow | undefined;
  if (typeof row?.value === 'string') return row.value;
  const id = newDeviceId();
  await meta.mutate({ trans, type: 'put', values: [{ key: DEVICE_ID_KEY, value: id }] });
  return id;
}

/** The sync rows a write makes, one per record (null where nothing synced changed). */
async function planStamps(
  down: DBCore,
  trans: DBCoreTransaction,
  name: SyncTable,
  records: readonly SyncRecords[SyncTable][],
  extractKey: (value: unknown) => unknown,
  at: number,
): Promise<(SyncRow | null)[]> {
  if (records.length === 0) return [];
  const sync = down.table(SYNC_STATE_TABLE);
  const device = await deviceId(down, trans);
  const keys = records.map((record) => documentId(name, String(extractKey(record))));
  const stored = (await sync.getMany({ trans, keys })) as (SyncRow | undefined)[];
  const latest = new Map<string, SyncRow>();
  const rows: (SyncRow | null)[] = [];
  records.forEach((record, i) => {
    const key = keys[i]!;
    // A record written twice in one request: the second stamp builds on the first.
    const row = latest.get(key) ?? stored[i];
    const synced = toSyncedValues(name, record);
    const updatedAt = (record as { updatedAt?: unknown }).updatedAt;
    const editAt = typeof updatedAt === 'number' ? updatedAt : at;
    const state =
      row && isDeleted(row.state)
        ? stampRecreated(row.state, synced, device, editAt)
        : stampRecord(row?.state, synced, device, editAt);
    const next = stateChanged(row?.state, state) ? { ...row, key, state, dirty: 1 as const } : null;
    if (next) latest.set(key, next);
    rows.push(next);
  });
  return rows;
}

async function stampDeletions(
  down: DBCore,
  trans: DBCoreTransaction,
  name: SyncTable,
  keys: readonly string[],
  at: number,
) {
  if (keys.length === 0) return;
  const sync = down.table(SYNC_STATE_TABLE);
  const ids = keys.map((key) => documentId(name, String(key)));
  const rows = (await sync.getMany({ trans, keys: ids })) as (SyncRow | undefined)[];
  // Only records sync knows (every record is stamped when written): deleting a key that was never
  // there sends nothing.
  const live = rows.filter((row): row is SyncRow => row !== undefined && !isDeleted(row.state));
  if (live.length === 0) return;
  const device = await deviceId(down, trans);
  await sync.mutate({
    trans,
    type: 'put',
    values: live.map((row) => ({ ...row, state: stampDeletion(row.state, device, at), dirty: 1 })),
  });
}
