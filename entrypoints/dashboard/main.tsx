import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
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

render(<DashboardApp db={db} onHighlightsChanged={redraw} />, document.getElementById('app')!);
