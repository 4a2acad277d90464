/**
 * Sending side of the protocol: typed wrappers that unwrap the Reply envelope into a value or an Error.
 */
import { browser } from 'wxt/browser';
import { LIMITS } from '@/core/limits';
import type { Redetection } from '@/core/talks/filing';
import type {
  BackgroundRequest,
  BackgroundResponses,
  ContentRequest,
  ContentResponses,
  Reply,
} from './protocol';
import { MessageRejected } from './router';

/**
 * The value of a reply. Throws `MessageRejected` when the receiver refused the message itself (a
 * retry cannot help), a plain Error when handling it failed or no one answered (a retry may).
 */
function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('no answer: the receiving side is not listening');
  if (!reply.ok) throw reply.rejected ? new MessageRejected(reply.error) : new Error(reply.error);
  return reply.value;
}

/** Sends a request to the background service worker. */
export async function sendToBackground<M extends BackgroundRequest>(
  message: M,
): Promise<BackgroundResponses[M['type']]> {
  return unwrap(await browser.runtime.sendMessage(message));
}

/**
 * Sends a request to the content script of a tab: its top frame, one frame (by id), or every frame
 * (`'all'`) for a message about a page that may be shown in a same-origin frame. Of several frames'
 * answers the browser hands back the first: only the frame a page message names answers (./addressed.ts).
 */
export async function sendToTab<M extends ContentRequest>(
  tabId: number,
  message: M,
  frames: 'top' | 'all' | number = 'top',
): Promise<ContentResponses[M['type']]> {
  return unwrap(
    await (frames === 'all'
      ? browser.tabs.sendMessage(tabId, message)
      : browser.tabs.sendMessage(tabId, message, { frameId: frames === 'top' ? 0 : frames })),
  );
}

/**
 * Asks the content script that granted a menu (frame `frameId` of tab `tabId`) what the grant's token is
 * worth to the menu frame `claimant`: the highlight's id, or null (no such grant, or no content script).
 */
export async function askGrantingFrame(
  tabId: number,
  frameId: number,
  request: { token: string; frameId: number; documentId?: string; acting?: true },
): Promise<string | null> {
  return sendToTab(tabId, { type: 'useMenuGrant', ...request }, frameId);
}

/**
 * The one notifier: tells every tab (every frame of it) that the highlights of these pages (normalized URLs) changed; the
 * content script of a tab showing one of them redraws. Without the `tabs` permission we cannot see
 * tab URLs, so we tell them all; a message names up to LIMITS.changedPages pages, and tabs without
 * our content script just do not answer. Never rejects: a tab that cannot be told is skipped (it
 * draws the current highlights when it next loads).
 */
export async function notifyHighlightsChanged(urls: readonly string[]): Promise<void> {
  const pages = [...new Set(urls)];
  if (!pages.length) return;
  const batches: string[][] = [];
  for (let i = 0; i < pages.length; i += LIMITS.changedPages)
    batches.push(pages.slice(i, i + LIMITS.changedPages));
  try {
    const tabs = await browser.tabs.query({});
    await Promise.allSettled(
      tabs.flatMap((tab) =>
        tab.id === undefined
          ? []
          : batches.map((batch) => sendToTab(tab.id!, { type: 'highlightsChanged', urls: batch }, 'all')),
      ),
    );
  } catch (error) {
    console.warn('Talk Notes: could not tell the open tabs to redraw', error);
  }
}

/**
 * Asks the open tabs to detect the talks of the page at `url` (normalized) again; the tab showing it
 * answers with its talks and where each drawn highlight falls. Null when no open tab shows the page.
 */
export async function detectTalksInOpenTab(url: string): Promise<Redetection | null> {
  const tabs = await browser.tabs.query({});
  const answers = await Promise.allSettled(
    tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [sendToTab(tab.id, { type: 'detectTalksAgain', url }, 'all')],
    ),
  );
  for (const answer of answers) if (answer.status === 'fulfilled' && answer.value) return answer.value;
  return null;
}
