/**
 * `runtime.MessageSender` objects as Firefox 153 ESR delivered them to the background page of the
 * built extension (recorded with a listener added through `runtime.getBackgroundPage()`), trimmed to
 * the fields that matter and a few of the tab's. Chrome's differ: `chrome-extension://<32 letters>/`
 * origins and ids, no `envType`/`contextId`, and a service worker instead of a background page.
 */
import type { MessageSender } from '@/messaging/router';

/** The Firefox build's id (browser_specific_settings.gecko.id) and a per-install origin. */
export const GECKO_ID = 'talk-notes@talk-notes.dev';
export const MOZ_ORIGIN = 'moz-extension://11111111-2222-3333-4444-555555555555/';
export const PAGE_URL = 'http://127.0.0.1:33893/conference-h2.html';

type FirefoxSender = MessageSender & Record<string, unknown>;

const tab = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  index: 2,
  windowId: 1,
  active: true,
  incognito: false,
  status: 'complete',
  cookieStoreId: 'firefox-default',
  ...extra,
});

/** The content script in a web page (getPageHighlights, saveClip, reportAnchoring). */
export const contentScript: FirefoxSender = {
  contextId: 1099511627777,
  id: GECKO_ID,
  envType: 'content_child',
  url: PAGE_URL,
  tab: tab(3),
  frameId: 0,
  documentId: '09cd4a36-9ce0-6156-7dd3-7fe15af001b6',
  origin: 'http://127.0.0.1:33893',
};

/**
 * The in-page highlight menu: an extension page in an iframe of the web page. Firefox calls it a
 * content context (`envType: content_child`) and gives it the page's tab, but its URL is ours. (Recorded
 * when its address still carried the highlight's id; it carries nothing now, #14.)
 */
export const menuFrame: FirefoxSender = {
  contextId: 1099511627779,
  id: GECKO_ID,
  envType: 'content_child',
  url: `${MOZ_ORIGIN}highlight-menu.html`,
  tab: tab(3),
  frameId: 17179869185,
  documentId: '78b96252-fbc4-5c44-fcfe-c65702b20d00',
  origin: MOZ_ORIGIN.slice(0, -1),
};

/** popup.html opened in a tab (`?tab=`): the tab is the popup's own. */
export const popupInTab: FirefoxSender = {
  contextId: 412316860648,
  id: GECKO_ID,
  envType: 'addon_child',
  url: `${MOZ_ORIGIN}popup.html?tab=3`,
  tab: tab(5, { url: `${MOZ_ORIGIN}popup.html?tab=3` }),
  frameId: 0,
  documentId: 'afc7e88a-1b20-ab26-c8f7-34d91cf89a1d',
  origin: MOZ_ORIGIN.slice(0, -1),
};

/** The toolbar popup itself: no tab. */
export const popup: FirefoxSender = {
  id: GECKO_ID,
  envType: 'addon_child',
  url: `${MOZ_ORIGIN}popup.html`,
  frameId: 0,
  origin: MOZ_ORIGIN.slice(0, -1),
};

/** The MV2 background page, as content scripts see it when it sends them a message. */
export const backgroundPage: FirefoxSender = {
  id: GECKO_ID,
  envType: 'addon_child',
  url: `${MOZ_ORIGIN}_generated_background_page.html`,
  frameId: 0,
  origin: MOZ_ORIGIN.slice(0, -1),
};

/** Another add-on's page: its own gecko id and its own moz-extension origin. */
export const otherExtension: FirefoxSender = {
  id: 'other@example.org',
  envType: 'addon_child',
  url: 'moz-extension://99999999-8888-7777-6666-555555555555/page.html',
  frameId: 0,
};
