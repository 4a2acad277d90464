/**
 * The `Sync` panel with the real sync controller (components/data/useSync.ts): the URL rule, the
 * host access asked in the click, refused or unanswered, and what is sent to the background. The
 * background (a recording `send`), the permission prompt and the status feed are the seams.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncControls } from '@/components/dashboard/SyncPanel';
import { type SyncState, syncController, useSyncState } from '@/components/data/useSync';
import type { SyncStatus } from '@/core/sync/status';
import { createDatabase } from '@/storage/db';

afterEach(cleanup);

const STOPPED: SyncState = { status: { started: false, running: false }, account: null };
const NOW = new Date(2026, 11, 6, 18, 30).getTime();

function setup(options: { access?: () => Promise<boolean>; initial?: SyncState } = {}) {
  const db = createDatabase(`sync-panel-${crypto.randomUUID()}`);
  const sent: { type: string }[] = [];
  let statusListener: ((status: SyncStatus) => void) | null = null;
  const answer = vi.fn(async (message: { type: string }): Promise<SyncState> => {
    // Reading the state is not sending anything anywhere.
    if (message.type !== 'getSyncState') sent.push(message);
    if (message.type === 'startSync')
      return {
        status: {
          started: true,
          running: false,
          last: { ok: true, sent: 3, received: 0, refused: 0, at: new Date(2026, 11, 6, 18, 29).getTime() },
        },
        account: { url: 'https://couch.example.org/talk-notes', username: 'ada', encrypted: true },
      };
    return options.initial ?? STOPPED;
  });
  const requestAccess = vi.fn(options.access ?? (async () => true));
  const enable = vi.fn(async () => {});
  const controller = syncController({
    db,
    send: answer as never,
    requestAccess,
    enable,
    watchStatus: (listener) => {
      statusListener = listener;
      return () => {
        statusListener = null;
      };
    },
  });
  function Harness() {
    const { state, setState } = useSyncState(controller);
    return <SyncControls controller={controller} state={state} onState={setState} now={() => NOW} />;
  }
  render(<Harness />);
  fireEvent.click(screen.getByRole('button', { name: 'Sync' }));
  const panel = screen.getByRole('dialog', { name: 'Sync with a CouchDB database' });
  const type = (name: string, value: string) =>
    fireEvent.input(within(panel).getByLabelText(name), { target: { value } });
  const status = () => within(panel).getByRole('status', { name: 'Sync status' }).textContent;
  return {
    db,
    panel,
    type,
    status,
    sent,
    requestAccess,
    enable,
    emit: (s: SyncStatus) => statusListener?.(s),
  };
}

describe('the Sync panel', () => {
  it('has the fields and buttons #16 names, and says sync is off', async () => {
    const { panel, status } = setup();
    for (const name of ['Server URL', 'Username', 'Password', 'Passphrase', 'Device or author name']) {
      expect(within(panel).getByLabelText(name)).toBeTruthy();
    }
    expect(within(panel).getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(within(panel).getByLabelText('Passphrase').getAttribute('type')).toBe('password');
    expect(within(panel).getByRole('button', { name: 'Start sync' })).toBeTruthy();
    // Nothing to sync now or stop before Start sync.
    expect((within(panel).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((within(panel).getByRole('button', { name: 'Stop sync' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await waitFor(() =>
      expect(status()).toBe('Sync is off: nothing leaves this browser until you start it.'),
    );
  });

  it('refuses a plain-HTTP address of another machine before asking anything or sending anything', async () => {
    const { panel, type, status, sent, requestAccess } = setup();
    type('Server URL', 'http://couch.example.org/talk-notes');
    fireEvent.click(within(panel).getByRole('button', { name: 'Start sync' }));
    await waitFor(() => expect(status()).toMatch(/^Use an https:\/\/ address/));
    expect(requestAccess).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('asks for the server’s origin in the click itself, then starts sync with what was typed', async () => {
    const { panel, type, status, sent, requestAccess, enable } = setup();
    type('Server URL', 'https://couch.example.org/talk-notes/');
    type('Username', 'ada');
    type('Password', 'secret');
    type('Passphrase', 'horse');
    type('Device or author name', ' Ada’s laptop ');
    fireEvent.click(within(panel).getByRole('button', { name: 'Start sync' }));
    // Synchronously, in the click's own task: the browser shows its prompt only for a user gesture.
    expect(requestAccess).toHaveBeenCalledWith('https://couch.example.org/talk-notes');
    await waitFor(() =>
      expect(status()).toMatch(/^Last synced at .*6:29.*: 3 records sent, 0 records received\.$/),
    );
    expect(enable).toHaveBeenCalledOnce();
    expect(sent).toEqual([
      {
        type: 'startSync',
        url: 'https://couch.example.org/talk-notes',
        username: 'ada',
        password: 'secret',
        passphrase: 'horse',
        author: 'Ada’s laptop',
      },
    ]);
    expect((within(panel).getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('access refused: says so in plain words and sends nothing', async () => {
    const { panel, type, status, sent, enable } = setup({ access: async () => false });
    type('Server URL', 'https://couch.example.org/talk-notes');
    fireEvent.click(within(panel).getByRole('button', { name: 'Start sync' }));
    await waitFor(() =>
      expect(status()).toBe(
        'Talk Notes may not reach couch.example.org, so sync did not start. Press Start sync and allow access to start it.',
      ),
    );
    expect(sent).toEqual([]);
    expect(enable).not.toHaveBeenCalled();
  });

  it('access unanswered: the status says what is awaited and the panel still answers', async () => {
    const { panel, type, status, sent } = setup({ access: () => new Promise<boolean>(() => {}) });
    type('Server URL', 'https://couch.example.org/talk-notes');
    fireEvent.click(within(panel).getByRole('button', { name: 'Start sync' }));
    await waitFor(() =>
      expect(status()).toBe(
        'Allow Talk Notes to reach couch.example.org in the browser’s prompt to start sync.',
      ),
    );
    expect(sent).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows every status the background writes', async () => {
    const { status, emit } = setup({ initial: { ...STOPPED, status: { started: true, running: false } } });
    emit({ started: true, running: true });
    await waitFor(() => expect(status()).toBe('Syncing…'));
    emit({
      started: true,
      running: false,
      last: {
        ok: false,
        sent: 0,
        received: 0,
        refused: 0,
        at: new Date(2026, 11, 6, 18, 20).getTime(),
        message: 'The server cannot be reached; your changes are kept and will be sent when it can',
      },
    });
    await waitFor(() =>
      expect(status()).toMatch(
        /^The server cannot be reached; your changes are kept and will be sent when it can\. \(Tried at .*6:20.*\.\)$/,
      ),
    );
  });
});
