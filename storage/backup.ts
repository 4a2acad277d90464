/**
 * Backup and restore against the database: export every table, and import a parsed backup by merging
 * it (core/merge.ts) in ONE read-write transaction. An import that fails, or is cancelled through its
 * AbortSignal, aborts the transaction: the library is exactly as it was.
 */
import { type Backup, createBackup, type LibraryData, type ParseBackupOptions } from '@/core/backup';
import { countPlan, type LibraryMatches, type MergeCounts, planMerge } from '@/core/merge';
import { keepApproved, listOverwrites, type Overwrite } from '@/core/merge-overwrites';
import { findSameConference } from '@/core/schedule/identity';
import type { TalkNotesDatabase } from './db';

/** What a long backup operation reports: the phase and how far along it is. */
export interface BackupProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface BackupRunOptions {
  onProgress?: (progress: BackupProgress) => void;
  /** Cancels the run; an import then leaves the library unchanged. */
  signal?: AbortSignal;
  /**
   * Import: the library records the reader agreed to have overwritten (`overwriteKey` of
   * {@link previewOverwrites}' entries); every other record the backup has a newer version of stays
   * as it is. Without it, newer records win (the merge rule).
   */
  overwrite?: ReadonlySet<string>;
}

export interface ImportResult extends MergeCounts {
  /** Per table, for the summary shown after an import. */
  tables: Record<keyof LibraryData, MergeCounts>;
  /** Pages (normalized URLs) whose highlights the import added or changed: open tabs redraw them. */
  changedPages: string[];
}

/** Thrown by an import that would leave a record pointing nowhere; the message names the record. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Rows written per bulk call: progress and cancellation are checked between chunks. */
const WRITE_CHUNK = 2_000;

function tablesOf(db: TalkNotesDatabase) {
  return [db.pages, db.conferences, db.talks, db.highlights, db.collections, db.settings];
}

function throwIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Every record of the library as a backup, read in one transaction (a consistent snapshot). */
export async function exportBackup(
  db: TalkNotesDatabase,
  options: BackupRunOptions & { now?: number } = {},
): Promise<Backup> {
  const { onProgress, signal } = options;
  throwIfAborted(signal);
  const data = await db.transaction('r', tablesOf(db), async () => {
    const total = 6;
    const step = async <T>(done: number, read: () => Promise<T>): Promise<T> => {
      const rows = await read();
      throwIfAborted(signal);
      onProgress?.({ phase: 'reading', done, total });
      return rows;
    };
    const library: LibraryData = {
      pages: await step(1, () => db.pages.toArray()),
      conferences: await step(2, () => db.conferences.toArray()),
      talks: await step(3, () => db.talks.toArray()),
      highlights: await step(4, () => db.highlights.toArray()),
      collections: await step(5, () => db.collections.toArray()),
      settings: await step(6, () => db.settings.toArray()),
    };
    return library;
  });
  return createBackup(data, options.now ?? Date.now());
}

/**
 * Merges a parsed backup (core/backup.ts `parseBackup`) into the library, in one transaction.
 * Resolves with what was added, updated and left alone; rejects, changing nothing, when cancelled
 * (the signal's reason, an AbortError by default), when a record refers to a page or a conference
 * that exists neither in the backup nor in the library ({@link ImportError}), or when the database
 * refuses a write. A page talk's link to a conference talk that is in neither is dropped (core/merge.ts).
 */
export async function importBackup(
  db: TalkNotesDatabase,
  backup: LibraryData,
  options: BackupRunOptions = {},
): Promise<ImportResult> {
  const { onProgress, signal } = options;
  throwIfAborted(signal);
  return db.transaction('rw', tablesOf(db), async () => {
    onProgress?.({ phase: 'checking', done: 0, total: 1 });
    const library = await readMatches(db, backup);
    throwIfAborted(signal);
    await checkReferences(db, backup);
    // The library may have changed since the reader was asked: only what they approved is overwritten.
    const merged = planMerge(backup, library);
    const plan = options.overwrite ? keepApproved(merged, options.overwrite) : merged;

    const writes = [
      { table: db.pages, rows: [...plan.pages.add, ...plan.pages.update, ...plan.readAtJoined] },
      { table: db.conferences, rows: [...plan.conferences.add, ...plan.conferences.update] },
      { table: db.talks, rows: [...plan.talks.add, ...plan.talks.update] },
      { table: db.highlights, rows: [...plan.highlights.add, ...plan.highlights.update] },
      { table: db.collections, rows: [...plan.collections.add, ...plan.collections.update] },
      { table: db.settings, rows: [...plan.settings.add, ...plan.settings.update] },
    ] as const;
    const total = writes.reduce((n, w) => n + w.rows.length, 0);
    let done = 0;
    onProgress?.({ phase: 'writing', done, total });
    for (const { table, rows } of writes) {
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        const chunk = rows.slice(i, i + WRITE_CHUNK);
        // bulkPut takes any of the six record types; the table and its rows always match here.
        await (table as unknown as { bulkPut(rows: readonly unknown[]): Promise<unknown> }).bulkPut(chunk);
        done += chunk.length;
        // Throwing inside the transaction aborts it: nothing written so far is kept.
        throwIfAborted(signal);
        onProgress?.({ phase: 'writing', done, total });
      }
    }
    const count = (t: { add: unknown[]; update: unknown[]; skip: unknown[] }): MergeCounts => ({
      added: t.add.length,
      updated: t.update.length,
      skipped: t.skip.length,
    });
    return {
      ...countPlan(plan),
      tables: {
        pages: count(plan.pages),
        conferences: count(plan.conferences),
        talks: count(plan.talks),
        highlights: count(plan.highlights),
        collections: count(plan.collections),
        settings: count(plan.settings),
      },
      changedPages: [...new Set([...plan.highlights.add, ...plan.highlights.update].map((h) => h.url))],
    };
  });
}

