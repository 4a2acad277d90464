/**
 * The content script is two parts: a small eager one on every page (messages, a glance at the
 * selection, asking whether the library holds a page of this site) and the runtime (anchoring,
 * drawing, toolbar, Readability, Markdown), loaded only when the page has highlights or the reader
 * selects text. Between them, on a site the library knows, the post identity reader (#18): which
 * post the page shows, read before anything else is loaded.
 */
import { browser } from 'wxt/browser';
import type { readPageIdentity } from './post-claim';
import type { ContentApp } from './content-app';

/** What content-runtime.js leaves on the isolated world's global object. */
export interface ContentRuntime {
  ContentApp: typeof ContentApp;
}

/** What post-identity.js leaves there. */
export interface PostIdentityReader {
  /** The page's claims and the reader's arrival (./post-claim.ts). */
  readPostIdentity: typeof readPageIdentity;
}

export const RUNTIME_GLOBAL = '__talkNotesContentRuntime';
export const RUNTIME_PATH = '/content-runtime.js';

export const READER_GLOBAL = '__talkNotesPostIdentity';
export const READER_PATH = '/post-identity.js';

type RuntimeHost = typeof globalThis & {
  [RUNTIME_GLOBAL]?: ContentRuntime;
  [READER_GLOBAL]?: PostIdentityReader;
};

const loading = new Map<string, Promise<unknown>>();

/** Imports an extension script once; it runs in the content script's isolated world, not the page's. */
function load<T>(
  path: typeof RUNTIME_PATH | typeof READER_PATH,
  global: typeof RUNTIME_GLOBAL | typeof READER_GLOBAL,
): Promise<T> {
  let loaded = loading.get(path);
  if (!loaded) {
    loaded = import(/* @vite-ignore */ browser.runtime.getURL(path)).then(() => {
      const value = (globalThis as RuntimeHost)[global];
      if (!value) throw new Error(`Talk Notes: ${path} did not load`);
      return value;
    });
    loading.set(path, loaded);
  }
  return loaded as Promise<T>;
}

/** Loads the runtime once. */
export function loadContentRuntime(): Promise<ContentRuntime> {
  return load(RUNTIME_PATH, RUNTIME_GLOBAL);
}

/** Loads the post identity reader once (#18). */
export function loadPostIdentityReader(): Promise<PostIdentityReader> {
  return load(READER_PATH, READER_GLOBAL);
}

/** Called by content-runtime.js when it runs. */
export function registerContentRuntime(runtime: ContentRuntime): void {
  (globalThis as RuntimeHost)[RUNTIME_GLOBAL] = runtime;
}

/** Called by post-identity.js when it runs. */
export function registerPostIdentityReader(reader: PostIdentityReader): void {
  (globalThis as RuntimeHost)[READER_GLOBAL] = reader;
}
