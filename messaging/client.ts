/**
 * Sending side of the protocol: typed wrappers that unwrap the Reply envelope into a value or an Error.
 */
import { browser } from 'wxt/browser';
import type {
  BackgroundRequest,
  BackgroundResponses,
  ContentRequest,
  ContentResponses,
  Reply,
} from './protocol';

function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('no answer: the receiving side is not listening');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends a request to the background service worker. */
export async function sendToBackground<M extends BackgroundRequest>(
  message: M,
): Promise<BackgroundResponses[M['type']]> {
  return unwrap(await browser.runtime.sendMessage(message));
}

/** Sends a request to the content script of a tab (top frame). */
export async function sendToTab<M extends ContentRequest>(
  tabId: number,
  message: M,
): Promise<ContentResponses[M['type']]> {
  return unwrap(await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
}

/**
 * Tells every tab that the highlights of `url` changed; the content script of a tab showing that
 * page redraws. Without the `tabs` permission we cannot see tab URLs, so we ask them all; the
 * message is tiny and tabs without our content script just do not answer.
 */
export async function notifyHighlightsChanged(url: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'highlightsChanged', url }),
    ),
  );
}
