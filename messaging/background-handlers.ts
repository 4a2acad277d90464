/**
 * What the background service worker does for each message. No state is kept between
 * messages (MV3 stops the worker when idle): everything lives in the database.
 */
import { formatGrant, parseGrant } from '@/core/menu-grant';
import { PRIVATE_WINDOW_NOTICE } from '@/core/private-window';
import { describeStorageError } from '@/core/storage-errors';
import { noteOf, tagsOf } from '@/core/record-notes';
import { sameSite } from '@/core/site';
import type { PostClaim } from '@/core/post-identity';
import type { HighlightChanges, HighlightRecord, TalkRecord } from '@/core/types';
import { normalizeUrl } from '@/core/url';
import { saveClip } from '@/storage/clips';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import { getHighlight, highlightsForUrl, listTags, recordAnchoring, talksOfPage } from '@/storage/highlights';
import { postLinkOf } from '@/storage/post-links';
import { postHighlights, shownPostKeys } from '@/storage/posts';
import { getSetting } from '@/storage/settings';
import { createSiteIndex, type SiteIndex } from '@/storage/sites';
import { linkPageTalks } from '@/storage/schedule-links';
import { resolveSyncConflict } from '@/storage/sync/conflicts';
import { talkRulesFor } from '@/storage/talk-rules';
import type { BackgroundRequest, BackgroundResponses, GrantedTalk } from './protocol';
import { type HandlerContext, type Handlers, MessageRejected } from './router';
import type { SyncService } from './sync-service';

export interface BackgroundDeps {
  db: TalkNotesDatabase;
  version: string;
  /** Tells the tabs showing these pages that their highlights changed (they redraw). */
  notifyHighlightsChanged?: NotifyHighlightsChanged;
  /**
   * Asks the content script in frame `frameId` of tab `tabId` what a menu grant's token is worth to the
   * menu frame `claimant` (the `useMenuGrant` message): the highlight's id, or null. Without it no menu
   * request is granted.
   */
  askGrantingFrame?: (
    tabId: number,
    frameId: number,
    request: { token: string; frameId: number; documentId?: string; acting?: true },
  ) => Promise<string | null>;
  /** 32 random bytes for a grant's token. */
  randomBytes?: () => Uint8Array;
  /** Sync with a CouchDB (./sync-service.ts); without it the sync messages fail. */
  sync?: SyncService;
  /** Who makes the highlights saved here (#16); without it none is recorded. */
  authorName?: () => Promise<string | undefined>;
  /** Which sites the library holds pages of (#18); made from `db` on first use when not given. */
  sites?: SiteIndex;
}

/** Why a menu request was refused: the frame holds no grant for it (a web page framed the menu, or it closed). */
const NO_GRANT = 'this menu has no grant for a highlight';
/** Why a click in a menu changed nothing: it was faded, hidden or covered, or had only just opened (core/menu-grant.ts). */
const NOT_SHOWN = 'the menu was covered, faded or had only just opened, so nothing was changed';

/** Changes a reader makes by typing; any other change is a click, which the menu must be shown for. */
const TYPED_CHANGES: ReadonlySet<string> = new Set(['note', 'tags']);

/**
 * A content script acts only on pages of its own page's origin. Which page of the origin it is, the
 * content script says (page/page-address.ts: the URL its document was loaded from): the sender's URL
 * follows the page's own `history.replaceState`, so it cannot tell one page of an origin from
 * another, while the origin is the browser's and no script changes it.
 */
function requireOwnPage(context: HandlerContext, url: string) {
  if (context.role !== 'content') return;
  const own = originOf(context.senderUrl);
  if (!own || own !== originOf(url)) {
    throw new MessageRejected('a content script may only act on its own page');
  }
}

/**
 * Where the reader clipped a post filed under `url` (#18), when that is another address: the content
 * script's own page key (a URL the page changed without a navigation is not its key), of the
 * sender's origin as the browser reports it. Anything else records nothing (the clip is kept).
 */
