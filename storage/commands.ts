/**
 * Every write the reader makes, in one place, whoever makes it (the popup, the dashboard, the in-page
 * menu through the background): each command writes, then tells the open tabs whose pages it changed
 * so they redraw, then returns its value. A write that fails rejects with an error worded for the
 * reader (a full disk, storage that cannot open; core/storage-errors.ts), and tells no one.
 *
 * What counts as changed for the open tabs: the pages (normalized URLs) of the highlights a command
 * added, edited, moved, deleted or put back. Talks, collections and settings are not drawn in pages.
 */
import type { LibraryData } from '@/core/backup';
import type { SettingKey, SettingValue } from '@/core/settings';
import { classifyStorageError, describeStorageError } from '@/core/storage-errors';
import type { ParsedSchedule } from '@/core/schedule/types';
import type { Passage } from '@/core/schemas';
import type { HighlightChanges, HighlightColor, HighlightRecord, NotedKind } from '@/core/types';
import { type BackupRunOptions, importBackup } from './backup';
import { deleteAllData } from './wipe';
import {
  addToCollection,
  type CollectionInput,
  createCollection,
  deleteCollection,
  removeFromCollection,
  updateCollection,
} from './collections';
import { importSchedule, removeConference, type ScheduleSource } from './conferences';
import {
  chooseScheduleTalk,
  declineScheduleTalk,
  linkPageTalks,
  type LinkingScope,
  relinkRenamedTalk,
} from './schedule-links';
import type { TalkNotesDatabase } from './db';
import { deleteHighlight, extendHighlight, restoreHighlight, updateHighlight } from './highlights';
import {
  addTags,
  deleteHighlights,
  removeTags,
  restoreHighlights,
  setColor,
  setTalk,
  urlsOf,
} from './library';
import { moveToTalkNamed } from './popup-queries';
import { setSetting } from './settings';
import { applyRedetection, markNotATalk, type Redetection, startTalkAt } from './talk-corrections';
import { forgetNotATalk, forgetTalkRules, learnNotATalk, setTalkForm } from './talk-rules';
import { setRecordNote, setRecordTags } from './record-notes';
import { createTalk, mergeTalks, renameTalk, setSpeakers, tagTalk } from './talks';

/** Tells the open tabs showing these pages (normalized URLs) that their highlights changed. */
export type NotifyHighlightsChanged = (urls: readonly string[]) => void;

export interface CommandDeps {
  db: TalkNotesDatabase;
  /** The one notifier (messaging/client.ts `notifyHighlightsChanged`); tests pass a spy. */
  notify?: NotifyHighlightsChanged;
  now?: () => number;
  /** Who makes the talks and collections created here (#16); none when not given (tests, older callers). */
  author?: () => Promise<string | undefined>;
}

/** What a write did: its value, and the pages whose highlights it changed. */
interface Written<T> {
  value: T;
  pages: readonly string[];
}

const written = <T>(value: T, changed: readonly Pick<HighlightRecord, 'url'>[] = []): Written<T> => ({
  value,
  pages: urlsOf(changed),
});

export type Commands = ReturnType<typeof createCommands>;

