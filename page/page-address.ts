/**
 * The page key of the document the content script runs in, followed through the reader's own
 * navigations of a single-page site. The rule is core/page-address.ts's; this module reads what it
 * needs from the browser: the navigation timing entry (the URL the document was loaded from), the
 * Navigation API's entry changes, and the reader's real clicks and key presses.
 *
 * Everything here is read from the content script's isolated world: a page can neither change the
 * navigation entry nor make an event trusted. Events are checked with `isTrusted`, because a page can
 * construct a NavigateEvent (`userInitiated: true`) and dispatch it on `navigation` itself.
 */
import { loadedPageKey, PageAddress } from '@/core/page-address';

/** The parts of the Navigation API used here (not in TypeScript's DOM library yet). */
interface NavigationEntryLike {
  key: string;
  url: string | null;
  sameDocument: boolean;
}
export interface NavigationLike extends EventTarget {
  currentEntry: NavigationEntryLike | null;
  entries(): NavigationEntryLike[];
}
type NavigateEventLike = Event & { destination: { url: string }; userInitiated: boolean };
type EntryChangeEventLike = Event & { navigationType: 'push' | 'replace' | 'traverse' | 'reload' | null };

export interface PageAddressDeps {
  win: Window;
  /** Listeners end with it (WXT's `ctx.signal`: the content script's context). */
  signal: AbortSignal;
  /** Called with the new key when the page became another page. */
  onChange: (key: string) => void;
  now?: () => number;
}

export interface WatchedPageAddress {
  /** The page's storage key now (normalized), or null on a page that is not http(s). */
  current(): string | null;
}

/** The key of the document in `win` when it starts: see core's loadedPageKey. */
export function loadedKeyOf(win: Window): string | null {
  const [entry] = win.performance?.getEntriesByType?.('navigation') ?? [];
  return loadedPageKey(entry?.name, win.location.href);
}

/**
 * Starts watching. Without the Navigation API (older browsers) the page keeps the key it was loaded
 * with: a single-page site's later posts are then filed under its first, never another page's
 * highlights drawn.
 */
export function watchPageAddress({
  win,
  signal,
  onChange,
  now = () => win.performance.now(),
}: PageAddressDeps): WatchedPageAddress {
  const loaded = loadedKeyOf(win);
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (!loaded || !navigation) return { current: () => loaded };
  const address = new PageAddress(
    loaded,
    navigation
      .entries()
      .filter((entry) => entry.sameDocument)
      .map((entry) => entry.key),
  );

  let lastGestureAt = Number.NEGATIVE_INFINITY;
  const onGesture = (event: Event) => {
    // Our own toolbar (a `talk-notes-*` host) is not the page: clicking Highlight lets no page move.
    const target = event.target as Element | null;
    if (!event.isTrusted || target?.tagName?.toLowerCase().startsWith('talk-notes')) return;
    lastGestureAt = now();
  };
  const listen = { capture: true, passive: true, signal };
  win.addEventListener('click', onGesture, listen);
  win.addEventListener('keydown', onGesture, listen);

  // `navigate` says whether the browser counts the navigation as the reader's; the entry changes after it.
  let pending: { url: string; userInitiated: boolean } | null = null;
  navigation.addEventListener(
    'navigate',
    (event) => {
      if (!event.isTrusted) return;
      const { destination, userInitiated } = event as NavigateEventLike;
      pending = { url: destination.url, userInitiated };
    },
    { signal },
  );
  navigation.addEventListener(
    'currententrychange',
    (event) => {
      const entry = navigation.currentEntry;
      const type = (event as EntryChangeEventLike).navigationType;
      if (!event.isTrusted || !entry?.url || !type) return;
      const userInitiated = pending?.url === entry.url && pending.userInitiated;
      pending = null;
      const before = address.key;
      const after = address.change({
        type,
        entryKey: entry.key,
        url: entry.url,
        userInitiated,
        at: now(),
        lastGestureAt,
      });
      if (after !== before) onChange(after);
    },
    { signal },
  );
  return { current: () => address.key };
}
