import { describe, expect, it, vi } from 'vitest';
import {
  BACKGROUND_SENDERS,
  type BackgroundRequest,
  BackgroundRequestSchema,
  type BackgroundResponses,
} from '@/messaging/protocol';
import { createMessageRouter, type Handlers, MessageRejected, senderRole } from '@/messaging/router';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPopup = { id: ID, url: `${ORIGIN}popup.html` };
const fromContent = { id: ID, url: 'https://blog.example/post', tab: { id: 4 } };
/** The in-page menu: an extension page in a frame of a web page's tab. */
const fromMenu = {
  id: ID,
  url: `${ORIGIN}highlight-menu.html`,
  tab: { id: 4 },
  frameId: 7,
  documentId: 'D7',
};

function makeRouter(handlers: Partial<Handlers<BackgroundRequest, BackgroundResponses>> = {}) {
  const onRejected = vi.fn();
  const route = createMessageRouter<BackgroundRequest, BackgroundResponses>(
    {
      ping: () => ({ version: '1.0.0' }),
      getPageHighlights: () => [],
      getPostHighlights: () => ({ postUrl: 'https://blog.example/', highlights: [], articles: [] }),
      knowsSite: () => false,
      saveClip: () => {
        throw new Error('not under test');
      },
      updateHighlight: () => {
        throw new Error('not under test');
      },
      getHighlight: () => null,
      listTags: () => [],
      deleteHighlight: () => null,
      restoreHighlight: () => null,
      reportAnchoring: () => null,
      getTalkRules: () => ({ notTalks: [], talkForm: null }),
      getClipSettings: () => ({ defaultColor: 'yellow' }),
      extendHighlight: () => {
        throw new Error('not under test');
      },
      getGrantedMenuContext: () => ({ talks: [], colorNames: {} }),
      grantMenu: () => 'not under test',
      getGrantedHighlight: () => null,
      updateGrantedHighlight: () => {
        throw new Error('not under test');
      },
      deleteGrantedHighlight: () => null,
      restoreGrantedHighlight: () => null,
      startSync: () => {
        throw new Error('not under test');
      },
      syncNow: () => {
        throw new Error('not under test');
      },
      stopSync: () => {
        throw new Error('not under test');
      },
      getSyncState: () => ({ status: { started: false, running: false }, account: null }),
      resolveSyncConflict: () => {
        throw new Error('not under test');
      },
      getGrantedTalk: () => null,
      setGrantedTalkNote: () => {
        throw new Error('not under test');
      },
      ...handlers,
    },
    {
      schema: BackgroundRequestSchema,
      allowedSenders: BACKGROUND_SENDERS,
      extensionId: ID,
      extensionOrigin: ORIGIN,
      onRejected,
    },
  );
  return { route, onRejected };
}

describe('senderRole', () => {
  it.each([
    [fromPopup, 'extension'],
    [{ id: ID, url: `${ORIGIN}dashboard.html`, tab: { id: 9 } }, 'extension'],
    [fromContent, 'content'],
    [{ id: ID }, 'extension'],
    [{ id: 'another-extension', url: 'https://evil.example/', tab: { id: 1 } }, null],
    [{ url: 'https://evil.example/' }, null],
    [{ id: ID, url: 'https://evil.example/' }, null],
    [fromMenu, 'menu'],
    [{ ...fromMenu, url: `${ORIGIN}highlight-menu.html?id=h1#x` }, 'menu'],
    [{ id: ID, url: `${ORIGIN}highlight-menu.htmlx` }, 'extension'],
  ])('%j -> %s', (sender, role) => {
    expect(senderRole(sender, ID, ORIGIN)).toBe(role);
  });
});

