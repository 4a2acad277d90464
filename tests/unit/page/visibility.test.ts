/** #14, finding 5: what counts as a toolbar the reader can see, from computed styles (every browser). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { styleShows, tracksVisibility, watchVisibility } from '@/page/visibility';

describe('styleShows', () => {
  let target: HTMLElement;
  beforeEach(() => {
    // jsdom lays nothing out: every element gets a 200×30 box at the top left of the viewport.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(
      () => new DOMRect(10, 10, 200, 30),
    );
    document.body.innerHTML = '<div id="outer"><div id="inner"><span id="host"></span></div></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div role="toolbar"><button>Highlight</button></div>';
    target = shadow.querySelector('[role="toolbar"]')!;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.removeAttribute('style');
    document.body.innerHTML = '';
  });

  it('shows a toolbar nothing fades, hides or clips', () => {
    expect(styleShows(target)).toBe(true);
    document.getElementById('outer')!.style.opacity = '0.95';
    expect(styleShows(target)).toBe(true);
  });

  it.each([
    ['opacity on an ancestor outside the shadow root', 'outer', 'opacity:0.05'],
    ['opacities that multiply below 0.9', 'outer', 'opacity:0.94', 'inner', 'opacity:0.94'],
    ['an opacity filter on the body', 'body', 'filter:opacity(2%)'],
    ['an opacity filter in percent', 'inner', 'filter: blur(0px) opacity(50%)'],
    ['display: none on the shadow host', 'host', 'display:none'],
    ['visibility: hidden on the toolbar', 'target', 'visibility:hidden'],
    ['a clip-path on an ancestor', 'inner', 'clip-path: inset(50%)'],
  ])('hides it: %s', (_label, ...styles) => {
    for (let i = 0; i < styles.length; i += 2) {
      const element =
        styles[i] === 'body'
          ? document.body
          : styles[i] === 'target'
            ? target
            : document.getElementById(styles[i]!)!;
      element.setAttribute('style', styles[i + 1]!);
    }
    expect(styleShows(target)).toBe(false);
  });

  it.each([
    ['no box', new DOMRect(10, 10, 0, 0)],
    ['a box of a pixel', new DOMRect(10, 10, 1, 1)],
    ['a box above the viewport', new DOMRect(10, -100, 200, 30)],
    ['a box right of the viewport', new DOMRect(5000, 10, 200, 30)],
  ])('hides it: %s', (_label, box) => {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => box);
    expect(styleShows(target)).toBe(false);
  });
});

describe('watchVisibility', () => {
  it('leaves the verdict to the computed styles where the browser has no IntersectionObserver v2', () => {
    expect(tracksVisibility(window)).toBe(false);
    expect(watchVisibility(document.body, () => {})).toBeNull();
  });

  it('follows IntersectionObserver v2 verdicts where the browser has them', () => {
    const observed: Element[] = [];
    let report: (entries: unknown[]) => void = () => {};
    const disconnect = vi.fn();
    class FakeObserver {
      constructor(callback: (entries: unknown[]) => void, options: Record<string, unknown>) {
        expect(options).toMatchObject({ trackVisibility: true, delay: 100 });
        report = callback;
      }
      observe(element: Element) {
        observed.push(element);
      }
      disconnect = disconnect;
    }
    // Chromium has `isVisible` as an accessor of the entry's prototype.
    class FakeEntry {
      get isVisible() {
        return false;
      }
    }
    // The element's own window is asked (a content script's globals may not be the page's).
    const win = document.defaultView as unknown as Record<string, unknown>;
    const saved = { observer: win.IntersectionObserver, entry: win.IntersectionObserverEntry };
    win.IntersectionObserver = FakeObserver;
    win.IntersectionObserverEntry = FakeEntry;
    try {
      const verdicts: boolean[] = [];
      const stop = watchVisibility(document.body, (visible) => verdicts.push(visible))!;
      expect(observed).toEqual([document.body]);
      report([{ isVisible: true }]);
      report([{ isVisible: true }, { isVisible: false }]);
      expect(verdicts).toEqual([true, false]);
      stop();
      expect(disconnect).toHaveBeenCalledOnce();
    } finally {
      win.IntersectionObserver = saved.observer;
      win.IntersectionObserverEntry = saved.entry;
      if (!saved.observer) delete win.IntersectionObserver;
      if (!saved.entry) delete win.IntersectionObserverEntry;
    }
  });
});
