/**
 * The Talk Notes database: one Dexie database named `talk-notes`, in the extension's origin
 * (the background and the extension pages share it; content scripts go through messages).
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  CollectionRecord,
  ConferenceRecord,
  HighlightRecord,
  PageRecord,
  SettingRecord,
  TalkRecord,
} from '@/core/types';
import { SCHEMA_VERSIONS } from './schema';
import type { SyncMetaRow, SyncRow } from './sync/state';
import { installConflictFlag } from './sync/conflict-flag';
import { installSyncStamping } from './sync/stamping';

/** Public name of the IndexedDB database: keep it stable, users' data lives there. */
export const DATABASE_NAME = 'talk-notes';

export type TalkNotesDatabase = Dexie & {
  pages: EntityTable<PageRecord, 'id'>;
  talks: EntityTable<TalkRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  collections: EntityTable<CollectionRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  conferences: EntityTable<ConferenceRecord, 'id'>;
  /** Sync state (storage/sync/state.ts): not library data, never in a backup or an export. */
  sync: EntityTable<SyncRow, 'key'>;
  syncMeta: EntityTable<SyncMetaRow, 'key'>;
};

/**
 * Opens (lazily, on first use) the database with every schema version declared.
 * `name` is a seam for tests; `indexedDB`/`IDBKeyRange` default to the global ones.
 * `cache` is Dexie's live-query cache mode: 'immutable' hands out frozen results without the
 * per-subscriber deep clone ('cloned', the default), which a page holding the whole library needs.
 */
export function createDatabase(
  name: string = DATABASE_NAME,
  options?: {
    indexedDB?: IDBFactory;
    IDBKeyRange?: typeof IDBKeyRange;
    cache?: 'immutable' | 'cloned' | 'disabled';
  },
): TalkNotesDatabase {
  const db = new Dexie(name, options) as TalkNotesDatabase;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  // Once sync is enabled, every write of a synced table stamps its sync state in the same
  // transaction (storage/sync/stamping.ts); before, writes pass through untouched.
  installSyncStamping(db);
  // Every sync row written carries whether it asks something of the reader (indexed).
  installConflictFlag(db);
  return db;
}

let shared: TalkNotesDatabase | undefined;

/** The database of this extension context, created once per context (not state: only a handle). */
export function database(): TalkNotesDatabase {
  shared ??= createDatabase();
  return shared;
}

/**
 * Asks the browser to keep our data under storage pressure. `unlimitedStorage` already exempts
 * Chrome extensions; this covers browsers that honour only the Storage API.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
) {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
