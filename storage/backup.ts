/**
 * Backup and restore against the database: export every table, and import a parsed backup by merging
 * it (core/merge.ts) in ONE read-write transaction. An import that fails, or is cancelled through its
 * AbortSignal, aborts the transaction: the library is exactly as it was.
 */
import { type Backup, createBackup, type LibraryData } from '@/core/backup';
import { countPlan, type LibraryMatches, type MergeCounts, planMerge } from '@/core/merge';
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
  return [db.pages, db.talks, db.highlights, db.collections, db.settings];
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
    const total = 5;
    const step = async <T>(done: number, read: () => Promise<T>): Promise<T> => {
      const rows = await read();
      throwIfAborted(signal);
      onProgress?.({ phase: 'reading', done, total });
      return rows;
    };
    const library: LibraryData = {
      pages: await step(1, () => db.pages.toArray()),
      talks: await step(2, () => db.talks.toArray()),
      highlights: await step(3, () => db.highlights.toArray()),
      collections: await step(4, () => db.collections.toArray()),
      settings: await step(5, () => db.settings.toArray()),
    };
    return library;
  });
  return createBackup(data, options.now ?? Date.now());
}

/**
 * Merges a parsed backup (core/backup.ts `parseBackup`) into the library, in one transaction.
 * Resolves with what was added, updated and left alone; rejects, changing nothing, when cancelled
 * (the signal's reason, an AbortError by default), when a record refers to a page that exists neither
 * in the backup nor in the library ({@link ImportError}), or when the database refuses a write.
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
    await checkPageReferences(db, backup);
    const plan = planMerge(backup, library);

    const writes = [
      { table: db.pages, rows: [...plan.pages.add, ...plan.pages.update] },
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
        // bulkPut takes any of the five record types; the table and its rows always match here.
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
        talks: count(plan.talks),
        highlights: count(plan.highlights),
        collections: count(plan.collections),
        settings: count(plan.settings),
      },
      changedPages: [...new Set([...plan.highlights.add, ...plan.highlights.update].map((h) => h.url))],
    };
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
  const [pagesById, pagesByUrl, talksById, highlights, collections, settings] = await Promise.all([
    pageCount ? db.pages.bulkGet(backup.pages.map((p) => p.id)) : none,
    pageCount
      ? db.pages
          .where('url')
          .anyOf(backup.pages.map((p) => p.url))
          .toArray()
      : none,
    talkCount ? db.talks.bulkGet(backup.talks.map((t) => t.id)) : none,
    highlightCount ? db.highlights.bulkGet(backup.highlights.map((h) => h.id)) : none,
    // Collections are few; all of them are needed to match by name.
    db.collections.toArray(),
    db.settings.bulkGet(backup.settings.map((s) => s.key)),
  ]);
  const backupPageIds = new Set(backup.pages.map((p) => p.id));
  const matchedByUrl = pagesByUrl.filter((p) => !backupPageIds.has(p.id)).map((p) => p.id);
  const talksOnMatchedPages = matchedByUrl.length
    ? await db.talks.where('pageId').anyOf(matchedByUrl).toArray()
    : [];
  const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
  return {
    pages: [...present(pagesById), ...pagesByUrl],
    talks: [...present(talksById), ...talksOnMatchedPages],
    highlights: present(highlights),
    collections,
    settings: present(settings),
  };
}

/** Talks and highlights whose page is not in the backup must find it in the library. */
async function checkPageReferences(db: TalkNotesDatabase, backup: LibraryData): Promise<void> {
  const inBackup = new Set(backup.pages.map((p) => p.id));
  const outside = new Set<string>();
  for (const record of [...backup.talks, ...backup.highlights]) {
    if (record.pageId !== null && !inBackup.has(record.pageId)) outside.add(record.pageId);
  }
  if (outside.size === 0) return;
  const ids = [...outside];
  const found = await db.pages.bulkGet(ids);
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    throw new ImportError(
      `${missing.length} page${missing.length === 1 ? '' : 's'} referred to by the backup ${missing.length === 1 ? 'is' : 'are'} neither in the file nor in your library (${missing
        .slice(0, 3)
        .map((id) => JSON.stringify(id))
        .join(', ')}${missing.length > 3 ? ', …' : ''}). Nothing was imported.`,
    );
  }
}

/** The ids of every page in the library: lets `parseBackup` accept records that refer to them. */
export async function libraryPageIds(db: TalkNotesDatabase): Promise<Set<string>> {
  return new Set((await db.pages.toCollection().primaryKeys()) as string[]);
}
