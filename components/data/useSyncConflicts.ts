/**
 * The dashboard's side of sync conflicts (#16): the records edited on two devices, kept live from
 * the sync state, and the reader's choice sent to the background, which writes it
 * (storage/sync/conflicts.ts) and tells open tabs to redraw.
 */
import { useCallback } from 'preact/hooks';
import { sendToBackground } from '@/messaging/client';
import type { TalkNotesDatabase } from '@/storage/db';
import {
  type ConflictKeep,
  type SyncConflict,
  dismissKeptNotice,
  listSyncConflicts,
} from '@/storage/sync/conflicts';
import { useLiveQuery } from './useLiveQuery';

export type { ConflictKeep, SyncConflict } from '@/storage/sync/conflicts';

export interface SyncConflicts {
  /** This device's sync id (null before sync was started here), to say "this device". */
  device: string | null;
  conflicts: SyncConflict[];
  resolve(id: string, field: string, keep: ConflictKeep): Promise<void>;
  /** Hides a record's "kept after a deletion" notice on this device (written here: nothing to redraw in tabs). */
  dismissKept(id: string): Promise<void>;
}

export function useSyncConflicts(
  db: TalkNotesDatabase,
  send: typeof sendToBackground = sendToBackground,
): SyncConflicts | undefined {
  const listed = useLiveQuery(() => listSyncConflicts(db), [db]);
  const resolve = useCallback(
    async (id: string, field: string, keep: ConflictKeep) => {
      await send({ type: 'resolveSyncConflict', id, field, keep });
    },
    [send],
  );
  const dismissKept = useCallback(
    async (id: string) => {
      await dismissKeptNotice(db, id);
    },
    [db],
  );
  return listed && { ...listed, resolve, dismissKept };
}
