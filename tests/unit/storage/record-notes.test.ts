/**
 * A talk's and a page's own note and tags (#17): written as optional fields of their records, kept
 * by every other write that touches those records (a clip again, a schedule import again, a merge of
 * talks), and read from databases written before notes existed.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteOf, tagsOf } from '@/core/record-notes';
import { createCommands } from '@/storage/commands';
import { importSchedule, talksOfConference } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { setRecordNote, setRecordTags } from '@/storage/record-notes';
import { SCHEMA_VERSIONS } from '@/storage/schema';
import { mergeTalks } from '@/storage/talks';
import { clipOn } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';

const A = 'https://a.example/day-1';

describe('talk and page notes', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`record-notes-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('sets a talk’s and a page’s note and tags, bumping updatedAt only when something changed', async () => {
    const { highlight } = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    const talkId = highlight.talkId!;
    expect(noteOf(await db.talks.get(talkId))).toBe('');
    const talk = await setRecordNote(db, 'talk', talkId, 'What I’ll try: **kGraft**', 10);
    expect(talk).toMatchObject({ note: 'What I’ll try: **kGraft**', updatedAt: 10 });
    expect(await setRecordNote(db, 'talk', talkId, 'What I’ll try: **kGraft**', 20)).toMatchObject({
      updatedAt: 10,
    });
    const page = await setRecordTags(db, 'page', highlight.pageId, [' recaps ', 'Recaps', '#kernel'], 30);
    expect(page).toMatchObject({ tags: ['recaps', 'kernel'], updatedAt: 30 });
    expect(await db.pages.get(highlight.pageId)).toMatchObject({ tags: ['recaps', 'kernel'] });
    // Only the record named: the highlight and the other talks are untouched.
    expect((await db.highlights.get(highlight.id))?.updatedAt).toBe(highlight.updatedAt);
    await expect(setRecordNote(db, 'talk', 'gone', 'x')).rejects.toThrow('talk gone does not exist');
    await expect(setRecordTags(db, 'page', 'gone', ['x'])).rejects.toThrow('page gone does not exist');
  });

  it('the commands tell no tab to redraw: talks’ and pages’ own notes are not drawn in pages', async () => {
    const { highlight } = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    const notify = vi.fn();
    const commands = createCommands({ db, notify, now: () => 50 });
    expect(await commands.setRecordNote('page', highlight.pageId, 'Good recap')).toMatchObject({
      note: 'Good recap',
      updatedAt: 50,
    });
    await commands.setRecordTags('talk', highlight.talkId!, ['kernel']);
    expect(notify).not.toHaveBeenCalled();
  });

  it('a page clipped again and its talks detected again keep their notes', async () => {
    const { highlight } = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    await setRecordNote(db, 'page', highlight.pageId, 'Page note');
    await setRecordNote(db, 'talk', highlight.talkId!, 'Talk note');
    await setRecordTags(db, 'talk', highlight.talkId!, ['kernel']);
    const again = await clipOn(db, A, 'kpatch', 80, 'Kernel live patching');
    expect(again.highlight.talkId).toBe(highlight.talkId);
    expect(await db.pages.get(highlight.pageId)).toMatchObject({ note: 'Page note' });
    expect(await db.talks.get(highlight.talkId!)).toMatchObject({ note: 'Talk note', tags: ['kernel'] });
  });

  it('merging talks keeps every note (each once) and unites the tags', async () => {
    const a = await clipOn(db, A, 'kGraft', 60, 'Kernel live patching');
    const b = await clipOn(db, 'https://b.example/', 'livepatch', 60, 'Kernel live patching');
    const [target, other] = [a.highlight.talkId!, b.highlight.talkId!];
    await setRecordNote(db, 'talk', target, 'From day 1');
    await setRecordTags(db, 'talk', target, ['kernel']);
    await setRecordNote(db, 'talk', other, 'From the other blog');
    await setRecordTags(db, 'talk', other, ['Kernel', 'patching']);
    await mergeTalks(db, target, [other]);
    const merged = await db.talks.get(target);
    expect(noteOf(merged)).toBe('From day 1\n\nFrom the other blog');
    expect(tagsOf(merged)).toEqual(['kernel', 'patching']);
  });

  it('importing a conference’s schedule again keeps the reader’s note on its talk', async () => {
    const source = { url: 'https://schedule.example/fosdem.json' };
    const first = schedule([event('a', 'Rust in the kernel', '2026-01-31T10:00:00+01:00')]);
    const { conference } = await importSchedule(db, first, source);
    const [talk] = await talksOfConference(db, conference.id);
    await setRecordNote(db, 'talk', talk!.id, 'Watch the recording');
    await setRecordTags(db, 'talk', talk!.id, ['rust']);
    const moved = schedule([event('a', 'Rust in the kernel', '2026-01-31T11:00:00+01:00')]);
    const again = await importSchedule(db, moved, source);
    expect(again.changed).toBe(1);
    expect(await db.talks.get(talk!.id)).toMatchObject({
      start: '2026-01-31T11:00:00+01:00',
      note: 'Watch the recording',
      tags: ['rust'],
    });
  });
});

describe('a library written before talk and page notes existed', () => {
  // Notes are optional fields without an index: no new database version, and rows of every
  // version read as having no note, and take one.
  it.each(SCHEMA_VERSIONS.map((s) => s.version))(
    'opens at version %i rows and notes them',
    async (version) => {
      const name = `record-notes-v${version}-${crypto.randomUUID()}`;
      const old = new Dexie(name);
      for (const schema of SCHEMA_VERSIONS.filter((s) => s.version <= version))
        old.version(schema.version).stores(schema.stores);
      await old.open();
      const page = {
        id: 'p1',
        url: A,
        title: 'Day 1',
        authors: [],
        siteName: null,
        publishedAt: null,
        lang: null,
        canonicalUrl: null,
        excerpt: null,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      };
      const talk = {
        id: 't1',
        pageId: 'p1',
        title: 'Kernel live patching',
        speakers: [],
        position: 10,
        detected: true,
        detectedTitle: 'Kernel live patching',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      };
      await old.table('pages').add(page);
      await old.table('talks').add(talk);
      old.close();

      const db = createDatabase(name);
      try {
        expect(noteOf(await db.talks.get('t1'))).toBe('');
        expect(tagsOf(await db.pages.get('p1'))).toEqual([]);
        await setRecordNote(db, 'talk', 't1', 'Now with a note', 1_800_000_000_000);
        await setRecordTags(db, 'page', 'p1', ['recaps'], 1_800_000_000_000);
        db.close();
        const reopened = createDatabase(name);
        expect(await reopened.talks.get('t1')).toEqual({
          ...talk,
          note: 'Now with a note',
          updatedAt: 1_800_000_000_000,
        });
        expect(await reopened.pages.get('p1')).toEqual({
          ...page,
          tags: ['recaps'],
          updatedAt: 1_800_000_000_000,
        });
        await reopened.delete();
      } finally {
        db.close();
      }
    },
  );
});
