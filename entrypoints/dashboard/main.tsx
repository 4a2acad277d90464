import { render } from 'preact';
import { BackupControls } from '@/components/dashboard/BackupControls';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { ExportControls } from '@/components/ExportControls';
import { notifyHighlightsChanged } from '@/messaging/client';
import { createDatabase } from '@/storage/db';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';
import '@/components/export-backup.css';

// The dashboard holds the whole library: live queries hand out frozen records instead of a deep
// clone per subscriber (half the memory at 50,000 highlights). Nothing here mutates a record.
const db = createDatabase(undefined, { cache: 'immutable' });

/** Open tabs showing these pages redraw their highlights. */
const redraw = (urls: readonly string[]) => void notifyHighlightsChanged(urls);

render(
  <DashboardApp
    db={db}
    onHighlightsChanged={redraw}
    // Exports what is in view: the selection if there is one, else the filtered list.
    renderExport={(view) => <ExportControls db={db} title={view.title} highlights={view.target} />}
    renderBackup={() => <BackupControls db={db} onHighlightsChanged={redraw} />}
  />,
  document.getElementById('app')!,
);
