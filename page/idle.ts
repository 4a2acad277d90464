/**
 * Work deferred until the page is idle, as a content script may do it in Chromium and Firefox, and
 * dropped when the content script's context is invalidated (an update or uninstall of the extension).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The part of WXT's ContentScriptContext deferred work needs. */
export type IdleContext = Pick<ContentScriptContext, 'isValid' | 'onInvalidated' | 'setTimeout'>;

/**
 * Runs `callback` when `win` is idle, or after a short timer where there is no requestIdleCallback
 * (jsdom, old engines); never after `ctx` is invalidated. Always called as a method of `win`: in a
 * Firefox content script the page's window is an Xray wrapper, and its requestIdleCallback taken off
 * it and called bare runs against the content script's sandbox, which throws "'requestIdleCallback'
 * called on an object that does not implement interface Window" (so not ctx.requestIdleCallback,
 * which calls the global one).
 */
export function whenIdle(ctx: IdleContext, win: Window | null | undefined, callback: () => void): void {
  if (win && typeof win.requestIdleCallback === 'function') {
    const forget = ctx.onInvalidated(() => win.cancelIdleCallback(id));
    const id = win.requestIdleCallback(() => {
      forget();
      if (ctx.isValid) callback();
    });
  } else {
    ctx.setTimeout(callback, 1);
  }
}