describe('createMessageRouter', () => {
  it('dispatches a valid message to its handler and wraps the answer', async () => {
    const { route } = makeRouter();
    await expect(route({ type: 'ping' }, fromPopup)).resolves.toEqual({
      ok: true,
      value: { version: '1.0.0' },
    });
  });

  it('passes the sender context to the handler', async () => {
    const getPageHighlights = vi.fn(() => []);
    const { route } = makeRouter({ getPageHighlights });
    await route({ type: 'getPageHighlights', url: 'https://blog.example/post' }, fromContent);
    expect(getPageHighlights).toHaveBeenCalledWith(
      { type: 'getPageHighlights', url: 'https://blog.example/post' },
      { role: 'content', tabId: 4, senderUrl: 'https://blog.example/post', incognito: false },
    );
  });

  it('gives a handler the frame and document of the sender as the browser named them', async () => {
    const getGrantedHighlight = vi.fn(() => null);
    const { route } = makeRouter({ getGrantedHighlight });
    await route({ type: 'getGrantedHighlight', grant: '0.x' }, fromMenu);
    expect(getGrantedHighlight.mock.calls[0]).toEqual([
      { type: 'getGrantedHighlight', grant: '0.x' },
      {
        role: 'menu',
        tabId: 4,
        frameId: 7,
        documentId: 'D7',
        senderUrl: `${ORIGIN}highlight-menu.html`,
        incognito: false,
      },
    ]);
  });

  it.each([
    { type: 'getHighlight', id: 'h1' },
    { type: 'updateHighlight', id: 'h1', changes: { note: 'x' } },
    { type: 'deleteHighlight', id: 'h1' },
    { type: 'getPageHighlights', url: 'https://blog.example/post' },
    { type: 'grantMenu', id: 'h1' },
  ])('refuses the in-page menu any message by id: %j (it acts through a grant only)', async (message) => {
    const { route } = makeRouter({ getHighlight: vi.fn(), deleteHighlight: vi.fn() });
    await expect(route(message, fromMenu)).resolves.toEqual({
      ok: false,
      error: `"${message.type}" may not be sent from a menu context`,
      rejected: true,
    });
  });

  it.each([
    [fromPopup, 'extension'],
    [fromContent, 'content'],
  ])('accepts grant requests from no one but the menu: %j', async (sender, role) => {
    const { route } = makeRouter();
    await expect(route({ type: 'deleteGrantedHighlight', grant: '0.x' }, sender)).resolves.toEqual({
      ok: false,
      error: `"deleteGrantedHighlight" may not be sent from a ${role} context`,
      rejected: true,
    });
  });

  const START_SYNC = {
    type: 'startSync',
    url: 'https://couch.example/talk-notes',
    username: 'ada',
    password: 'secret',
  };
  const RESOLVE = { type: 'resolveSyncConflict', id: 'highlights:h1', field: 'note', keep: 'both' };
  it.each([
    [START_SYNC, fromContent, 'content'],
    [START_SYNC, fromMenu, 'menu'],
    [{ type: 'syncNow' }, fromContent, 'content'],
    [{ type: 'stopSync', forget: true }, fromContent, 'content'],
    [{ type: 'getSyncState' }, fromContent, 'content'],
    [{ type: 'getSyncState' }, fromMenu, 'menu'],
    [RESOLVE, fromContent, 'content'],
    [RESOLVE, fromMenu, 'menu'],
  ])(
    'takes sync messages from extension pages only, never a web page’s tab: %j',
    async (message, sender, role) => {
      const handler = vi.fn();
      const { route } = makeRouter({
        startSync: handler,
        syncNow: handler,
        stopSync: handler,
        getSyncState: handler,
        resolveSyncConflict: handler,
      });
      await expect(route(message, sender)).resolves.toEqual({
        ok: false,
        error: `"${message.type}" may not be sent from a ${role} context`,
        rejected: true,
      });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('hands Start sync from the dashboard to its handler, and refuses one without a password field', async () => {
    const startSync = vi.fn(() => ({ status: { started: true, running: false }, account: null }));
    const { route } = makeRouter({ startSync });
    const fromDashboard = { id: ID, url: `${ORIGIN}dashboard.html` };
    await expect(route(START_SYNC, fromDashboard)).resolves.toMatchObject({ ok: true });
    expect(startSync).toHaveBeenCalledOnce();
    const { password: _, ...without } = START_SYNC;
    await expect(route(without, fromDashboard)).resolves.toMatchObject({ ok: false, rejected: true });
    await expect(route({ ...START_SYNC, password: 'x'.repeat(1_001) }, fromDashboard)).resolves.toMatchObject(
      {
        ok: false,
        rejected: true,
      },
    );
    expect(startSync).toHaveBeenCalledOnce();
  });

  it('hands a conflict choice from the dashboard to its handler, schema-checked', async () => {
    const resolveSyncConflict = vi.fn(() => null);
    const { route } = makeRouter({ resolveSyncConflict });
    const fromDashboard = { id: ID, url: `${ORIGIN}dashboard.html` };
    await expect(route(RESOLVE, fromDashboard)).resolves.toMatchObject({ ok: true });
    const keepOne = { ...RESOLVE, keep: { by: 'dev-a', at: 1_700_000_000_000 } };
    await expect(route(keepOne, fromDashboard)).resolves.toMatchObject({ ok: true });
    expect(resolveSyncConflict).toHaveBeenCalledTimes(2);
    for (const bad of [
      { ...RESOLVE, keep: 'all' },
      { ...RESOLVE, keep: { by: 'dev-a', at: 'yesterday' } },
      { ...RESOLVE, field: '' },
      { ...RESOLVE, id: 'x'.repeat(500) },
    ]) {
      await expect(route(bad, fromDashboard)).resolves.toMatchObject({ ok: false, rejected: true });
    }
    expect(resolveSyncConflict).toHaveBeenCalledTimes(2);
  });

  it('tells the handler when the sender is a tab of a private window', async () => {
    const getPageHighlights = vi.fn(() => []);
    const { route } = makeRouter({ getPageHighlights });
    const privateTab = { ...fromContent, tab: { ...fromContent.tab, incognito: true } };
    await route({ type: 'getPageHighlights', url: 'https://blog.example/post' }, privateTab);
    expect(getPageHighlights).toHaveBeenCalledWith(
      { type: 'getPageHighlights', url: 'https://blog.example/post' },
      { role: 'content', tabId: 4, senderUrl: 'https://blog.example/post', incognito: true },
    );
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }],
    ['a missing field', { type: 'getPageHighlights' }],
    ['a field of the wrong type', { type: 'getPageHighlights', url: 42 }],
    ['a non-http URL', { type: 'getPageHighlights', url: 'javascript:alert(1)' }],
    ['not an object', 'ping'],
    ['null', null],
  ])('rejects %s and reports it', async (_label, message) => {
    const { route, onRejected } = makeRouter();
    const reply = await route(message, fromPopup);
    expect(reply.ok).toBe(false);
    expect(reply.ok === false && reply.error).toMatch(/malformed or unknown message/);
    // Refused for what it is: the sender learns that sending it again cannot help.
    expect(reply.ok === false && reply.rejected).toBe(true);
    expect(onRejected).toHaveBeenCalledOnce();
  });

  it('refuses messages from other extensions and web pages', async () => {
    const { route, onRejected } = makeRouter();
    const reply = await route({ type: 'ping' }, { id: 'other', url: 'https://evil.example/' });
    expect(reply).toEqual({ ok: false, error: 'sender is not part of this extension', rejected: true });
    expect(onRejected).toHaveBeenCalledOnce();
  });

  it('marks a rejection a handler throws (MessageRejected) as one', async () => {
    const { route, onRejected } = makeRouter({
      ping: () => {
        throw new MessageRejected('a content script may only act on its own page');
      },
    });
    await expect(route({ type: 'ping' }, fromPopup)).resolves.toEqual({
      ok: false,
      error: 'a content script may only act on its own page',
      rejected: true,
    });
    expect(onRejected).toHaveBeenCalledOnce();
  });

  it('turns a handler error into an error reply without reporting a rejection', async () => {
    const { route, onRejected } = makeRouter({
      ping: () => {
        throw new Error('database is closed');
      },
    });
    await expect(route({ type: 'ping' }, fromPopup)).resolves.toEqual({
      ok: false,
      error: 'database is closed',
    });
    expect(onRejected).not.toHaveBeenCalled();
  });
});
