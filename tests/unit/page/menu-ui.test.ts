/**
 * #14, finding 2: the menu frame's address names no highlight; its grant goes to the frame's window,
 * addressed to the extension's origin only, and is worth something to one frame while the menu is open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { GRANT_AFTER_CLOSE_MS, GRANT_CLAIM_MS, MENU_ARMING_MS } from '@/core/menu-grant';
import { MenuUi } from '@/page/menu-ui';

const TOKEN = 'x'.repeat(43);
const GRANT = `0.${TOKEN}`;
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('MenuUi', () => {
  const contexts: ContentScriptContext[] = [];
  afterEach(() => {
    for (const ctx of contexts) ctx.abort();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  function openMenu(clock: { now: number }) {
    const ctx = new ContentScriptContext('test');
    contexts.push(ctx);
    const requestGrant = vi.fn(async (_id: string) => GRANT);
    const menu = new MenuUi(ctx, document, { requestGrant, extensionOrigin: ORIGIN, now: () => clock.now });
    menu.open('highlight-1', { x: 10, y: 10 }, 'note');
    const iframe = document.querySelector('iframe')!;
    return { menu, iframe, requestGrant };
  }

  it('names no highlight in the frame, and posts the grant to the extension origin only, after the frame loaded', async () => {
    const clock = { now: 1000 };
    const { menu, iframe, requestGrant } = openMenu(clock);
    expect(requestGrant).toHaveBeenCalledWith('highlight-1');
    expect(iframe.src).not.toContain('highlight-1');
    expect(new URL(iframe.src).search + new URL(iframe.src).hash).toBe('');
    expect(document.body.innerHTML).not.toContain('highlight-1');
    // The page points the frame elsewhere: the grant is still addressed to the extension's origin,
    // so a frame showing another origin never receives it.
    iframe.setAttribute('src', 'https://evil.example/steal');
    const post = vi.spyOn(iframe.contentWindow!, 'postMessage');
    iframe.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(post).toHaveBeenCalledOnce());
    expect(post).toHaveBeenCalledWith({ type: 'talk-notes:menu-grant', grant: GRANT, focus: 'note' }, ORIGIN);
    expect(menu.openId).toBe('highlight-1');
  });

  it('is worth the highlight to the first frame that uses it, within the claim time, until the menu closes', async () => {
    const clock = { now: 1000 };
    const { menu, iframe } = openMenu(clock);
    // Nothing is granted before the grant was handed over.
    expect(menu.useGrant(TOKEN, { frameId: 5 })).toBeNull();
    const post = vi.spyOn(iframe.contentWindow!, 'postMessage');
    iframe.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(post).toHaveBeenCalledOnce());
    expect(menu.useGrant('y'.repeat(43), { frameId: 5 })).toBeNull();
    clock.now += GRANT_CLAIM_MS;
    expect(menu.useGrant(TOKEN, { frameId: 5, documentId: 'd' })).toBe('highlight-1');
    expect(menu.useGrant(TOKEN, { frameId: 6, documentId: 'd' })).toBeNull();
    clock.now += 60 * 60_000;
    expect(menu.useGrant(TOKEN, { frameId: 5, documentId: 'd' })).toBe('highlight-1');
    menu.close();
    expect(menu.openId).toBeNull();
    // The closed menu's last save still lands; another frame gets nothing, and a moment later no one does.
    expect(menu.useGrant(TOKEN, { frameId: 5, documentId: 'd' })).toBe('highlight-1');
    expect(menu.useGrant(TOKEN, { frameId: 6, documentId: 'd' })).toBeNull();
    clock.now += GRANT_AFTER_CLOSE_MS + 1;
    expect(menu.useGrant(TOKEN, { frameId: 5, documentId: 'd' })).toBeNull();
  });

  it('gives a grant unused for too long nothing, and a menu opened for another highlight a new grant', async () => {
    const clock = { now: 1000 };
    const first = openMenu(clock);
    first.iframe.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(first.requestGrant).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock.now += GRANT_CLAIM_MS + 1;
    expect(first.menu.useGrant(TOKEN, { frameId: 5 })).toBeNull();
  });

  it('lets a click change the highlight only on a menu open for a moment and shown (colour, delete)', async () => {
    const clock = { now: 1000 };
    const { menu, iframe } = openMenu(clock);
    // jsdom lays nothing out: the frame gets the box a browser would give it, inside the viewport.
    vi.spyOn(iframe, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 22, 320, 320));
    const post = vi.spyOn(iframe.contentWindow!, 'postMessage');
    iframe.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(post).toHaveBeenCalledOnce());
    const frame = { frameId: 5, documentId: 'd' };
    // Reading and typing at once: granted. A click that changes something, this early: refused.
    expect(menu.useGrant(TOKEN, frame)).toBe('highlight-1');
    expect(menu.useGrant(TOKEN, frame, true)).toBeNull();
    clock.now += MENU_ARMING_MS;
    expect(menu.useGrant(TOKEN, frame, true)).toBe('highlight-1');
    // The page fades the element our frame sits in: clicks no longer count; typing still does.
    const wrapper = iframe.parentElement!;
    wrapper.style.opacity = '0.3';
    expect(menu.useGrant(TOKEN, frame, true)).toBeNull();
    expect(menu.useGrant(TOKEN, frame)).toBe('highlight-1');
    wrapper.style.opacity = '';
    iframe.style.visibility = 'hidden';
    expect(menu.useGrant(TOKEN, frame, true)).toBeNull();
    iframe.style.visibility = '';
    expect(menu.useGrant(TOKEN, frame, true)).toBe('highlight-1');
    // Another frame never acts; a closed menu cannot have been clicked.
    expect(menu.useGrant(TOKEN, { frameId: 6, documentId: 'd' }, true)).toBeNull();
    menu.close();
    expect(menu.useGrant(TOKEN, frame, true)).toBeNull();
    expect(menu.useGrant(TOKEN, frame)).toBe('highlight-1');
  });
});
