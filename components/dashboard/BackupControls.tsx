import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { BACKUP_LIMITS, type ParseBackupResult, serializeBackup } from '@/core/backup';
import { type Overwrite, type OverwrittenTable, overwriteKey } from '@/core/merge-overwrites';
import type { ExportOptions } from '@/core/markdown/export-options';
import type { SettingRecord } from '@/core/types';
import { toWebAnnotations } from '@/core/web-annotation';
import type { BackupProgress, ImportResult } from '@/storage/backup';
import type { LibraryBackup } from '../data/useBackup';
import { type Downloader, downloadFile, exportFileName } from '../download';
import { useNotify } from '../notify';

export interface BackupControlsProps {
  /** The library's backup and restore (components/data/useBackup.ts). */
  backup: LibraryBackup;
  /** Saves the file; defaults to a Blob + `<a download>` click. */
  download?: Downloader;
  /** Called after an import succeeded (views using liveQuery refresh by themselves). */
  onImported?: (result: ImportResult) => void;
  now?: () => number;
  /** The extension's version, named as the generator of exported Web Annotations. */
  version?: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; label: string; progress: BackupProgress | null; controller: AbortController }
  | { kind: 'done'; message: string; held?: SettingRecord[] }
  | { kind: 'confirm'; name: string; parsed: ParsedBackup; overwrites: Overwrite[] }
  | { kind: 'error'; message: string };

type ParsedBackup = Extract<ParseBackupResult, { ok: true }>;

/** How many of the records an import would overwrite are named; the rest are counted. */
const LISTED_OVERWRITES = 10;

const RECORD_KINDS: Record<OverwrittenTable, string> = {
  highlights: 'Highlight',
  talks: 'Talk',
  pages: 'Page',
  conferences: 'Conference',
  collections: 'Collection',
};

const PHASES: Record<BackupProgress['phase'], string> = {
  reading: 'Reading the library',
  checking: 'Checking the backup against the library',
  writing: 'Writing records',
};

/**
 * Backup and restore: `Export backup` (one JSON file of everything), `Import backup` (a file input
 * for a backup or W3C Web Annotations, ours or another tool's; merges, all or nothing), `Export Web Annotations` (W3C JSON-LD). Long runs show progress and a
 * Cancel button; a failed or cancelled import changes nothing, and says so.
 */
