// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type EventDraft, refuseTooManyEvents, ScheduleAssembler } from '@/core/schedule/assemble';
import { ScheduleParseError } from '@/core/schedule/errors';
import { parseIsoDateTime } from '@/core/schedule/time';

const at = (iso: string) => parseIsoDateTime(iso)!;

function draft(overrides: Partial<EventDraft> = {}): EventDraft {
  return {
    id: 'e1',
    title: 'A Talk',
    start: at('2025-03-01T10:00:00+01:00'),
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

function assemble(drafts: EventDraft[], options = {}) {
  const assembler = new ScheduleAssembler('frab-json', options);
  for (const d of drafts) assembler.add(d);
  return assembler.finish({ title: 'Conf' });
}

describe('ScheduleAssembler', () => {
  it('cleans one event into a talk', () => {
    const { talks } = assemble([
      draft({
        id: ' g-1 ',
        title: '  Mesh\nNetworks  ',
        subtitle: '',
        speakers: ['Ada  Lovelace', 'ada lovelace', '', null, 42, 'Grace Hopper'],
        durationSeconds: 2700,
        room: ' Main\tHall ',
        track: 'Hardware',
        type: 'lecture',
        texts: ['', '<p>Our <b>mesh</b>.</p> Configs: https://git.example.org/mesh.', 'ignored'],
        url: 'https://conf.example.org/talk/1',
        links: [{ url: 'https://media.ccc.de/v/1', title: 'Recording' }],
      }),
    ]);
    expect(talks).toEqual([
      {
        scheduleId: 'g-1',
        title: 'Mesh Networks',
        subtitle: null,
        speakers: ['Ada Lovelace', '42', 'Grace Hopper'],
        start: '2025-03-01T10:00:00+01:00',
        end: '2025-03-01T10:45:00+01:00',
        timeZone: 'Europe/Paris',
        day: '2025-03-01',
        room: 'Main Hall',
        track: 'Hardware',
        type: 'lecture',
        abstract: 'Our mesh.\n\nConfigs: https://git.example.org/mesh.',
        url: 'https://conf.example.org/talk/1',
        links: [
          { kind: 'schedule', url: 'https://conf.example.org/talk/1', title: null },
          { kind: 'recording', url: 'https://media.ccc.de/v/1', title: 'Recording' },
          { kind: 'other', url: 'https://git.example.org/mesh', title: null },
        ],
        housekeeping: false,
      },
    ]);
  });

  it('skips events without a title and says how many', () => {
    const result = assemble([
      draft({ title: '' }),
      draft({ id: 'e2', title: '  ' }),
      draft({ id: 'e3', title: null }),
      draft({ id: 'e4' }),
    ]);
    expect(result.talks.map((t) => t.scheduleId)).toEqual(['e4']);
    expect(result.warnings).toEqual(['3 events without a title were skipped.']);
  });

  it('keeps an event without a time, and says so', () => {
    const result = assemble([
      draft({ start: null, durationSeconds: 600 }),
      draft({ id: 'e2', start: null, day: '2025-03-02' }),
    ]);
    expect(result.talks.map((t) => [t.start, t.end, t.day])).toEqual([
      [null, null, null],
      [null, null, '2025-03-02'],
    ]);
    expect(result.warnings).toEqual(['2 events have no start time; kept without one.']);
  });

  it('cuts overlong titles and says so', () => {
    const result = assemble([draft({ title: 'x'.repeat(5000) })]);
    expect(result.talks[0]!.title).toHaveLength(300);
    expect(result.talks[0]!.title.endsWith('…')).toBe(true);
    expect(result.warnings).toEqual(['1 title longer than 300 characters was shortened.']);
  });

  it('drops an end before the start', () => {
    const result = assemble([draft({ end: at('2025-03-01T09:00:00+01:00') })]);
    expect(result.talks[0]!.end).toBeNull();
    expect(result.warnings).toEqual(['1 event ended before it started; the end was left out.']);
  });

  it('drops exact repeats and renames other events sharing an id', () => {
    const result = assemble([
      draft(),
      draft(),
      draft({ title: 'Another Talk' }),
      draft({ title: 'Third Talk' }),
      draft({ start: at('2025-03-01T11:00:00+01:00') }),
    ]);
    expect(result.talks.map((t) => [t.scheduleId, t.title])).toEqual([
      ['e1', 'A Talk'],
      ['e1#2', 'Another Talk'],
      ['e1#3', 'Third Talk'],
      ['e1#4', 'A Talk'],
    ]);
    expect(result.warnings).toEqual([
      '1 event repeated an earlier one and was left out.',
      '3 events shared an id with an earlier, different event and were given their own ("…#2").',
    ]);
  });

  it('makes ids from title, time and room where there are none, and shortens overlong ones', () => {
    const result = assemble([
      draft({ id: null }),
      draft({ id: '', title: 'Other' }),
      draft({ id: 'u'.repeat(500) }),
    ]);
    const [a, b, c] = result.talks.map((t) => t.scheduleId);
    expect(a).toMatch(/^frab-json:[0-9a-f]{16}$/);
    expect(b).toMatch(/^frab-json:[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    // The same input gives the same id.
    expect(assemble([draft({ id: null })]).talks[0]!.scheduleId).toBe(a);
    expect(c).toHaveLength(200);
    expect(c).toMatch(/^u+#[0-9a-f]{16}$/);
    expect(result.warnings).toEqual(['2 events had no id; ids were made from title, time and room.']);
  });

  it('marks housekeeping by title, type or the source', () => {
    const result = assemble([
      draft({ id: 'a', title: 'Coffee Break' }),
      draft({ id: 'b', title: 'Community Hour', type: 'break' }),
      draft({ id: 'c', title: 'Welcome', housekeeping: true }),
      draft({ id: 'd', title: 'Lunch and Learn: Kafka' }),
    ]);
    expect(result.talks.map((t) => t.housekeeping)).toEqual([true, true, true, false]);
  });

  it('derives the conference days from the events, or takes the source’s', () => {
    const drafts = [
      draft({ id: 'a', start: at('2025-03-02T09:00:00+01:00') }),
      draft({ id: 'b', start: at('2025-03-01T09:00:00+01:00') }),
      draft({ id: 'c', start: null }),
    ];
    const assembler = new ScheduleAssembler('frab-json');
    for (const d of drafts) assembler.add(d);
    expect(assembler.finish({ title: 'C' }).conference).toMatchObject({
      start: '2025-03-01',
      end: '2025-03-02',
    });
    const named = new ScheduleAssembler('frab-json');
    named.add(draft());
    expect(
      named.finish({
        title: 'C',
        start: '2025-02-28T09:00:00+01:00',
        end: '2025-03-03',
        timeZone: 'Europe/Paris',
      }).conference,
    ).toEqual({
      title: 'C',
      acronym: null,
      start: '2025-02-28',
      end: '2025-03-03',
      timeZone: 'Europe/Paris',
      url: null,
    });
  });

  it.each([
    [{ fallbackTitle: 'schedule.example.org' }, 'schedule.example.org', 'after the file'],
    [{}, 'Imported schedule', 'it is called "Imported schedule"'],
  ])('names an untitled conference (%j)', (options, title, warning) => {
    const assembler = new ScheduleAssembler('sessionize', options);
    assembler.add(draft());
    const result = assembler.finish({ title: '   ' });
    expect(result.conference.title).toBe(title);
    expect(result.warnings.join(' ')).toContain(warning);
  });

  it('refuses a schedule without usable events', () => {
    expect(() => new ScheduleAssembler('ical').finish({ title: 'x' })).toThrow(
      expect.objectContaining({ kind: 'no-events', format: 'ical' }),
    );
    const untitled = new ScheduleAssembler('ical');
    untitled.add(draft({ title: '' }));
    untitled.add(draft({ title: '' }));
    expect(() => untitled.finish({ title: 'x' })).toThrow('none of its 2 events has a title');
  });
});

describe('refuseTooManyEvents', () => {
  it.each([
    [50_000, {}, false],
    [50_001, {}, true],
    [10, { maxEvents: 10 }, false],
    [11, { maxEvents: 10 }, true],
    [1, { maxEvents: 0 }, true],
    [60_000, { maxEvents: Number.NaN }, true],
  ])('%i events with %j -> refused: %s', (count, options, refused) => {
    const call = () => refuseTooManyEvents(count, options, 'frab-xml');
    if (refused) expect(call).toThrow(ScheduleParseError);
    else expect(call).not.toThrow();
  });

  it('says how many there are and how many are allowed', () => {
    expect(() => refuseTooManyEvents(30_000, { maxEvents: 1000 }, 'frab-json')).toThrow(
      'This schedule has 30,000 events; Talk Notes reads at most 1,000 from one file.',
    );
  });
});
