import { useMemo } from 'preact/hooks';
import type { ExportOptions } from '@/core/markdown/export-options';
import type { HighlightRecord } from '@/core/types';
import { createCommands } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import { type ExportContext, loadExportContext } from '@/storage/export';
import { getSetting } from '@/storage/settings';
import { useLiveQuery } from './useLiveQuery';

/** What the Markdown export controls read and write (components/ExportControls.tsx). */
export interface MarkdownExporter {
  /** The export options as the reader last set them; undefined until read. */
  options: ExportOptions | undefined;
  saveOptions: (options: ExportOptions) => Promise<void>;
  /** The pages, talks and colour names an export of these highlights needs. */
  loadContext: (highlights: readonly HighlightRecord[]) => Promise<ExportContext>;
}

/** The export's options, live, and what it reads; `db` null reads nothing yet. */
export function useMarkdownExport(db: TalkNotesDatabase | null): MarkdownExporter {
  const options = useLiveQuery(db && (() => getSetting(db, 'exportOptions')), [db]);
  const io = useMemo(() => (db ? markdownExportIo(db) : NOT_READY), [db]);
  return useMemo(() => ({ options, ...io }), [options, io]);
}

function markdownExportIo(db: TalkNotesDatabase): Omit<MarkdownExporter, 'options'> {
  const commands = createCommands({ db });
  return {
    saveOptions: (options) => commands.setSetting('exportOptions', options),
    loadContext: (highlights) => loadExportContext(db, highlights),
  };
}

const NOT_READY: Omit<MarkdownExporter, 'options'> = {
  saveOptions: () => Promise.reject(new Error('the library is not open')),
  loadContext: () => Promise.reject(new Error('the library is not open')),
};
