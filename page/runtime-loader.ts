/**
 * The content script is two parts: a small eager one on every page (messages, a glance at the
 * selection, asking whether the page has highlights) and the runtime (anchoring, drawing, toolbar,
 * Readability, Markdown), loaded only when the page has highlights or the reader selects text.
 */
import { browser } from 'wxt/browser';
import type { ContentApp } from './content-app';

/** What content-runtime.js leaves on the isolated world's global object. */
export interface ContentRuntime {
  ContentApp: typeof ContentApp;
}

export const RUNTIME_GLOBAL = '__talkNotesContentRuntime';
export const RUNTIME_PATH = '/content-runtime.js';

type RuntimeHost = typeof globalThis & { [RUNTIME_GLOBAL]?: ContentRuntime };

let loading: Promise<ContentRuntime> | undefined;

/** Loads the runtime once; it runs in the content script's isolated world, not the page's. */
export function loadContentRuntime(): Promise<ContentRuntime> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(RUNTIME_PATH)).then(() => {
    const runtime = (globalThis as RuntimeHost)[RUNTIME_GLOBAL];
    if (!runtime) throw new Error('Talk Notes: the content runtime did not load');
    return runtime;
  });
  return loading;
}

/** Called by content-runtime.js when it runs. */
export function registerContentRuntime(runtime: ContentRuntime): void {
  (globalThis as RuntimeHost)[RUNTIME_GLOBAL] = runtime;
}