/**
 * The library records importing `backup` would overwrite with the backup's newer versions (read in
 * one transaction, nothing written), for the reader to approve first. Empty when the import would
 * only add records or leave them as they are.
 */
export async function previewOverwrites(db: TalkNotesDatabase, backup: LibraryData): Promise<Overwrite[]> {
  return db.transaction('r', tablesOf(db), async () => {
    const library = await readMatches(db, backup);
    return listOverwrites(planMerge(backup, library), library);
  });
}

/** The library records the merge needs (bulk reads: no per-row awaits). */
async function readMatches(db: TalkNotesDatabase, backup: LibraryData): Promise<LibraryMatches> {
  // Restoring into an empty table (the common case: a new browser) needs no lookups; 50,000 gets
  // that all miss cost seconds.
  const [pageCount, talkCount, highlightCount] = await Promise.all([
    db.pages.count(),
    db.talks.count(),
    db.highlights.count(),
  ]);
  const none = Promise.resolve([] as never[]);
  const linked = [
    ...new Set(backup.talks.flatMap((t) => [t.scheduleTalkId ?? [], t.scheduleCandidates ?? []].flat())),
  ];
  const [pagesById, pagesByUrl, conferences, talksById, linkedTalks, highlights, collections, settings] =
    await Promise.all([
      pageCount ? db.pages.bulkGet(backup.pages.map((p) => p.id)) : none,
      pageCount
        ? db.pages
            .where('url')
            .anyOf(backup.pages.map((p) => p.url))
            .toArray()
        : none,
      // Conferences are few; all of them are needed to find the same conference under another id.
      db.conferences.toArray(),
      talkCount ? db.talks.bulkGet(backup.talks.map((t) => t.id)) : none,
      talkCount && linked.length ? db.talks.bulkGet(linked) : none,
      highlightCount ? db.highlights.bulkGet(backup.highlights.map((h) => h.id)) : none,
      // Collections are few; all of them are needed to match by name.
      db.collections.toArray(),
      db.settings.bulkGet(backup.settings.map((s) => s.key)),
    ]);
  const backupPageIds = new Set(backup.pages.map((p) => p.id));
  const matchedByUrl = pagesByUrl.filter((p) => !backupPageIds.has(p.id)).map((p) => p.id);
  // The library conferences the backup's conference talks may go to: by id, or the same conference
  // (every one that is: the merge skips those the backup holds by id).
  const named = new Set<string>(backup.talks.flatMap((t) => t.conferenceId ?? []));
  const targetConferences = conferences
    .filter((c) => named.has(c.id) || backup.conferences.some((b) => findSameConference(b, [c])))
    .map((c) => c.id);
  const [talksOnMatchedPages, talksOfConferences] = await Promise.all([
    matchedByUrl.length ? db.talks.where('pageId').anyOf(matchedByUrl).toArray() : none,
    talkCount && targetConferences.length
      ? db.talks.where('conferenceId').anyOf(targetConferences).toArray()
      : none,
  ]);
  const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
  return {
    pages: [...present(pagesById), ...pagesByUrl],
    conferences,
    talks: [...present(talksById), ...talksOnMatchedPages, ...talksOfConferences, ...present(linkedTalks)],
    highlights: present(highlights),
    collections,
    settings: present(settings),
  };
}

/**
 * Talks and highlights whose page is not in the backup must find it in the library; so must talks
 * whose conference is not in the backup.
 */
async function checkReferences(db: TalkNotesDatabase, backup: LibraryData): Promise<void> {
  const missing = async (
    what: string,
    referred: Iterable<string | null | undefined>,
    inBackup: readonly { id: string }[],
    table: typeof db.pages | typeof db.conferences,
  ) => {
    const there = new Set(inBackup.map((r) => r.id));
    const ids = [...new Set(referred)].filter((id): id is string => !!id && !there.has(id));
    if (ids.length === 0) return;
    const found = await table.bulkGet(ids);
    const absent = ids.filter((_, i) => !found[i]);
    if (absent.length === 0) return;
    const n = absent.length;
    throw new ImportError(
      `${n} ${what}${n === 1 ? '' : 's'} referred to by the backup ${n === 1 ? 'is' : 'are'} neither in the file nor in your library (${absent
        .slice(0, 3)
        .map((id) => JSON.stringify(id))
        .join(', ')}${n > 3 ? ', …' : ''}). Nothing was imported.`,
    );
  };
  await missing(
    'page',
    [...backup.talks, ...backup.highlights].map((r) => r.pageId),
    backup.pages,
    db.pages,
  );
  await missing(
    'conference',
    backup.talks.map((t) => t.conferenceId),
    backup.conferences,
    db.conferences,
  );
}

/**
 * What the library holds that a backup's records may refer to, for `parseBackup`: its pages,
 * conferences and conference talks (their ids), read in one transaction.
 */
export async function libraryReferences(db: TalkNotesDatabase): Promise<Required<ParseBackupOptions>> {
  return db.transaction('r', db.pages, db.conferences, db.talks, async () => {
    const ids = async (keys: Promise<unknown[]>) => new Set((await keys) as string[]);
    return {
      libraryPageIds: await ids(db.pages.toCollection().primaryKeys()),
      libraryConferenceIds: await ids(db.conferences.toCollection().primaryKeys()),
      // Only conference talks are in the conferenceId index.
      libraryConferenceTalkIds: await ids(db.talks.orderBy('conferenceId').primaryKeys()),
    };
  });
}
