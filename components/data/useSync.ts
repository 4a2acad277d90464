/**
 * The dashboard's side of sync (#16): what the `Sync` panel reads and does. The passes run in the
 * background (messaging/sync-service.ts); this asks for the server origin's access from the click
 * (browsers show the prompt only for a user gesture), turns stamping on in this page's connection
 * before the background adopts the library, and follows the status the background keeps.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { checkSyncUrl } from '@/core/sync/server-url';
import type { SyncStatus } from '@/core/sync/status';
import { sendToBackground } from '@/messaging/client';
import { requestHostAccess } from '@/messaging/host-access';
import { forgetSyncHere, onSyncStatus } from '@/messaging/sync-settings';
import type { SyncState } from '@/messaging/sync-service';
import type { TalkNotesDatabase } from '@/storage/db';
import { enableSync } from '@/storage/sync/enable';

export type { SyncState } from '@/messaging/sync-service';

/** What the reader typed in the panel. */
export interface SyncForm {
  url: string;
  username: string;
  password: string;
  passphrase: string;
  author: string;
}

export interface SyncController {
  /**
   * `Start sync`, called straight from the click. Resolves with the background's state, or with what
   * the status line should say instead (a refused address, access refused): nothing was sent then.
   * `onWaiting` is told while the browser's access prompt is open.
   */
  start(form: SyncForm, onWaiting?: (notice: string) => void): Promise<{ notice: string } | SyncState>;
  syncNow(): Promise<SyncState>;
  stop(): Promise<SyncState>;
  /** Stops, removes the account from this browser and this library's sync state. */
  forget(): Promise<SyncState>;
  state(): Promise<SyncState>;
  /** Every status the background writes; returns the unsubscribe. */
  watch(listener: (status: SyncStatus) => void): () => void;
}

export interface SyncDeps {
  db: TalkNotesDatabase;
  send?: typeof sendToBackground;
  requestAccess?: (url: string) => Promise<boolean>;
  watchStatus?: (listener: (status: SyncStatus) => void) => () => void;
  enable?: (db: TalkNotesDatabase) => Promise<void>;
}

/** Access is to a host, on any port (messaging/host-access.ts). */
const hostOf = (url: string) => new URL(url).hostname;

export function syncController({
  db,
  send = sendToBackground,
  requestAccess = requestHostAccess,
  watchStatus = onSyncStatus,
  enable = enableSync,
}: SyncDeps): SyncController {
  return {
    async start(form, onWaiting) {
      const checked = checkSyncUrl(form.url);
      if (!checked.ok) return { notice: checked.message };
      const host = hostOf(checked.url);
      // Asked first, in the click's own task: an await before it would lose the user gesture.
      const asked = requestAccess(checked.url);
      onWaiting?.(`Allow Talk Notes to reach ${host} in the browser’s prompt to start sync.`);
      if (!(await asked)) {
        return {
          notice: `Talk Notes may not reach ${host}, so sync did not start. Press Start sync and allow access to start it.`,
        };
      }
      // This page writes too: it stamps its edits from now on, not once it hears of the background's change.
      await enable(db);
      return send({
        type: 'startSync',
        url: checked.url,
        username: form.username,
        password: form.password,
        ...(form.passphrase ? { passphrase: form.passphrase } : {}),
        ...(form.author.trim() ? { author: form.author.trim() } : {}),
      });
    },
    syncNow: () => send({ type: 'syncNow' }),
    stop: () => send({ type: 'stopSync' }),
    forget: () => send({ type: 'stopSync', forget: true }),
    state: () => send({ type: 'getSyncState' }),
    watch: watchStatus,
  };
}

/**
 * Delete all data removes sync from this browser first: the background stops and forgets it; if the
 * background cannot be reached, this page removes the account and the alarm itself (the library's
 * sync state goes with the wipe).
 */
export async function forgetSyncForWipe(): Promise<void> {
  try {
    await sendToBackground({ type: 'stopSync', forget: true });
  } catch {
    await forgetSyncHere();
  }
}

/** The sync controller of the dashboard, and the state it follows (null until read). */
export function useSync(db: TalkNotesDatabase): SyncHookResult {
  const controller = useMemo(() => syncController({ db }), [db]);
  return useSyncState(controller);
}

export interface SyncHookResult {
  controller: SyncController;
  state: SyncState | null;
  /** The panel sets the state its requests answered with. */
  setState: (state: SyncState) => void;
}

/** Follows a controller's state: read once, then every status the background writes. */
export function useSyncState(controller: SyncController): SyncHookResult {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let closed = false;
    const stop = controller.watch((status) => setState((s) => ({ status, account: s?.account ?? null })));
    controller
      .state()
      .then((read) => {
        if (!closed) setState((s) => ({ status: s?.status ?? read.status, account: read.account }));
      })
      .catch(() => {});
    return () => {
      closed = true;
      stop();
    };
  }, [controller]);
  return { controller, state, setState };
}
