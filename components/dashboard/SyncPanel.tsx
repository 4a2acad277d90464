import { useEffect, useRef, useState } from 'preact/hooks';
import { describeSyncStatus } from '@/core/sync/status';
import type { SyncController, SyncForm, SyncState } from '../data/useSync';
import { DashboardDialog } from './DashboardDialog';

interface Props {
  controller: SyncController;
  /** The background's state (live); null until read. */
  state: SyncState | null;
  onState: (state: SyncState) => void;
  now?: () => number;
}

const EMPTY_FORM: SyncForm = { url: '', username: '', password: '', passphrase: '', author: '' };

/** The form with the started account's address, user name and name in the fields still empty. */
function withAccount(form: SyncForm, state: SyncState | null): SyncForm {
  const account = state?.account;
  if (!account) return form;
  return {
    ...form,
    url: form.url || account.url,
    username: form.username || account.username,
    author: form.author || (account.author ?? ''),
  };
}

/** `Sync`: opens the sync panel (#16, docs/sync.md). */
export function SyncControls(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Sync
      </button>
      {open && <SyncPanel {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The sync panel: the CouchDB database, the account, an optional passphrase (end-to-end
 * encryption) and this device's name; `Start sync`, `Sync now`, `Stop sync`, `Forget sync`; and a
 * status line in plain words. The passes run in the background; nothing leaves the browser before
 * `Start sync`.
 */
function SyncPanel({ controller, state, onState, now = Date.now, onClose }: Props & { onClose: () => void }) {
  // The account last started, again in the fields (never its password or passphrase): at once when the
  // state is known, else when it arrives, and then only in fields the reader has not typed in yet.
  const [form, setForm] = useState<SyncForm>(() => withAccount(EMPTY_FORM, state));
  const [filled, setFilled] = useState(state !== null);
  // Said instead of the background's status: a refused address, the access prompt, a failed request.
  const [notice, setNotice] = useState<string | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (filled || !state) return;
    setFilled(true);
    setForm((f) => withAccount(f, state));
  }, [state, filled]);
  // A new status from the background replaces the panel's own notice (the first read of it does not:
  // it says nothing new, and may arrive after a notice).
  const shownStatus = useRef(state?.status);
  useEffect(() => {
    const before = shownStatus.current;
    shownStatus.current = state?.status;
    if (before && state?.status && JSON.stringify(before) !== JSON.stringify(state.status)) setNotice(null);
  }, [state?.status]);
  // "Last synced at …" stays right as the day turns: redraw each minute while open.
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  const field = (key: keyof SyncForm) => ({
    value: form[key],
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const act = async (work: () => Promise<SyncState | { notice: string }>) => {
    try {
      const result = await work();
      if ('notice' in result) setNotice(result.notice);
      else {
        setNotice(null);
        onState(result);
      }
    } catch (error) {
      setNotice(error instanceof Error ? error.message : String(error));
    }
  };

  const started = state?.status.started === true;
  const status = notice ?? (state ? describeSyncStatus(state.status, now()) : 'Reading the sync status…');

  return (
    <DashboardDialog labelledBy="sync-title" onClose={onClose}>
      <h2 id="sync-title">Sync with a CouchDB database</h2>
      <p class="dash-muted">
        The same library on every device, or one notebook for a team: a CouchDB (or Cloudant, PouchDB Server)
        database you control. The account stays in this browser. With a passphrase, the server sees only
        encrypted records.
      </p>
      <form
        class="dash-sync-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label class="dash-field">
          Server URL
          <input
            type="url"
            placeholder="https://couch.example.org/talk-notes"
            autocomplete="url"
            {...field('url')}
          />
        </label>
        <label class="dash-field">
          Username
          <input type="text" autocomplete="username" {...field('username')} />
        </label>
        <label class="dash-field">
          Password
          <input type="password" autocomplete="current-password" {...field('password')} />
        </label>
        <label class="dash-field">
          Passphrase
          <input type="password" autocomplete="off" placeholder="Optional" {...field('passphrase')} />
        </label>
        <label class="dash-field">
          Device or author name
          <input type="text" placeholder="Who made the highlights sent from here" {...field('author')} />
        </label>
      </form>
      <div class="dash-form-actions">
        <button
          type="button"
          // No await before start(): the access prompt needs this click's gesture.
          onClick={() => act(() => controller.start(form, setNotice))}
        >
          Start sync
        </button>
        <button type="button" disabled={!started} onClick={() => act(controller.syncNow)}>
          Sync now
        </button>
        <button type="button" disabled={!started} onClick={() => act(controller.stop)}>
          Stop sync
        </button>
        <button
          type="button"
          disabled={!state?.account}
          onClick={() =>
            act(async () => {
              const result = await controller.forget();
              setForm(EMPTY_FORM);
              return result;
            })
          }
        >
          Forget sync
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" aria-label="Sync status" class="dash-muted">
        {status}
      </p>
    </DashboardDialog>
  );
}
