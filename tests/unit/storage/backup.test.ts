import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LibraryData, parseBackup, serializeBackup } from '@/core/backup';
import {
  type BackupProgress,
  exportBackup,
  ImportError,
  importBackup,
  libraryReferences,
} from '@/storage/backup';
import { saveClip } from '@/storage/clips';
import { importSchedule, talksOfConference } from '@/storage/conferences';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { updateHighlight } from '@/storage/highlights';
import { getSetting } from '@/storage/settings';
import { buildLibraryIndex } from '@/core/library/library-index';
import { setTalk } from '@/storage/library';
import { noMetadata, quotedPassage } from '../clip-fixtures';
import {
  at,
  conference,
  conferenceLibrary,
  conferenceTalk,
  highlight,
  page,
  sampleLibrary,
  talk,
} from '../core/backup-fixtures';
import { event, schedule } from '../schedule-fixtures';
import { fillLibrary, readWholeLibrary, wipeLibrary } from './library-helpers';

/** A backup of `n` highlights on one page: big enough to be written in several chunks. */
function bigLibrary(n: number): LibraryData {
  return {
    pages: [page('big')],
    conferences: [],
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

  it('round trip: export, wipe, import: every record is identical (export options once applied)', async () => {
    await fillLibrary(db, sampleLibrary());
    const { highlight: clipped } = await saveClip(
      db,
      {
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
      },
      Date.now(),
      'Ada’s laptop',
    );
    await updateHighlight(db, clipped.id, { note: 'Ask about syzkaller', tags: ['testing/fuzzing'] });
    const before = await readWholeLibrary(db);
    // Who made it (#16) goes through the backup too.
    expect(before.highlights.find((h) => h.id === clipped.id)?.author).toBe('Ada’s laptop');

    const file = serializeBackup(await exportBackup(db, { now: Date.UTC(2024, 4, 1) }));
    await wipeLibrary(db);
    expect(await db.highlights.count()).toBe(0);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const result = await importBackup(db, parsed.backup);

    // Export options are held back for the reader to apply (they change what exports write).
    expect(result).toMatchObject({ added: 12, updated: 0, skipped: 0 });
    expect(parsed.held.map((s) => s.key)).toEqual(['exportOptions']);
    expect(await readWholeLibrary(db)).toEqual({
      ...before,
      settings: before.settings.filter((s) => s.key !== 'exportOptions'),
    });
    for (const setting of parsed.held) await db.settings.put(setting);
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  it('round trip of talks’ and pages’ own notes and tags (#17); merged by newer edit, and Keep mine keeps them', async () => {
    await fillLibrary(db, sampleLibrary());
    const commands = createCommands({ db, now: () => at(5_000) });
    const [firstPage] = await db.pages.toArray();
    const [firstTalk] = await db.talks.toArray();
    await commands.setRecordNote('talk', firstTalk!.id, 'Summary: **try it**');
    await commands.setRecordTags('talk', firstTalk!.id, ['to try', 'kernel']);
    await commands.setRecordNote('page', firstPage!.id, 'Good recap');
    await commands.setRecordTags('page', firstPage!.id, ['recaps']);
    const before = await readWholeLibrary(db);

    const file = serializeBackup(await exportBackup(db, { now: at(6_000) }));
    expect(file).toContain('Summary: **try it**');
    await wipeLibrary(db);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    await importBackup(db, parsed.backup);
    for (const setting of parsed.held) await db.settings.put(setting);
    expect(await readWholeLibrary(db)).toEqual(before);
    expect(await db.talks.get(firstTalk!.id)).toMatchObject({
      note: 'Summary: **try it**',
      tags: ['to try', 'kernel'],
    });
    expect(await db.pages.get(firstPage!.id)).toMatchObject({ note: 'Good recap', tags: ['recaps'] });

    // A later edit here wins over the older backup; an edit in the backup made after wins over ours.
    await createCommands({ db, now: () => at(7_000) }).setRecordNote('talk', firstTalk!.id, 'Edited since');
    const older = await importBackup(db, parsed.backup);
    expect(older.tables.talks.updated).toBe(0);
    expect((await db.talks.get(firstTalk!.id))?.note).toBe('Edited since');
    const newer = {
      ...parsed.backup,
      talks: parsed.backup.talks.map((t) =>
        t.id === firstTalk!.id ? { ...t, note: 'From the other browser', updatedAt: at(9_000) } : t,
      ),
    };
    // Keep mine: the reader's newer-looking record is not overwritten.
    await importBackup(db, newer, { overwrite: new Set() });
    expect((await db.talks.get(firstTalk!.id))?.note).toBe('Edited since');
    await importBackup(db, newer);
    expect((await db.talks.get(firstTalk!.id))?.note).toBe('From the other browser');
  });

  it('a backup’s linked pages (postLinks) are listed with their post in the dashboard (#18)', async () => {
    const copy = 'https://dev.to/a-writer/p1';
    const post = page('p1');
    await fillLibrary(db, { ...sampleLibrary(), settings: [{ key: 'postLinks', value: {} }] });
    const backup: LibraryData = {
      ...sampleLibrary(),
      settings: [{ key: 'postLinks', value: { [copy]: { post: post.url, linked: true } } }],
    };
    await importBackup(db, backup);
    expect(await getSetting(db, 'postLinks')).toEqual({ [copy]: { post: post.url, linked: true } });
    const { pages, highlights, talks } = await readWholeLibrary(db);
    const index = buildLibraryIndex({ pages, highlights, talks });
    const slot = index.pages.findIndex((p) => p.url === post.url);
    expect(index.postAddresses[index.postSlot[slot]!]).toEqual([post.url, copy]);
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
    backup.highlights[0] = { ...backup.highlights[0]!, note: 'newer', updatedAt: at(9_000) };
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
      conferences: [],
      talks: [],
      highlights: [],
      collections: [],
      settings: [],
    });
  });

  it('a page of the library may be referred to', async () => {
    await db.pages.put(page('lib'));
    expect((await libraryReferences(db)).libraryPageIds).toEqual(new Set(['lib']));
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
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(backup).toMatchObject({
      format: 'talk-notes-backup',
      version: 2,
      exportedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(backup.highlights).toHaveLength(3);
    const controller = new AbortController();
    controller.abort();
    await expect(exportBackup(db, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  describe('with conferences', () => {
    /** FOSDEM with these events, an hour apart, each with its event page. */
    const fosdem = (titles = ['Rust in the kernel', 'Postgres at scale']) =>
      schedule(
        titles.map((title, i) =>
          event(`ev-${i}`, title, `2026-01-31T1${i}:00:00+01:00`, {
            url: `https://fosdem.example/2026/event/${i}`,
          }),
        ),
      );
    const SOURCE = { url: 'https://fosdem.example/2026/schedule.xml' };

    /** A conference, a page whose talk is linked to its first talk, and a passage filed under its second. */
    async function readerOf(target: TalkNotesDatabase, now: number) {
      const { conference } = await importSchedule(target, fosdem(), SOURCE, now);
      const [first, second] = await talksOfConference(target, conference.id);
      const recap = { url: 'https://blog.example/fosdem-recap', title: 'Recap', ...noMetadata() };
      const detected = [{ title: 'Rust in the kernel', speakers: [], position: 100 }];
      const linked = await saveClip(target, {
        page: recap,
        talks: detected,
        highlight: quotedPassage('memory safety', 150, 'Rust in the kernel'),
      });
      const pageTalk = (await target.talks.where('pageId').equals(linked.highlight.pageId).toArray())[0]!;
      await target.talks.update(pageTalk.id, {
        scheduleTalkId: first!.id,
        scheduleLink: 'matched',
        scheduleCandidates: [first!.id, second!.id],
      });
      const direct = await saveClip(target, {
        page: recap,
        talks: detected,
        highlight: quotedPassage('vacuum less', 300, 'Rust in the kernel'),
      });
      await setTalk(target, [direct.highlight.id], second!.id, now);
      return {
        conference,
        first: first!,
        second: second!,
        pageTalk,
        linked: linked.highlight,
        direct: direct.highlight,
      };
    }

    it('round trip: export, wipe, import: the conference, its talks and the links are identical', async () => {
      await readerOf(db, at(1_000));
      const before = await readWholeLibrary(db);
      expect(before.conferences).toHaveLength(1);

      const file = serializeBackup(await exportBackup(db, { now: at(5_000) }));
      await wipeLibrary(db);
      const parsed = parseBackup(file);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.warnings).toEqual([]);
      const result = await importBackup(db, parsed.backup);

      expect(result.tables.conferences).toEqual({ added: 1, updated: 0, skipped: 0 });
      expect(result.tables.talks).toEqual({ added: 3, updated: 0, skipped: 0 });
      expect(await readWholeLibrary(db)).toEqual(before);
    });

    it('the same conference imported here too: one conference, talks by schedule id, links and passages follow', async () => {
      const other = createDatabase(`backup-other-${crypto.randomUUID()}`);
      try {
        const theirs = await readerOf(other, at(1_000));
        const file = serializeBackup(await exportBackup(other, { now: at(5_000) }));
        // This browser imported the same schedule (other ids), with a third event since.
        const { conference } = await importSchedule(
          db,
          fosdem(['Rust in the kernel', 'Postgres at scale', 'A late addition']),
          SOURCE,
          at(2_000),
        );
        const mine = await talksOfConference(db, conference.id);
        expect(mine.map((t) => t.id)).not.toContain(theirs.first.id);

        const parsed = parseBackup(file, await libraryReferences(db));
        if (!parsed.ok) throw new Error(parsed.error);
        const result = await importBackup(db, parsed.backup);

        expect(result.tables.conferences).toEqual({ added: 0, updated: 0, skipped: 1 });
        expect(await db.conferences.count()).toBe(1);
        expect((await talksOfConference(db, conference.id)).map((t) => t.id)).toEqual(mine.map((t) => t.id));
        const pageTalk = await db.talks.get(theirs.pageTalk.id);
        expect(pageTalk).toMatchObject({
          scheduleTalkId: mine[0]!.id,
          scheduleLink: 'matched',
          scheduleCandidates: [mine[0]!.id, mine[1]!.id],
        });
        expect((await db.highlights.get(theirs.direct.id))?.talkId).toBe(mine[1]!.id);
        expect((await db.highlights.get(theirs.linked.id))?.talkId).toBe(theirs.pageTalk.id);
        // Nothing points at the other browser's ids.
        const library = await readWholeLibrary(db);
        const ids = new Set(library.talks.map((t) => t.id));
        for (const t of library.talks) if (t.scheduleTalkId) expect(ids.has(t.scheduleTalkId)).toBe(true);
        for (const h of library.highlights) if (h.talkId) expect(ids.has(h.talkId)).toBe(true);
        // And again: nothing changes.
        const again = await importBackup(db, parsed.backup);
        expect(again).toMatchObject({ added: 0, updated: 0 });
        expect(await readWholeLibrary(db)).toEqual(library);
      } finally {
        await other.delete();
      }
    });

    it('the clip guard’s offer on a passage and a refusal round-trip; the offer follows the conference talks to this library’s ids', async () => {
      const other = createDatabase(`backup-other-${crypto.randomUUID()}`);
      const third = createDatabase(`backup-third-${crypto.randomUUID()}`);
      try {
        const theirs = await readerOf(other, at(1_000));
        await other.highlights.update(theirs.linked.id, {
          scheduleCandidates: [theirs.second.id, theirs.first.id],
        });
        await other.highlights.update(theirs.direct.id, { guardDeclined: true });
        const before = await readWholeLibrary(other);
        const file = serializeBackup(await exportBackup(other, { now: at(5_000) }));

        const parsed = parseBackup(file);
        if (!parsed.ok) throw new Error(parsed.error);
        await importBackup(db, parsed.backup);
        expect(await readWholeLibrary(db)).toEqual(before);
        expect((await db.highlights.get(theirs.linked.id))?.scheduleCandidates).toEqual([
          theirs.second.id,
          theirs.first.id,
        ]);
        expect((await db.highlights.get(theirs.direct.id))?.guardDeclined).toBe(true);

        // A library that imported the same schedule itself, under other ids.
        const { conference } = await importSchedule(third, fosdem(), SOURCE, at(2_000));
        const mine = await talksOfConference(third, conference.id);
        const intoThird = parseBackup(file, await libraryReferences(third));
        if (!intoThird.ok) throw new Error(intoThird.error);
        await importBackup(third, intoThird.backup);
        expect((await third.highlights.get(theirs.linked.id))?.scheduleCandidates).toEqual([
          mine[1]!.id,
          mine[0]!.id,
        ]);
      } finally {
        await other.delete();
        await third.delete();
      }
    });

    it('with the same conference twice in the library, the one the backup does not hold takes its talks', async () => {
      const source = { sourceUrl: 'https://fosdem.example/2026/schedule.xml' };
      await fillLibrary(db, {
        ...sampleLibrary(),
        conferences: [conference('a', source), conference('b', source)],
        talks: [conferenceTalk('a-1', 'a', 'ev-1'), conferenceTalk('b-1', 'b', 'ev-1')],
      });
      await importBackup(db, {
        ...bigLibrary(0),
        pages: [],
        conferences: [conference('a', source), conference('x', source)],
        talks: [conferenceTalk('x-1', 'x', 'ev-1')],
      });
      expect((await talksOfConference(db, 'b')).map((t) => t.id)).toEqual(['b-1']);
      expect(await db.talks.get('x-1')).toBeUndefined();
    });

    it('a talk of a conference that is nowhere: a clear error, nothing written', async () => {
      const backup = conferenceLibrary();
      backup.conferences = [];
      await expect(importBackup(db, backup)).rejects.toThrow(
        '1 conference referred to by the backup is neither in the file nor in your library ("fosdem"). Nothing was imported.',
      );
      expect(await db.conferences.count()).toBe(0);
      expect(await db.talks.count()).toBe(0);
      expect(await db.pages.count()).toBe(0);
    });

    it('a link to a conference talk that is nowhere is dropped; one to a library conference talk is kept', async () => {
      await fillLibrary(db, { ...sampleLibrary(), conferences: [conference('lib')] });
      await db.talks.put(conferenceTalk('lib-ct', 'lib', 'ev-9'));
      const backup = conferenceLibrary();
      backup.talks.push(
        talk('to-nowhere', 'recap', { scheduleTalkId: 'gone', scheduleLink: 'chosen' }),
        talk('to-library', 'recap', { scheduleTalkId: 'lib-ct', scheduleLink: 'chosen' }),
      );
      await importBackup(db, backup);
      const toNowhere = await db.talks.get('to-nowhere');
      expect(toNowhere).toBeDefined();
      expect(toNowhere?.scheduleTalkId).toBeUndefined();
      expect(toNowhere?.scheduleLink).toBeUndefined();
      expect(await db.talks.get('to-library')).toMatchObject({ scheduleTalkId: 'lib-ct' });
    });

    it('progress counts the conference rows; cancelling after them leaves the library as it was', async () => {
      const seen: BackupProgress[] = [];
      await importBackup(db, conferenceLibrary(), { onProgress: (p) => seen.push(p) });
      // 1 page, 1 conference, 3 talks, 2 highlights.
      expect(seen.at(-1)).toEqual({ phase: 'writing', done: 7, total: 7 });

      await wipeLibrary(db);
      const big = bigLibrary(4_500);
      const controller = new AbortController();
      const cancelled = importBackup(
        db,
        { ...big, conferences: [conference('fosdem')], talks: [conferenceTalk('ct', 'fosdem', 'ev-1')] },
        {
          signal: controller.signal,
          onProgress: (p) => p.phase === 'writing' && p.done > 2_000 && controller.abort(),
        },
      );
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      expect(await db.conferences.count()).toBe(0);
      expect(await db.talks.count()).toBe(0);
    });

    it('libraryReferences: the pages, conferences and conference talks a file may refer to', async () => {
      await fillLibrary(db, conferenceLibrary());
      expect(await libraryReferences(db)).toEqual({
        libraryPageIds: new Set(['recap']),
        libraryConferenceIds: new Set(['fosdem']),
        libraryConferenceTalkIds: new Set(['ct1', 'ct2']),
      });
    });

    it('a version 1 file (from before conferences) restores every record', async () => {
      const text = readFileSync(join(__dirname, '../../fixtures/backup/v1-library.json'), 'utf8');
      const file = JSON.parse(text);
      const parsed = parseBackup(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const result = await importBackup(db, parsed.backup);
      expect(result).toMatchObject({ added: 11, updated: 0, skipped: 0 });
      const byId = <T extends { id: string }>(rows: T[]) =>
        [...rows].sort((a, b) => a.id.localeCompare(b.id));
      const library = await readWholeLibrary(db);
      expect(library.conferences).toEqual([]);
      expect(byId(library.pages)).toEqual(byId(file.pages));
      expect(byId(library.talks)).toEqual(byId(file.talks));
      expect(byId(library.highlights)).toEqual(byId(file.highlights));
      expect(library.collections).toEqual(file.collections);
      expect(library.settings).toEqual(file.settings);
    });
  });
});
