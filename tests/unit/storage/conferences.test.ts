import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '@/storage/clips';
import { importSchedule, listConferences, removeConference, talksOfConference } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { setTalk } from '@/storage/library';
import { noMetadata, quotedPassage } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';

const SOURCE = { url: 'https://fosdem.example/2026/schedule/xml' };

describe('conference schedules in storage', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`conferences-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('imports a conference with its talks in schedule order', async () => {
    const result = await importSchedule(
      db,
      schedule([
        event('b', 'Second', '2026-01-31T11:00:00+01:00'),
        event('a', 'First', '2026-01-31T10:00:00+01:00', { room: 'K.1.105' }),
        event('c', 'Untimed', '', { start: null, day: null }),
      ]),
      SOURCE,
      1000,
    );
    expect(result).toMatchObject({ updated: false, talks: 3, added: 3, changed: 0, removed: 0, kept: 0 });
    expect(result.conference).toMatchObject({
      title: 'FOSDEM 2026',
      sourceUrl: SOURCE.url,
      format: 'frab-xml',
    });
    const talks = await talksOfConference(db, result.conference.id);
    expect(talks.map((t) => t.title)).toEqual(['First', 'Second', 'Untimed']);
    expect(talks[0]).toMatchObject({
      pageId: null,
      conferenceId: result.conference.id,
      scheduleId: 'a',
      room: 'K.1.105',
    });
  });

  it('a re-import updates talks by schedule id: nothing duplicated, no highlight moves', async () => {
    const first = await importSchedule(
      db,
      schedule([
        event('a', 'Rust in the kernel', '2026-01-31T10:00:00+01:00'),
        event('b', 'Postgres at scale', '2026-01-31T11:00:00+01:00'),
      ]),
      SOURCE,
      1000,
    );
    const [a] = await talksOfConference(db, first.conference.id);
    // A passage filed directly under the conference talk stays there through the update.
    const { highlight } = await saveClip(db, {
      page: { url: 'https://blog.example/recap', title: 'Recap', ...noMetadata() },
      talks: [],
      highlight: quotedPassage('memory safety', 10, null),
    });
    await setTalk(db, [highlight.id], a!.id);

    const recording = { kind: 'recording' as const, url: 'https://video.example/rust.webm', title: 'Video' };
    const second = await importSchedule(
      db,
      schedule([
        event('a', 'Rust in the Linux kernel', '2026-01-31T14:00:00+01:00', {
          room: 'K.1.105',
          links: [recording],
        }),
        event('b', 'Postgres at scale', '2026-01-31T11:00:00+01:00'),
        event('d', 'A new talk', '2026-02-01T09:00:00+01:00'),
      ]),
      SOURCE,
      2000,
    );
    expect(second).toMatchObject({ updated: true, talks: 3, added: 1, changed: 1, removed: 0 });
    expect(second.conference.id).toBe(first.conference.id);
    expect(await db.conferences.count()).toBe(1);
    const talks = await talksOfConference(db, first.conference.id);
    expect(talks.map((t) => t.title)).toEqual([
      'Postgres at scale',
      'Rust in the Linux kernel',
      'A new talk',
    ]);
    const updated = talks.find((t) => t.scheduleId === 'a')!;
    expect(updated).toMatchObject({
      id: a!.id,
      room: 'K.1.105',
      links: [recording],
      createdAt: 1000,
      updatedAt: 2000,
    });
    expect((await db.highlights.get(highlight.id))?.talkId).toBe(a!.id);
  });

  it('the same conference imported from a file (no URL) is recognised by its title and dates', async () => {
    const first = await importSchedule(db, schedule([event('a', 'One', '2026-01-31T10:00:00+01:00')]), {
      fileName: 'schedule.xml',
    });
    const again = await importSchedule(db, schedule([event('a', 'One', '2026-01-31T10:00:00+01:00')]), {
      fileName: 'fosdem.xml',
    });
    expect(again.updated).toBe(true);
    expect(again.conference.id).toBe(first.conference.id);
    expect(again).toMatchObject({ added: 0, changed: 0 });
    const otherYear = await importSchedule(
      db,
      {
        ...schedule([event('a', 'One', '2025-02-01T10:00:00+01:00')]),
        conference: { ...schedule([]).conference, start: '2025-02-01' },
      },
      { fileName: 'fosdem25.xml' },
    );
    expect(otherYear.updated).toBe(false);
    expect((await listConferences(db)).length).toBe(2);
  });

  it('an event dropped from the schedule is deleted, unless passages are filed under it (then kept, flagged)', async () => {
    const { conference } = await importSchedule(
      db,
      schedule([
        event('a', 'Kept', '2026-01-31T10:00:00+01:00'),
        event('b', 'Dropped', '2026-01-31T11:00:00+01:00'),
        event('c', 'Cancelled but read about', '2026-01-31T12:00:00+01:00'),
      ]),
      SOURCE,
    );
    const cancelled = (await talksOfConference(db, conference.id)).find((t) => t.scheduleId === 'c')!;
    const { highlight } = await saveClip(db, {
      page: { url: 'https://blog.example/recap', title: 'Recap', ...noMetadata() },
      talks: [],
      highlight: quotedPassage('they did not come', 10, null),
    });
    await setTalk(db, [highlight.id], cancelled.id);
    const result = await importSchedule(
      db,
      schedule([event('a', 'Kept', '2026-01-31T10:00:00+01:00')]),
      SOURCE,
    );
    expect(result).toMatchObject({ removed: 1, kept: 1 });
    const talks = await talksOfConference(db, conference.id);
    expect(talks.map((t) => [t.title, !!t.removedFromSchedule])).toEqual([
      ['Kept', false],
      ['Cancelled but read about', true],
    ]);
    expect((await db.highlights.get(highlight.id))?.talkId).toBe(cancelled.id);
  });

  it('removing a conference unlinks its page talks and gives direct passages back to their page talks', async () => {
    const { conference } = await importSchedule(
      db,
      schedule([event('a', 'Fast Builds', '2026-01-31T10:00:00+01:00')]),
      SOURCE,
    );
    const [scheduleTalk] = await talksOfConference(db, conference.id);
    const page = { url: 'https://blog.example/recap', title: 'Recap', ...noMetadata() };
    const detected = [{ title: 'Fast Builds', speakers: [], position: 100 }];
    const { highlight: linkedPassage } = await saveClip(db, {
      page,
      talks: detected,
      highlight: quotedPassage('cache it', 150, 'Fast Builds'),
    });
    const pageTalk = (await db.talks.where('pageId').equals(linkedPassage.pageId).toArray())[0]!;
    await db.talks.update(pageTalk.id, { scheduleTalkId: scheduleTalk!.id, scheduleLink: 'matched' });
    const { highlight: direct } = await saveClip(db, {
      page,
      talks: detected,
      highlight: quotedPassage('then ship it', 300, 'Fast Builds'),
    });
    await setTalk(db, [direct.id], scheduleTalk!.id);

    const result = await removeConference(db, conference.id);
    expect(result.unlinkedTalks).toBe(1);
    expect(result.moved.map((h) => h.id)).toEqual([direct.id]);
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.where('conferenceId').equals(conference.id).count()).toBe(0);
    const after = await db.talks.get(pageTalk.id);
    expect(after?.scheduleTalkId).toBeUndefined();
    expect(after?.scheduleLink).toBeUndefined();
    expect((await db.highlights.get(direct.id))?.talkId).toBe(pageTalk.id);
    expect((await db.highlights.get(linkedPassage.id))?.talkId).toBe(pageTalk.id);
    expect(await db.highlights.count()).toBe(2);
  });

  it('an import the reader cancels while it writes leaves nothing behind', async () => {
    const controller = new AbortController();
    // Cancelled once the talks are written, before the transaction commits.
    db.talks.hook('creating', () => controller.abort(new DOMException('cancelled', 'AbortError')));
    await expect(
      importSchedule(
        db,
        schedule([event('a', 'Fine', '2026-01-31T10:00:00+01:00')]),
        SOURCE,
        1000,
        controller.signal,
      ),
    ).rejects.toThrow('cancelled');
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });

  it('a failing write leaves nothing half-imported', async () => {
    db.talks.hook('creating', (_key, talk) => {
      if (talk.title === 'Poison') throw new Error('disk full');
    });
    await expect(
      importSchedule(
        db,
        schedule([
          event('a', 'Fine', '2026-01-31T10:00:00+01:00'),
          event('b', 'Poison', '2026-01-31T11:00:00+01:00'),
        ]),
        SOURCE,
      ),
    ).rejects.toThrow();
    expect(await db.conferences.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
  });
});
