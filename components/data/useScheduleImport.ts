import { useMemo } from 'preact/hooks';
import { ScheduleParseError } from '@/core/schedule/errors';
import { parseSchedule } from '@/core/schedule/parse';
import type { ParsedSchedule } from '@/core/schedule/types';
import { describeStorageError } from '@/core/storage-errors';
import type { ConferenceRecord } from '@/core/types';
import { hasHostAccess, requestHostAccess } from '@/messaging/host-access';
import { createCommands, type NotifyHighlightsChanged } from '@/storage/commands';
import { listConferences, type ScheduleImportResult, type ScheduleSource } from '@/storage/conferences';
import type { TalkNotesDatabase } from '@/storage/db';
import { countOfferedHighlights } from '@/storage/schedule-links';
import { fetchScheduleText, ScheduleFetchError } from './fetch-schedule';
import { useLiveQuery } from './useLiveQuery';

export type ScheduleImportPhase = 'fetching' | 'parsing' | 'writing' | 'matching';

export interface ScheduleImportOptions {
  signal?: AbortSignal;
  onPhase?: (phase: ScheduleImportPhase) => void;
}

/** What an import did, in words for the dialog's status line, and in numbers. */
export interface ScheduleImportOutcome {
  result: ScheduleImportResult;
  message: string;
}

/**
 * Why an import did not happen. `needsAccess`: the server did not let Talk Notes read the file and
 * the extension holds no access to its origin; the reader may grant it (from a click) and retry.
 */
export class ScheduleImportError extends Error {
  constructor(
    message: string,
    readonly needsAccess: string | null = null,
  ) {
    super(message);
    this.name = 'ScheduleImportError';
  }
}

/** The dashboard's schedule import (components/dashboard/ScheduleImportDialog.tsx). */
export interface ScheduleImporter {
  importFile: (file: File, options?: ScheduleImportOptions) => Promise<ScheduleImportOutcome>;
  importUrl: (url: string, options?: ScheduleImportOptions) => Promise<ScheduleImportOutcome>;
  /** Asks for access to the URL's origin; must be called from a click. */
  requestAccess: (url: string) => Promise<boolean>;
  removeConference: (id: string) => Promise<string>;
}

interface Deps {
  db: TalkNotesDatabase;
  notify?: NotifyHighlightsChanged;
  /** Seams for tests: the network and the permission prompt. */
  fetch?: typeof globalThis.fetch;
  hasAccess?: (url: string) => Promise<boolean>;
  requestAccess?: (url: string) => Promise<boolean>;
}

