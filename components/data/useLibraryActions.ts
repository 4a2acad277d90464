import { useMemo } from 'preact/hooks';
import { describeStorageError } from '@/core/storage-errors';
import type { CollectionRecord, HighlightChanges, HighlightRecord, TalkRecord } from '@/core/types';
import type { CollectionInput } from '@/storage/collections';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';

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
  onHighlightsChanged: NotifyHighlightsChanged;
  /** Reports a failed action in words. */
  onError: (message: string) => void;
  now: () => number;
}

/**
 * The dashboard's writes: the library's commands (storage/commands.ts: write, then tell the open
 * tabs), with failures reported in words instead of thrown. Reads need nothing: live queries show
 * every write.
 */
export function useLibraryActions({ db, onHighlightsChanged, onError, now }: Options): LibraryActions {
  return useMemo(() => {
    const commands = createCommands({ db, notify: onHighlightsChanged, now });
    async function run<T>(what: string, fallback: T, action: () => Promise<T>): Promise<T> {
      try {
        return await action();
      } catch (error) {
        onError(`Could not ${what}: ${describeStorageError(error)}`);
        return fallback;
      }
    }
    const done = async (write: Promise<unknown>) => {
      await write;
      return true;
    };
    return {
      updateHighlight: (highlight, changes) =>
        run('save the highlight', undefined, async () => {
          await commands.updateHighlight(highlight.id, changes);
        }),
      addTags: (ids, tags) => run('add the tags', 0, async () => (await commands.addTags(ids, tags)).length),
      removeTags: (ids, tags) =>
        run('remove the tags', 0, async () => (await commands.removeTags(ids, tags)).length),
      setTalk: (ids, talkId) =>
        run('set the talk', 0, async () => (await commands.setTalk(ids, talkId)).length),
      createTalk: (pageId, title) =>
        run('create the talk', undefined, () => commands.createTalk(pageId, title)),
      editTalk: (id, title, speakers) =>
        run('edit the talk', false, async () => {
          await commands.renameTalk(id, title);
          return done(commands.setSpeakers(id, speakers));
        }),
      mergeTalks: (targetId, otherIds) =>
        run('merge the talks', false, () => done(commands.mergeTalks(targetId, otherIds))),
      deleteHighlights: (ids) =>
        run('delete the highlights', [] as HighlightRecord[], () => commands.deleteHighlights(ids)),
      restoreHighlights: (records) =>
        run('restore the highlights', false, () => done(commands.restoreHighlights(records))),
      createCollection: (input) =>
        run('create the collection', undefined, () => commands.createCollection(input)),
      updateCollection: (id, changes) =>
        run('change the collection', false, () => done(commands.updateCollection(id, changes))),
      deleteCollection: (id) =>
        run('delete the collection', false, () => done(commands.deleteCollection(id))),
      addToCollection: (id, ids) => run('add to the collection', 0, () => commands.addToCollection(id, ids)),
      removeFromCollection: (id, ids) =>
        run('remove from the collection', 0, () => commands.removeFromCollection(id, ids)),
    };
  }, [db, onHighlightsChanged, onError, now]);
}
