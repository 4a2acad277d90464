/** Loading corpus pages into jsdom for the evaluation. */
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses `html` as the page at `url` in its own jsdom window. No scripts run, nothing is fetched, and the
 * virtual console is silent (jsdom cannot parse some of the pages' CSS and would say so on every page).
 */
export function loadPage(html: string, url = 'https://example.com/page'): Window {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window as unknown as Window;
}

/**
 * Runs `fn` with the page window's DOM globals (`document`, `window`, `Node`, `Element`, `NodeFilter`,
 * `getComputedStyle`, every `HTML…Element` …) installed where the runtime has none, as in the browser,
 * where detection runs in the page's own realm; they are removed again afterwards. Names the runtime
 * already defines (Node's `Event`, `URL`, `TextEncoder` …) are left alone.
 */
export function withPageGlobals<T>(window: Window, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const w = window as unknown as Record<string, unknown>;
  const installed: string[] = [];
  const names = new Set(['window', 'document', 'getComputedStyle', 'NodeFilter']);
  for (const name of Object.getOwnPropertyNames(w))
    if (/^[A-Z]/.test(name) && typeof w[name] === 'function') names.add(name);
  for (const name of names) {
    if (name in g) continue;
    const value =
      name === 'window'
        ? window
        : name === 'getComputedStyle'
          ? window.getComputedStyle.bind(window)
          : w[name];
    Object.defineProperty(g, name, { value, configurable: true, writable: true });
    installed.push(name);
  }
  try {
    return fn();
  } finally {
    for (const name of installed) delete g[name];
  }
}
