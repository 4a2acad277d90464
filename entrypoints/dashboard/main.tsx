import { render } from 'preact';
import { BackupControls } from '@/components/dashboard/BackupControls';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { ExportControls } from '@/components/ExportControls';
import { notifyHighlightsChanged } from '@/messaging/client';
import { createDatabase } from '@/storage/db';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';
import '@/components/export-backup.css';

/** Open tabs showing these pages redraw their highlights; a tab that cannot be told is skipped. */
const redraw = (urls: string[]) => {
  for (const url of urls) notifyHighlightsChanged(url).catch(() => {});
};

// The dashboard holds the whole library: live queries hand out frozen records instead of a deep
// clone per subscriber (half the memory at 50,000 highlights). Nothing here mutates a record.
const db = createDatabase(undefined, { cache: 'immutable' });

render(
  <DashboardApp
    db={db}
    onHighlightsChanged={redraw}
    // Exports what is in view: the selection if there is one, else the filtered list.
    renderExport={(view) => <ExportControls db={db} title={view.title} highlights={view.target} />}
    renderBackup={() => <BackupControls db={db} />}
  />,
  document.getElementById('app')!,
);
