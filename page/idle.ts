/**
 * Work deferred until the page is idle, as a content script may do it in Chromium and Firefox.
 */

/**
 * Runs `callback` when `win` is idle, or after a short timer where there is no requestIdleCallback
 * (jsdom, old engines). Always called as a method of `win`: in a Firefox content script the page's
 * window is an Xray wrapper, and its requestIdleCallback taken off it and called bare runs against
 * the content script's sandbox, which throws "'requestIdleCallback' called on an object that does
 * not implement interface Window".
 */
export function whenIdle(win: Window | null | undefined, callback: () => void): void {
  if (win && typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => callback());
  else setTimeout(callback, 1);
}
