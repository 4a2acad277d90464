import { useEffect, useRef, useState } from 'preact/hooks';
import { dateRange } from '@/core/schedule/slot';
import type { ConferenceRecord } from '@/core/types';
import type { ScheduleImporter, ScheduleImportPhase } from '../data/useScheduleImport';
import { ScheduleImportError } from '../data/useScheduleImport';
import { DashboardDialog } from './DashboardDialog';

/** An imported conference as the dialog lists it. */
export interface ImportedConference {
  conference: ConferenceRecord;
  talks: number;
}

interface Props {
  importer: ScheduleImporter;
  /** Conferences imported so far (live), most recent first. */
  conferences: readonly ImportedConference[];
}

interface Idle {
  kind: 'idle';
  message: string | null;
  error: boolean;
  needsAccess: string | null;
}
type State = Idle | { kind: 'running'; phase: ScheduleImportPhase; controller: AbortController };

const PHASES: Record<ScheduleImportPhase, string> = {
  fetching: 'Downloading the schedule…',
  parsing: 'Reading the schedule…',
  writing: 'Saving its talks…',
  matching: 'Filing your highlights under its talks…',
};

const IDLE: Idle = { kind: 'idle', message: null, error: false, needsAccess: null };

/**
 * `Import schedule`: a dialog to import a conference's published schedule (frab/pretalx JSON or
 * XML, Sessionize JSON, iCalendar) from its URL or a file, list the conferences imported, update
 * one from its URL, or remove one. Its status line says what happened in plain words.
 */
export function ScheduleImportControls({ importer, conferences }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Import schedule
      </button>
      {open && (
        <ScheduleImportDialog importer={importer} conferences={conferences} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function ScheduleImportDialog({ importer, conferences, onClose }: Props & { onClose: () => void }) {
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>(IDLE);
  const [removing, setRemoving] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  // Closing the dialog mid-import cancels it: the transaction rolls back.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = async (
    work: (options: { signal: AbortSignal; onPhase: (p: ScheduleImportPhase) => void }) => Promise<string>,
  ) => {
    const controller = new AbortController();
    controllerRef.current = controller;
    const onPhase = (phase: ScheduleImportPhase) => {
      if (controllerRef.current === controller) setState({ kind: 'running', phase, controller });
    };
    setState({ kind: 'running', phase: 'parsing', controller });
    let next: State;
    try {
      next = { ...IDLE, message: await work({ signal: controller.signal, onPhase }) };
    } catch (error) {
      next = controller.signal.aborted
        ? { ...IDLE, message: 'Import cancelled: nothing was changed.' }
        : {
            kind: 'idle',
            message: error instanceof Error ? error.message : String(error),
            error: true,
            needsAccess: error instanceof ScheduleImportError ? error.needsAccess : null,
          };
    }
    if (controllerRef.current === controller) controllerRef.current = null;
    setState(next);
  };

  const importChosen = () => {
    if (file) return run(async (options) => (await importer.importFile(file, options)).message);
    if (url.trim()) return run(async (options) => (await importer.importUrl(url, options)).message);
    setState({ ...IDLE, message: 'Type the schedule’s URL, or choose a schedule file.', error: true });
  };

  const allowAccess = async (target: string) => {
    // Called straight from the click: browsers only show the prompt for a user gesture.
    const granted = await importer.requestAccess(target);
    if (granted) return run(async (options) => (await importer.importUrl(target, options)).message);
    setState({
      ...IDLE,
      message: `Talk Notes may not read ${hostOf(target)}. Save the schedule file from your browser and choose it under Schedule file instead.`,
      error: true,
    });
  };

  const running = state.kind === 'running';
  const status = running ? PHASES[state.phase] : state.message;

  return (
    <DashboardDialog labelledBy="schedule-title" onClose={onClose}>
      <h2 id="schedule-title">Import a conference schedule</h2>
      <p class="dash-muted">
        The schedule the conference publishes: frab or pretalx (schedule.json, schedule.xml), Sessionize (All
        JSON) or a calendar (.ics). Your highlights on write-ups of its talks are filed under them.
      </p>
      <label class="dash-field">
        Schedule URL
        <input
          type="url"
          placeholder="https://pretalx.example/conf-2026/schedule/export/schedule.json"
          value={url}
          disabled={running}
          onInput={(e) => {
            setUrl(e.currentTarget.value);
            if (e.currentTarget.value) setFile(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') importChosen();
          }}
        />
      </label>
      <label class="dash-field">
        Schedule file
        <input
          type="file"
          accept=".json,.xml,.ics,.ical,.ifb,application/json,application/xml,text/xml,text/calendar"
          disabled={running}
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0] ?? null;
            setFile(chosen);
            if (chosen) setUrl('');
          }}
        />
      </label>
      <div class="dash-form-actions">
        <button type="button" disabled={running} onClick={importChosen}>
          Import
        </button>
        {running ? (
          <button type="button" onClick={() => state.controller.abort()}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
        {state.kind === 'idle' && state.needsAccess && (
          <button type="button" onClick={() => allowAccess(state.needsAccess!)}>
            Allow access to {hostOf(state.needsAccess)}
          </button>
        )}
      </div>
      {running && <progress aria-label="Import progress" />}
      <p
        role="status"
        aria-label="Schedule status"
        class={state.kind === 'idle' && state.error ? 'dash-error' : 'dash-muted'}
      >
        {status}
      </p>
      {conferences.length > 0 && (
        <section aria-labelledby="schedule-imported">
          <h3 id="schedule-imported">Imported schedules</h3>
          <ul class="dash-conference-list">
            {conferences.map(({ conference, talks }) => (
              <li key={conference.id}>
                <strong>{conference.title}</strong>{' '}
                <span class="dash-muted">
                  {[
                    dateRange(conference.start, conference.end),
                    `${talks} talk${talks === 1 ? '' : 's'}`,
                    conference.sourceUrl ?? conference.sourceFile,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span class="dash-form-actions">
                  {conference.sourceUrl && (
                    <button
                      type="button"
                      disabled={running}
                      aria-label={`Update ${conference.title}`}
                      onClick={() =>
                        run(
                          async (options) =>
                            (await importer.importUrl(conference.sourceUrl!, options)).message,
                        )
                      }
                    >
                      Update
                    </button>
                  )}
                  {removing === conference.id ? (
                    <>
                      <button
                        type="button"
                        aria-label={`Remove ${conference.title} and its talks`}
                        onClick={() => {
                          setRemoving(null);
                          return run(async () => importer.removeConference(conference.id));
                        }}
                      >
                        Remove conference
                      </button>
                      <button type="button" onClick={() => setRemoving(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      disabled={running}
                      aria-label={`Remove ${conference.title}`}
                      onClick={() => setRemoving(conference.id)}
                    >
                      Remove
                    </button>
                  )}
                </span>
                {removing === conference.id && (
                  <p class="dash-muted">
                    Its {talks} talks are removed; your highlights stay, under their pages’ talks.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </DashboardDialog>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
