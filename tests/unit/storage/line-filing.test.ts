import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClipLine } from '@/core/schedule/clip-lines';
import { resolveHighlightTalk } from '@/core/schedule/resolve';
import type { HighlightRecord, TalkRecord } from '@/core/types';
import { saveClip } from '@/storage/clips';
import { importSchedule } from '@/storage/conferences';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { declineHighlightOffer, declineScheduleTalk, linkPageTalks } from '@/storage/schedule-links';
import { applyRedetection, markNotATalk, startTalkAt } from '@/storage/talk-corrections';
import { renameTalk } from '@/storage/talks';
import { noMetadata, quotedPassage } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';

const FOSDEM = schedule([
  event('rust', 'Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', {
    speakers: ['Miguel Ojeda'],
  }),
  event('pg', 'Postgres Vacuum Internals', '2026-01-31T11:00:00+01:00', { speakers: ['Tomas Vondra'] }),
  event('repl', 'Scaling Postgres Replication', '2026-01-31T14:00:00+01:00', { speakers: ['Ana Lima'] }),
  event('repl-prod', 'Scaling Postgres Replication in Production', '2026-02-01T14:00:00+01:00', {
    speakers: ['Ben Ode'],
  }),
]);

const URL = 'https://blog.example/fosdem';
const line = (text: string, over: Partial<ClipLine> = {}): ClipLine => ({
  text,
  kind: 'first',
  level: 0,
  style: 0,
  enclosed: false,
  ...over,
});
/** A thread message's first line above the clip: detection reads no talk in this layout. */
const VACUUM = [line('Postgres Vacuum Internals — Tomas Vondra')];

