/** What the popup can do to a page's notes, as one small object passed down to its components. */
import { useMemo } from 'preact/hooks';
import type { ColorNames } from '@/core/colors';
import type { PagePreview } from '@/core/page-view';
import type { PostClaim } from '@/core/post-identity';
import type { TalkForm } from '@/core/talks/rules';
import type {
  HighlightChanges,
  HighlightColor,
  HighlightRecord,
  NotedKind,
  ScheduleChoice,
  TalkRecord,
} from '@/core/types';
import { readAuthorName } from '@/messaging/sync-settings';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import { getHighlight } from '@/storage/highlights';
import { searchSchedules } from '@/storage/schedule-links';

/** The popup's link to the browser: the tab it is about, other tabs, the background. */
export interface PageBridge {
  /**
   * Scrolls the tab to a highlight of the page at `url` (the top page or a framed one); false when
   * the highlight is not drawn there.
   */
  scrollTo: (tabId: number, id: string, url: string) => Promise<boolean>;
  /** Tells open tabs that the highlights of these pages changed, so they redraw (messaging/client.ts). */
  notifyChanged: NotifyHighlightsChanged;
  /**
   * Saves an edit through the background service worker. Used while the popup is closing: its own
   * database writes take several steps and die with the page, a message is handed over at once.
   */
  updateInBackground: (id: string, changes: HighlightChanges) => Promise<unknown>;
  /**
   * What the tab's page shows before anything is clipped (its metadata's title and site, the talks
   * detection finds); null when the page cannot say.
   */
  preview?: (tabId: number, url: string) => Promise<PagePreview | null>;
  /**
   * What the tab's page claims of the post it shows (#18: its fingerprint), read for the popup's
   * question "This looks like the post you highlighted on …"; null when the page cannot say.
   */
  postClaim?: (tabId: number, url: string) => Promise<PostClaim | null>;
  /** Whether the popup is going away (its page is hiding): edits then travel through the background. */
  isClosing: () => boolean;
  /**
   * Hands a note's whole text to the background, which stores it (messaging/note-drafts.ts): called on
   * every keystroke, so a popup closed right after the last one has lost nothing.
   */
  saveNote: (id: string, note: string, kind?: NotedKind) => void;
}

export interface PopupActions {
  /** Saves edits to a highlight; true once saved (or handed to the background). */
  update: (id: string, changes: HighlightChanges) => Promise<true>;
  /** Hands a note's text to the background to store (every keystroke; see `PageBridge.saveNote`). */
  saveNote: (id: string, note: string) => Promise<true>;
  /** Hands a talk's or page's own note (#17) to the background to store, as `saveNote` does. */
  saveRecordNote: (kind: NotedKind, id: string, note: string) => Promise<true>;
  /** Sets a talk's or page's own tags. */
  setRecordTags: (kind: NotedKind, id: string, tags: string[]) => Promise<unknown>;
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
  /** The colour every new clip starts from in the in-page toolbar. */
  setDefaultColor: (color: HighlightColor) => Promise<void>;
  scrollTo: (id: string) => Promise<boolean>;
  /** "Not a talk": its highlights go to the talk above (`part`) or to none; the site learns the line. */
  markNotATalk: (talkId: string, as: 'part' | 'none') => Promise<unknown>;
  /** "Start a new talk here": a talk at this highlight, taking it and the ones after it in its talk. */
  startTalkAt: (highlightId: string, title: string, speakers: string[]) => Promise<unknown>;
  /** The form of talk titles on the page's site (null: detected). */
  setTalkForm: (url: string, form: TalkForm | null) => Promise<unknown>;
  /** Forgets one learned line of the page's site (by its key), or all of the site's rules. */
  forgetNotATalk: (url: string, key: string) => Promise<unknown>;
  forgetTalkRules: (url: string) => Promise<unknown>;
  /** Links a page talk to a schedule talk, or declines any link (the reader's choice sticks). */
  chooseScheduleTalk: (talkId: string, scheduleTalkId: string) => Promise<unknown>;
  declineScheduleTalk: (talkId: string) => Promise<unknown>;
  /** Settles the clip guard's offer on one highlight: filed under the picked schedule talk, or declined. */
  chooseHighlightScheduleTalk: (highlightId: string, scheduleTalkId: string) => Promise<unknown>;
  declineHighlightOffer: (highlightId: string) => Promise<unknown>;
  /** Schedule talks whose title, speakers or room match the text, best first. */
  searchSchedules: (text: string) => Promise<ScheduleChoice[]>;
}

