import { useMemo } from 'preact/hooks';
import type { CollectionRecord, HighlightChanges, HighlightRecord, TalkRecord } from '@/core/types';
import {
  addToCollection,
  type CollectionInput,
  createCollection,
  deleteCollection,
  removeFromCollection,
  updateCollection,
} from '@/storage/collections';
import type { TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { addTags, deleteHighlights, removeTags, restoreHighlights, setTalk, urlsOf } from '@/storage/library';
import { createTalk, mergeTalks, renameTalk, setSpeakers } from '@/storage/talks';
import { describeStorageError } from '@/core/storage-errors';

export interface LibraryActions {
  updateHighlight: (highlight: HighlightRecord, changes: HighlightChanges) => Promise<void>;
  addTags: (ids: readonly string[], tags: readonly string[]) => Promise<number>;
  removeTags: (ids: readonly string[], tags: readonly string[]) => Promise<number>;
  setTalk: (ids: readonly string[], talkId: string | null) => Promise<number>;
  createTalk: (pageId: string, title: string) => Promise<TalkRecord | undefined>;
  editTalk: (id: string, title: string, speakers: string[]) => Promise<boolean>;
  mergeTalks: (targetId: string, otherIds: readonly string[]) => Promise<boolean>;
  /** Deletes and returns the deleted records (for undo); [] on failure. */
  deleteHighlights: (ids: readonly string[]) => Promise<HighlightRecord[]>;
  restoreHighlights: (records: readonly HighlightRecord[]) => Promise<boolean>;
  createCollection: (input: CollectionInput) => Promise<CollectionRecord | undefined>;
  updateCollection: (id: string, changes: { name?: string; description?: string }) => Promise<boolean>;
  deleteCollection: (id: string) => Promise<boolean>;
  addToCollection: (id: string, ids: readonly string[]) => Promise<number>;
  removeFromCollection: (id: string, ids: readonly string[]) => Promise<number>;
}

interface Options {
  db: TalkNotesDatabase;
  /** Open tabs showing these pages redraw their highlights (messaging/client.ts). */
  onHighlightsChanged: (urls: string[]) => void;
  /** Reports a failed action in words. */
  onError: (message: string) => void;
  now: () => number;
}

/**
 * The dashboard's writes: storage calls that report failures instead of throwing, and tell open
 * pages when their highlights changed. Reads need nothing: live queries show every write.
 */
export function useLibraryActions({ db, onHighlightsChanged, onError, now }: Options): LibraryActions {
  return useMemo(() => {
    async function run<T>(what: string, fallback: T, action: () => Promise<T>): Promise<T> {
      try {
        return await action();
      } catch (error) {
        onError(`Could not ${what}: ${describeStorageError(error)}`);
        return fallback;
      }
    }
    const changed = (records: readonly HighlightRecord[]) => {
      if (records.length) onHighlightsChanged(urlsOf(records));
      return records.length;
    };
    return {
      updateHighlight: (highlight, changes) =>
        run('save the highlight', undefined, async () => {
          await updateHighlight(db, highlight.id, changes, now());
          onHighlightsChanged([highlight.url]);
        }),
      addTags: (ids, tags) =>
        run('add the tags', 0, async () => changed(await addTags(db, ids, tags, now()))),
      removeTags: (ids, tags) =>
        run('remove the tags', 0, async () => changed(await removeTags(db, ids, tags, now()))),
      setTalk: (ids, talkId) =>
        run('set the talk', 0, async () => changed(await setTalk(db, ids, talkId, now()))),
      createTalk: (pageId, title) =>
        run('create the talk', undefined, () => createTalk(db, pageId, title, [], now())),
      editTalk: (id, title, speakers) =>
        run('edit the talk', false, async () => {
          await renameTalk(db, id, title, now());
          await setSpeakers(db, id, speakers, now());
          return true;
        }),
      mergeTalks: (targetId, otherIds) =>
        run('merge the talks', false, async () => {
          await mergeTalks(db, targetId, [...otherIds], now());
          return true;
        }),
      deleteHighlights: (ids) =>
        run('delete the highlights', [] as HighlightRecord[], async () => {
          const deleted = await deleteHighlights(db, ids);
          changed(deleted);
          return deleted;
        }),
      restoreHighlights: (records) =>
        run('restore the highlights', false, async () => {
          await restoreHighlights(db, records);
          changed(records);
          return true;
        }),
      createCollection: (input) =>
        run('create the collection', undefined, () => createCollection(db, input, now())),
      updateCollection: (id, changes) =>
        run('change the collection', false, async () => {
          await updateCollection(db, id, changes, now());
          return true;
        }),
      deleteCollection: (id) =>
        run('delete the collection', false, async () => {
          await deleteCollection(db, id);
          return true;
        }),
      addToCollection: (id, ids) =>
        run('add to the collection', 0, () => addToCollection(db, id, ids, now())),
      removeFromCollection: (id, ids) =>
        run('remove from the collection', 0, () => removeFromCollection(db, id, ids, now())),
    };
  }, [db, onHighlightsChanged, onError, now]);
}
