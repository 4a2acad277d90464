import { browser } from 'wxt/browser';
import type { PopupPage } from '@/components/PopupApp';
import { normalizeUrl } from '@/core/url';
import { sendToTab } from '@/messaging/client';
import { database } from '@/storage/db';
import { highlightsForUrl } from '@/storage/highlights';

/** Which tab the popup is about: `?tab=<id>` (tests, popup opened as a tab) or the active tab. */
async function targetTabId(search: string): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Asks the tab's content script what page it shows, then reads that page's highlights. */
export async function loadPopupPage(search: string): Promise<PopupPage> {
  const tabId = await targetTabId(search);
  if (tabId === undefined) return { kind: 'unreachable' };
  let status: { url: string; title: string };
  try {
    status = await sendToTab(tabId, { type: 'getContentStatus' });
  } catch {
    // No content script: browser pages, the web store, file viewers, or a tab opened before install.
    return { kind: 'unreachable' };
  }
  const url = normalizeUrl(status.url);
  if (!url) return { kind: 'unreachable' };
  const highlights = await highlightsForUrl(database(), url);
  return { kind: 'page', title: status.title || url, url, highlights };
}
