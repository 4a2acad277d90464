import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LibraryData, parseBackup, serializeBackup } from '@/core/backup';
import {
  type BackupProgress,
  exportBackup,
  ImportError,
  importBackup,
  libraryPageIds,
} from '@/storage/backup';
import { saveClip } from '@/storage/clips';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { highlight, page, sampleLibrary } from '../core/backup-fixtures';
import { fillLibrary, readWholeLibrary, wipeLibrary } from './library-helpers';

/** A backup of `n` highlights on one page: big enough to be written in several chunks. */
function bigLibrary(n: number): LibraryData {
  return {
    pages: [page('big')],
    talks: [],
    highlights: Array.from({ length: n }, (_, i) =>
      highlight(`h${String(i).padStart(6, '0')}`, 'big', { position: i }),
    ),
    collections: [],
    settings: [],
  };
}

describe('backup storage', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`backup-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('round trip: export, wipe, import: every record is identical', async () => {
    await fillLibrary(db, sampleLibrary());
    const { highlight: clipped } = await saveClip(db, {
      page: {
        url: 'https://conf.example/day-3',
        title: 'Open Source Summit - Day 3',
        authors: ['Blog Author'],
        siteName: 'Conference Notes Blog',
        publishedAt: '2017-10-29T08:35:00+02:00',
        lang: 'en',
        canonicalUrl: null,
        excerpt: 'Open source summit Wednesday started with a keynote',
      },
      talks: [{ title: 'Linus Torvalds Q&A', speakers: ['Linus Torvalds'], position: 100 }],
      highlight: {
        text: 'fuzzing in order to find bugs',
        markdown: '*fuzzing* in order to find bugs',
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'fuzzing in order to find bugs',
            prefix: 'testing/ ',
            suffix: ' in code',
          },
        ],
        color: 'green',
        note: '',
        position: 200,
        talkTitle: 'Linus Torvalds Q&A',
      },
    });
    await updateHighlight(db, clipped.id, { note: 'Ask about syzkaller', tags: ['testing/fuzzing'] });
    const before = await readWholeLibrary(db);

    const file = serializeBackup(await exportBackup(db, { now: Date.UTC(2024, 4, 1) }));
    await wipeLibrary(db);
    expect(await db.highlights.count()).toBe(0);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const result = await importBackup(db, parsed.backup);

    expect(result).toMatchObject({ added: 13, updated: 0, skipped: 0 });
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    await importBackup(db, sampleLibrary());
    const once = await readWholeLibrary(db);
    const again = await importBackup(db, sampleLibrary());
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 10 });
    expect(again.tables.highlights).toEqual({ added: 0, updated: 0, skipped: 3 });
    expect(await readWholeLibrary(db)).toEqual(once);
  });

  it('merges into a non-empty library: newer updatedAt wins, a page with the same URL stays one page', async () => {
    await fillLibrary(db, sampleLibrary());
    const backup = sampleLibrary();
    backup.highlights[0] = { ...backup.highlights[0]!, note: 'newer', updatedAt: 9_000 };
    backup.pages.push(page('elsewhere', { url: 'https://blog.example/p1-copy' }));
    await db.pages.put(page('mine', { url: 'https://blog.example/p1-copy' }));
    backup.highlights.push(highlight('h-new', 'elsewhere'));

    const result = await importBackup(db, backup);

    expect(result.tables.highlights).toEqual({ added: 1, updated: 1, skipped: 2 });
    // Open tabs of the pages whose highlights came or changed redraw; nothing else is disturbed.
    expect(new Set(result.changedPages)).toEqual(
      new Set([backup.highlights[0]!.url, 'https://blog.example/elsewhere']),
    );
    expect((await db.highlights.get('h1'))?.note).toBe('newer');
    expect((await db.highlights.get('h-new'))?.pageId).toBe('mine');
    expect(await db.pages.where('url').equals('https://blog.example/p1-copy').count()).toBe(1);
  });

  it('reports progress through checking and writing, ending at the total', async () => {
    const seen: BackupProgress[] = [];
    await importBackup(db, bigLibrary(4_500), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ phase: 'checking', done: 0, total: 1 });
    expect(seen.filter((p) => p.phase === 'writing').map((p) => p.done)).toEqual([0, 1, 2_001, 4_001, 4_501]);
    expect(seen.at(-1)).toEqual({ phase: 'writing', done: 4_501, total: 4_501 });
  });

  it('cancelling mid-import leaves the library exactly as it was', async () => {
    await fillLibrary(db, sampleLibrary());
    const before = await readWholeLibrary(db);
    const controller = new AbortController();
    const run = importBackup(db, bigLibrary(6_000), {
      signal: controller.signal,
      // Cancel once some rows are written: those must be rolled back too.
      onProgress: (p) => p.phase === 'writing' && p.done > 2_000 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  it('an already cancelled import does nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importBackup(db, sampleLibrary(), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await db.pages.count()).toBe(0);
  });

  it('a record whose page is nowhere: a clear error, nothing written', async () => {
    const backup = sampleLibrary();
    backup.highlights.push(highlight('orphan', 'p-missing'));
    await expect(importBackup(db, backup)).rejects.toThrow(ImportError);
    await expect(importBackup(db, backup)).rejects.toThrow(
      '1 page referred to by the backup is neither in the file nor in your library ("p-missing"). Nothing was imported.',
    );
    expect(await readWholeLibrary(db)).toEqual({
      pages: [],
      talks: [],
      highlights: [],
      collections: [],
      settings: [],
    });
  });

  it('a page of the library may be referred to', async () => {
    await db.pages.put(page('lib'));
    expect(await libraryPageIds(db)).toEqual(new Set(['lib']));
    await importBackup(db, { ...bigLibrary(0), pages: [], highlights: [highlight('x', 'lib')] });
    expect(await db.highlights.get('x')).toBeDefined();
  });

  it('a database error mid-import rolls everything back', async () => {
    await fillLibrary(db, sampleLibrary());
    const before = await readWholeLibrary(db);
    db.highlights.hook('creating', (_key, record) => {
      if (record.id === 'h004000') throw new Error('disk full');
    });
    await expect(importBackup(db, bigLibrary(4_500))).rejects.toThrow('disk full');
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  it('export: a consistent snapshot, with progress; cancelled before it starts, nothing is read', async () => {
    await fillLibrary(db, sampleLibrary());
    const seen: number[] = [];
    const backup = await exportBackup(db, { now: 0, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(backup).toMatchObject({
      format: 'talk-notes-backup',
      version: 1,
      exportedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(backup.highlights).toHaveLength(3);
    const controller = new AbortController();
    controller.abort();
    await expect(exportBackup(db, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