export interface PopupActionDeps {
  db: TalkNotesDatabase;
  tabId: number;
  /** The page shown (normalized URL): the tab's top page or one of its framed pages. */
  url: string;
  bridge: PageBridge;
}

/**
 * Everything the popup can do to a page's notes. Writes are the library's commands
 * (storage/commands.ts), which tell the open tabs to redraw; while the popup closes, an edit is
 * handed to the background instead.
 */
export function createPopupActions({ db, tabId, url, bridge }: PopupActionDeps): PopupActions {
  const commands = createCommands({ db, notify: bridge.notifyChanged, author: readAuthorName });
  return {
    async update(id, changes) {
      if (bridge.isClosing()) {
        await bridge.updateInBackground(id, changes);
        return true;
      }
      try {
        await commands.updateHighlight(id, changes);
      } catch (error) {
        // A last note flush for a highlight deleted meanwhile has nothing left to save.
        if (await getHighlight(db, id)) throw error;
      }
      return true;
    },
    async saveNote(id, note) {
      bridge.saveNote(id, note);
      return true;
    },
    async saveRecordNote(kind, id, note) {
      bridge.saveNote(id, note, kind);
      return true;
    },
    setRecordTags: (kind, id, tags) => commands.setRecordTags(kind, id, tags),
    remove: (id) => commands.deleteHighlight(id),
    restore: (record) => commands.restoreHighlight(record),
    moveToTalkNamed: (id, title) => commands.moveToTalkNamed(id, title),
    createTalk: (pageId, title, speakers) => commands.createTalk(pageId, title, speakers),
    renameTalk: async (talkId, title) => {
      await commands.renameTalk(talkId, title);
    },
    setSpeakers: (talkId, speakers) => commands.setSpeakers(talkId, speakers),
    tagTalk: async (talkId, tags) => (await commands.tagTalk(talkId, tags)).length,
    setColorNames: (names) => commands.setSetting('colorNames', names),
    setDefaultColor: (color) => commands.setSetting('defaultColor', color),
    scrollTo: (id) => bridge.scrollTo(tabId, id, url),
    markNotATalk: (talkId, as) => commands.markNotATalk(talkId, as),
    startTalkAt: (highlightId, title, speakers) => commands.startTalkAt(highlightId, title, speakers),
    setTalkForm: (url, form) => commands.setTalkForm(url, form),
    forgetNotATalk: (url, key) => commands.forgetNotATalk(url, key),
    forgetTalkRules: (url) => commands.forgetTalkRules(url),
    chooseScheduleTalk: (talkId, scheduleTalkId) => commands.chooseScheduleTalk(talkId, scheduleTalkId),
    declineScheduleTalk: (talkId) => commands.declineScheduleTalk(talkId),
    chooseHighlightScheduleTalk: (highlightId, scheduleTalkId) =>
      commands.chooseHighlightScheduleTalk(highlightId, scheduleTalkId),
    declineHighlightOffer: (highlightId) => commands.declineHighlightOffer(highlightId),
    searchSchedules: (text) => searchSchedules(db, text),
  };
}

/** The popup's actions for the tab and page it is about; null until it knows them. */
export function usePopupActions(
  db: TalkNotesDatabase,
  page: { tabId: number; url: string } | null,
  bridge: PageBridge,
): PopupActions | null {
  const tabId = page?.tabId ?? null;
  const url = page?.url ?? null;
  return useMemo(
    () => (tabId === null || url === null ? null : createPopupActions({ db, tabId, url, bridge })),
    [db, tabId, url, bridge],
  );
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
