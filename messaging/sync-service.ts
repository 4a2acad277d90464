/**
 * The background's side of sync (#16): `Start sync`, `Sync now`, `Stop sync`, the alarm that runs a
 * pass every few minutes while started, and the status every open dashboard shows. MV3 stops the
 * service worker when idle, so everything that must outlive it is in `storage.local` (account,
 * status) or is the browser's (the alarm); only the pass running right now is held in memory, so a
 * second request while it runs joins it instead of starting another.
 */
import { checkSyncUrl } from '@/core/sync/server-url';
import type { SyncOutcome, SyncStatus } from '@/core/sync/status';
import { describeStorageError } from '@/core/storage-errors';
import type { NotifyHighlightsChanged } from '@/storage/commands';
import type { TalkNotesDatabase } from '@/storage/db';
import type { Fetch } from '@/storage/sync/couch';
import { enableSync, forgetSync } from '@/storage/sync/enable';
import { type SyncOptions, syncOnce } from '@/storage/sync/pass';
import { originPattern } from './host-access';
import {
  forgetSyncAccount,
  type KeyValueArea,
  readSyncAccount,
  readSyncStatus,
  type SyncAccount,
  type SyncAccountView,
  SYNC_ALARM,
  saveSyncAccount,
  viewOfAccount,
  writeSyncStatus,
} from './sync-settings';

/** Minutes between passes while sync is started. */
export const SYNC_PERIOD_MINUTES = 5;

/** What the panel shows: the status and the account without its secrets. */
export interface SyncState {
  status: SyncStatus;
  account: SyncAccountView | null;
}

export interface AlarmsLike {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
}

export interface SyncServiceDeps {
  db: TalkNotesDatabase;
  alarms: AlarmsLike;
  /** Whether the extension may reach this origin's match pattern (`permissions.contains`). */
  hasAccess: (pattern: string) => Promise<boolean>;
  notifyHighlightsChanged?: NotifyHighlightsChanged;
  /** `storage.local` by default. */
  area?: KeyValueArea;
  fetch?: Fetch;
  /** Options handed to every pass (tests: fewer PBKDF2 iterations, a short timeout). */
  passOptions?: SyncOptions;
  now?: () => number;
}

export interface SyncService {
  start(account: SyncAccount): Promise<SyncState>;
  syncNow(): Promise<SyncState>;
  stop(forget?: boolean): Promise<SyncState>;
  state(): Promise<SyncState>;
  /** The alarm fired (`alarms.onAlarm`). */
  onAlarm(name: string): Promise<void>;
  /**
   * A new service worker: no pass can be running in it yet, so a `running` status left by a worker
   * stopped in the middle of a pass is cleared (that pass resumes from its checkpoint next time).
   */
  recover(): Promise<void>;
}

export function syncService(deps: SyncServiceDeps): SyncService {
  const { db, alarms, area, now = Date.now } = deps;
  let running: Promise<void> | null = null;

  const state = async (): Promise<SyncState> => ({
    status: await readSyncStatus(area),
    account: viewOfAccount(await readSyncAccount(area)),
  });

  const setStatus = async (change: Partial<SyncStatus>) => {
    const current = await readSyncStatus(area);
    const next: SyncStatus = { ...current, ...change };
    if (!('notice' in change)) delete next.notice;
    await writeSyncStatus(next, area);
  };

  async function pass(): Promise<void> {
    const account = await readSyncAccount(area);
    if (!account) return;
    const checked = checkSyncUrl(account.url);
    if (!checked.ok) return setStatus({ running: false, notice: checked.message });
    const pattern = originPattern(checked.url);
    if (!pattern || !(await deps.hasAccess(pattern))) {
      const host = new URL(checked.url).hostname;
      return setStatus({
        running: false,
        notice: `Talk Notes may not reach ${host}: press Start sync and allow access to it.`,
      });
    }
    await setStatus({ running: true });
    let last: SyncOutcome;
    try {
      // Idempotent: adopts the library the first time only, and turns stamping on in this connection.
      await enableSync(db);
      const report = await syncOnce(
        db,
        // No user name: a server that needs no account (a local test server) gets no Authorization header.
        account.username
          ? { url: checked.url, username: account.username, password: account.password }
          : { url: checked.url },
        {
          ...deps.passOptions,
          fetch: deps.fetch,
          passphrase: account.passphrase || undefined,
          now,
        },
      );
      last = {
        ok: report.ok,
        sent: report.sent,
        received: report.received,
        refused: report.refused.length,
        at: report.finishedAt,
        ...(report.error ? { message: report.error.message } : {}),
      };
      if (report.changedUrls.length) deps.notifyHighlightsChanged?.(report.changedUrls);
    } catch (error) {
      last = { ok: false, sent: 0, received: 0, refused: 0, at: now(), message: describeStorageError(error) };
    }
    // Stopped and forgotten meanwhile: no status comes back.
    if (await readSyncAccount(area)) await setStatus({ running: false, last });
  }

  /** One pass at a time: a request while one runs joins it. */
  const runPass = (): Promise<void> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    state,
    async start(account) {
      const checked = checkSyncUrl(account.url);
      if (!checked.ok) {
        await setStatus({ started: false, running: false, notice: checked.message });
        return state();
      }
      await saveSyncAccount({ ...account, url: checked.url }, area);
      await setStatus({ started: true });
      await alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
      await runPass();
      return state();
    },
    async syncNow() {
      const { started } = await readSyncStatus(area);
      if (!started) {
        await setStatus({ notice: 'Sync is off: press Start sync first.' });
        return state();
      }
      await runPass();
      return state();
    },
    async stop(forget = false) {
      await alarms.clear(SYNC_ALARM);
      if (forget) {
        await forgetSyncAccount(area);
        // The sync state goes too: a later Start sync adopts the library afresh, as a new device.
        await forgetSync(db);
      } else {
        await setStatus({ started: false, running: false });
      }
      return state();
    },
    async recover() {
      if (!running && (await readSyncStatus(area)).running) await setStatus({ running: false });
    },
    async onAlarm(name) {
      if (name !== SYNC_ALARM) return;
      const { started } = await readSyncStatus(area);
      if (!started) {
        await alarms.clear(SYNC_ALARM);
        return;
      }
      await runPass();
    },
  };
}
