import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { browser } from 'wxt/browser';
import { notifyHighlightsChanged } from '@/messaging/client';
import { NOTE_DRAFTS_PORT, noteDraftSender } from '@/messaging/note-drafts';
import { createDatabase } from '@/storage/db';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';
import '@/components/export-backup.css';

// The dashboard holds the whole library: live queries hand out frozen records instead of a deep
// clone per subscriber (half the memory at 50,000 highlights). Nothing here mutates a record.
const db = createDatabase(undefined, { cache: 'immutable' });

/** Open tabs showing these pages redraw their highlights. */
const redraw = (urls: readonly string[]) => void notifyHighlightsChanged(urls);

/** Notes go to the background as typed: closing the tab right after a keystroke loses nothing (#14). */
const notes = noteDraftSender(() => browser.runtime.connect({ name: NOTE_DRAFTS_PORT }));

render(
  <DashboardApp
    db={db}
    onHighlightsChanged={redraw}
    handOverNote={notes.save}
    version={browser.runtime.getManifest().version}
  />,
  document.getElementById('app')!,
);