function readAtOf(context: HandlerContext, clippedAt: string | undefined, url: string): string | undefined {
  if (context.role !== 'content' || !clippedAt) return undefined;
  const at = normalizeUrl(clippedAt);
  if (!at || at === url || originOf(at) !== originOf(context.senderUrl)) return undefined;
  return at;
}

function originOf(url: string | undefined): string | null {
  const normalized = normalizeUrl(url ?? '');
  return normalized ? new URL(normalized).origin : null;
}

/**
 * Storage failures reach the sender as a sentence the reader can act on (a full disk, storage
 * that cannot open), not as an IndexedDB error name. Rejections of the message itself pass as they are.
 */
function withPlainStorageErrors<H extends Record<string, (...args: never[]) => unknown>>(handlers: H): H {
  const wrapped = {} as Record<string, unknown>;
  for (const [type, handler] of Object.entries(handlers)) {
    wrapped[type] = async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof MessageRejected) throw error;
        throw new Error(describeStorageError(error));
      }
    };
  }
  return wrapped as H;
}

export function backgroundHandlers(deps: BackgroundDeps): Handlers<BackgroundRequest, BackgroundResponses> {
  return withPlainStorageErrors(handlersFor(deps));
}

function handlersFor({
  db,
  version,
  notifyHighlightsChanged,
  askGrantingFrame,
  randomBytes = () => crypto.getRandomValues(new Uint8Array(32)),
  sync,
  authorName,
  sites,
}: BackgroundDeps): Handlers<BackgroundRequest, BackgroundResponses> {
  // Edits from the in-page menu and a closing popup: written, and the open tabs told, like any other.
  const commands = createCommands({ db, notify: notifyHighlightsChanged });

  function syncing(): SyncService {
    if (!sync) throw new Error('sync is not available here');
    return sync;
  }

  async function ownHighlight(id: string, context: HandlerContext): Promise<HighlightRecord | null> {
    const highlight = await getHighlight(db, id);
    if (highlight) requireOwnPage(context, highlight.url);
    return highlight;
  }

  /**
   * A content script acts on its own origin's pages (requireOwnPage), and on another page of its site
   * only when the identity rule shows that page's post on it (#18): the page's own claims name it (a
   * declared permalink, an archive's article) or find it (its fingerprint), and it is of the page's
   * site, or the reader linked the page to it (storage/post-links.ts). alice.github.io never reaches
   * bob.github.io's highlights (two sites) unless the reader says so, and a page of the same
   * site that claims nothing of a post (the site's other posts, its front page) reaches none of them.
   */
  async function requireShownPost(context: HandlerContext, url: string, identity?: PostClaim) {
    if (context.role !== 'content') return;
    const own = originOf(context.senderUrl);
    if (own && own === originOf(url)) return;
    const sender = normalizeUrl(context.senderUrl ?? '');
    // Another site's post only when the reader linked the page to it (the popup: a syndicated copy).
    const linked = async (sender: string) => (await postLinkOf(db, sender))?.post === url;
    if (
      sender &&
      identity &&
      (sameSite(sender, url) || (await linked(sender))) &&
      (await shownPostKeys(db, sender, identity)).has(url)
    )
      return;
    throw new MessageRejected('a content script may only act on its own page');
  }

  let siteIndex = sites;
  const siteIndexed = () => (siteIndex ??= createSiteIndex(db));
  const siteKnown = (url: string) => siteIndexed().hasPagesOf(url);

  /** The talk of a highlight, as the menu sees it; null when it is under none. */
  async function grantedTalk(highlightId: string): Promise<GrantedTalk | null> {
    const highlight = await getHighlight(db, highlightId);
    const talk = highlight?.talkId ? await db.talks.get(highlight.talkId) : undefined;
    return talk ? toGrantedTalk(talk) : null;
  }

  /**
   * The highlight a menu frame's grant lets it act on. The background keeps no grants (it may be stopped
   * at any time): the content script that asked for the grant holds it, and is asked here, in the
   * menu's own tab and in the frame the grant names. The menu must be another frame than that one.
   */
  async function grantedId(grant: string, context: HandlerContext, acting = false): Promise<string> {
    const parsed = parseGrant(grant);
    const { tabId, frameId, documentId } = context;
    if (!parsed || !askGrantingFrame || context.role !== 'menu') throw new MessageRejected(NO_GRANT);
    if (tabId === undefined || frameId === undefined || frameId === parsed.frameId) {
      throw new MessageRejected(NO_GRANT);
    }
    const ask = (acting: boolean) =>
      askGrantingFrame(tabId, parsed.frameId, {
        token: parsed.token,
        frameId,
        documentId,
        ...(acting ? { acting: true as const } : {}),
      }).catch(() => null);
    const id = await ask(acting);
    if (id) return id;
    // A click refused by a frame whose grant holds otherwise: say why, rather than "no grant".
    if (acting && (await ask(false))) throw new MessageRejected(NOT_SHOWN);
    throw new MessageRejected(NO_GRANT);
  }

  /** A talk the menu files its highlight under must be one of the highlight's own page. */
  async function requireOwnTalk(highlight: HighlightRecord, changes: HighlightChanges): Promise<void> {
    if (changes.talkId === undefined || changes.talkId === null) return;
    const talk = await db.talks.get(changes.talkId);
    if (!talk || talk.pageId !== highlight.pageId) throw new MessageRejected('not a talk of this page');
  }

  return {
    ping: () => ({ version }),

    getPageHighlights: async ({ url }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      requireOwnPage(context, key);
      return highlightsForUrl(db, key);
    },

    // The page's own URL is the sender's origin; the posts it claims to show count only when they are
    // of its own site (storage/posts.ts): another site's canonical or copied text gets nothing.
    getPostHighlights: async ({ url, identity }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      requireOwnPage(context, key);
      // Only the keys the library holds are asked of IndexedDB (storage/sites.ts keeps them in memory;
      // while they are being read, every key is asked rather than waiting).
      return postHighlights(db, key, identity, siteIndexed().knownPagesIfRead());
    },

    // Asked by the eager script on every visit: a set lookup (storage/sites.ts), and when that says no,
    // whether the page itself has a highlight (one key from the url index, the question a visit asked
    // before #18): highlights of the page are drawn even if the set missed a write that bypassed Dexie.
    knowsSite: async ({ url }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      requireOwnPage(context, key);
      if (await siteKnown(key)) return true;
      return (await db.highlights.where('url').equals(key).limit(1).primaryKeys()).length > 0;
    },

    getHighlight: ({ id }) => getHighlight(db, id),

    listTags: () => listTags(db),

    saveClip: async ({ clip, identity, readAt: clippedAt }, context) => {
      const url = normalizeUrl(clip.page.url);
      if (!url) throw new MessageRejected('not an http(s) URL');
      // Filed under its post's key (#18), which may be another page of the sender's site showing it.
      await requireShownPost(context, url, identity);
      if (context.incognito) throw new Error(PRIVATE_WINDOW_NOTICE);
      const author = await authorName?.().catch(() => undefined);
      const result = await saveClip(
        db,
        { ...clip, page: { ...clip.page, url } },
        Date.now(),
        author,
        readAtOf(context, clippedAt, url),
      );
      // The page's talks filed under the imported schedules' talks, and the clip guarded (an offer,
      // not a silent filing, when its lead names another talk); a failure here loses no clip.
      if (!result.duplicate) {
        const linked = await linkPageTalks(db, { clipped: result.highlight }).catch((error: unknown) =>
          console.error('Talk Notes: matching the page talks to the schedules failed', error),
        );
        // The lines above the clip may have filed it under a talk the schedule found: as stored now.
        const filed = linked?.highlights ? await db.highlights.get(result.highlight.id) : undefined;
        if (filed) return { ...result, highlight: filed };
      }
      return result;
    },

    getClipSettings: async () => ({ defaultColor: await getSetting(db, 'defaultColor') }),

    extendHighlight: async ({ id, passage }, context) => {
      if (!(await ownHighlight(id, context))) throw new Error(`highlight ${id} does not exist`);
      // The wider passage is text of a page read in a private window: stored no more than a new clip.
      if (context.incognito) throw new Error(PRIVATE_WINDOW_NOTICE);
      return commands.extendHighlight(id, passage);
    },

    updateHighlight: async ({ id, changes }, context) => {
      if (!(await ownHighlight(id, context))) throw new Error(`highlight ${id} does not exist`);
      return commands.updateHighlight(id, changes);
    },

    deleteHighlight: async ({ id }, context) => {
      if (!(await ownHighlight(id, context))) return null;
      return commands.deleteHighlight(id);
    },

    restoreHighlight: async ({ highlight }) => {
      await commands.restoreHighlight(highlight);
      return null;
    },

    grantMenu: async ({ id, identity }, context) => {
      if (context.frameId === undefined) throw new MessageRejected('a menu grant needs the sender’s frame');
      const highlight = await getHighlight(db, id);
      if (!highlight) throw new Error(`highlight ${id} does not exist`);
      await requireShownPost(context, highlight.url, identity);
      return formatGrant(context.frameId, randomBytes());
    },

    getGrantedHighlight: async ({ grant }, context) => getHighlight(db, await grantedId(grant, context)),

    updateGrantedHighlight: async ({ grant, changes }, context) => {
      const clicked = Object.keys(changes).some((key) => !TYPED_CHANGES.has(key));
      const id = await grantedId(grant, context, clicked);
      const highlight = await getHighlight(db, id);
      if (!highlight) throw new Error(`highlight ${id} does not exist`);
      await requireOwnTalk(highlight, changes);
      return commands.updateHighlight(id, changes);
    },

    deleteGrantedHighlight: async ({ grant }, context) => {
      const id = await grantedId(grant, context, true);
      return (await getHighlight(db, id)) ? commands.deleteHighlight(id) : null;
    },

    getGrantedMenuContext: async ({ grant }, context) => {
      const highlight = await getHighlight(db, await grantedId(grant, context));
      const talks = highlight ? await talksOfPage(db, highlight.pageId) : [];
      return {
        talks: talks.map(({ id, title }) => ({ id, title })),
        colorNames: await getSetting(db, 'colorNames'),
      };
    },

    restoreGrantedHighlight: async ({ grant, highlight }, context) => {
      if ((await grantedId(grant, context)) !== highlight.id) throw new MessageRejected(NO_GRANT);
      await commands.restoreHighlight(highlight);
      return null;
    },

    getGrantedTalk: async ({ grant }, context) => grantedTalk(await grantedId(grant, context)),

    setGrantedTalkNote: async ({ grant, note }, context) => {
      const id = await grantedId(grant, context);
      const highlight = await getHighlight(db, id);
      if (!highlight) throw new Error(`highlight ${id} does not exist`);
      if (highlight.talkId === null) throw new Error('this highlight is under no talk');
      await commands.setRecordNote('talk', highlight.talkId, note);
      return (await grantedTalk(id))!;
    },

    getTalkRules: async ({ url }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      requireOwnPage(context, key);
      return talkRulesFor(db, key);
    },

    startSync: ({ type: _, ...account }) => syncing().start(account),
    syncNow: () => syncing().syncNow(),
    stopSync: ({ forget }) => syncing().stop(forget),
    getSyncState: () => syncing().state(),
    resolveSyncConflict: async ({ id, field, keep }) => {
      const url = await resolveSyncConflict(db, id, field, keep);
      if (url) notifyHighlightsChanged?.([url]);
      return null;
    },

    reportAnchoring: async ({ url, statuses }, context) => {
      const key = normalizeUrl(url);
      if (!key) throw new MessageRejected('not an http(s) URL');
      requireOwnPage(context, key);
      // A visit in a private window leaves no trace, not even "found" / "not found".
      if (context.incognito) return null;
      await recordAnchoring(db, key, statuses);
      return null;
    },
  };
}

function toGrantedTalk(talk: TalkRecord): GrantedTalk {
  return { title: talk.title, note: noteOf(talk), tags: [...tagsOf(talk)] };
}
