/**
 * A page is the URL its document was loaded from; only the reader's navigations move it (#14,
 * finding 1; #18, single-page sites).
 */
import { describe, expect, it } from 'vitest';
import { type AddressChange, GESTURE_WINDOW_MS, loadedPageKey, PageAddress } from '@/core/page-address';

const POST_1 = 'https://blog.example/posts/one';
const POST_2 = 'https://blog.example/posts/two';
const VICTIM = 'https://blog.example/victim';

describe('loadedPageKey', () => {
  it.each([
    ['the navigation entry, not what replaceState wrote', POST_1, `${VICTIM}?x=1`, POST_1],
    ['normalized: no fragment, no tracking', `${POST_1}?utm_source=feed#top`, POST_1, POST_1],
    ['the address when there is no entry (older browsers)', undefined, `${POST_1}#x`, POST_1],
    ['the address when the entry is of another origin', 'https://evil.example/', POST_1, POST_1],
    ['the address when the entry is not http(s)', 'about:blank', POST_1, POST_1],
    ['nothing on a page that is not http(s)', undefined, 'file:///tmp/a.html', null],
  ])('%s', (_, entry, current, expected) => {
    expect(loadedPageKey(entry, current)).toBe(expected);
  });
});

describe('PageAddress', () => {
  const change = (over: Partial<AddressChange>): AddressChange => ({
    type: 'push',
    entryKey: 'e2',
    url: POST_2,
    userInitiated: false,
    at: 100_000,
    lastGestureAt: Number.NEGATIVE_INFINITY,
    ...over,
  });

  it.each([
    [
      'a replaceState with no gesture (at load)',
      change({ type: 'replace', entryKey: 'e1', url: VICTIM }),
      POST_1,
    ],
    ['a pushState with no gesture (a timer, scrolling)', change({ url: VICTIM }), POST_1],
    [
      'a pushState long after the last click',
      change({ lastGestureAt: 100_000 - GESTURE_WINDOW_MS - 1 }),
      POST_1,
    ],
    ['a pushState right after a click (a router)', change({ lastGestureAt: 100_000 - 40 }), POST_2],
    [
      'a pushState as late as the gesture window allows',
      change({ lastGestureAt: 100_000 - GESTURE_WINDOW_MS }),
      POST_2,
    ],
    ['a navigation the browser says the reader started', change({ userInitiated: true }), POST_2],
    [
      'a reader-made change to a URL that is not http(s)',
      change({ userInitiated: true, url: 'about:blank' }),
      POST_1,
    ],
    ['a reload (a new document follows)', change({ type: 'reload', userInitiated: true }), POST_1],
  ])('%s', (_, step, expected) => {
    const address = new PageAddress(POST_1, ['e1']);
    expect(address.change(step)).toBe(expected);
    expect(address.key).toBe(expected);
  });

  it('goes back and forward to the keys its entries had, whatever URL the page wrote into them', () => {
    const address = new PageAddress(POST_1, ['e1']);
    // The page rewrites its first entry's URL silently: the entry stays POST_1.
    address.change(change({ type: 'replace', entryKey: 'e1', url: VICTIM }));
    // The reader follows a link: entry e2 is POST_2.
    address.change(change({ entryKey: 'e2', url: POST_2, lastGestureAt: 99_990 }));
    // The page pushes the victim's URL on a timer: e3 is still POST_2.
    address.change(change({ entryKey: 'e3', url: VICTIM, at: 200_000, lastGestureAt: 99_990 }));
    expect(address.key).toBe(POST_2);
    const back = (entryKey: string, url: string, userInitiated: boolean) =>
      address.change(change({ type: 'traverse', entryKey, url, userInitiated, at: 300_000 }));
    // Back and forward, by the reader or by the page's history.back(): the keys the entries were given.
    expect(back('e2', POST_2, true)).toBe(POST_2);
    expect(back('e1', VICTIM, true)).toBe(POST_1);
    expect(back('e3', VICTIM, false)).toBe(POST_2);
    expect(back('e1', VICTIM, false)).toBe(POST_1);
  });

  it('gives every entry the document had when it started its loaded key', () => {
    // The page pushed the victim's URL before the content script started; the reader goes back to it.
    const address = new PageAddress(POST_1, ['e0', 'e1']);
    expect(
      address.change(change({ type: 'traverse', entryKey: 'e0', url: VICTIM, userInitiated: true })),
    ).toBe(POST_1);
  });

  it('follows a traversal to an entry it never saw only when the reader made it', () => {
    const silent = new PageAddress(POST_1, ['e1']);
    expect(silent.change(change({ type: 'traverse', entryKey: 'x', url: POST_2 }))).toBe(POST_1);
    const byReader = new PageAddress(POST_1, ['e1']);
    expect(
      byReader.change(change({ type: 'traverse', entryKey: 'x', url: POST_2, userInitiated: true })),
    ).toBe(POST_2);
  });
});