export function BackupControls({
  backup: library,
  download = downloadFile,
  onImported,
  now = Date.now,
  version = 'unknown',
}: BackupControlsProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  // In the dashboard, what happened goes to its toasts (components/notify.ts): the header keeps still.
  const notify = useNotify();
  useEffect(() => {
    if (notify && (state.kind === 'done' || state.kind === 'error')) {
      notify({ message: state.message, kind: state.kind === 'error' ? 'error' : 'info' });
    }
  }, [state]);
  const controllerRef = useRef<AbortController | null>(null);
  // Leaving the page mid-import cancels it: the transaction rolls back.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = (label: string): AbortController => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ kind: 'running', label, progress: null, controller });
    return controller;
  };
  const progressTo = (controller: AbortController, label: string) => (progress: BackupProgress) => {
    if (controllerRef.current === controller) setState({ kind: 'running', label, progress, controller });
  };
  const finish = (next: State) => {
    controllerRef.current = null;
    setState(next);
  };
  const running = state.kind === 'running';

  const exportAll = async () => {
    const label = 'Exporting the backup';
    const controller = start(label);
    try {
      const backup = await library.exportBackup({
        signal: controller.signal,
        onProgress: progressTo(controller, label),
      });
      const at = now();
      download({
        name: exportFileName('talk-notes-backup', 'json', at),
        type: 'application/json',
        text: serializeBackup(backup),
      });
      finish({
        kind: 'done',
        message: `Backup exported: ${backup.highlights.length} highlights, ${backup.pages.length} pages.`,
      });
    } catch (error) {
      finish(
        isAbort(error)
          ? { kind: 'done', message: 'Backup export cancelled.' }
          : { kind: 'error', message: `Could not export the backup: ${messageOf(error)}` },
      );
    }
  };

  const exportAnnotations = async () => {
    const controller = start('Exporting Web Annotations');
    try {
      const { highlights, pages, talks, conferences } = await library.loadAnnotations();
      if (controller.signal.aborted) {
        finish({ kind: 'done', message: 'Web Annotation export cancelled.' });
        return;
      }
      const at = now();
      const collection = toWebAnnotations({
        title: 'Talk Notes highlights',
        highlights,
        pages,
        talks,
        conferences,
        exportedAt: at,
        version,
      });
      download({
        name: exportFileName('talk-notes-annotations', 'jsonld', at),
        type: 'application/ld+json',
        text: `${JSON.stringify(collection, null, 2)}\n`,
      });
      finish({ kind: 'done', message: `Exported ${highlights.length} highlights as Web Annotations.` });
    } catch (error) {
      finish({ kind: 'error', message: `Could not export Web Annotations: ${messageOf(error)}` });
    }
  };

  const importFile = async (file: File) => {
    const failed = (reason: string) =>
      finish({ kind: 'error', message: `Could not import ${file.name}: ${reason} Nothing was changed.` });
    if (file.size > BACKUP_LIMITS.chars) {
      failed(`the file is too large (${Math.round(file.size / 1024 / 1024)} MB).`);
      return;
    }
    const label = `Importing ${file.name}`;
    const controller = start(label);
    try {
      const text = await file.text();
      if (controller.signal.aborted) throw controller.signal.reason;
      const parsed = await library.parse(text);
      if (!parsed.ok) {
        failed(parsed.error);
        return;
      }
      // Newer records in the backup would overwrite the reader's own edits: ask first (#14, finding 7).
      const overwrites = await library.previewOverwrites(parsed.backup);
      if (controller.signal.aborted) throw controller.signal.reason;
      if (overwrites.length) {
        finish({ kind: 'confirm', name: file.name, parsed, overwrites });
        return;
      }
      await runImport(file.name, parsed, new Set(), controller);
    } catch (error) {
      if (isAbort(error)) finish({ kind: 'done', message: 'Import cancelled. Nothing was changed.' });
      else failed(`${messageOf(error).replace(/\.?$/, '.')}`);
    }
  };

  /** Merges a parsed backup, overwriting only the `approved` library records (`overwriteKey`s). */
  const runImport = async (
    name: string,
    parsed: ParsedBackup,
    approved: ReadonlySet<string>,
    controller = start(`Importing ${name}`),
  ) => {
    const label = `Importing ${name}`;
    try {
      const result = await library.importBackup(parsed.backup, {
        signal: controller.signal,
        onProgress: progressTo(controller, label),
        overwrite: approved,
      });
      const warnings = parsed.warnings.length ? ` ${parsed.warnings.join(' ')}` : '';
      // Settings that change what exports write are shown, not applied (core/backup.ts HELD_SETTINGS).
      const held = parsed.held.length ? await library.heldChanges(parsed.held) : [];
      const heldNote = held.length
        ? ' Its export options were not applied: they change what every export writes. They are shown below.'
        : '';
      finish({
        kind: 'done',
        message: `Imported ${name}: ${result.added} added, ${result.updated} updated, ${result.skipped} unchanged.${warnings}${heldNote}`,
        held,
      });
      onImported?.(result);
    } catch (error) {
      if (isAbort(error)) finish({ kind: 'done', message: 'Import cancelled. Nothing was changed.' });
      else
        finish({
          kind: 'error',
          message: `Could not import ${name}: ${messageOf(error).replace(/\.?$/, '.')} Nothing was changed.`,
        });
    }
  };

  const applyHeld = async (setting: SettingRecord) => {
    try {
      await library.applySetting(setting);
      finish({ kind: 'done', message: 'The export options from the backup are now yours.' });
    } catch (error) {
      finish({ kind: 'error', message: `Could not apply the export options: ${messageOf(error)}` });
    }
  };

  return (
    <section class="backup-controls" aria-label="Backup">
      <div class="row">
        <button type="button" disabled={running} onClick={exportAll}>
          Export backup
        </button>
        <label class={`file-button${running ? ' disabled' : ''}`}>
          <span aria-hidden="true">Import backup…</span>
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-label="Import backup"
            disabled={running}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = ''; // choosing the same file again still imports
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" disabled={running} onClick={exportAnnotations}>
          Export Web Annotations
        </button>
      </div>
      {state.kind === 'running' && (
        <div class="backup-progress">
          <p role="status" aria-live="polite">
            {state.label}
            {state.progress && state.progress.total > 1
              ? `: ${PHASES[state.progress.phase]}, ${state.progress.done.toLocaleString()} of ${state.progress.total.toLocaleString()}…`
              : '…'}
          </p>
          <progress
            aria-label="Backup progress"
            max={state.progress?.total || undefined}
            value={state.progress?.total ? state.progress.done : undefined}
          />
          <button type="button" onClick={() => state.controller.abort()}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'confirm' && (
        <ConfirmOverwrites
          name={state.name}
          overwrites={state.overwrites}
          onOverwrite={() =>
            void runImport(state.name, state.parsed, new Set(state.overwrites.map(overwriteKey)))
          }
          onKeepMine={() => void runImport(state.name, state.parsed, new Set())}
          onCancel={() => finish({ kind: 'done', message: 'Import cancelled. Nothing was changed.' })}
        />
      )}
      {state.kind === 'done' && !notify && <p role="status">{state.message}</p>}
      {state.kind === 'done' &&
        state.held?.map((setting) => (
          <HeldSetting key={setting.key} setting={setting} onApply={() => void applyHeld(setting)} />
        ))}
      {state.kind === 'error' && !notify && <p role="alert">{state.message}</p>}
    </section>
  );
}

