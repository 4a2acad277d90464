import { useMemo } from 'preact/hooks';
import { describeStorageError } from '@/core/storage-errors';
import type {
  CollectionRecord,
  HighlightChanges,
  HighlightColor,
  HighlightRecord,
  NotedKind,
  TalkRecord,
} from '@/core/types';
import type { Redetection } from '@/core/talks/filing';
import { detectTalksInOpenTab } from '@/messaging/client';
import { readAuthorName } from '@/messaging/sync-settings';
import type { CollectionInput } from '@/storage/collections';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';

export interface LibraryActions {
  updateHighlight: (highlight: HighlightRecord, changes: HighlightChanges) => Promise<void>;
  /** Saves a note as typed; with `notes.handOver`, every keystroke goes to the background at once. */
  saveNote: (highlight: HighlightRecord, note: string) => Promise<void>;
  /** How the note editor saves: 0 (every keystroke) when notes are handed to the background. */
  noteDebounceMs: number | undefined;
  /** Saves a talk's or page's own note (#17) as typed, as `saveNote` does a highlight's. */
  saveRecordNote: (kind: NotedKind, id: string, note: string) => Promise<void>;
  /** Sets a talk's or page's own tags. */
  setRecordTags: (kind: NotedKind, id: string, tags: readonly string[]) => Promise<void>;
  addTags: (ids: readonly string[], tags: readonly string[]) => Promise<number>;
  removeTags: (ids: readonly string[], tags: readonly string[]) => Promise<number>;
  setTalk: (ids: readonly string[], talkId: string | null) => Promise<number>;
  /** Gives the highlights one colour; returns how many changed. */
  setColor: (ids: readonly string[], color: HighlightColor) => Promise<number>;
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
  /** "Detect talks again" for a page, in the tab that shows it; resolves to what happened, in words. */
  detectTalksAgain: (url: string) => Promise<string>;
}

interface Options {
  db: TalkNotesDatabase;
  /** Open tabs showing these pages redraw their highlights (messaging/client.ts). */
  onHighlightsChanged: NotifyHighlightsChanged;
  /** Reports a failed action in words. */
  onError: (message: string) => void;
  now: () => number;
  /** The tab showing a page detects its talks again (messaging/client.ts); a seam for tests. */
  findTalksInOpenTab?: (url: string) => Promise<Redetection | null>;
  /**
   * Hands a note's whole text to the background, which stores it (messaging/note-drafts.ts), so a tab
   * closed right after the last keystroke loses nothing. Without it, notes are written here, debounced.
   */
  handOverNote?: (id: string, note: string, kind?: NotedKind) => void;
}

/**
 * The dashboard's writes: the library's commands (storage/commands.ts: write, then tell the open
 * tabs), with failures reported in words instead of thrown. Reads need nothing: live queries show
 * every write.
 */
export function useLibraryActions({
  db,
  onHighlightsChanged,
  onError,
  now,
  findTalksInOpenTab = detectTalksInOpenTab,
  handOverNote,
}: Options): LibraryActions {
  return useMemo(() => {
    const commands = createCommands({ db, notify: onHighlightsChanged, now, author: readAuthorName });
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
    const updateHighlight = (highlight: HighlightRecord, changes: HighlightChanges) =>
      run('save the highlight', undefined, async () => {
        await commands.updateHighlight(highlight.id, changes);
      });
    return {
      updateHighlight,
      saveNote: async (highlight, note) => {
        if (handOverNote) handOverNote(highlight.id, note);
        else await updateHighlight(highlight, { note });
      },
      noteDebounceMs: handOverNote ? 0 : undefined,
      saveRecordNote: async (kind, id, note) => {
        if (handOverNote) handOverNote(id, note, kind);
        else
          await run(`save the ${kind} note`, undefined, async () => {
            await commands.setRecordNote(kind, id, note);
          });
      },
      setRecordTags: (kind, id, tags) =>
        run(`save the ${kind} tags`, undefined, async () => {
          await commands.setRecordTags(kind, id, tags);
        }),
      addTags: (ids, tags) => run('add the tags', 0, async () => (await commands.addTags(ids, tags)).length),
      removeTags: (ids, tags) =>
        run('remove the tags', 0, async () => (await commands.removeTags(ids, tags)).length),
      setTalk: (ids, talkId) =>
        run('set the talk', 0, async () => (await commands.setTalk(ids, talkId)).length),
      setColor: (ids, color) =>
        run('set the colour', 0, async () => (await commands.setColor(ids, color)).length),
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
      detectTalksAgain: (url) =>
        run('detect the talks again', 'Talks not detected again.', async () => {
          const detection = await findTalksInOpenTab(url);
          if (!detection) return 'Open this page in a tab first: its talks are found in the page itself.';
          const { moved } = await commands.applyRedetection(detection);
          const talks = `${detection.talks.length} talk${detection.talks.length === 1 ? '' : 's'}`;
          const highlights = `${moved.length} highlight${moved.length === 1 ? '' : 's'}`;
          return `Found ${talks} on the page; ${highlights} moved. Your corrections were kept.`;
        }),
    };
  }, [db, onHighlightsChanged, onError, now, findTalksInOpenTab, handOverNote]);
}
