// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ScheduleAssembler } from '@/core/schedule/assemble';
import { frabConference, frabDay, frabEventDraft, NO_DAY, roomEvents } from '@/core/schedule/frab';
import { formatWallTime } from '@/core/schedule/time';

const assembler = () => new ScheduleAssembler('frab-json');
const start = (event: Record<string, unknown>, day = NO_DAY, zone: string | null = null) => {
  const { start: time, timeZone } = frabEventDraft(event, day, zone, 'Room', assembler());
  return [time && formatWallTime(time), timeZone];
};

describe('frabDay', () => {
  it.each([
    ['2024-10-26', '2024-10-26T10:00:00+02:00', { startClock: 36_000, offset: 120 }],
    ['2024-10-26', undefined, { startClock: null, offset: null }],
    [undefined, '2024-10-26T10:00:00+02:00', { startClock: 36_000, offset: 120 }],
    // A day whose start is on another date (a day starting at 23:00 the evening before) has no start clock.
    ['2024-10-26', '2024-10-25T23:00:00+02:00', { startClock: null, offset: 120 }],
  ])('%j starting %j', (date, dayStart, expected) => {
    expect(frabDay(date, dayStart)).toMatchObject(expected);
  });
});

describe('frab event times', () => {
  const day = frabDay('2024-10-26', '2024-10-26T10:00:00+02:00');

  it.each([
    // `date` wins and keeps its offset.
    [
      { date: '2024-10-26T10:30:00+02:00', start: '09:00' },
      'Europe/Berlin',
      ['2024-10-26T10:30:00+02:00', 'Europe/Berlin'],
    ],
    // Older files: the day's date and `start` in the conference's zone.
    [{ start: '11:15' }, 'Europe/Berlin', ['2024-10-26T11:15:00+02:00', 'Europe/Berlin']],
    // Before the day starts: after midnight, the next calendar day (here after the change to winter time).
    [{ start: '01:30' }, 'Europe/Berlin', ['2024-10-27T01:30:00+02:00', 'Europe/Berlin']],
    [{ start: '09:00' }, 'Europe/Berlin', ['2024-10-27T09:00:00+01:00', 'Europe/Berlin']],
    // No zone: the day's own offset.
    [{ start: '11:15' }, null, ['2024-10-26T11:15:00+02:00', null]],
    // The flat layout's ISO start.
    [{ start: '2024-12-27T10:30:00+01:00' }, 'Europe/Berlin', ['2024-12-27T10:30:00+01:00', 'Europe/Berlin']],
    // A date without offset is placed in the zone.
    [{ date: '2024-07-01T10:00:00' }, 'Europe/Berlin', ['2024-07-01T10:00:00+02:00', 'Europe/Berlin']],
    [{ start: 'soon' }, 'Europe/Berlin', [null, 'Europe/Berlin']],
    [{}, null, [null, null]],
  ])('%j in %s', (event, zone, expected) => {
    expect(start(event, day, zone)).toEqual(expected);
  });

  it('keeps a time that contradicts the named zone, without the zone, and says so', () => {
    const a = assembler();
    const { start: time, timeZone } = frabEventDraft(
      { date: '2020-12-14T09:00:00+01:00' },
      NO_DAY,
      'UTC',
      '',
      a,
    );
    expect([formatWallTime(time!), timeZone]).toEqual(['2020-12-14T09:00:00+01:00', null]);
    a.add({ id: 'x', title: 'T', start: time, timeZone });
    expect(a.finish({ title: 'C' }).warnings).toEqual([
      'The schedule names the time zone UTC, but 1 event is at another UTC offset; its time is kept as written.',
    ]);
  });

  it('counts durations it cannot read', () => {
    const a = assembler();
    const draft = frabEventDraft(
      { guid: 'g', title: 'T', date: '2024-10-26T10:00:00+02:00', duration: 'long' },
      NO_DAY,
      null,
      '',
      a,
    );
    expect(draft.durationSeconds).toBeNull();
    a.add(draft);
    expect(a.finish({ title: 'C' }).warnings).toEqual([
      '1 event had a duration that could not be read; the end is left out.',
    ]);
  });
});

describe('frabEventDraft', () => {
  it('reads ids, people, rooms, tracks and links in their several shapes', () => {
    const draft = frabEventDraft(
      {
        id: 7,
        title: 'T',
        room: { name: 'Saal 1', guid: 'x' },
        track: { slug: 'ccc' },
        persons: [
          'Plain String',
          { public_name: 'Public Name' },
          { name: 'Pretalx Name' },
          { full_name: 'Full' },
          42,
          null,
        ],
        links: [
          { url: 'https://a.example/x', title: 'A' },
          'https://b.example/bare',
          { type: 'FEEDBACK', url: 'https://f.example/' },
        ],
        attachments: [{ type: 'SLIDES', url: 'https://s.example/deck' }],
        recording: { url: 'https://r.example/v', link: 'https://r.example/page' },
        video_download_url: 'https://r.example/dl.mp4',
        origin_url: 'https://origin.example/talk/1',
      },
      NO_DAY,
      null,
      'Fallback Room',
      assembler(),
    );
    expect(draft).toMatchObject({
      id: '7',
      room: 'Saal 1',
      track: 'ccc',
      speakers: ['Plain String', 'Public Name', 'Pretalx Name', 'Full', 42, null],
    });
    expect(draft.links).toEqual([
      { url: 'https://a.example/x', title: 'A', kind: undefined },
      { url: 'https://b.example/bare' },
      { url: null },
      { url: 'https://s.example/deck', title: undefined, kind: 'slides' },
      { url: 'https://r.example/v', kind: 'recording' },
      { url: 'https://r.example/page', kind: 'recording' },
      { url: 'https://r.example/dl.mp4', kind: 'recording' },
      { url: 'https://origin.example/talk/1', kind: 'schedule' },
    ]);
    expect(frabEventDraft({ guid: 'G', id: 1 }, NO_DAY, null, 'R', assembler())).toMatchObject({
      id: 'G',
      room: 'R',
    });
  });

  it('takes speakers from the flat layout’s participants', () => {
    const draft = frabEventDraft(
      {
        participants: [
          { name: 'Speaker One', role: 'SPEAKER' },
          { name: 'Helper', role: 'CONTRIBUTOR' },
          { name: 'No Role' },
        ],
      },
      NO_DAY,
      null,
      '',
      assembler(),
    );
    expect(draft.speakers).toEqual(['Speaker One', 'No Role']);
  });
});

describe('frabConference and roomEvents', () => {
  it('keeps a known zone and warns about an unknown one', () => {
    expect(frabConference({ title: 'C', time_zone_name: 'Europe/Brussels' }, assembler()).zone).toBe(
      'Europe/Brussels',
    );
    const a = assembler();
    expect(frabConference({ title: 'C', time_zone_name: 'Mars/Olympus' }, a).zone).toBeNull();
    a.add({ id: 'x', title: 'T', start: null, timeZone: null });
    expect(a.finish({ title: 'C' }).warnings).toContain(
      'The schedule names the time zone “Mars/Olympus”, which is unknown; times are kept with their UTC offsets.',
    );
  });

  it('lists the events of a rooms object with their room', () => {
    expect(roomEvents({ A: [{ id: 1 }, 'junk'], B: 'not a list', C: [] })).toEqual([
      { room: 'A', event: { id: 1 } },
      { room: 'A', event: {} },
    ]);
    expect(roomEvents(null)).toEqual([]);
  });
});
