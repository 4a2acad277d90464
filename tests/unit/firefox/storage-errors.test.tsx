/**
 * How Firefox reports storage that cannot be used, and what the reader is told. Shapes seen in
 * Firefox 153 ESR with the built extension: with "Never remember history" (permanent private
 * browsing) the extension's IndexedDB fails to open with an InvalidStateError even when the add-on
 * may run in private windows; with a full quota, a QuotaExceededError. Older and other Firefox paths
 * use XPCOM result codes (NS_ERROR_DOM_QUOTA_REACHED, NS_ERROR_FILE_NO_DEVICE_SPACE) as names or in
 * messages, a SecurityError ("The operation is insecure.") where site data is blocked, and no
 * indexedDB at all.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PageBridge } from '@/components/data/popup-actions';
import { classifyStorageError, describeStorageError } from '@/core/storage-errors';
import { createDatabase } from '@/storage/db';

const PRIVATE_MODE = new DOMException(
  'A mutation operation was attempted on a database that did not allow mutations.',
  'InvalidStateError',
);
const INSECURE = new DOMException('The operation is insecure.', 'SecurityError');
const QUOTA = new DOMException(
  'The current transaction exceeded its quota limitations.',
  'QuotaExceededError',
);

/** Firefox's legacy quota exception: its name is the result code, its message does not say "quota". */
function quotaReached(): Error {
  const error = new Error('Persistent storage maximum size reached');
  error.name = 'NS_ERROR_DOM_QUOTA_REACHED';
  return error;
}

/** An XPCOM failure surfacing through an API: the result code is only in the message. */
const NO_DEVICE_SPACE = new Error(
  'Component returned failure code: 0x80520010 (NS_ERROR_FILE_NO_DEVICE_SPACE) [nsIOutputStream.write]',
);

const UNAVAILABLE_SENTENCE =
  'Talk Notes cannot open its storage in this window (private browsing, or site data turned off in the browser).';
const QUOTA_SENTENCE =
  'The browser has no room left for Talk Notes. Free some disk space or export a backup and remove old highlights.';

describe('Firefox storage errors', () => {
  it.each([
    ['QuotaExceededError (a full quota, Firefox 153)', QUOTA, 'quota'],
    ['NS_ERROR_DOM_QUOTA_REACHED as the name', quotaReached(), 'quota'],
    ['NS_ERROR_DOM_QUOTA_REACHED wrapped by Dexie', new Dexie.AbortError('aborted', quotaReached()), 'quota'],
    ['NS_ERROR_FILE_NO_DEVICE_SPACE in the message', NO_DEVICE_SPACE, 'quota'],
    [
      'NS_ERROR_FILE_NO_DEVICE_SPACE as the name of a cause',
      new Error('write failed', {
        cause: Object.assign(new Error('disk'), { name: 'NS_ERROR_FILE_NO_DEVICE_SPACE' }),
      }),
      'quota',
    ],
    ['InvalidStateError (permanent private browsing)', PRIVATE_MODE, 'unavailable'],
    ['SecurityError (site data blocked)', INSECURE, 'unavailable'],
    [
      'Dexie’s MissingAPIError (no indexedDB)',
      new Dexie.MissingAPIError('IndexedDB API missing'),
      'unavailable',
    ],
  ])('%s -> %s', (_label, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });
});

/** An IndexedDB whose open request fails as Firefox's does: an error event, or a throw. */
function firefoxIndexedDB(failure: { event: DOMException } | { throws: DOMException }): IDBFactory {
  return {
    open() {
      if ('throws' in failure) throw failure.throws;
      const request: Record<string, unknown> = { error: failure.event, readyState: 'done' };
      setTimeout(() => {
        const event = { type: 'error', target: request, preventDefault() {}, stopPropagation() {} };
        (request.onerror as ((e: unknown) => void) | undefined)?.(event);
      });
      return request;
    },
    deleteDatabase() {
      throw new DOMException('not under test', 'InvalidStateError');
    },
    cmp: (a: unknown, b: unknown) => (a === b ? 0 : String(a) < String(b) ? -1 : 1),
    databases: async () => [],
  } as unknown as IDBFactory;
}

async function openError(options: Parameters<typeof createDatabase>[1]): Promise<unknown> {
  const db = createDatabase(`firefox-${crypto.randomUUID()}`, options);
  return db.open().then(
    () => new Error('opened'),
    (error: unknown) => error,
  );
}

describe('opening the database where Firefox refuses it (through Dexie)', () => {
  it.each([
    [
      'permanent private browsing',
      { indexedDB: firefoxIndexedDB({ event: PRIVATE_MODE }) },
      UNAVAILABLE_SENTENCE,
    ],
    ['site data blocked', { indexedDB: firefoxIndexedDB({ throws: INSECURE }) }, UNAVAILABLE_SENTENCE],
    ['no indexedDB at all', { indexedDB: undefined }, UNAVAILABLE_SENTENCE],
    ['a full quota', { indexedDB: firefoxIndexedDB({ event: QUOTA }) }, QUOTA_SENTENCE],
  ])('%s: says so plainly', async (_label, options, sentence) => {
    expect(describeStorageError(await openError({ IDBKeyRange, ...options }))).toBe(sentence);
  });
});

describe('the extension pages when Firefox refuses the database', () => {
  afterEach(cleanup);
  const privateMode = () =>
    createDatabase(`firefox-${crypto.randomUUID()}`, {
      indexedDB: firefoxIndexedDB({ event: PRIVATE_MODE }),
      IDBKeyRange,
    });

  it('the dashboard says why instead of loading forever', async () => {
    render(<DashboardApp db={privateMode()} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(UNAVAILABLE_SENTENCE));
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('the popup says why, and does not wait for notes that cannot load', async () => {
    render(
      <PopupApp
        db={privateMode()}
        load={async () => ({ kind: 'page', tabId: 3, title: 'Day 3', url: 'https://conf.example/day-3' })}
        // Never used: no notes are shown from a database that cannot open.
        bridge={{} as PageBridge}
      />,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(UNAVAILABLE_SENTENCE));
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});
