/**
 * What the sync panel's status line (`Sync status`) says: plain words for the state the background
 * keeps (messaging/sync-settings.ts) and the last pass's report.
 */

/** The outcome of the last pass, as kept between passes (storage/sync/pass.ts `SyncReport`, shortened). */
export interface SyncOutcome {
  ok: boolean;
  sent: number;
  received: number;
  /** Documents on the server refused as not valid. */
  refused: number;
  /** The error's plain words (storage/sync/couch.ts SYNC_ERROR_MESSAGES), when the pass failed. */
  message?: string;
  /** When the pass ended (ms since the epoch). */
  at: number;
}

export interface SyncStatus {
  /** `Start sync` was pressed and `Stop sync` has not been since: alarms run passes. */
  started: boolean;
  /** A pass is running now. */
  running: boolean;
  last?: SyncOutcome;
  /** Said instead of the last pass: why no pass could run (no access to the server, a refused URL). */
  notice?: string;
}

export const STOPPED_STATUS: SyncStatus = { started: false, running: false };

const NUMBER = new Intl.NumberFormat('en');
const records = (n: number) => `${NUMBER.format(n)} record${n === 1 ? '' : 's'}`;

/** "17:05" today, "Dec 5, 17:05" another day (the reader's time zone). */
export function whenSynced(at: number, now: number, locale?: string): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleDateString(locale, { month: 'short', day: 'numeric' })}, ${time}`;
}

/** The status line's sentence. */
export function describeSyncStatus(status: SyncStatus, now: number, locale?: string): string {
  if (status.running) return 'Syncing…';
  if (status.notice) return status.notice;
  const { last } = status;
  if (!last) {
    return status.started
      ? 'Sync is on: the first sync has not run yet.'
      : 'Sync is off: nothing leaves this browser until you start it.';
  }
  const when = whenSynced(last.at, now, locale);
  const head = last.ok
    ? `Last synced at ${when}: ${records(last.sent)} sent, ${records(last.received)} received.`
    : `${last.message ?? 'The last sync failed'}. (Tried at ${when}.)`;
  const refused =
    last.refused > 0 ? ` ${records(last.refused)} on the server were not valid and were left out.` : '';
  const stopped = status.started ? '' : ' Sync is stopped.';
  return `${head}${refused}${stopped}`;
}
