/**
 * The browser side of a page's key (page/page-address.ts): what it reads from the navigation entry,
 * the Navigation API and the reader's gestures, and what a page's own script cannot fake. The
 * browser is a stand-in whose events carry the `isTrusted` a browser would give them (jsdom makes
 * every event untrusted); the real thing runs in tests/e2e/page-address.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { GESTURE_WINDOW_MS } from '@/core/page-address';
import { loadedKeyOf, watchPageAddress } from '@/page/page-address';

const LOADED = 'https://blog.example/posts/one';
const OTHER = 'https://blog.example/posts/two';

type Listener = (event: Record<string, unknown>) => void;

/** A target that keeps its listeners (honouring `signal`) and calls them with plain event objects. */
function target() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      set.add(listener);
      options?.signal?.addEventListener('abort', () => set.delete(listener));
    },
    fire(type: string, event: Record<string, unknown>) {
      for (const listener of listeners.get(type) ?? []) listener({ type, ...event });
    },
  };
}

/** A window whose document was loaded from `loaded` and whose address is now `href`. */
function browserWindow({ loaded = LOADED as string | undefined, href = LOADED, navigation = true } = {}) {
  let time = 1_000;
  let entryCount = 1;
  const nav = Object.assign(target(), {
    currentEntry: { key: 'e1', url: href, sameDocument: true },
    entries() {
      return [this.currentEntry];
    },
  });
  const win = Object.assign(target(), {
    location: { href },
    performance: {
      getEntriesByType: (type: string) => (type === 'navigation' && loaded ? [{ name: loaded }] : []),
      now: () => time,
    },
    navigation: navigation ? nav : undefined,
  });
  /** A History API change as the browser reports it: `navigate`, then the entry change. */
  const historyChange = (
    url: string,
    { type = 'push', userInitiated = false, isTrusted = true, key = '' } = {},
  ) => {
    nav.fire('navigate', { isTrusted, destination: { url }, userInitiated });
    const entryKey = key || (type === 'push' ? `e${++entryCount}` : nav.currentEntry.key);
    nav.currentEntry = { key: entryKey, url, sameDocument: true };
    win.location.href = url;
    nav.fire('currententrychange', { isTrusted, navigationType: type });
  };
  return {
    win,
    nav,
    historyChange,
    wait: (ms: number) => {
      time += ms;
    },
    gesture: (type: 'click' | 'keydown', event: Record<string, unknown> = {}) =>
      win.fire(type, { isTrusted: true, target: { tagName: 'A' }, ...event }),
  };
}

function watch(browser: ReturnType<typeof browserWindow>, signal = new AbortController().signal) {
  const changes: string[] = [];
  const address = watchPageAddress({
    win: browser.win as unknown as Window,
    signal,
    onChange: (key) => changes.push(key),
    now: () => browser.win.performance.now(),
  });
  return { address, changes };
}

describe('the page key in the browser', () => {
  it('starts as the URL the document was loaded from, not the address the page wrote', () => {
    const browser = browserWindow({ href: `${OTHER}?stolen=1` });
    expect(loadedKeyOf(browser.win as unknown as Window)).toBe(LOADED);
    expect(watch(browser).address.current()).toBe(LOADED);
  });

  it('follows a router’s pushState right after a real click, and Back to the first entry', () => {
    const browser = browserWindow();
    const { address, changes } = watch(browser);
    browser.gesture('click');
    browser.wait(300);
    browser.historyChange(OTHER);
    expect(address.current()).toBe(OTHER);
    browser.wait(60_000);
    browser.historyChange(LOADED, { type: 'traverse', key: 'e1' });
    expect(changes).toEqual([OTHER, LOADED]);
  });

  it('follows what the browser says the reader started (Back and Forward buttons)', () => {
    const browser = browserWindow();
    const { address } = watch(browser);
    browser.historyChange(OTHER, { type: 'traverse', key: 'unknown', userInitiated: true });
    expect(address.current()).toBe(OTHER);
  });

  it('a real key press counts as the reader’s gesture too', () => {
    const browser = browserWindow();
    const { address } = watch(browser);
    browser.gesture('keydown', { key: 'j' });
    browser.historyChange(OTHER);
    expect(address.current()).toBe(OTHER);
  });

  it.each([
    ['with no gesture', (_: ReturnType<typeof browserWindow>) => {}],
    [
      'after a gesture too long ago',
      (b: ReturnType<typeof browserWindow>) => {
        b.gesture('click');
        b.wait(GESTURE_WINDOW_MS + 1);
      },
    ],
    [
      'after a click the page’s script made (untrusted)',
      (b: ReturnType<typeof browserWindow>) =>
        b.win.fire('click', { isTrusted: false, target: { tagName: 'A' } }),
    ],
    [
      'after the reader clicked the Talk Notes toolbar, which is not the page',
      (b: ReturnType<typeof browserWindow>) =>
        b.gesture('click', { target: { tagName: 'TALK-NOTES-TOOLBAR' } }),
    ],
    [
      'with a NavigateEvent the page made up, saying the reader started it',
      (b: ReturnType<typeof browserWindow>) => {
        // The page's own navigate listener, after ours: it dispatches its fake inside the real event.
        let faking = false;
        b.nav.addEventListener('navigate', (event) => {
          if (faking || event.isTrusted === false) return;
          faking = true;
          b.nav.fire('navigate', { isTrusted: false, destination: event.destination, userInitiated: true });
          faking = false;
        });
      },
    ],
  ])('does not follow a pushState %s', (_, before) => {
    const browser = browserWindow();
    const { address, changes } = watch(browser);
    before(browser);
    browser.historyChange(OTHER);
    browser.historyChange(OTHER, { type: 'replace' });
    expect(address.current()).toBe(LOADED);
    expect(changes).toEqual([]);
  });

  it('ignores entry changes the page dispatches itself', () => {
    const browser = browserWindow();
    const { address } = watch(browser);
    browser.gesture('click');
    browser.historyChange(OTHER, { isTrusted: false });
    expect(address.current()).toBe(LOADED);
  });

  it('keeps the loaded key without the Navigation API, and stops listening with its context', () => {
    const old = browserWindow({ navigation: false });
    const { address } = watch(old);
    old.gesture('click');
    expect(address.current()).toBe(LOADED);

    const browser = browserWindow();
    const context = new AbortController();
    const watched = watch(browser, context.signal);
    context.abort();
    browser.gesture('click');
    browser.historyChange(OTHER, { userInitiated: true });
    expect(watched.changes).toEqual([]);
  });

  it('is null on a page that is not http(s)', () => {
    const browser = browserWindow({ loaded: undefined, href: 'file:///notes.html' });
    expect(watch(browser).address.current()).toBeNull();
  });
});
