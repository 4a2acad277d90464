/**
 * Every version of the database schema, oldest first. Append only: never edit a released version,
 * add a new one (with an `upgrade` when rows change shape). The migration test opens a database
 * filled at each older version with the current code and checks that every row survived.
 *
 * Stores list only indexed fields; `*tags` is multi-entry, `[a+b]` a compound index.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      pages: 'id, &url, siteName, createdAt, updatedAt',
      talks: 'id, pageId, title, updatedAt',
      highlights: 'id, pageId, url, talkId, *tags, color, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
