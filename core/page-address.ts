/**
 * Which page a document is, for storage: the URL it was loaded from, changed later only by a
 * navigation the reader made. A page's own script can rewrite its address at any time
 * (`history.replaceState` / `pushState` to any URL of its origin), so the address bar alone would
 * let a page claim another page's highlights (#14, finding 1). Single-page sites that really
 * navigate (a router's pushState after a click, Back and Forward) are followed (#18).
 */
import { normalizeUrl } from './url';

/**
 * How long after a real click or key press in the page a History API change counts as the reader's
 * navigation: a router's pushState runs in the click's handler or after the next post is fetched.
 * Browsers keep a gesture's "transient activation" (what lets a page open a window) as long.
 */
export const GESTURE_WINDOW_MS = 5_000;

/**
 * The storage key of a document when it starts: the URL it was loaded from (the navigation timing
 * entry's `name`, which the History API does not change, the final URL after redirects), else its
 * current URL. Null when neither is an http(s) URL.
 */
export function loadedPageKey(navigationEntryUrl: string | undefined, currentUrl: string): string | null {
  const loaded = navigationEntryUrl ? normalizeUrl(navigationEntryUrl) : null;
  const current = normalizeUrl(currentUrl);
  // The entry of a document is always of its origin; anything else is no entry of this document.
  if (loaded && current && new URL(loaded).origin === new URL(current).origin) return loaded;
  return current;
}

/** One change of the document's current history entry (the Navigation API's `currententrychange`). */
export interface AddressChange {
  type: 'push' | 'replace' | 'traverse' | 'reload';
  /** The history entry now current: its Navigation API `key` (kept by a replace, new for a push). */
  entryKey: string;
  /** Its URL as the browser has it now. */
  url: string;
  /** The browser says the reader started it: its Back or Forward, a link's own activation. */
  userInitiated: boolean;
  /** When it happened, and when the reader last clicked or pressed a key in the page (same clock). */
  at: number;
  lastGestureAt: number;
}

/**
 * The page key of one document as its history entries change. The rule:
 * - going back or forward to an entry this document already had gives the key that entry had
 *   (whatever URL the page's script wrote into it);
 * - any other change moves the key to the new URL only when the reader made it: the browser says so
 *   (`userInitiated`), or it comes within GESTURE_WINDOW_MS of a real (isTrusted) click or key press
 *   in the page;
 * - anything else (a replaceState at load, a pushState on a timer or while scrolling) keeps the key:
 *   the page goes on being the page it was loaded as.
 */
export class PageAddress {
  private currentKey: string;
  /** The key each history entry of this document was given. */
  private readonly entries = new Map<string, string>();

  /** `entryKeys`: the document's own entries when it starts; all of them are the page it was loaded as. */
  constructor(loadedKey: string, entryKeys: readonly string[] = []) {
    this.currentKey = loadedKey;
    for (const entry of entryKeys) this.entries.set(entry, loadedKey);
  }

  get key(): string {
    return this.currentKey;
  }

  /** Applies one change; returns the page key after it. */
  change(change: AddressChange): string {
    // A reload makes a new document (and a new content script); nothing to follow here.
    if (change.type === 'reload') return this.currentKey;
    const known = change.type === 'traverse' ? this.entries.get(change.entryKey) : undefined;
    if (known !== undefined) {
      this.currentKey = known;
      return known;
    }
    const url = normalizeUrl(change.url);
    const byReader = change.userInitiated || change.at - change.lastGestureAt <= GESTURE_WINDOW_MS;
    if (url && byReader) this.currentKey = url;
    this.entries.set(change.entryKey, this.currentKey);
    return this.currentKey;
  }
}
