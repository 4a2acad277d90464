/** What the sync-stamping benchmark runs inside a Chromium page (bundled by bundleScript). */
import Dexie from 'dexie';
import { parseBackup } from '@/core/backup';
import { importBackup } from '@/storage/backup';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { SCHEMA_VERSIONS } from '@/storage/schema';

/** The same database without the stamping middleware: the cost sync adds is the difference. */
function unstampedDatabase(name: string): TalkNotesDatabase {
  const db = new Dexie(name) as TalkNotesDatabase;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

const api = {
  /** Imports a backup's text into a fresh database, with or without stamping; then deletes it. */
  async importBackupText(text: string, name: string, stamping: boolean) {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const db = stamping ? createDatabase(name) : unstampedDatabase(name);
    try {
      const before = (await navigator.storage.estimate()).usage ?? 0;
      const started = performance.now();
      await importBackup(db, parsed.backup);
      const ms = performance.now() - started;
      const after = (await navigator.storage.estimate()).usage ?? 0;
      return {
        ms,
        highlights: await db.highlights.count(),
        syncRows: await db.sync.count(),
        bytes: after - before,
      };
    } finally {
      await db.delete();
    }
  },
};

(globalThis as unknown as { TalkNotesSyncStampingBench: typeof api }).TalkNotesSyncStampingBench = api;
export type SyncStampingBenchApi = typeof api;
