/**
 * The one message protocol between the content script, the background and the extension pages.
 * Every message is validated on receipt against these schemas; anything else is rejected.
 */
import * as v from 'valibot';
import { LIMITS } from '@/core/limits';
import {
  ClipSchema,
  ColorSchema,
  FingerprintSchema,
  HighlightChangesSchema,
  HighlightRecordSchema,
  HttpUrlSchema,
  PassageSchema,
  RecordNoteSchema,
} from '@/core/schemas';
import type { ColorNames } from '@/core/colors';
import type { Redetection } from '@/core/talks/filing';
import type { TalkRules } from '@/core/talks/rules';
import type { FramePage, PagePreview } from '@/core/page-view';
import type { PostClaim } from '@/core/post-identity';
import type { PostHighlights } from '@/storage/posts';
import type { SyncState } from './sync-service';

export type { PagePreview };
import { ANCHOR_STATUSES, type ClipResult, type HighlightColor, type HighlightRecord } from '@/core/types';

/**
 * Who may send a message: a content script in a web page, one of our extension pages, or the in-page
 * highlight menu (highlight-menu.html: an extension page that any web page can frame, so it acts only
 * through a grant, see core/menu-grant.ts).
 */
export type SenderRole = 'content' | 'extension' | 'menu';

/** Longest user name, password, passphrase or author name the sync panel sends. */
const SYNC_FIELD_MAX = 1_000;
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));
/** A menu grant as it travels (`<frame id>.<token>`, core/menu-grant.ts); checked for its form there. */
const Grant = v.pipe(v.string(), v.maxLength(100));

/** What a page claims about the posts it shows (core/post-identity.ts `PostClaim`). */
const PostClaimSchema = v.object({
  permalinks: v.pipe(v.array(HttpUrlSchema), v.maxLength(LIMITS.claimedPermalinks)),
  fingerprint: v.nullable(FingerprintSchema),
  articles: v.pipe(
    v.array(
      v.object({
        permalink: HttpUrlSchema,
        fingerprint: v.nullable(FingerprintSchema),
        title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
      }),
    ),
    v.maxLength(LIMITS.archiveArticles),
  ),
  redirected: v.optional(v.literal(true)),
  referrer: v.optional(HttpUrlSchema),
});

