import { useMemo } from 'preact/hooks';
import type { Backup, LibraryData, ParseBackupResult } from '@/core/backup';
import { parseSetting, type SettingKey } from '@/core/settings';
import type { SettingRecord } from '@/core/types';
import type { Overwrite } from '@/core/merge-overwrites';
import { type BackupRunOptions, exportBackup, type ImportResult, previewOverwrites } from '@/storage/backup';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import { loadAllAnnotations } from '@/storage/export';
import { parseImportFile } from '@/storage/import-file';
import { getSetting } from '@/storage/settings';
import { forgetSyncForWipe } from './useSync';

/** What the backup controls read and write (components/dashboard/BackupControls.tsx). */
export interface LibraryBackup {
  /** Every record of the library as a backup, read as one consistent snapshot. */
  exportBackup: (options: BackupRunOptions) => Promise<Backup>;
  /**
   * Reads a backup file (records may refer to pages, conferences and conference talks already in the
   * library) or a W3C Web Annotation file, as the backup of the records it stands for.
   */
  parse: (text: string) => Promise<ParseBackupResult>;
  /** The library records importing a parsed backup would overwrite with newer ones (asked about first). */
  previewOverwrites: (backup: LibraryData) => Promise<Overwrite[]>;
  /** Merges a parsed backup, all or nothing; the open tabs of the pages it changed redraw. */
  importBackup: (backup: LibraryData, options: BackupRunOptions) => Promise<ImportResult>;
  /** Every highlight with every page and talk, for the Web Annotation export. */
  loadAnnotations: () => ReturnType<typeof loadAllAnnotations>;
  /** Of a backup's held settings (core/backup.ts HELD_SETTINGS), those that differ from the library's. */
  heldChanges: (held: readonly SettingRecord[]) => Promise<SettingRecord[]>;
  /** Applies a held setting the reader chose to take from a backup. */
  applySetting: (setting: SettingRecord) => Promise<void>;
  /** Deletes every record and setting of this browser's library; returns how many pages it held. */
  deleteAllData: () => Promise<number>;
}

/**
 * The library's backup and restore, bound to the database and the notifier. `forgetSync` runs before
 * Delete all data: sync stops and its account (password, passphrase) leaves this browser first, so no
 * pass writes into the emptied library.
 */
export function libraryBackup(
  db: TalkNotesDatabase,
  notify?: NotifyHighlightsChanged,
  forgetSync?: () => Promise<unknown>,
): LibraryBackup {
  const commands = createCommands({ db, notify });
  return {
    exportBackup: (options) => exportBackup(db, options),
    parse: (text) => parseImportFile(db, text),
    previewOverwrites: (backup) => previewOverwrites(db, backup),
    importBackup: (backup, options) => commands.importBackup(backup, options),
    loadAnnotations: () => loadAllAnnotations(db),
    deleteAllData: async () => {
      await forgetSync?.();
      return commands.deleteAllData();
    },
    heldChanges: async (held) => {
      const changed: SettingRecord[] = [];
      for (const setting of held) {
        const current = await getSetting(db, setting.key as SettingKey);
        if (JSON.stringify(current) !== JSON.stringify(setting.value)) changed.push(setting);
      }
      return changed;
    },
    applySetting: async ({ key, value }) => {
      await commands.setSetting(key as SettingKey, parseSetting(key as SettingKey, value));
    },
  };
}

export function useBackup(db: TalkNotesDatabase, notify?: NotifyHighlightsChanged): LibraryBackup {
  return useMemo(() => libraryBackup(db, notify, forgetSyncForWipe), [db, notify]);
}
