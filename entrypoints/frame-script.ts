import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mayActInFrame } from '@/page/frames';

/** The one extension API this script uses, the same in Chromium (`chrome`) and Firefox. */
declare const chrome: { runtime: { getURL(path: string): string } };

/** The content script's bundle, web-accessible so that this loader can import it (wxt.config.ts). */
export const CONTENT_SCRIPT_PATH = '/content-scripts/content.js';

/**
 * The loader of the content script in frames, declared for every frame by wxt.config.ts
 * (`frameContentScript`). It is tiny, and no WXT content script, so that it decides before anything
 * else runs: in the top frame the content script runs by itself; in a frame of another origin (an
 * ad, a video, a page framing a site to clickjack it) nothing more happens, not even the document
 * event a WXT content script's context dispatches on start, which any page can listen for; in a
 * same-origin frame it imports the content script, which then runs there as in a top frame.
 */
export default defineUnlistedScript(() => {
  if (window === window.top || !mayActInFrame(window)) return;
  import(/* @vite-ignore */ chrome.runtime.getURL(CONTENT_SCRIPT_PATH)).catch((error: unknown) =>
    console.warn('Talk Notes: the content script did not load in this frame', error),
  );
});
