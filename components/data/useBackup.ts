import { useMemo } from 'preact/hooks';
import { type Backup, type LibraryData, type ParseBackupResult, parseBackup } from '@/core/backup';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';
import { type BackupRunOptions, exportBackup, type ImportResult, libraryReferences } from '@/storage/backup';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import { loadAllAnnotations } from '@/storage/export';

/** What the backup controls read and write (components/dashboard/BackupControls.tsx). */
export interface LibraryBackup {
  /** Every record of the library as a backup, read as one consistent snapshot. */
  exportBackup: (options: BackupRunOptions) => Promise<Backup>;
  /** Reads a backup file; records may refer to pages, conferences and conference talks already in the library. */
  parse: (text: string) => Promise<ParseBackupResult>;
  /** Merges a parsed backup, all or nothing; the open tabs of the pages it changed redraw. */
  importBackup: (backup: LibraryData, options: BackupRunOptions) => Promise<ImportResult>;
  /** Every highlight with every page and talk, for the Web Annotation export. */
  loadAnnotations: () => Promise<{ highlights: HighlightRecord[]; pages: PageRecord[]; talks: TalkRecord[] }>;
}

/** The library's backup and restore, bound to the database and the notifier. */
export function libraryBackup(db: TalkNotesDatabase, notify?: NotifyHighlightsChanged): LibraryBackup {
  const commands = createCommands({ db, notify });
  return {
    exportBackup: (options) => exportBackup(db, options),
    parse: async (text) => parseBackup(text, await libraryReferences(db)),
    importBackup: (backup, options) => commands.importBackup(backup, options),
    loadAnnotations: () => loadAllAnnotations(db),
  };
}

export function useBackup(db: TalkNotesDatabase, notify?: NotifyHighlightsChanged): LibraryBackup {
  return useMemo(() => libraryBackup(db, notify), [db, notify]);
}
