import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { normalizeUrl } from '@/core/url';
import { isAddressedTo } from '@/messaging/addressed';
import { sendToBackground } from '@/messaging/client';
import {
  CONTENT_SENDERS,
  type ContentRequest,
  ContentRequestSchema,
  type ContentResponses,
} from '@/messaging/protocol';
import { createMessageRouter, type MessageSender } from '@/messaging/router';
import type { ContentApp, PostView } from '@/page/content-app';
import { holdsFocus, sameOriginFramePages } from '@/page/frames';
import { watchPageAddress } from '@/page/page-address';
import { loadContentRuntime, loadPostIdentityReader } from '@/page/runtime-loader';
import { scriptStartedEventName, stopScriptStartedEvents } from '@/page/script-started-guard';

// Declared for top frames; entrypoints/frame-script.ts imports this script in same-origin frames.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would also post a window message naming our extension id on every page: pages would learn
  // that Talk Notes is installed. The document event it dispatches as well is enough to retire an
  // older copy of this script after an update.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const started = performance.now();
    const scriptStarted = scriptStartedEventName(browser.runtime.id, import.meta.env.ENTRYPOINT);
    ctx.onInvalidated(stopScriptStartedEvents(window, scriptStarted));
    let app: Promise<ContentApp> | undefined;
    // The page is the URL its document was loaded from, whatever its script writes into the address
    // bar; the reader's own navigations of a single-page site move it (page/page-address.ts).
    const address = watchPageAddress({ win: window, signal: ctx.signal, onChange: () => pageChanged() });
    // The posts the page shows, by key (#18): its own post (a moved post's old address, an AMP view's
    // permalink) and an archive's posts. Changes to them redraw the page; the popup reads the first.
    let shownPosts: string[] = [];
    const shows = (url: string | null) => {
      const own = address.current();
      return url !== null && (url === own || shownPosts.includes(url));
    };
    const startApp = (initial?: PostView) => {
      app ??= loadContentRuntime().then(async ({ ContentApp }) => {
        const started = new ContentApp(ctx, document, {
          privateWindow: browser.extension?.inIncognitoContext === true,
          pageKey: address.current,
          onPostShown: (urls) => (shownPosts = urls),
        });
        await started.start(initial);
        return started;
      });
      return app;
    };

    const route = createMessageRouter<ContentRequest, ContentResponses>(
      {
        // Answered by the top frame only; it reads its same-origin frames' pages itself (no frame ids needed).
        getContentStatus: () => ({
          url: shownPosts[0] ?? address.current() ?? location.href,
          title: document.title,
          frames: sameOriginFramePages(document),
          ...(shownPosts.length > 1 ? { posts: shownPosts.slice(1) } : {}),
        }),
        highlightSelection: async ({ color }) => (await startApp()).highlightSelection(color),
        highlightsChanged: async ({ urls }) => {
          if (urls.some(shows)) await (app ? (await app).refresh() : startApp());
          return null;
        },
        scrollToHighlight: async ({ id }) => (await startApp()).scrollTo(id),
        detectTalksAgain: async (message) => {
          return shows(normalizeUrl(message.url)) ? (await startApp()).detectTalksAgain() : null;
        },
        // The popup asks when it opens (the reader acted): the runtime reads the page's metadata and talks.
        getPagePreview: async (message) => {
          const url = address.current();
          return url && normalizeUrl(message.url) === url ? (await startApp()).preview() : null;
        },
        // The popup asks when it opens, to offer a post the page looks like (#18): read, never drawn.
        getPostClaim: async (message) => {
          const url = address.current();
          if (!url || normalizeUrl(message.url) !== url) return null;
          return (await loadPostIdentityReader()).readPostIdentity(document, url).claim;
        },
        // Only a started app can have opened a menu, and so hold a grant.
        useMenuGrant: async ({ token, frameId, documentId, acting }) =>
          app ? (await app).useMenuGrant(token, { frameId, documentId }, acting === true) : null,
      },
      {
        schema: ContentRequestSchema,
        allowedSenders: CONTENT_SENDERS,
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
      },
    );
    // Undefined: no answer from this frame, so the frame showing the page named answers (messaging/addressed.ts).
    const listener = (message: unknown, sender: MessageSender) =>
      isAddressedTo(message, [address.current(), ...shownPosts], window === window.top, () =>
        holdsFocus(document),
      )
        ? route(message, sender)
        : undefined;
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    // The first selection loads the runtime, which then shows the toolbar and takes over.
    const onSelectionGesture = () => {
      if (app) return;
      const selection = getSelection();
      if (!selection || selection.isCollapsed || !selection.toString().trim()) return;
      void startApp().then((started) => started.selectionChanged());
    };
    // A person's gestures only: a page's synthetic events are dropped before any work (#14, finding 5).
    ctx.addEventListener(document, 'mouseup', (e) => e.isTrusted && ctx.setTimeout(onSelectionGesture, 0));
    ctx.addEventListener(document, 'keyup', (e) => e.isTrusted && e.shiftKey && onSelectionGesture());

    // Visible to tests and the benchmark in the page's main world, without touching the page's DOM; any
    // page could read them too, so only builds made with TALK_NOTES_MARKS=1 leave them (wxt.config.ts).
    if (import.meta.env.TALK_NOTES_MARKS) {
      performance.mark('talk-notes:ready', { detail: { scriptMs: performance.now() - started } });
    }
    /**
     * Draws the highlights of the page now shown, loading the runtime only when it has some. Which post
     * the page shows (#18) is read only on a site the library holds a page of: a page's claims count
     * only for its own site, so elsewhere (most visits) nothing could match and one question is all.
     */
    function drawPage(): void {
      const url = address.current();
      if (!url) return;
      // The reader moved on while we asked: the page now shown has had its own request.
      const current = () => !app && address.current() === url;
      shownPosts = []; // a single-page site's previous post is not shown any more
      void sendToBackground({ type: 'knowsSite', url })
        .then(async (known) => {
          if (!current()) return;
          if (!known) return noHighlights();
          const { readPostIdentity } = await loadPostIdentityReader();
          if (!current()) return;
          const identity = readPostIdentity(document, url);
          const answer = await sendToBackground({ type: 'getPostHighlights', url, identity: identity.claim });
          if (!current()) return;
          shownPosts = [answer.postUrl, ...answer.articles.map((a) => a.postUrl)];
          const some = answer.highlights.length || answer.articles.some((a) => a.highlights.length);
          if (some) void startApp({ identity, answer });
          else noHighlights();
        })
        .catch((error: unknown) => console.warn('Talk Notes: could not read this page’s highlights', error));
    }
    function noHighlights(): void {
      if (import.meta.env.TALK_NOTES_MARKS) {
        performance.mark('talk-notes:anchored', {
          detail: { anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 },
        });
      }
    }
    function pageChanged(): void {
      if (app) void app.then((started) => started.pageChanged());
      else drawPage();
    }
    drawPage();
  },
});
