// @vitest-environment node
/**
 * Sync's account and status in `browser.storage.local` (WXT's fake browser): kept there, shown back
 * without secrets, heard by open pages when the status changes, and removed with the alarm by
 * `forgetSyncHere` (what Delete all data does when the background cannot be asked).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SyncStatus } from '@/core/sync/status';
import {
  forgetSyncHere,
  onSyncStatus,
  readSyncAccount,
  readSyncStatus,
  SYNC_ACCOUNT_KEY,
  SYNC_ALARM,
  saveSyncAccount,
  viewOfAccount,
  writeSyncStatus,
} from '@/messaging/sync-settings';

afterEach(() => fakeBrowser.reset());

const ACCOUNT = {
  url: 'https://couch.example.org/talk-notes',
  username: 'ada',
  password: 'secret',
  passphrase: 'horse',
  author: 'Ada',
};

describe('sync settings in storage.local', () => {
  it('keeps the account in storage.local and shows it back without password or passphrase', async () => {
    await saveSyncAccount(ACCOUNT);
    expect(await fakeBrowser.storage.local.get(SYNC_ACCOUNT_KEY)).toEqual({ [SYNC_ACCOUNT_KEY]: ACCOUNT });
    expect(await readSyncAccount()).toEqual(ACCOUNT);
    expect(viewOfAccount(await readSyncAccount())).toEqual({
      url: ACCOUNT.url,
      username: 'ada',
      author: 'Ada',
      encrypted: true,
    });
  });

  it('reads a stopped status when none was written, and tells listeners of each new one', async () => {
    expect(await readSyncStatus()).toEqual({ started: false, running: false });
    const heard: SyncStatus[] = [];
    const stop = onSyncStatus((status) => heard.push(status));
    await writeSyncStatus({ started: true, running: true });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await writeSyncStatus({ started: true, running: false });
    expect(heard).toEqual([{ started: true, running: true }]);
  });

  it('forgetSyncHere removes the account, the status and the alarm', async () => {
    await saveSyncAccount(ACCOUNT);
    await writeSyncStatus({ started: true, running: false });
    await fakeBrowser.alarms.create(SYNC_ALARM, { periodInMinutes: 5 });
    await forgetSyncHere();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    expect(await readSyncAccount()).toBeNull();
  });
});
