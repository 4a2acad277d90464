import { describe, expect, it } from 'vitest';
import { describeSyncStatus, type SyncStatus } from '@/core/sync/status';

const NOW = new Date(2026, 11, 6, 18, 30).getTime();
const TODAY = new Date(2026, 11, 6, 17, 5).getTime();
const YESTERDAY = new Date(2026, 11, 5, 9, 40).getTime();

describe('describeSyncStatus', () => {
  it.each<[string, SyncStatus, string]>([
    [
      'never started',
      { started: false, running: false },
      'Sync is off: nothing leaves this browser until you start it.',
    ],
    [
      'started, no pass yet',
      { started: true, running: false },
      'Sync is on: the first sync has not run yet.',
    ],
    ['a pass running', { started: true, running: true, notice: 'x' }, 'Syncing…'],
    [
      'the last pass went well, today',
      { started: true, running: false, last: { ok: true, sent: 1, received: 12, refused: 0, at: TODAY } },
      'Last synced at 17:05: 1 record sent, 12 records received.',
    ],
    [
      'another day, and stopped since',
      { started: false, running: false, last: { ok: true, sent: 0, received: 1, refused: 0, at: YESTERDAY } },
      'Last synced at 5 Dec, 09:40: 0 records sent, 1 record received. Sync is stopped.',
    ],
    [
      'documents refused',
      { started: true, running: false, last: { ok: true, sent: 2, received: 3, refused: 2, at: TODAY } },
      'Last synced at 17:05: 2 records sent, 3 records received. 2 records on the server were not valid and were left out.',
    ],
    [
      'the last pass failed',
      {
        started: true,
        running: false,
        last: {
          ok: false,
          sent: 0,
          received: 0,
          refused: 0,
          at: TODAY,
          message: 'Wrong user name or password',
        },
      },
      'Wrong user name or password. (Tried at 17:05.)',
    ],
    [
      'a notice instead of the last pass',
      {
        started: true,
        running: false,
        notice: 'Talk Notes may not reach couch.example.org: press Start sync and allow access to it.',
        last: { ok: true, sent: 1, received: 1, refused: 0, at: TODAY },
      },
      'Talk Notes may not reach couch.example.org: press Start sync and allow access to it.',
    ],
  ])('%s', (_label, status, words) => {
    expect(describeSyncStatus(status, NOW, 'en-GB')).toBe(words);
  });
});
