/**
 * Every version of the database schema, oldest first. Append only: never edit a released version,
 * add a new one (with an `upgrade` when rows change shape). The migration test opens a database
 * filled at each older version with the current code and checks that every row survived.
 *
 * Stores list only indexed fields; `*tags` is multi-entry, `[a+b]` a compound index.
 */
import type { Transaction } from 'dexie';
import { needsReader } from '@/core/sync/conflict-choices';
import type { RecordState } from '@/core/sync/merge';

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
  {
    // Indexes no query uses are dropped: every index entry is written on every put, and restoring a
    // 50,000-highlight backup spent about a tenth of its time on these (docs/benchmarks.md, #6).
    // Kept: what storage/ queries (pages.url, talks.pageId, highlights.url/talkId/tags,
    // collections.highlightIds) and the highlight indexes the library was designed with (createdAt,
    // updatedAt). Rows keep their shape, so no upgrade function.
    version: 2,
    stores: {
      pages: 'id, &url',
      talks: 'id, pageId',
      highlights: 'id, url, talkId, *tags, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
    },
  },
  {
    // Conference schedules (#13): a `conferences` table; talks of a conference are found by
    // `conferenceId`, the page talks linked to a schedule talk (its sources) by `scheduleTalkId`.
    // Existing rows keep their shape (the new talk fields are optional), so no upgrade function.
    version: 3,
    stores: {
      pages: 'id, &url',
      talks: 'id, pageId, conferenceId, scheduleTalkId',
      highlights: 'id, url, talkId, *tags, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
      conferences: 'id, sourceUrl',
    },
  },
  {
    // Sync (#16, docs/sync.md): `sync` holds each synced record's field versions, server revision and
    // dirty flag (keyed `<table>:<id>`, `dirty` indexed to find what to push); `syncMeta` the device id
    // and checkpoints. Only the tables: they stay empty until the reader starts sync (enableSync in
    // storage/sync/enable.ts adopts the library then), so a reader who never syncs pays nothing.
    version: 4,
    stores: {
      pages: 'id, &url',
      talks: 'id, pageId, conferenceId, scheduleTalkId',
      highlights: 'id, url, talkId, *tags, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
      conferences: 'id, sourceUrl',
      sync: 'key, dirty',
      syncMeta: 'key',
    },
  },
  {
    // Post identity (#18): a page record keeps its post's fingerprint (core/post-identity.ts), indexed
    // so a moved post is found again on its new address. Older pages have none (it is read from the
    // rendered post, which the database does not hold), so no upgrade function: they are still found
    // by their URL and by the permalinks a page declares.
    version: 5,
    stores: {
      pages: 'id, &url, fingerprint',
      talks: 'id, pageId, conferenceId, scheduleTalkId',
      highlights: 'id, url, talkId, *tags, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
      conferences: 'id, sourceUrl',
      sync: 'key, dirty',
      syncMeta: 'key',
    },
  },
  {
    // Sync conflicts found by an index (#16): a sync row that asks something of the reader (a field
    // edited on two devices, or kept after a deletion elsewhere) carries `conflicted: 1`, the others
    // nothing, so the index holds only those and the dashboard lists them without reading the whole
    // `sync` table. Kept on every write by storage/sync/conflict-flag.ts; existing rows are flagged
    // here (only the few that need it are rewritten).
    version: 6,
    stores: {
      pages: 'id, &url, fingerprint',
      talks: 'id, pageId, conferenceId, scheduleTalkId',
      highlights: 'id, url, talkId, *tags, createdAt, updatedAt',
      collections: 'id, name, *highlightIds, updatedAt',
      settings: 'key',
      conferences: 'id, sourceUrl',
      sync: 'key, dirty, conflicted',
      syncMeta: 'key',
    },
    upgrade: async (tx) => {
      await tx
        .table('sync')
        .filter((row: { state: RecordState }) => needsReader(row.state))
        .modify((row: { conflicted?: 1 }) => {
          row.conflicted = 1;
        });
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
