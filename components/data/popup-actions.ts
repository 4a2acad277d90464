/**
 * Everything the popup can do to a page's notes, as one small object passed down to its
 * components. Writes go straight to the database (the popup is an extension page); after each
 * change to highlights, open tabs of the page are told to redraw.
 */
import type { ColorNames } from '@/core/colors';
import type { HighlightChanges, HighlightRecord, TalkRecord } from '@/core/types';
import type { TalkNotesDatabase } from '@/storage/db';
import { deleteHighlight, restoreHighlight, updateHighlight } from '@/storage/highlights';
import { moveToTalkNamed } from '@/storage/popup-queries';
import { setSetting } from '@/storage/settings';
import { createTalk, renameTalk, setSpeakers, tagTalk } from '@/storage/talks';

/** The popup's link to the browser: the tab it is about, other tabs, the background. */
export interface PageBridge {
  /** Scrolls the tab to a highlight; false when the highlight is not drawn there. */
  scrollTo: (tabId: number, id: string) => Promise<boolean>;
  /** Tells open tabs that the highlights of `url` changed, so they redraw. */
  notifyChanged: (url: string) => Promise<void>;
  /**
   * Saves an edit through the background service worker. Used while the popup is closing: its own
   * database writes take several steps and die with the page, a message is handed over at once.
   */
  updateInBackground: (id: string, changes: HighlightChanges) => Promise<unknown>;
  /** Whether the popup is going away (its page is hiding): edits then travel through the background. */
  isClosing: () => boolean;
}

export interface PopupActions {
  /** Saves edits to a highlight; true once saved (or handed to the background). */
  update: (id: string, changes: HighlightChanges) => Promise<true>;
  /** Deletes a highlight; returns the record for an undo. */
  remove: (id: string) => Promise<HighlightRecord | null>;
  /** Puts a deleted highlight back exactly as it was. */
  restore: (record: HighlightRecord) => Promise<void>;
  /** Moves a highlight to the page's talk of that name, created when missing. */
  moveToTalkNamed: (id: string, title: string) => Promise<TalkRecord>;
  createTalk: (pageId: string, title: string, speakers: string[]) => Promise<TalkRecord>;
  renameTalk: (talkId: string, title: string) => Promise<void>;
  setSpeakers: (talkId: string, speakers: string[]) => Promise<void>;
  /** Adds tags to every highlight of a talk; returns how many changed. */
  tagTalk: (talkId: string, tags: string[]) => Promise<number>;
  setColorNames: (names: ColorNames) => Promise<void>;
  scrollTo: (id: string) => Promise<boolean>;
}

export interface PopupActionDeps {
  db: TalkNotesDatabase;
  /** Normalized URL of the page. */
  url: string;
  tabId: number;
  bridge: PageBridge;
}

export function createPopupActions({ db, url, tabId, bridge }: PopupActionDeps): PopupActions {
  // The page redraws in the background; a closed tab or a page without our script is not an error.
  const changed = () => void bridge.notifyChanged(url).catch(() => {});

  return {
    async update(id, changes) {
      if (bridge.isClosing()) {
        await bridge.updateInBackground(id, changes);
        return true;
      }
      try {
        await updateHighlight(db, id, changes);
      } catch (error) {
        // A last note flush for a highlight deleted meanwhile has nothing left to save.
        if (await db.highlights.get(id)) throw error;
        return true;
      }
      changed();
      return true;
    },
    async remove(id) {
      const removed = await deleteHighlight(db, id);
      if (removed) changed();
      return removed;
    },
    async restore(record) {
      await restoreHighlight(db, record);
      changed();
    },
    async moveToTalkNamed(id, title) {
      const talk = await moveToTalkNamed(db, id, title);
      changed();
      return talk;
    },
    createTalk: (pageId, title, speakers) => createTalk(db, pageId, title, speakers),
    renameTalk: (talkId, title) => renameTalk(db, talkId, title),
    setSpeakers: (talkId, speakers) => setSpeakers(db, talkId, speakers),
    async tagTalk(talkId, tags) {
      const count = await tagTalk(db, talkId, tags);
      if (count) changed();
      return count;
    },
    setColorNames: (names) => setSetting(db, 'colorNames', names),
    scrollTo: (id) => bridge.scrollTo(tabId, id),
  };
}

/** The same actions, reporting failures (to an alert) instead of throwing; a failed one yields undefined. */
export type ReportedActions = {
  [K in keyof PopupActions]: (
    ...args: Parameters<PopupActions[K]>
  ) => Promise<Awaited<ReturnType<PopupActions[K]>> | undefined>;
};

export function reportingFailures(actions: PopupActions, report: (message: string) => void): ReportedActions {
  const wrapped: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(actions) as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][]) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await action(...args);
      } catch (error) {
        report(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    };
  }
  return wrapped as ReportedActions;
}
