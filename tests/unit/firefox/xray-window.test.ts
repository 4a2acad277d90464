/**
 * Firefox content scripts see the page's window through an Xray wrapper: a method taken off it and
 * called bare runs against the content script's sandbox global, not the window, and throws. Found in
 * Firefox 153 ESR: selecting text logged "TypeError: 'requestIdleCallback' called on an object that
 * does not implement interface Window." from content-runtime.js.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentApp } from '@/page/content-app';
import { whenIdle } from '@/page/idle';

/** A window whose requestIdleCallback, like Firefox's through an Xray, works only as a method call. */
function xrayLikeWindow() {
  const calls: unknown[] = [];
  const win = {
    requestIdleCallback(this: unknown, callback: () => void) {
      if (this !== win) {
        throw new TypeError(
          "'requestIdleCallback' called on an object that does not implement interface Window.",
        );
      }
      calls.push(this);
      callback();
      return 1;
    },
    cancelIdleCallback(this: unknown) {
      if (this !== win)
        throw new TypeError(
          "'cancelIdleCallback' called on an object that does not implement interface Window.",
        );
    },
  };
  return { win: win as unknown as Window, calls };
}

describe('whenIdle', () => {
  it('calls requestIdleCallback as a method of the window', () => {
    const { win, calls } = xrayLikeWindow();
    const callback = vi.fn();
    whenIdle(new ContentScriptContext('idle-test'), win, callback);
    expect(callback).toHaveBeenCalledOnce();
    expect(calls).toEqual([win]);
  });

  it('falls back to a timer without requestIdleCallback', async () => {
    const callback = vi.fn();
    whenIdle(new ContentScriptContext('idle-test'), {} as Window, callback);
    await vi.waitFor(() => expect(callback).toHaveBeenCalledOnce());
  });

  it('drops the work when the content script is invalidated first, cancelling as a method too', () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    let pending: (() => void) | undefined;
    const cancelled: unknown[] = [];
    const win = {
      requestIdleCallback(callback: () => void) {
        pending = callback;
        return 7;
      },
      cancelIdleCallback(this: unknown, id: number) {
        cancelled.push([this === win, id]);
      },
    };
    const idle = new ContentScriptContext('idle-test');
    const callback = vi.fn();
    whenIdle(idle, win as unknown as Window, callback);
    const timed = new ContentScriptContext('idle-test');
    whenIdle(timed, {} as Window, callback);
    idle.notifyInvalidated();
    timed.notifyInvalidated();
    pending?.();
    vi.advanceTimersByTime(10);
    expect(callback).not.toHaveBeenCalled();
    expect(cancelled).toEqual([[true, 7]]);
  });
});

describe('the content runtime on a Firefox page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
    getSelection()?.removeAllRanges();
    document.body.innerHTML = '';
  });

  it('prepares the page analysis for a selection without throwing', () => {
    const idle = vi.fn();
    // jsdom's own window, made as strict about `this` as Firefox's Xray-wrapped one.
    Object.defineProperty(window, 'requestIdleCallback', {
      configurable: true,
      value(this: unknown, callback: () => void) {
        if (this !== window) {
          throw new TypeError(
            "'requestIdleCallback' called on an object that does not implement interface Window.",
          );
        }
        idle(callback);
        return 1;
      },
    });
    // jsdom lays nothing out: the toolbar is placed under an empty rectangle.
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
    document.body.innerHTML = '<article><h2>A talk</h2><p id="p">A passage worth keeping.</p></article>';
    const text = document.getElementById('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 9);
    getSelection()!.addRange(range);

    const app = new ContentApp(new ContentScriptContext('test'), document);
    expect(() => app.selectionChanged()).not.toThrow();
    expect(idle).toHaveBeenCalledOnce();
  });
});
