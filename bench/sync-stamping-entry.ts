/** What the sync-stamping benchmark runs inside a Chromium page (bundled by bundleScript). */
import { parseBackup } from '@/core/backup';
import { importBackup } from '@/storage/backup';
import { createDatabase } from '@/storage/db';
import { enableSync } from '@/storage/sync/enable';

const api = {
  /**
   * Imports a backup's text into a fresh database, with sync never enabled or enabled before the
   * import (every write stamped); then, never enabled, times `enableSync` adopting what was
   * imported (the one-time cost of `Start sync`). Deletes the database.
   */
  async importBackupText(text: string, name: string, syncEnabled: boolean) {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const db = createDatabase(name);
    try {
      if (syncEnabled) await enableSync(db);
      const before = (await navigator.storage.estimate()).usage ?? 0;
      const started = performance.now();
      await importBackup(db, parsed.backup);
      const ms = performance.now() - started;
      const after = (await navigator.storage.estimate()).usage ?? 0;
      const syncRows = await db.sync.count();
      let adoptMs = 0;
      if (!syncEnabled) {
        const adoptStarted = performance.now();
        await enableSync(db);
        adoptMs = performance.now() - adoptStarted;
      }
      return {
        ms,
        adoptMs,
        highlights: await db.highlights.count(),
        syncRows,
        adoptedRows: await db.sync.count(),
        bytes: after - before,
      };
    } finally {
      await db.delete();
    }
  },
};

(globalThis as unknown as { TalkNotesSyncStampingBench: typeof api }).TalkNotesSyncStampingBench = api;
export type SyncStampingBenchApi = typeof api;
