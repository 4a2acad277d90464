// @vitest-environment node
/**
 * The background entrypoint wired as in Firefox: a gecko id and a moz-extension:// origin from
 * `runtime.getURL`. Its router must take both from the browser, so Firefox's extension pages are
 * recognised as ours and its content scripts as content scripts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { type DraftPort, NOTE_DRAFTS_PORT } from '@/messaging/note-drafts';
import type { MessageSender } from '@/messaging/router';
import { contentScript, GECKO_ID, MOZ_ORIGIN, menuFrame, otherExtension, PAGE_URL, popup } from './senders';

type Listener = (message: unknown, sender: unknown) => Promise<unknown>;
type ConnectListener = (port: DraftPort) => void;

let listener: Listener;
let onConnect: ConnectListener;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.id = GECKO_ID;
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
    (path: string) => `${MOZ_ORIGIN}${path.replace(/^\//, '')}` as never,
  );
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 2,
    name: 'Talk Notes',
    version: '0.1.0',
  });
  // Not under test: the context menu and the keyboard command.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  // The fake browser has no ports: the note port's listener is taken as registered.
  const addConnectListener = vi
    .spyOn(fakeBrowser.runtime.onConnect, 'addListener')
    .mockImplementation(() => {});
  background.main();
  listener = addListener.mock.calls[0]![0] as unknown as Listener;
  onConnect = addConnectListener.mock.calls[0]![0] as unknown as ConnectListener;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the background page in Firefox', () => {
  it('answers the toolbar popup and the in-page menu frame (moz-extension:// pages)', async () => {
    await expect(listener({ type: 'listTags' }, popup)).resolves.toEqual({ ok: true, value: [] });
    await expect(listener({ type: 'listTags' }, menuFrame)).resolves.toEqual({ ok: true, value: [] });
    // The menu frame names no highlight by id: it asks with a grant, and has none here.
    await expect(listener({ type: 'getHighlight', id: 'nope' }, menuFrame)).resolves.toMatchObject({
      ok: false,
      rejected: true,
    });
    await expect(
      listener({ type: 'getGrantedHighlight', grant: `0.${'A'.repeat(43)}` }, menuFrame),
    ).resolves.toEqual({ ok: false, error: 'this menu has no grant for a highlight', rejected: true });
  });

  it('answers a content script about its own page', async () => {
    await expect(listener({ type: 'getPageHighlights', url: PAGE_URL }, contentScript)).resolves.toEqual({
      ok: true,
      value: [],
    });
  });

  it('takes note drafts from the popup (a moz-extension:// page), not from the in-page menu frame', () => {
    const port = (sender: MessageSender) => ({
      name: NOTE_DRAFTS_PORT,
      sender,
      postMessage: () => {},
      disconnect: vi.fn(),
      onMessage: { addListener: vi.fn() },
      onDisconnect: { addListener: () => {} },
    });
    const fromPopup = port(popup);
    onConnect(fromPopup);
    expect(fromPopup.disconnect).not.toHaveBeenCalled();
    expect(fromPopup.onMessage.addListener).toHaveBeenCalledOnce();
    const fromMenu = port(menuFrame);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    onConnect(fromMenu);
    expect(fromMenu.disconnect).toHaveBeenCalledOnce();
    expect(fromMenu.onMessage.addListener).not.toHaveBeenCalled();
  });

  it('refuses another add-on', async () => {
    await expect(listener({ type: 'ping' }, otherExtension)).resolves.toEqual({
      ok: false,
      error: 'sender is not part of this extension',
      rejected: true,
    });
  });
});
