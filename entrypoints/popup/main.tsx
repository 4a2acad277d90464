import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PageBridge } from '@/components/data/popup-actions';
import { loadPopupPage } from '@/entrypoints/popup/load-page';
import { notifyHighlightsChanged, sendToBackground, sendToTab } from '@/messaging/client';
import { NOTE_DRAFTS_PORT, noteDraftSender } from '@/messaging/note-drafts';
import { database } from '@/storage/db';
import '@/components/theme.css';
import '@/components/popup/popup.css';
import '@/components/export-backup.css';

// `pagehide` comes before the page turns hidden. Marked in the capture phase, it is seen before the
// note editor's own pagehide listener saves the last keystrokes, which then go through the background.
let closing = false;
addEventListener(
  'pagehide',
  () => {
    closing = true;
  },
  { capture: true },
);

const notes = noteDraftSender(() => browser.runtime.connect({ name: NOTE_DRAFTS_PORT }));

const bridge: PageBridge = {
  scrollTo: (tabId, id, url) => sendToTab(tabId, { type: 'scrollToHighlight', id, url }, 'all'),
  preview: (tabId, url) => sendToTab(tabId, { type: 'getPagePreview', url }, 'all'),
  postClaim: (tabId, url) => sendToTab(tabId, { type: 'getPostClaim', url }, 'all'),
  notifyChanged: (urls) => void notifyHighlightsChanged(urls),
  updateInBackground: (id, changes) => sendToBackground({ type: 'updateHighlight', id, changes }),
  isClosing: () => closing || document.visibilityState === 'hidden',
  saveNote: notes.save,
};

render(
  <PopupApp load={() => loadPopupPage(location.search)} db={database()} bridge={bridge} />,
  document.getElementById('app')!,
);