const GROUPINGS: Record<ExportOptions['groupBy'], string> = {
  talk: 'by talk',
  page: 'by page',
  tag: 'by tag',
  none: 'none',
};

/**
 * A setting the backup holds that changes what exports write, shown as it is (a template as text) with
 * a button to apply it: an import never applies it by itself.
 */
function HeldSetting({ setting, onApply }: { setting: SettingRecord; onApply: () => void }) {
  if (setting.key !== 'exportOptions') return null;
  const options = setting.value as ExportOptions;
  const yes = (on: boolean) => (on ? 'yes' : 'no');
  return (
    <section class="backup-held" aria-label="Export options in the backup">
      <p>
        The backup’s export options{options.template.trim() ? ', with a template' : ''}: sections{' '}
        {GROUPINGS[options.groupBy]}, notes {yes(options.includeNotes)}, tags {yes(options.includeTags)},
        links to passages {yes(options.includeLinks)}, front matter {yes(options.includeFrontMatter)}.
      </p>
      {options.template.trim() && <p>Its template:</p>}
      {options.template.trim() && <pre class="backup-template">{options.template}</pre>}
      <button type="button" onClick={onApply}>
        Use these export options
      </button>
    </section>
  );
}

/**
 * Before an import overwrites the reader's records with a backup's newer versions: how many, the first
 * of them by name, and the choice. `Overwrite` takes the backup's versions of exactly these records,
 * `Keep mine` adds only what the library lacks, `Cancel` changes nothing.
 */
function ConfirmOverwrites(props: {
  name: string;
  overwrites: readonly Overwrite[];
  onOverwrite: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
}) {
  const { overwrites } = props;
  const count = overwrites.length;
  const more = count - LISTED_OVERWRITES;
  const headingId = useId();
  const keepMine = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter keeps the reader's records.
  useEffect(() => keepMine.current?.focus(), []);
  return (
    <section class="backup-confirm" role="alertdialog" aria-labelledby={headingId}>
      <p id={headingId}>
        {props.name} has newer versions of {count === 1 ? 'one of your records' : `${count} of your records`}.
        Importing it would overwrite {count === 1 ? 'it' : 'them'}:
      </p>
      <ul aria-label="Records the backup would overwrite">
        {overwrites.slice(0, LISTED_OVERWRITES).map((o) => (
          <li key={overwriteKey(o)}>
            {RECORD_KINDS[o.table]}: {o.table === 'highlights' ? `“${o.label}”` : o.label}
          </li>
        ))}
      </ul>
      {more > 0 && <p>…and {more} more.</p>}
      <div class="row">
        <button type="button" onClick={props.onOverwrite}>
          Overwrite
        </button>
        <button type="button" onClick={props.onKeepMine} ref={keepMine}>
          Keep mine
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** A cancelled run rejects with the signal's reason: a DOMException named AbortError. */
function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
