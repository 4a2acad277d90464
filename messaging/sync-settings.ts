/**
 * Where sync's account and status live: `browser.storage.local`, this browser's extension storage
 * (#16, docs/sync.md). Never in the library's database, so never in a backup, an export or a
 * document on the server. The status is kept here too, so it survives the service worker being
 * stopped, and open dashboards hear every change of it (`storage.onChanged`).
 */
import { browser } from 'wxt/browser';
import { defaultDeviceName } from '@/core/sync/device-name';
import { STOPPED_STATUS, type SyncStatus } from '@/core/sync/status';

/** What the reader typed in the sync panel. */
export interface SyncAccount {
  url: string;
  username: string;
  password: string;
  /** With one, everything sent is encrypted end to end (docs/sync.md, section 3). */
  passphrase?: string;
  /** Who made the records this device sends (the panel's name for this device or author). */
  author?: string;
}

/** The account as the panel may show it again: no password, no passphrase. */
export interface SyncAccountView {
  url: string;
  username: string;
  author?: string;
  encrypted: boolean;
}

/** The alarm that runs a pass every few minutes while sync is started (stable: the browser keeps it). */
export const SYNC_ALARM = 'talk-notes-sync';

/** Keys in `storage.local` (stable: readers' settings live there). */
export const SYNC_ACCOUNT_KEY = 'talkNotesSyncAccount';
export const SYNC_STATUS_KEY = 'talkNotesSyncStatus';

/** The part of `browser.storage.local` used here (the tests' seam). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const local = (): KeyValueArea => browser.storage.local as unknown as KeyValueArea;

export async function readSyncAccount(area: KeyValueArea = local()): Promise<SyncAccount | null> {
  const value = (await area.get(SYNC_ACCOUNT_KEY))[SYNC_ACCOUNT_KEY] as SyncAccount | undefined;
  return value && typeof value.url === 'string' ? value : null;
}

/**
 * Who makes what is clipped or created in this browser (#16): the sync panel's name, or this
 * browser's ("Chrome on Linux"). Read by the background for clips and by the pages for talks and
 * collections made by hand.
 */
export async function readAuthorName(area: KeyValueArea = local()): Promise<string> {
  return (await readSyncAccount(area))?.author || defaultDeviceName(navigator.userAgent);
}

export function saveSyncAccount(account: SyncAccount, area: KeyValueArea = local()): Promise<void> {
  return area.set({ [SYNC_ACCOUNT_KEY]: account });
}

/** Removes the account (password and passphrase with it) and the status. */
export function forgetSyncAccount(area: KeyValueArea = local()): Promise<void> {
  return area.remove([SYNC_ACCOUNT_KEY, SYNC_STATUS_KEY]);
}

export function viewOfAccount(account: SyncAccount | null): SyncAccountView | null {
  if (!account) return null;
  return {
    url: account.url,
    username: account.username,
    ...(account.author ? { author: account.author } : {}),
    encrypted: Boolean(account.passphrase),
  };
}

export async function readSyncStatus(area: KeyValueArea = local()): Promise<SyncStatus> {
  const value = (await area.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined;
  return value ?? STOPPED_STATUS;
}

export function writeSyncStatus(status: SyncStatus, area: KeyValueArea = local()): Promise<void> {
  return area.set({ [SYNC_STATUS_KEY]: status });
}

/** Calls `listener` with every new status (another context wrote it); returns the unsubscribe. */
export function onSyncStatus(listener: (status: SyncStatus) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local' || !(SYNC_STATUS_KEY in changes)) return;
    listener((changes[SYNC_STATUS_KEY]!.newValue as SyncStatus | undefined) ?? STOPPED_STATUS);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * Removes sync's account, status and alarm from this browser, from any extension page: what Delete
 * all data does when the background cannot be asked.
 */
export async function forgetSyncHere(): Promise<void> {
  await forgetSyncAccount();
  await browser.alarms.clear(SYNC_ALARM);
}
