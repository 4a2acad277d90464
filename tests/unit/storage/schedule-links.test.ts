import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClip } from '@/storage/clips';
import { createCommands } from '@/storage/commands';
import { importSchedule, removeConference } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import {
  chooseHighlightScheduleTalk,
  chooseScheduleTalk,
  countOfferedHighlights,
  declineHighlightOffer,
  declineScheduleTalk,
  linkPageTalks,
  relinkRenamedTalk,
  scheduleIndex,
  searchSchedules,
} from '@/storage/schedule-links';
import { noMetadata, quotedPassage } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';

const FOSDEM = schedule([
  event('rust', 'Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', {
    speakers: ['Miguel Ojeda'],
    room: 'Janson',
  }),
  event('pg', 'Postgres Vacuum Internals', '2026-01-31T11:00:00+01:00', {
    speakers: ['Tomas Vondra'],
    room: 'H.1302',
  }),
  event('lt1', 'Lightning talks', '2026-01-31T16:00:00+01:00', { speakers: [], room: 'H.2215' }),
  event('lt2', 'Lightning talks', '2026-02-01T16:00:00+01:00', { speakers: [], room: 'H.2215' }),
  event('lunch', 'Lunch break', '2026-01-31T12:30:00+01:00', { speakers: [], housekeeping: true }),
]);

