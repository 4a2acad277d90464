import { browser } from 'wxt/browser';
import { type PopupPage, tabPages } from '@/core/page-view';
import { normalizeUrl } from '@/core/url';
import { sendToTab } from '@/messaging/client';
import type { ContentResponses } from '@/messaging/protocol';

export interface PopupPageDeps {
  /** The active tab of the current window. */
  activeTabId?: () => Promise<number | undefined>;
  /** Asks a tab's content script what it shows; throws when no content script answers. */
  contentStatus?: (tabId: number) => Promise<ContentResponses['getContentStatus']>;
}

const defaults: Required<PopupPageDeps> = {
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  contentStatus: (tabId) => sendToTab(tabId, { type: 'getContentStatus' }),
};

/** Which tab the popup is about: `?tab=<id>` (tests, popup opened as a tab) or the active tab. */
async function targetTabId(search: string, activeTabId: () => Promise<number | undefined>) {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  return activeTabId();
}

/**
 * Asks the tab's content script what page it shows, and which pages its same-origin frames show; the
 * popup then reads the notes of the page the reader is in (a framed one when the focus is in it).
 */
export async function loadPopupPage(search: string, deps: PopupPageDeps = {}): Promise<PopupPage> {
  const { activeTabId, contentStatus } = { ...defaults, ...deps };
  const tabId = await targetTabId(search, activeTabId);
  if (tabId === undefined) return { kind: 'unreachable' };
  let status: ContentResponses['getContentStatus'];
  try {
    status = await contentStatus(tabId);
  } catch {
    // No content script: browser pages, the web store, file viewers, or a tab opened before install.
    return { kind: 'unreachable' };
  }
  const url = normalizeUrl(status.url);
  if (!url) return { kind: 'unreachable' };
  const { pages, shown } = tabPages({ url, title: status.title || url }, status.frames ?? []);
  // An archive page's posts (#18): the popup shows their highlights too, by post.
  const posts = shown.url === url ? (status.posts ?? []).map(normalizeUrl).filter((p) => p !== null) : [];
  return {
    kind: 'page',
    tabId,
    title: shown.title,
    url: shown.url,
    ...(pages.length > 1 ? { pages } : {}),
    ...(posts.length ? { posts } : {}),
  };
}