export function createCommands({ db, notify = () => {}, now = Date.now, author }: CommandDeps) {
  // A name that cannot be read (storage gone) makes the record without one, never fails the write.
  const maker = async () => (author ? await author().catch(() => undefined) : undefined);
  async function run<T>(write: () => Promise<Written<T>>): Promise<T> {
    let result: Written<T>;
    try {
      result = await write();
    } catch (error) {
      throw inPlainWords(error);
    }
    if (result.pages.length) notify(result.pages);
    return result.value;
  }

  return {
    /** Edits one highlight; returns it as stored. */
    updateHighlight: (id: string, changes: HighlightChanges) =>
      run(async () => {
        const updated = await updateHighlight(db, id, changes, now());
        return written(updated, [updated]);
      }),
    /** Grows one highlight to a wider passage, keeping its note, tags, colour and talk; returns it. */
    extendHighlight: (id: string, passage: Passage) =>
      run(async () => {
        const extended = await extendHighlight(db, id, passage, now());
        return written(extended, [extended]);
      }),
    /** Deletes one highlight; returns it as it was (for an undo), null when it was gone already. */
    deleteHighlight: (id: string) =>
      run(async () => {
        const deleted = await deleteHighlight(db, id);
        return written(deleted, deleted ? [deleted] : []);
      }),
    /** Puts a deleted highlight back exactly as it was. */
    restoreHighlight: (record: HighlightRecord) =>
      run(async () => written(await restoreHighlight(db, record), [record])),
    deleteHighlights: (ids: readonly string[]) =>
      run(async () => {
        const deleted = await deleteHighlights(db, ids);
        return written(deleted, deleted);
      }),
    restoreHighlights: (records: readonly HighlightRecord[]) =>
      run(async () => written(await restoreHighlights(db, records), records)),
    /** Adds tags to highlights; returns the ones that gained a tag. */
    addTags: (ids: readonly string[], tags: readonly string[]) =>
      run(async () => {
        const changed = await addTags(db, ids, tags, now());
        return written(changed, changed);
      }),
    /** Removes tags from highlights; returns the ones that lost one. */
    removeTags: (ids: readonly string[], tags: readonly string[]) =>
      run(async () => {
        const changed = await removeTags(db, ids, tags, now());
        return written(changed, changed);
      }),
    /** Puts highlights under a talk (or none); returns the ones that moved. */
    setTalk: (ids: readonly string[], talkId: string | null) =>
      run(async () => {
        const changed = await setTalk(db, ids, talkId, now());
        return written(changed, changed);
      }),
    /** Gives highlights one colour; returns the ones that changed. */
    setColor: (ids: readonly string[], color: HighlightColor) =>
      run(async () => {
        const changed = await setColor(db, ids, color, now());
        return written(changed, changed);
      }),
    /** Moves a highlight to its page's talk of that name, made when missing; returns the talk. */
    moveToTalkNamed: (id: string, title: string) =>
      run(async () => {
        const { talk, highlight } = await moveToTalkNamed(db, id, title, now());
        return written(talk, [highlight]);
      }),
    createTalk: (pageId: string, title: string, speakers: string[] = []) =>
      run(async () => written(await createTalk(db, pageId, title, speakers, now(), await maker()))),
    /** Renames a talk; a page talk is matched to the imported schedules again under its new name. */
    renameTalk: (id: string, title: string) =>
      run(async () => {
        await renameTalk(db, id, title, now());
        return written(await relinkRenamedTalk(db, id, now()));
      }),
    setSpeakers: (id: string, speakers: string[]) =>
      run(async () => written(await setSpeakers(db, id, speakers, now()))),
    /**
     * The note of a talk or page (#17); returns the record as stored. No page redraws: talks' and
     * pages' own notes are not drawn in pages (the in-page menu reads its talk's note when it opens).
     */
    setRecordNote: (kind: NotedKind, id: string, note: string) =>
      run(async () => written(await setRecordNote(db, kind, id, note, now()))),
    /** The tags of a talk or page (their own, not their highlights'); returns the record as stored. */
    setRecordTags: (kind: NotedKind, id: string, tags: readonly string[]) =>
      run(async () => written(await setRecordTags(db, kind, id, tags, now()))),
    /** Adds tags to every highlight of a talk; returns the ones that changed. */
    tagTalk: (talkId: string, tags: string[]) =>
      run(async () => {
        const changed = await tagTalk(db, talkId, tags, now());
        return written(changed, changed);
      }),
    /** Merges talks into `targetId`; returns the highlights that moved to it. */
    mergeTalks: (targetId: string, otherIds: readonly string[]) =>
      run(async () => {
        const moved = await mergeTalks(db, targetId, [...otherIds], now());
        return written(moved, moved);
      }),
    /**
     * "Not a talk": its passages go to the talk above (`part`) or to none, and the page's site learns
     * that this line is not a talk. The page redraws and detects with the new rule.
     */
    markNotATalk: (talkId: string, as: 'part' | 'none') =>
      run(async () => {
        const talk = await db.talks.get(talkId);
        const result = await markNotATalk(db, talkId, as, now());
        if (talk?.detected && result.url)
          await learnNotATalk(db, result.url, talk.detectedTitle ?? talk.title, as);
        return { value: result, pages: result.url ? [result.url] : [] };
      }),
    /** "Start a new talk here": a talk at a passage, taking it and the following passages of its talk. */
    startTalkAt: (highlightId: string, title: string, speakers: string[] = []) =>
      run(async () => {
        const result = await startTalkAt(db, highlightId, title, speakers, now());
        return { value: result, pages: [result.url] };
      }),
    /** A fresh detection of a page applied, keeping every correction ("Detect talks again"). */
    applyRedetection: (detection: Redetection) =>
      run(async () => {
        const result = await applyRedetection(db, detection, now());
        const page = await db.pages.where('url').equals(result.url).first();
        if (page) await linkPageTalks(db, { pageIds: [page.id] }, now());
        return { value: result, pages: [result.url] };
      }),
    /** The form that holds talk titles on the site of `url` (null: detect). */
    setTalkForm: (url: string, form: Parameters<typeof setTalkForm>[2]) =>
      run(async () => ({ value: await setTalkForm(db, url, form), pages: [url] })),
    forgetNotATalk: (url: string, key: string) =>
      run(async () => ({ value: await forgetNotATalk(db, url, key), pages: [url] })),
    forgetTalkRules: (url: string) =>
      run(async () => ({ value: await forgetTalkRules(db, url), pages: [url] })),
    createCollection: (input: CollectionInput) =>
      run(async () => written(await createCollection(db, input, now(), await maker()))),
    updateCollection: (id: string, changes: { name?: string; description?: string }) =>
      run(async () => written(await updateCollection(db, id, changes, now()))),
    deleteCollection: (id: string) => run(async () => written(await deleteCollection(db, id))),
    /** Adds highlights to a collection; returns how many were added. */
    addToCollection: (id: string, ids: readonly string[]) =>
      run(async () => written(await addToCollection(db, id, ids, now()))),
    /** Takes highlights out of a collection; returns how many were removed. */
    removeFromCollection: (id: string, ids: readonly string[]) =>
      run(async () => written(await removeFromCollection(db, id, ids, now()))),
    setSetting: <K extends SettingKey>(key: K, value: SettingValue<K>) =>
      run(async () => written(await setSetting(db, key, value))),
    /** Imports a parsed conference schedule, or updates the conference imported before. */
    importSchedule: (schedule: ParsedSchedule, source: ScheduleSource, signal?: AbortSignal) =>
      run(async () => written(await importSchedule(db, schedule, source, now(), signal))),
    /** Links the undecided page talks in `scope` to the imported schedules' talks they are. */
    linkPageTalks: (scope: LinkingScope) =>
      run(async () => {
        const result = await linkPageTalks(db, scope, now());
        return { value: result, pages: result.pages };
      }),
    /** The reader links a page talk to a schedule talk. */
    chooseScheduleTalk: (pageTalkId: string, scheduleTalkId: string) =>
      run(async () => written(await chooseScheduleTalk(db, pageTalkId, scheduleTalkId, now()))),
    /** The reader unlinks a page talk, or says it is none of the candidates. */
    declineScheduleTalk: (pageTalkId: string) =>
      run(async () => written(await declineScheduleTalk(db, pageTalkId, now()))),
    /** Removes a conference; passages filed directly under its talks go back to their pages' talks. */
    removeConference: (id: string) =>
      run(async () => {
        const result = await removeConference(db, id, now());
        return written(result, result.moved);
      }),
    /**
     * Merges a parsed backup into the library (storage/backup.ts); the open tabs of every page whose
     * highlights came or changed redraw. A cancelled import rejects with the signal's reason, as it was.
     */
    /** Deletes every record and setting in this browser; open pages drop their highlights. */
    deleteAllData: () =>
      run(async () => {
        const urls = await deleteAllData(db);
        return { value: urls.length, pages: urls };
      }),
    importBackup: (backup: LibraryData, options?: BackupRunOptions) =>
      run(async () => {
        const result = await importBackup(db, backup, options);
        return { value: result, pages: result.changedPages };
      }),
  };
}

/**
 * A storage failure as a sentence the reader can act on (its cause kept); any other error (a
 * record that does not exist, a name taken, a cancelled import) as it is.
 */
function inPlainWords(error: unknown): unknown {
  if (classifyStorageError(error) === 'other') return error;
  return new Error(describeStorageError(error), { cause: error });
}
