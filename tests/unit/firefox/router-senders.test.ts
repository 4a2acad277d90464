// @vitest-environment node
/**
 * The router's sender checks with the senders Firefox really sends (see ./senders.ts): a gecko id
 * instead of Chrome's 32-letter id, moz-extension:// origins, the MV2 background page, and the
 * in-page menu frame that Firefox files under content contexts.
 */
import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_SENDERS,
  BackgroundRequestSchema,
  CONTENT_SENDERS,
  ContentRequestSchema,
} from '@/messaging/protocol';
import { createMessageRouter, type MessageSender, senderRole } from '@/messaging/router';
import {
  backgroundPage,
  contentScript,
  GECKO_ID,
  MOZ_ORIGIN,
  menuFrame,
  otherExtension,
  PAGE_URL,
  popup,
  popupInTab,
} from './senders';

describe('senderRole with Firefox senders', () => {
  it.each([
    ['the content script of a page', contentScript, 'content'],
    ['the in-page menu frame (content_child, with the page’s tab)', menuFrame, 'menu'],
    ['the popup opened in a tab', popupInTab, 'extension'],
    ['the toolbar popup', popup, 'extension'],
    ['the MV2 background page', backgroundPage, 'extension'],
    ['another add-on', otherExtension, null],
    ['another add-on claiming our id from its own origin', { ...otherExtension, id: GECKO_ID }, null],
    [
      'our id with a Chrome origin',
      { id: GECKO_ID, url: 'chrome-extension://talk-notes@talk-notes.dev/popup.html' },
      null,
    ],
    ['a web page with a tab but no id', { url: PAGE_URL, tab: { id: 3 } }, null],
  ] as [string, MessageSender, string | null][])('%s -> %s', (_label, sender, role) => {
    expect(senderRole(sender, GECKO_ID, MOZ_ORIGIN)).toBe(role);
  });
});

const backgroundRoute = createMessageRouter(
  {
    ping: () => ({ version: '0.1.0' }),
    getPageHighlights: () => [],
    getPostHighlights: () => ({ postUrl: 'https://blog.example/', highlights: [], articles: [] }),
    knowsSite: () => false,
    getHighlight: () => null,
    listTags: () => ['kernel'],
    saveClip: () => {
      throw new Error('not under test');
    },
    updateHighlight: () => {
      throw new Error('not under test');
    },
    deleteHighlight: () => null,
    restoreHighlight: () => null,
    reportAnchoring: () => null,
    getGrantedHighlight: () => null,
  },
  {
    schema: BackgroundRequestSchema,
    allowedSenders: BACKGROUND_SENDERS,
    extensionId: GECKO_ID,
    extensionOrigin: MOZ_ORIGIN,
  },
);

describe('the background router in Firefox', () => {
  it('lets the menu frame read the tags and ask with a grant, but name no highlight by id (#14)', async () => {
    await expect(backgroundRoute({ type: 'getHighlight', id: 'h1' }, menuFrame)).resolves.toEqual({
      ok: false,
      error: '"getHighlight" may not be sent from a menu context',
      rejected: true,
    });
    await expect(backgroundRoute({ type: 'listTags' }, menuFrame)).resolves.toEqual({
      ok: true,
      value: ['kernel'],
    });
    await expect(backgroundRoute({ type: 'getGrantedHighlight', grant: '0.x' }, menuFrame)).resolves.toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses extension-only messages from a content script, and content-only ones from a page', async () => {
    await expect(backgroundRoute({ type: 'listTags' }, contentScript)).resolves.toEqual({
      ok: false,
      error: '"listTags" may not be sent from a content context',
      rejected: true,
    });
    await expect(
      backgroundRoute({ type: 'reportAnchoring', url: PAGE_URL, statuses: [] }, menuFrame),
    ).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('"reportAnchoring" may not be sent'),
      rejected: true,
    });
  });

  it('refuses another add-on', async () => {
    await expect(backgroundRoute({ type: 'ping' }, otherExtension)).resolves.toEqual({
      ok: false,
      error: 'sender is not part of this extension',
      rejected: true,
    });
  });
});

describe('the content script router in Firefox', () => {
  const contentRoute = createMessageRouter(
    {
      getContentStatus: () => ({ url: PAGE_URL, title: 'Day 3' }),
      highlightSelection: () => ({ saved: true, duplicate: false, message: 'Saved' }),
      highlightsChanged: () => null,
      scrollToHighlight: () => true,
    },
    {
      schema: ContentRequestSchema,
      allowedSenders: CONTENT_SENDERS,
      extensionId: GECKO_ID,
      extensionOrigin: MOZ_ORIGIN,
    },
  );

  it.each([
    ['the background page (context menu, command)', backgroundPage],
    ['the toolbar popup', popup],
    ['the popup in a tab', popupInTab],
  ])('answers %s', async (_label, sender) => {
    await expect(contentRoute({ type: 'highlightSelection' }, sender)).resolves.toMatchObject({ ok: true });
  });

  it('refuses a content script (its own or another tab’s) and other add-ons', async () => {
    for (const sender of [contentScript, otherExtension]) {
      await expect(contentRoute({ type: 'getContentStatus' }, sender)).resolves.toMatchObject({ ok: false });
    }
  });
});