/** Messages handled by the background service worker. */
export const BackgroundRequestSchema = v.variant('type', [
  v.object({ type: v.literal('ping') }),
  /** Highlights stored for a page; a content script may ask only for the page it runs in. */
  v.object({ type: v.literal('getPageHighlights'), url: HttpUrlSchema }),
  /**
   * The highlights of the post(s) the sender's page shows (#18): its own URL, and what it claims
   * (core/post-identity.ts), of which only its own site's claims count.
   */
  v.object({ type: v.literal('getPostHighlights'), url: HttpUrlSchema, identity: PostClaimSchema }),
  /**
   * Whether the library holds a page of the sender's page's site (#18): only then can the page's
   * claims find anything, and the content script read them.
   */
  v.object({ type: v.literal('knowsSite'), url: HttpUrlSchema }),
  /** One highlight by id (the in-page menu iframe reads through the background). */
  v.object({ type: v.literal('getHighlight'), id: Id }),
  /** Every tag in the library, for completion. */
  v.object({ type: v.literal('listTags') }),
  /**
   * Saves a clip made in the sender's page. Filed under another page of its site only when the page's
   * claims (`identity`) show that page's post (#18: an archive's post, a moved post's first address).
   */
  v.object({
    type: v.literal('saveClip'),
    clip: ClipSchema,
    identity: v.optional(PostClaimSchema),
    /**
     * The address the reader clipped at (the content script's own page key, #18): recorded as one
     * the post was read at when the clip is filed under another page, and only of the sender's origin.
     */
    readAt: v.optional(HttpUrlSchema),
  }),
  /** What the toolbar needs of the settings: the colour a new clip starts from. */
  v.object({ type: v.literal('getClipSettings') }),
  /**
   * A highlight of the sender's page grown to cover a new selection that overlaps it: one record, the
   * passage re-made for the union, its note, tags, colour and talk kept.
   */
  v.object({ type: v.literal('extendHighlight'), id: Id, passage: PassageSchema }),
  /** Edits a highlight; a content script only on its own page. */
  v.object({ type: v.literal('updateHighlight'), id: Id, changes: HighlightChangesSchema }),
  v.object({ type: v.literal('deleteHighlight'), id: Id }),
  v.object({ type: v.literal('restoreHighlight'), highlight: HighlightRecordSchema }),
  /**
   * A grant for the menu of one highlight of the sender's page, bound to the sender's tab and frame;
   * with `identity`, also of a post of its site that the page's claims show (as for saveClip).
   */
  v.object({ type: v.literal('grantMenu'), id: Id, identity: v.optional(PostClaimSchema) }),
  /** The in-page menu's requests: each carries the grant its content script gave it, never an id. */
  v.object({ type: v.literal('getGrantedHighlight'), grant: Grant }),
  v.object({ type: v.literal('updateGrantedHighlight'), grant: Grant, changes: HighlightChangesSchema }),
  v.object({ type: v.literal('deleteGrantedHighlight'), grant: Grant }),
  /** What the menu offers around the granted highlight: its page's talks and the reader's colour names. */
  v.object({ type: v.literal('getGrantedMenuContext'), grant: Grant }),
  /** Undo of the menu's delete: the record must be the granted highlight. */
  v.object({ type: v.literal('restoreGrantedHighlight'), grant: Grant, highlight: HighlightRecordSchema }),
  /** The talk of the granted highlight, with its own note (#17); null when the passage is under none. */
  v.object({ type: v.literal('getGrantedTalk'), grant: Grant }),
  /** Sets the note of the granted highlight's talk: the menu names no talk, the grant decides. */
  v.object({ type: v.literal('setGrantedTalkNote'), grant: Grant, note: RecordNoteSchema }),
  /** What the reader taught talk detection for the site of the sender's page. */
  v.object({ type: v.literal('getTalkRules'), url: HttpUrlSchema }),
  /** How the last anchoring pass on the sender's page went. */
  v.object({
    type: v.literal('reportAnchoring'),
    url: HttpUrlSchema,
    statuses: v.pipe(
      v.array(v.object({ id: Id, status: v.picklist(ANCHOR_STATUSES) })),
      v.maxLength(LIMITS.anchoringReport),
    ),
  }),
  /**
   * Sync (#16), from the dashboard's panel only: start with an account (kept in storage.local), run a
   * pass now, stop (and, with `forget`, remove the account and this library's sync state), status.
   */
  v.object({
    type: v.literal('startSync'),
    url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
    username: v.pipe(v.string(), v.maxLength(SYNC_FIELD_MAX)),
    password: v.pipe(v.string(), v.maxLength(SYNC_FIELD_MAX)),
    passphrase: v.optional(v.pipe(v.string(), v.maxLength(SYNC_FIELD_MAX))),
    author: v.optional(v.pipe(v.string(), v.maxLength(SYNC_FIELD_MAX))),
  }),
  v.object({ type: v.literal('syncNow') }),
  v.object({ type: v.literal('stopSync'), forget: v.optional(v.boolean()) }),
  v.object({ type: v.literal('getSyncState') }),
  /**
   * The reader's choice for a field edited on two devices (docs/sync.md, "Conflict rules"): one of
   * the values shown (named by its device and edit time) or both. From the dashboard only.
   */
  v.object({
    type: v.literal('resolveSyncConflict'),
    id: v.pipe(v.string(), v.minLength(3), v.maxLength(LIMITS.id + 20)),
    field: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    keep: v.union([
      v.literal('both'),
      v.object({
        by: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
        at: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ]),
  }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

export interface BackgroundResponses {
  ping: { version: string };
  getPageHighlights: HighlightRecord[];
  getPostHighlights: PostHighlights;
  knowsSite: boolean;
  getHighlight: HighlightRecord | null;
  listTags: string[];
  saveClip: ClipResult;
  getClipSettings: { defaultColor: HighlightColor };
  extendHighlight: HighlightRecord;
  updateHighlight: HighlightRecord;
  deleteHighlight: HighlightRecord | null;
  restoreHighlight: null;
  grantMenu: string;
  getGrantedHighlight: HighlightRecord | null;
  updateGrantedHighlight: HighlightRecord;
  deleteGrantedHighlight: HighlightRecord | null;
  getGrantedMenuContext: MenuContext;
  restoreGrantedHighlight: null;
  getGrantedTalk: GrantedTalk | null;
  setGrantedTalkNote: GrantedTalk;
  reportAnchoring: null;
  getTalkRules: TalkRules;
  startSync: SyncState;
  syncNow: SyncState;
  stopSync: SyncState;
  getSyncState: SyncState;
  resolveSyncConflict: null;
}

/** What the in-page menu is told of its highlight's talk: what it shows and edits, no ids. */
export interface GrantedTalk {
  title: string;
  note: string;
  tags: string[];
}

/** Which senders each background message accepts. */
export const BACKGROUND_SENDERS: { [K in BackgroundRequest['type']]: readonly SenderRole[] } = {
  ping: ['content', 'extension'],
  getPageHighlights: ['content', 'extension'],
  getPostHighlights: ['content'],
  knowsSite: ['content'],
  getHighlight: ['extension'],
  listTags: ['extension', 'menu'],
  saveClip: ['content'],
  getClipSettings: ['content'],
  extendHighlight: ['content'],
  updateHighlight: ['content', 'extension'],
  deleteHighlight: ['content', 'extension'],
  restoreHighlight: ['extension'],
  grantMenu: ['content'],
  getGrantedHighlight: ['menu'],
  updateGrantedHighlight: ['menu'],
  deleteGrantedHighlight: ['menu'],
  getGrantedMenuContext: ['menu'],
  restoreGrantedHighlight: ['menu'],
  getGrantedTalk: ['menu'],
  setGrantedTalkNote: ['menu'],
  reportAnchoring: ['content'],
  getTalkRules: ['content'],
  // Sync sends the library and a password to a server: never at a web page's (content script's) word.
  startSync: ['extension'],
  syncNow: ['extension'],
  stopSync: ['extension'],
  getSyncState: ['extension'],
  resolveSyncConflict: ['extension'],
};

/** The in-page menu's surroundings of its highlight: the talks it may be filed under, the colour names. */
export interface MenuContext {
  /** The talks of the highlight's page (not those the reader said are not talks), in page order. */
  talks: { id: string; title: string }[];
  colorNames: ColorNames;
}

/** Messages handled by the content script of a tab (sent by the background or extension pages). */
export const ContentRequestSchema = v.variant('type', [
  v.object({ type: v.literal('getContentStatus') }),
  /**
   * Highlight the current selection (context menu, keyboard command). `focusedFrame`: sent to every
   * frame, answered only by the one holding the focus (the keyboard command cannot name a frame).
   */
  v.object({
    type: v.literal('highlightSelection'),
    color: v.optional(ColorSchema),
    focusedFrame: v.optional(v.literal(true)),
  }),
  /** Highlights of these pages changed elsewhere (popup, dashboard, menu, a restore): redraw if this page is one. */
  v.object({
    type: v.literal('highlightsChanged'),
    urls: v.pipe(v.array(HttpUrlSchema), v.minLength(1), v.maxLength(LIMITS.changedPages)),
  }),
  /**
   * Sent to every frame of a tab (a framed page's highlights are drawn in its frame): only the frame
   * showing the page at `url` answers (messaging/addressed.ts).
   */
  v.object({ type: v.literal('scrollToHighlight'), id: Id, url: v.optional(HttpUrlSchema) }),
  /**
   * Detect this page's talks again and say where each drawn highlight falls ("Detect talks again").
   * Sent to every frame; only the frame showing the page at `url` answers.
   */
  v.object({ type: v.literal('detectTalksAgain'), url: HttpUrlSchema }),
  /**
   * The page's metadata and detected talks as they are now, before anything is clipped (the popup).
   * Sent to every frame; only the frame showing the page at `url` answers.
   */
  v.object({ type: v.literal('getPagePreview'), url: HttpUrlSchema }),
  /**
   * What the page claims of the post it shows (#18), read when the popup opens (the reader acted): the
   * popup looks its fingerprint up and may offer the post it matches. The page is told nothing.
   * Sent to every frame; only the frame showing the page at `url` answers.
   */
  v.object({ type: v.literal('getPostClaim'), url: HttpUrlSchema }),
  /**
   * The background asks the content script that granted a menu what `token` is worth to the menu frame
   * that sent it (the frame as the browser named it): the highlight's id, or null.
   */
  v.object({
    type: v.literal('useMenuGrant'),
    token: Grant,
    frameId: v.pipe(v.number(), v.safeInteger()),
    documentId: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.id))),
    /** The request changes the highlight on a click (colour, delete): the menu must be armed and shown. */
    acting: v.optional(v.literal(true)),
  }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface ContentResponses {
  /**
   * The top frame's page, and the pages of its same-origin frames (page/frames.ts); on an archive page,
   * the posts it shows in full (their keys, #18).
   */
  getContentStatus: { url: string; title: string; frames?: FramePage[]; posts?: string[] };
  highlightSelection: { saved: boolean; duplicate: boolean; message: string; color?: HighlightColor };
  highlightsChanged: null;
  scrollToHighlight: boolean;
  /** Null when the tab shows another page. */
  detectTalksAgain: Redetection | null;
  /** Null when the tab shows another page. */
  getPagePreview: PagePreview | null;
  /** Null when the tab shows another page. */
  getPostClaim: PostClaim | null;
  useMenuGrant: string | null;
}

export const CONTENT_SENDERS: { [K in ContentRequest['type']]: readonly SenderRole[] } = {
  getContentStatus: ['extension'],
  highlightSelection: ['extension'],
  highlightsChanged: ['extension'],
  scrollToHighlight: ['extension'],
  detectTalksAgain: ['extension'],
  getPagePreview: ['extension'],
  getPostClaim: ['extension'],
  useMenuGrant: ['extension'],
};

/**
 * Window messages between a content script and its menu frame. The content script posts the grant to
 * its own frame's window with the extension's origin as the target (a frame the page navigated elsewhere
 * gets nothing); the frame posts `close` to its parent. Neither carries a highlight id.
 */
export const MENU_FRAME_MESSAGES = {
  grant: 'talk-notes:menu-grant',
  close: 'talk-notes:close-menu',
} as const;

/** What the content script posts to its menu frame: the grant and which field to focus first. */
export const MenuGrantMessageSchema = v.object({
  type: v.literal(MENU_FRAME_MESSAGES.grant),
  grant: Grant,
  focus: v.picklist(['note', 'menu']),
});
export type MenuGrantMessage = v.InferOutput<typeof MenuGrantMessageSchema>;

/**
 * Every reply travels in this envelope so errors survive the trip across contexts. `rejected`: the
 * receiver refused the message itself (not from this extension, malformed, beyond a limit, from a
 * sender that may not send it): the same message would be refused again, so retrying cannot help.
 * Without it the message was accepted and handling it failed (storage full or closed): a retry may work.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; rejected?: true };