describe('linking page talks to schedule talks', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`schedule-links-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  const page = (url: string) => ({
    url,
    title: 'My FOSDEM 2026 notes',
    ...noMetadata(),
    publishedAt: '2026-02-02T08:00:00Z',
  });
  const DETECTED = [
    { title: 'Rust for Linux — Miguel Ojeda', speakers: ['Miguel Ojeda'], position: 100 },
    { title: 'Lightning talks', speakers: [], position: 500 },
    { title: 'Hallway track', speakers: [], position: 900 },
  ];
  const clip = (url: string, text: string, position: number, talk: string) =>
    saveClip(db, { page: page(url), talks: DETECTED, highlight: quotedPassage(text, position, talk) });
  const pageTalk = async (url: string, title: string) => {
    const p = await db.pages.where('url').equals(url).first();
    return (await db.talks.where('pageId').equals(p!.id).toArray()).find((t) => t.title === title)!;
  };
  const scheduleTalk = async (scheduleId: string) =>
    (await db.talks.filter((t) => !!t.conferenceId).toArray()).find((t) => t.scheduleId === scheduleId)!;

  it('links a sure match, offers an unsure one, and leaves a talk that is not in the schedule alone', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip(
      'https://blog.example/fosdem',
      'memory safety in drivers',
      150,
      'Rust for Linux — Miguel Ojeda',
    );
    await clip('https://blog.example/fosdem', 'five minutes each', 550, 'Lightning talks');
    await clip('https://blog.example/fosdem', 'coffee queue', 950, 'Hallway track');
    const filedBefore = (await db.highlights.toArray()).map((h) => [h.id, h.talkId]);

    const result = await linkPageTalks(db, 'all');
    // The page whose talk was linked redraws in its open tabs.
    expect(result).toEqual({ linked: 1, offered: 1, highlights: 1, pages: ['https://blog.example/fosdem'] });
    const rust = await pageTalk('https://blog.example/fosdem', 'Rust for Linux — Miguel Ojeda');
    expect(rust.scheduleTalkId).toBe((await scheduleTalk('rust')).id);
    expect(rust.scheduleLink).toBe('matched');
    const lightning = await pageTalk('https://blog.example/fosdem', 'Lightning talks');
    expect(lightning.scheduleTalkId).toBeUndefined();
    // Equally good candidates in schedule order: Saturday's session before Sunday's.
    expect(lightning.scheduleCandidates).toEqual([
      (await scheduleTalk('lt1')).id,
      (await scheduleTalk('lt2')).id,
    ]);
    expect(new Set(lightning.scheduleCandidates)).toEqual(
      new Set([(await scheduleTalk('lt1')).id, (await scheduleTalk('lt2')).id]),
    );
    const hallway = await pageTalk('https://blog.example/fosdem', 'Hallway track');
    expect(hallway.scheduleTalkId).toBeUndefined();
    expect(hallway.scheduleCandidates).toBeUndefined();
    // Nothing moved: highlights keep their page talks; the link files them under the schedule talk.
    expect((await db.highlights.toArray()).map((h) => [h.id, h.talkId])).toEqual(filedBefore);
    // A second pass changes nothing.
    expect(await linkPageTalks(db, 'all')).toEqual({ linked: 0, offered: 1, highlights: 0, pages: [] });
  });

  it('two write-ups of one talk on different pages link to the same schedule talk', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip(
      'https://blog.example/fosdem',
      'memory safety in drivers',
      150,
      'Rust for Linux — Miguel Ojeda',
    );
    await clip('https://other.example/recap', 'the new abstractions', 160, 'Rust for Linux — Miguel Ojeda');
    await linkPageTalks(db, 'all');
    const a = await pageTalk('https://blog.example/fosdem', 'Rust for Linux — Miguel Ojeda');
    const b = await pageTalk('https://other.example/recap', 'Rust for Linux — Miguel Ojeda');
    expect(a.scheduleTalkId).toBe((await scheduleTalk('rust')).id);
    expect(b.scheduleTalkId).toBe(a.scheduleTalkId);
    expect(await db.talks.where('scheduleTalkId').equals(a.scheduleTalkId!).count()).toBe(2);
  });

  it('matching runs on clips of pages clipped after the import (scoped to the page)', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const { highlight } = await clip(
      'https://blog.example/fosdem',
      'memory safety',
      150,
      'Rust for Linux — Miguel Ojeda',
    );
    expect(await linkPageTalks(db, { pageIds: [highlight.pageId] })).toMatchObject({ linked: 1 });
  });

  it('reads the page’s stored excerpt for the conference: a near title is linked only where it names it', async () => {
    await importSchedule(
      db,
      schedule([
        event('typing', 'Typing a Large Django Codebase One Module at a Time', '2026-01-31T14:00:00+01:00', {
          speakers: ['Tommaso Ricci'],
          room: 'UD2.218A',
        }),
      ]),
      { url: 'https://fosdem.example/schedule.xml' },
    );
    const near = {
      title: 'Typing a Django Codebase One Module at a Time',
      speakers: ['Tommaso Ricci'],
      position: 100,
    };
    const clipWithExcerpt = (url: string, excerpt: string | null) =>
      saveClip(db, {
        page: { ...page(url), title: 'Day one, four talks', excerpt },
        talks: [near],
        highlight: quotedPassage('one module at a time', 150, near.title),
      });
    await clipWithExcerpt('https://blog.example/day-one', 'What I heard at FOSDEM 2026 in Brussels.');
    await clipWithExcerpt('https://blog.example/day-two', 'What I heard on the second day.');
    expect(await linkPageTalks(db, 'all')).toMatchObject({ linked: 1, offered: 1 });
    expect(await pageTalk('https://blog.example/day-one', near.title)).toMatchObject({
      scheduleLink: 'matched',
    });
    expect((await pageTalk('https://blog.example/day-two', near.title)).scheduleLink).toBeUndefined();
  });

  it('the reader’s choice and refusal stick through later passes, renames and re-imports', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip('https://blog.example/fosdem', 'five minutes each', 550, 'Lightning talks');
    await clip('https://blog.example/fosdem', 'memory safety', 150, 'Rust for Linux — Miguel Ojeda');
    await linkPageTalks(db, 'all');
    const lightning = await pageTalk('https://blog.example/fosdem', 'Lightning talks');
    const lt2 = await scheduleTalk('lt2');
    await chooseScheduleTalk(db, lightning.id, lt2.id);
    const rust = await pageTalk('https://blog.example/fosdem', 'Rust for Linux — Miguel Ojeda');
    await declineScheduleTalk(db, rust.id);

    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await linkPageTalks(db, 'all');
    await relinkRenamedTalk(db, rust.id);
    expect(await pageTalk('https://blog.example/fosdem', 'Lightning talks')).toMatchObject({
      scheduleTalkId: lt2.id,
      scheduleLink: 'chosen',
    });
    const declined = await db.talks.get(rust.id);
    expect(declined?.scheduleTalkId).toBeUndefined();
    expect(declined?.scheduleLink).toBe('declined');
  });

  it('a renamed talk is matched afresh under its new name', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip('https://blog.example/fosdem', 'coffee queue', 950, 'Hallway track');
    await linkPageTalks(db, 'all');
    const hallway = await pageTalk('https://blog.example/fosdem', 'Hallway track');
    const commands = createCommands({ db });
    await commands.renameTalk(hallway.id, 'Postgres Vacuum Internals');
    expect((await db.talks.get(hallway.id))?.scheduleTalkId).toBe((await scheduleTalk('pg')).id);
  });

  it('breaks are never matched; search finds talks by title, speaker or room', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip('https://blog.example/fosdem', 'lunch was good', 950, 'Hallway track');
    const hallway = await pageTalk('https://blog.example/fosdem', 'Hallway track');
    await db.talks.update(hallway.id, { title: 'Lunch break' });
    await linkPageTalks(db, 'all');
    expect((await db.talks.get(hallway.id))?.scheduleTalkId).toBeUndefined();
    expect((await searchSchedules(db, 'vacuum')).map((c) => c.talk.scheduleId)).toEqual(['pg']);
    expect(
      (await searchSchedules(db, 'Vondra')).map((c) => [c.talk.scheduleId, c.conference?.title]),
    ).toEqual([['pg', 'FOSDEM 2026']]);
    expect((await searchSchedules(db, 'lunch')).map((c) => c.talk.scheduleId)).not.toContain('lunch');
  });

  it('removing the conference unlinks, and the index follows (no stale match afterwards)', async () => {
    const { conference } = await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip('https://blog.example/fosdem', 'memory safety', 150, 'Rust for Linux — Miguel Ojeda');
    await linkPageTalks(db, 'all');
    await removeConference(db, conference.id);
    const rust = await pageTalk('https://blog.example/fosdem', 'Rust for Linux — Miguel Ojeda');
    expect(rust.scheduleTalkId).toBeUndefined();
    expect(await linkPageTalks(db, 'all')).toEqual({ linked: 0, offered: 0, highlights: 0, pages: [] });
    expect(await searchSchedules(db, 'rust')).toEqual([]);
  });

  it('the index built from an import’s own talks is the one the database gives (update with removals and kept talks)', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await clip('https://blog.example/fosdem', 'memory safety', 150, 'Rust for Linux — Miguel Ojeda');
    await linkPageTalks(db, 'all');
    // The update drops the linked Rust talk (kept, flagged), the second lightning block and the
    // lunch (deleted), moves a talk and adds one.
    const updated = schedule([
      event('pg', 'Postgres Vacuum Internals', '2026-01-31T11:00:00+01:00', {
        speakers: ['Tomas Vondra'],
        room: 'K.1.105',
      }),
      event('lt1', 'Lightning talks', '2026-01-31T16:00:00+01:00', { speakers: [], room: 'H.2215' }),
      event('zig', 'Zig build system deep dive', '2026-02-01T10:00:00+01:00', {
        speakers: ['Loris Cro'],
        room: 'UB2.252A',
      }),
    ]);
    const result = await importSchedule(db, updated, { url: 'https://fosdem.example/schedule.xml' });
    expect([result.added, result.removed, result.kept]).toEqual([1, 2, 1]);
    const fromImport = await scheduleIndex(db);
    const other = createDatabase(db.name); // another connection: nothing remembered, read from the database
    try {
      const fromDatabase = await scheduleIndex(other);
      expect(fromImport).not.toBe(fromDatabase);
      expect(fromImport!.talks.map((t) => t.talk)).toEqual(fromDatabase!.talks.map((t) => t.talk));
      expect(fromImport!.talks.map((t) => t.talk.room)).toContain('K.1.105');
      // Prepared during the import's write, or read back and prepared: the same index.
      const prepared = (index: typeof fromImport) =>
        index!.talks.map(({ forms, format, speakers, placeholder }) => ({
          forms,
          format,
          speakers,
          placeholder,
        }));
      expect(prepared(fromImport)).toEqual(prepared(fromDatabase));
      expect([...fromImport!.titleTerms]).toEqual([...fromDatabase!.titleTerms]);
      expect([...fromImport!.nameTerms]).toEqual([...fromDatabase!.nameTerms]);
      expect([...fromImport!.deletions]).toEqual([...fromDatabase!.deletions]);
      expect([...fromImport!.termCounts]).toEqual([...fromDatabase!.termCounts]);
    } finally {
      other.close();
    }
  });

  it('a new import prepares only its own talks: the other conferences’ are taken as they were', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const first = await scheduleIndex(db);
    const rustForms = (index: typeof first) =>
      index!.talks.find((t) => t.talk.title.startsWith('Rust for Linux'))!.forms;
    const zig = schedule(
      [event('zig', 'Zig build system deep dive', '2026-05-01T10:00:00+02:00', { speakers: ['Loris Cro'] })],
      'Zig Days 2026',
    );
    zig.conference = { ...zig.conference, acronym: 'zigdays26', start: '2026-05-01', end: '2026-05-01' };
    await importSchedule(db, zig, { url: 'https://zig.example/schedule.json' });
    const second = await scheduleIndex(db);
    expect(second).not.toBe(first);
    expect(second!.talks.map((t) => t.talk.title)).toContain('Zig build system deep dive');
    // The same prepared title forms, not prepared again (30,000 talks of one conference cost about
    // a second to prepare: importing a small schedule next to them does not pay that again).
    expect(rustForms(second)).toBe(rustForms(first));
  });
});

/**
 * The clip guard in the extension: a passage of a matched page talk whose lead names another talk
 * of the conference is offered, not filed silently, wherever it comes to count under the match.
 */
describe('the clip guard on linked talks’ passages', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`clip-guard-links-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  const URL = 'https://blog.example/fosdem';
  const PAGE = {
    url: URL,
    title: 'My FOSDEM 2026 notes',
    ...noMetadata(),
    publishedAt: '2026-02-02T08:00:00Z',
  };
  // Detection took the Rust talk's heading and ran its section over the plain line that
  // introduced the Postgres talk.
  const RUST = 'Rust for Linux — Miguel Ojeda';
  const DETECTED = [{ title: RUST, speakers: ['Miguel Ojeda'], position: 100 }];
  /** A clip in the Rust section; `lead` is the heading-like line above it (none: right under the title). */
  const clip = (text: string, position: number, lead?: string) =>
    saveClip(db, {
      page: PAGE,
      talks: DETECTED,
      highlight: {
        ...quotedPassage(text, position, RUST),
        ...(lead ? { clipLead: { text: lead, likeHeading: false } } : {}),
      },
    });
  /** Saves a clip and links the page, as the background does after every clip. */
  const clipAndLink = async (text: string, position: number, lead?: string) => {
    const { highlight } = await clip(text, position, lead);
    await linkPageTalks(db, { clipped: highlight });
    return (await db.highlights.get(highlight.id))!;
  };
  const importFosdem = () => importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
  const scheduleTalk = async (scheduleId: string) =>
    (await db.talks.filter((t) => !!t.conferenceId).toArray()).find((t) => t.scheduleId === scheduleId)!;

  it('a clip on a matched talk whose lead names another talk is offered, named talk first; others are filed', async () => {
    await importFosdem();
    const rust = await clipAndLink('memory safety in drivers', 150);
    const vacuum = await clipAndLink(
      'autovacuum tuning is mostly about cost limits',
      400,
      'Postgres Vacuum Internals',
    );
    const [rustTalk, pgTalk] = [await scheduleTalk('rust'), await scheduleTalk('pg')];
    expect(await db.talks.get(rust.talkId!)).toMatchObject({
      scheduleTalkId: rustTalk.id,
      scheduleLink: 'matched',
    });
    expect(rust.scheduleCandidates).toBeUndefined();
    expect(vacuum.talkId).toBe(rust.talkId);
    expect(vacuum.scheduleCandidates).toEqual([pgTalk.id, rustTalk.id]);
    // A later clip on the page leaves the offer as it is.
    await clipAndLink('bindings are generated', 200);
    expect((await db.highlights.get(vacuum.id))?.scheduleCandidates).toEqual([pgTalk.id, rustTalk.id]);
  });

  // Session 15: the lines stored with the passage, read between its talk's own line and it.
  it('a passage whose stored lines name another talk between its talk’s line and it is offered', async () => {
    await importFosdem();
    const line = (text: string, kind: 'heading' | 'bold', level: number, style: number) => ({
      text,
      kind,
      level,
      style,
      enclosed: false,
    });
    const withLines = async (text: string, position: number, lines: ReturnType<typeof line>[]) => {
      const { highlight } = await saveClip(db, {
        page: PAGE,
        talks: DETECTED,
        highlight: {
          ...quotedPassage(text, position, RUST),
          clipLead: { text: 'Demo', likeHeading: false },
          clipLines: lines,
        },
      });
      await linkPageTalks(db, { clipped: highlight });
      return (await db.highlights.get(highlight.id))!;
    };
    const demo = line('Demo', 'heading', 3, 0);
    const rustLine = line(RUST, 'heading', 2, 1);
    const vacuum = await withLines('autovacuum tuning', 400, [
      demo,
      line('Postgres Vacuum Internals', 'bold', 0, 2),
      rustLine,
    ]);
    // The same talk named above the Rust talk's own line: the talk before, not this passage's.
    const bindings = await withLines('bindings are generated', 200, [
      demo,
      rustLine,
      line('Postgres Vacuum Internals', 'bold', 0, 2),
    ]);
    expect(vacuum.scheduleCandidates).toEqual([
      (await scheduleTalk('pg')).id,
      (await scheduleTalk('rust')).id,
    ]);
    expect(bindings.scheduleCandidates).toBeUndefined();
  });

  it('linking after an import guards the passages clipped before it, and counts only those it files', async () => {
    await clip('memory safety in drivers', 150);
    const { highlight } = await clip('autovacuum tuning', 400, 'Tomas Vondra: Postgres Vacuum Internals');
    await importFosdem();
    const result = await linkPageTalks(db, 'all');
    expect(result).toEqual({ linked: 1, offered: 0, highlights: 1, pages: [URL] });
    expect((await db.highlights.get(highlight.id))?.scheduleCandidates).toEqual([
      (await scheduleTalk('pg')).id,
      (await scheduleTalk('rust')).id,
    ]);
  });

  it('counts the passages that wait for the reader (of offered talks, offered by the guard) until settled', async () => {
    await clip('memory safety in drivers', 150);
    const { highlight: vacuum } = await clip('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    const LIGHTNING = 'Lightning talks';
    const lightning = (text: string, position: number) =>
      saveClip(db, {
        page: { ...PAGE, url: `${URL}/lightning` },
        talks: [{ title: LIGHTNING, speakers: [], position: 100 }],
        highlight: quotedPassage(text, position, LIGHTNING),
      });
    const { highlight: gong } = await lightning('five minutes each', 150);
    await lightning('the gong rang twice', 250);
    expect(await countOfferedHighlights(db)).toBe(0);
    await importFosdem();
    await linkPageTalks(db, 'all');
    // The Lightning talks talk is offered (two sessions), with its two passages; the vacuum passage
    // is offered by the guard; the Rust passage is filed.
    expect((await db.talks.get(gong.talkId!))?.scheduleCandidates).toHaveLength(2);
    expect(await countOfferedHighlights(db)).toBe(3);
    await declineHighlightOffer(db, vacuum.id);
    expect(await countOfferedHighlights(db)).toBe(2);
    await chooseScheduleTalk(db, gong.talkId!, (await scheduleTalk('lt1')).id);
    expect(await countOfferedHighlights(db)).toBe(0);
  });

  it('picking files the passage under the picked talk, pinned; re-detection and later passes keep it', async () => {
    await importFosdem();
    const vacuum = await clipAndLink('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    expect(vacuum.scheduleCandidates).toHaveLength(2);
    const pg = await scheduleTalk('pg');
    const picked = await chooseHighlightScheduleTalk(db, vacuum.id, pg.id);
    expect(picked).toMatchObject({ talkId: pg.id, talkPinned: true });
    expect(picked.scheduleCandidates).toBeUndefined();
    const commands = createCommands({ db });
    await commands.applyRedetection({
      url: URL,
      talks: DETECTED.map((t) => ({ ...t, form: 'h2' })),
      filing: { [vacuum.id]: RUST },
    });
    await linkPageTalks(db, 'all');
    await clipAndLink('bindings are generated', 200);
    expect(await db.highlights.get(vacuum.id)).toMatchObject({ talkId: pg.id, talkPinned: true });
    expect((await db.highlights.get(vacuum.id))?.scheduleCandidates).toBeUndefined();
    await expect(chooseHighlightScheduleTalk(db, vacuum.id, vacuum.pageId)).rejects.toThrow(
      /not a schedule talk/,
    );
  });

  it('declining keeps the passage under its talk’s match, and the guard never asks again', async () => {
    await importFosdem();
    const vacuum = await clipAndLink('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    expect(vacuum.scheduleCandidates).toHaveLength(2);
    const declined = await declineHighlightOffer(db, vacuum.id);
    expect(declined).toMatchObject({ talkId: vacuum.talkId, guardDeclined: true });
    expect(declined.scheduleCandidates).toBeUndefined();
    await importFosdem();
    await linkPageTalks(db, 'all');
    await clipAndLink('bindings are generated', 200);
    expect((await db.highlights.get(vacuum.id))?.scheduleCandidates).toBeUndefined();
  });

  it('a re-detection that finds the missed talk files the passage under it and drops the offer', async () => {
    await importFosdem();
    const vacuum = await clipAndLink('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    expect(vacuum.scheduleCandidates).toHaveLength(2);
    const commands = createCommands({ db });
    await commands.applyRedetection({
      url: URL,
      talks: [
        { ...DETECTED[0]!, form: 'h2' },
        { title: 'Postgres Vacuum Internals', speakers: ['Tomas Vondra'], position: 380, form: 'line' },
      ],
      filing: { [vacuum.id]: 'Postgres Vacuum Internals' },
    });
    const after = (await db.highlights.get(vacuum.id))!;
    expect((await db.talks.get(after.talkId!))?.scheduleTalkId).toBe((await scheduleTalk('pg')).id);
    expect(after.scheduleCandidates).toBeUndefined();
  });

  it('a talk renamed so that it matches nothing takes its passages’ offers with its link', async () => {
    await importFosdem();
    const vacuum = await clipAndLink('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    expect(vacuum.scheduleCandidates).toHaveLength(2);
    const commands = createCommands({ db });
    await commands.renameTalk(vacuum.talkId!, 'Hallway conversations');
    expect((await db.talks.get(vacuum.talkId!))?.scheduleTalkId).toBeUndefined();
    expect((await db.highlights.get(vacuum.id))?.scheduleCandidates).toBeUndefined();
  });

  it('moving the passage to a talk by hand settles the offer', async () => {
    await importFosdem();
    const vacuum = await clipAndLink('autovacuum tuning', 400, 'Postgres Vacuum Internals');
    expect(vacuum.scheduleCandidates).toHaveLength(2);
    const commands = createCommands({ db });
    await commands.updateHighlight(vacuum.id, { talkId: null });
    expect((await db.highlights.get(vacuum.id))?.scheduleCandidates).toBeUndefined();
  });
});