describe('filing passages by the lines above them (storage/line-filing.ts)', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`line-filing-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  const clip = async (
    text: string,
    position: number,
    clipLines: ClipLine[] | undefined,
    talk: string | null = null,
    detected: { title: string; speakers: string[]; position: number }[] = [],
  ) => {
    const { highlight } = await saveClip(db, {
      page: { url: URL, title: 'My FOSDEM 2026 notes', ...noMetadata(), publishedAt: '2026-02-02T08:00:00Z' },
      talks: detected,
      highlight: { ...quotedPassage(text, position, talk), ...(clipLines ? { clipLines } : {}) },
    });
    await linkPageTalks(db, { clipped: highlight });
    return (await db.highlights.get(highlight.id))!;
  };
  const talks = async () => new Map((await db.talks.toArray()).map((t) => [t.id, t] as const));
  const scheduleTalk = async (scheduleId: string) =>
    (await db.talks.filter((t) => t.scheduleId === scheduleId).first())!;
  const pageTalks = async () => (await db.talks.toArray()).filter((t) => t.pageId !== null);

  it('files a clip detection left under no talk under the schedule talk, through a page talk', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const first = await clip('vacuum freezes tuples', 200, VACUUM);
    const second = await clip('autovacuum settings', 300, VACUUM);
    const all = await talks();
    const pageTalk = all.get(first.talkId!)!;
    expect(pageTalk).toMatchObject({
      title: 'Postgres Vacuum Internals',
      speakers: ['Tomas Vondra'],
      detected: true,
      scheduleLink: 'matched',
      scheduleTalkId: (await scheduleTalk('pg')).id,
    });
    // One page talk for the talk's passages, shown under the conference talk.
    expect(second.talkId).toBe(first.talkId);
    expect(resolveHighlightTalk(second, all)?.id).toBe((await scheduleTalk('pg')).id);
  });

  it('files a clip under a page talk no schedule knows by its lines; leaves one with no lines', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const hallway = [{ title: 'Hallway track', speakers: [], position: 100 }];
    const filed = await clip('vacuum freezes tuples', 200, VACUUM, 'Hallway track', hallway);
    const left = await clip('good coffee', 150, undefined, 'Hallway track', hallway);
    const all = await talks();
    expect(all.get(filed.talkId!)?.title).toBe('Postgres Vacuum Internals');
    expect(all.get(left.talkId!)?.title).toBe('Hallway track');
  });

  it('offers the candidates of an unsure line on its page talk, filing nothing silently', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const h = await clip('replicas lag', 200, [line('Scaling Postgres Replication')]);
    const all = await talks();
    const pageTalk = all.get(h.talkId!)!;
    expect(pageTalk.scheduleLink).toBeUndefined();
    expect(new Set(pageTalk.scheduleCandidates)).toEqual(
      new Set([(await scheduleTalk('repl')).id, (await scheduleTalk('repl-prod')).id]),
    );
    expect(resolveHighlightTalk(h, all)?.id).toBe(pageTalk.id);
  });

  // Session 15: another schedule talk's line between the line and the clip, or a talk of no schedule.
  it('offers, not files, a clip whose line has another schedule talk’s speaker line between', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const h = await clip('the booth had stickers', 200, [
      line('Miguel Ojeda', { kind: 'line', style: 3 }),
      ...VACUUM,
    ]);
    const pageTalk = (await talks()).get(h.talkId!)!;
    expect(pageTalk.scheduleLink).toBeUndefined();
    expect(pageTalk.scheduleCandidates).toEqual([
      (await scheduleTalk('rust')).id,
      (await scheduleTalk('pg')).id,
    ]);
    const past = await clip('the hallway track', 300, [
      line('Ask Me Anything — Priya Natarajan', { kind: 'line', style: 3 }),
      ...VACUUM,
    ]);
    expect(past.talkId).toBeNull();
  });

  it('re-files passages already in the library when a schedule is imported', async () => {
    const h = await clip('vacuum freezes tuples', 200, VACUUM);
    expect(h.talkId).toBeNull();
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    await linkPageTalks(db, 'all');
    const all = await talks();
    const after = (await db.highlights.get(h.id))!;
    expect(resolveHighlightTalk(after, all)?.id).toBe((await scheduleTalk('pg')).id);
  });

  it('"Detect talks again" keeps a line-filed passage under its schedule talk, with its note', async () => {
    await importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' });
    const h = await clip('vacuum freezes tuples', 200, VACUUM);
    await db.highlights.update(h.id, { note: 'ask about freeze age' });
    const pg = (await scheduleTalk('pg')).id;
    // As storage/commands.ts runs it: the fresh detection applied, then the page's talks linked.
    const redetect = async (detected: { title: string; position: number }[], filedUnder: string | null) => {
      const fresh = detected.map((t) => ({ ...t, speakers: [], form: 'talk' }));
      await applyRedetection(db, { url: URL, talks: fresh, filing: { [h.id]: filedUnder } });
      await linkPageTalks(db, { pageIds: [h.pageId] });
      return (await db.highlights.get(h.id))!;
    };
    // Detection still reads no talk there, then reads one no schedule knows above the passage (its page
    // talk may then be made again under a new id: the conference talk it shows under is the same).
    const stays = async (after: HighlightRecord) => {
      expect(after.note).toBe('ask about freeze age');
      expect(resolveHighlightTalk(after, await talks())?.id).toBe(pg);
    };
    await stays(await redetect([], null));
    await stays(await redetect([{ title: 'Hallway track', position: 100 }], 'Hallway track'));
  });

  describe('the reader’s corrections win', () => {
    beforeEach(() => importSchedule(db, FOSDEM, { url: 'https://fosdem.example/schedule.xml' }));

    it('"Not a talk" on the line’s talk stays, through later clips and an import', async () => {
      const h = await clip('vacuum freezes tuples', 200, VACUUM);
      expect(h.talkId).not.toBeNull();
      await markNotATalk(db, h.talkId!, 'none');
      await clip('autovacuum settings', 300, VACUUM);
      await linkPageTalks(db, 'all');
      expect((await db.highlights.get(h.id))!.talkId).toBeNull();
      expect((await db.highlights.toArray()).every((x) => x.talkId === null)).toBe(true);
      expect((await pageTalks()).map((t) => [t.title, t.notATalk])).toEqual([
        ['Postgres Vacuum Internals', 'none'],
      ]);
    });

    it('a passage the reader put under a talk ("Start a new talk here") stays', async () => {
      const h = await clip('vacuum freezes tuples', 200, undefined);
      await db.highlights.update(h.id, { clipLines: VACUUM });
      const { talk } = await startTalkAt(db, h.id, 'My own heading');
      const control = await clip('autovacuum settings', 100, undefined);
      await db.highlights.update(control.id, { clipLines: VACUUM });
      await linkPageTalks(db, 'all');
      expect((await db.highlights.get(h.id))!.talkId).toBe(talk!.id);
      // The same lines file a passage the reader did not place.
      expect((await talks()).get((await db.highlights.get(control.id))!.talkId!)?.title).toBe(
        'Postgres Vacuum Internals',
      );
    });

    it('a declined offer, a declined link and a renamed page talk hold their passages', async () => {
      const hallway = [{ title: 'Hallway track', speakers: [], position: 100 }];
      const declinedOffer = await clip('a', 150, undefined, 'Hallway track', hallway);
      await db.highlights.update(declinedOffer.id, { clipLines: VACUUM, scheduleCandidates: ['x'] });
      await declineHighlightOffer(db, declinedOffer.id);
      const hallwayTalk = declinedOffer.talkId!;

      const declinedLink = await clip('b', 160, undefined, 'Hallway track', hallway);
      await declineScheduleTalk(db, hallwayTalk);
      await db.highlights.update(declinedLink.id, { clipLines: VACUUM });
      const control = await clip('d', 170, undefined);
      await db.highlights.update(control.id, { clipLines: VACUUM });
      await linkPageTalks(db, 'all');
      expect((await db.highlights.get(control.id))!.talkId).not.toBeNull();
      expect((await db.highlights.get(declinedOffer.id))!.talkId).toBe(hallwayTalk);
      expect((await db.highlights.get(declinedLink.id))!.talkId).toBe(hallwayTalk);

      const keynote = [{ title: 'Opening', speakers: [], position: 10 }];
      const renamed = await clip('c', 20, undefined, 'Opening', keynote);
      await renameTalk(db, renamed.talkId!, 'Welcome from the organisers');
      await db.highlights.update(renamed.id, { clipLines: VACUUM });
      await linkPageTalks(db, 'all');
      const stays = (await db.highlights.get(renamed.id))!;
      expect(((await talks()).get(stays.talkId!) as TalkRecord).title).toBe('Welcome from the organisers');
    });
  });
});
