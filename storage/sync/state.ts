/**
 * The local sync state (docs/sync.md): per synced record, its field versions and deletions
 * (core/sync/merge.ts `RecordState`), the server revision last seen and whether it changed since the
 * last push (`sync` table, keyed by document id `<table>:<id>`); and this device's id and the pull
 * checkpoints (`syncMeta` table). Neither table is part of the library: no backup, no export.
 */
import type { RecordState } from '@/core/sync/merge';

/** Names of the two tables (schema version 4): stable, users' sync state lives there. */
export const SYNC_STATE_TABLE = 'sync';
export const SYNC_META_TABLE = 'syncMeta';

/** One record's sync state. */
export interface SyncRow {
  /** The document id, `<table>:<key>` (core/sync/documents.ts `documentId`). */
  key: string;
  state: RecordState;
  /** The server's `_rev` of the document as last read or written; absent before the first push. */
  rev?: string;
  /** 1 when the state holds versions the server has not been sent (a number: IndexedDB indexes no booleans). */
  dirty: 0 | 1;
  /**
   * 1 when the record asks something of the reader (a conflict, or kept after a deletion elsewhere:
   * core/sync/conflict-choices.ts `needsReader`), absent otherwise, so the index (schema version 6)
   * holds only those rows. Kept by a middleware on every write of the table (conflict-flag.ts).
   */
  conflicted?: 1;
  /**
   * The "kept after a deletion" notice the reader dismissed on this device (core/sync/conflict-choices.ts
   * `keptNoticeKey`: the deletions it was about). Per device, never sent: absent until dismissed.
   */
  keptDismissed?: string;
  /**
   * Other leaf revisions of the document on the server (conflicts made by replication between
   * servers) whose states are merged into `state`: deleted on the server once `state` is written on
   * `rev` (pass.ts), so the server keeps one leaf. Absent when there are none.
   */
  leaves?: string[];
}

/** A value of the `syncMeta` table. */
export interface SyncMetaRow {
  key: string;
  value: unknown;
}

/**
 * The `syncMeta` key saying this library is set up for sync (value `true`): written by `enableSync`
 * (`Start sync`), removed by `forgetSync`. Without it nothing is stamped (stamping.ts).
 */
export const SYNC_ENABLED_KEY = 'enabled';

/** The `syncMeta` key of this device's id (made once, when sync is enabled). */
export const DEVICE_ID_KEY = 'deviceId';

/** A new device id: random, so two profiles never share one (the tie-breaker of concurrent edits). */
export function newDeviceId(): string {
  return `dev-${globalThis.crypto.randomUUID()}`;
}

/** The `syncMeta` key of the checkpoint kept for one server database. */
export function checkpointKey(server: string): string {
  return `checkpoint:${server}`;
}

/** What a pass remembers of a server database between passes. */
export interface Checkpoint {
  /** `last_seq` of the last `_changes` batch written locally (CouchDB sequences are opaque). */
  since: string | number;
  /** The database's identity when the checkpoint was made: another one means it was recreated. */
  instance: string;
}