/** Lets the dialog paint its progress before a long synchronous step (parsing a big file). */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function scheduleImporter({
  db,
  notify,
  fetch,
  hasAccess = hasHostAccess,
  requestAccess = requestHostAccess,
}: Deps): ScheduleImporter {
  const commands = createCommands({ db, notify });

  async function importText(
    text: string,
    source: ScheduleSource & { fallbackTitle: string },
    { signal, onPhase }: ScheduleImportOptions,
  ): Promise<ScheduleImportOutcome> {
    onPhase?.('parsing');
    await nextFrame();
    signal?.throwIfAborted();
    let schedule: ParsedSchedule;
    try {
      schedule = parseSchedule(text, { fallbackTitle: source.fallbackTitle });
    } catch (error) {
      if (error instanceof ScheduleParseError)
        throw new ScheduleImportError(`${error.message} Nothing was changed.`);
      throw error;
    }
    signal?.throwIfAborted();
    onPhase?.('writing');
    await nextFrame();
    let result: ScheduleImportResult;
    try {
      result = await commands.importSchedule(
        schedule,
        { url: source.url, fileName: source.fileName },
        signal,
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ScheduleImportError(`${describeStorageError(error)} Nothing was changed.`);
    }
    // Write-ups already in the library filed under the new talks; the import stands if this fails.
    onPhase?.('matching');
    let matched: { highlights: number; offered: number } | null = null;
    try {
      const highlights = (await commands.linkPageTalks('all')).highlights;
      matched = { highlights, offered: await countOfferedHighlights(db) };
    } catch (error) {
      console.error('Talk Notes: matching the library to the schedule failed', error);
    }
    return { result, message: describeImport(result, schedule.warnings, matched) };
  }

  return {
    importFile: async (file, options = {}) => {
      const text = await file.text();
      return importText(
        text,
        { fileName: file.name, fallbackTitle: file.name.replace(/\.[^.]+$/, '') },
        options,
      );
    },
    importUrl: async (url, options = {}) => {
      options.onPhase?.('fetching');
      let fetched: { text: string; url: string };
      try {
        fetched = await fetchScheduleText(url, { signal: options.signal, fetch });
      } catch (error) {
        if (!(error instanceof ScheduleFetchError)) throw error;
        if (error.problem === 'cancelled') throw options.signal?.reason ?? error;
        if (error.problem === 'unreachable' && !(await hasAccess(url))) {
          const host = new URL(url.trim()).host;
          throw new ScheduleImportError(
            `${host} did not let Talk Notes read the schedule, or cannot be reached. Allow Talk Notes to read ${host}, and it tries again.`,
            url,
          );
        }
        throw new ScheduleImportError(`${error.message} Nothing was changed.`);
      }
      // The address typed identifies the conference on the next import, wherever it redirects.
      return importText(fetched.text, { url: url.trim(), fallbackTitle: new URL(fetched.url).host }, options);
    },
    requestAccess,
    removeConference: async (id) => {
      const { conference, moved, unlinkedTalks } = await commands.removeConference(id);
      const back = moved.length + unlinkedTalks;
      return `Removed ${conference?.title ?? 'the conference'}.${back ? ' Your highlights are back under their pages’ talks.' : ''}`;
    },
  };
}

/**
 * "Imported FOSDEM 2026: 850 talks (3 new highlights matched, 2 to confirm in the popup)", "Updated
 * FOSDEM 2026: 850 talks (3 new, 12 changed, 0 new highlights matched)". `matched`: the highlights
 * the import filed under its talks, and those that wait for the reader to pick their talk (offered).
 */
export function describeImport(
  result: ScheduleImportResult,
  warnings: readonly string[] = [],
  matched: { highlights: number; offered: number } | null = { highlights: 0, offered: 0 },
): string {
  const { conference, talks, added, changed, removed, kept } = result;
  const highlights =
    matched === null
      ? 'your highlights could not be matched to it yet'
      : [
          `${matched.highlights.toLocaleString('en')} new highlight${matched.highlights === 1 ? '' : 's'} matched`,
          matched.offered && `${matched.offered.toLocaleString('en')} to confirm in the popup`,
        ]
          .filter(Boolean)
          .join(', ');
  const count = `${talks.toLocaleString('en')} talk${talks === 1 ? '' : 's'}`;
  const details = result.updated
    ? [
        added && `${added} new`,
        changed && `${changed} changed`,
        removed && `${removed} removed`,
        kept && `${kept} no longer in the schedule, kept for your highlights`,
      ].filter(Boolean)
    : [];
  const head = result.updated
    ? `Updated ${conference.title}: ${count} (${[...(details.length ? details : ['no changes']), highlights].join(', ')})`
    : `Imported ${conference.title}: ${count} (${highlights})`;
  return [`${head}.`, ...warnings].join(' ');
}

export function useScheduleImport(db: TalkNotesDatabase, notify?: NotifyHighlightsChanged): ScheduleImporter {
  return useMemo(() => scheduleImporter({ db, notify }), [db, notify]);
}

/** The conferences imported so far, with their talk counts, most recent first (live). */
export function useImportedConferences(
  db: TalkNotesDatabase,
): { conference: ConferenceRecord; talks: number }[] {
  return (
    useLiveQuery(
      () =>
        db.transaction('r', db.conferences, db.talks, async () => {
          const conferences = await listConferences(db);
          return Promise.all(
            conferences.map(async (conference) => ({
              conference,
              talks: await db.talks.where('conferenceId').equals(conference.id).count(),
            })),
          );
        }),
      [db],
    ) ?? []
  );
}
