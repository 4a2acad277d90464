import { useState } from 'preact/hooks';
import { serializeBackup } from '@/core/backup';
import type { LibraryBackup } from '../data/useBackup';
import { type Downloader, downloadFile, exportFileName } from '../download';
import { DashboardDialog } from './DashboardDialog';

interface Props {
  backup: LibraryBackup;
  /** Told what was deleted, for the dashboard's message line. */
  onDeleted: (message: string) => void;
  download?: Downloader;
  now?: () => number;
}

/** What the reader types to confirm: a word, so that no stray Enter deletes a library. */
const CONFIRMATION = 'DELETE';

type Step = { kind: 'closed' } | { kind: 'open'; typed: string; busy: string | null; message: string | null };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Deleting all of Talk Notes' data in this browser: a dialog that offers a backup first, asks for a
 * typed confirmation, and then empties every table and setting in one transaction.
 */
export function DeleteAllData({ backup, onDeleted, download = downloadFile, now = Date.now }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const close = () => setStep({ kind: 'closed' });
  const update = (changes: Partial<Extract<Step, { kind: 'open' }>>) =>
    setStep((s) => (s.kind === 'open' ? { ...s, ...changes } : s));

  const saveBackup = async () => {
    update({ busy: 'Saving a backup…', message: null });
    try {
      const data = await backup.exportBackup({});
      download({
        name: exportFileName('talk-notes-backup', 'json', now()),
        type: 'application/json',
        text: serializeBackup(data),
      });
      update({
        busy: null,
        message: `Backup saved: ${data.highlights.length} highlights, ${data.pages.length} pages.`,
      });
    } catch (error) {
      update({ busy: null, message: `Could not save the backup: ${messageOf(error)}` });
    }
  };

  const deleteEverything = async () => {
    update({ busy: 'Deleting…', message: null });
    try {
      const pages = await backup.deleteAllData();
      close();
      onDeleted(
        `Deleted all Talk Notes data in this browser: ${pages === 1 ? '1 page' : `${pages} pages`} with everything under them, and the settings.`,
      );
    } catch (error) {
      update({ busy: null, message: `Nothing was deleted: ${messageOf(error)}` });
    }
  };

  return (
    <div class="delete-all">
      <button type="button" onClick={() => setStep({ kind: 'open', typed: '', busy: null, message: null })}>
        Delete all data…
      </button>
      {step.kind === 'open' && (
        <DashboardDialog labelledBy="delete-all-title" onClose={close}>
          <h2 id="delete-all-title">Delete all data</h2>
          <p class="dash-muted">
            This deletes every highlight, note, tag, talk, page, collection, imported schedule and setting
            that Talk Notes keeps in this browser. It cannot be undone. Save a backup first if you may want
            any of it back.
          </p>
          <button type="button" disabled={!!step.busy} onClick={saveBackup}>
            Save a backup first
          </button>
          <label class="dash-field">
            Type {CONFIRMATION} to confirm{' '}
            <input
              type="text"
              autoComplete="off"
              aria-label="Confirmation"
              value={step.typed}
              onInput={(e) => update({ typed: e.currentTarget.value })}
            />
          </label>
          <div class="dash-form-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              class="danger"
              disabled={step.typed.trim() !== CONFIRMATION || !!step.busy}
              onClick={deleteEverything}
            >
              Delete everything
            </button>
          </div>
          {(step.busy || step.message) && (
            <p role="status" aria-label="Delete status">
              {step.busy ?? step.message}
            </p>
          )}
        </DashboardDialog>
      )}
    </div>
  );
}
