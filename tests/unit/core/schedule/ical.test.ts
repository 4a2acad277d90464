// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseICalendar } from '@/core/schedule/ical';
import { fixture, parseFailure } from './fixtures';

const calendar = (...lines: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'X-WR-CALNAME:Test Conf',
    ...lines,
    'END:VCALENDAR',
  ].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

describe('parseICalendar: pretalx.ics (VTIMEZONE, "Title - Speakers" summaries)', () => {
  const result = () => parseICalendar(fixture('pretalx.ics'), { fallbackTitle: 'pretalx.example.com' });

  it('splits speakers off pretalx summaries at the last " - "', () => {
    expect(result().talks.map((t) => [t.title, t.speakers])).toEqual([
      ['Streaming Joins Without Tears', ['Inês Carvalho', 'Dmitri Volkov']],
      ['Kafka - The Good Parts', ['Anna Berg']],
      ['Open Space', []],
    ]);
  });

  it('reads times with the VTIMEZONE, rooms, abstracts, pages and the slug', () => {
    const { conference, talks } = result();
    expect(conference).toEqual({
      title: 'pretalx.example.com',
      acronym: 'datalisbon2025',
      start: '2025-06-12',
      end: '2025-06-13',
      timeZone: 'Europe/Lisbon',
      url: null,
    });
    expect(talks[0]).toEqual({
      scheduleId: 'pretalx-datalisbon2025-ZK4TRB@pretalx.example.com',
      title: 'Streaming Joins Without Tears',
      subtitle: null,
      speakers: ['Inês Carvalho', 'Dmitri Volkov'],
      start: '2025-06-12T09:00:00+01:00',
      end: '2025-06-12T09:40:00+01:00',
      timeZone: 'Europe/Lisbon',
      day: '2025-06-12',
      room: 'Auditorium',
      track: null,
      type: null,
      abstract:
        'Joining two unbounded streams is easy until the data is late. We compare three engines, watermarks and all.',
      url: 'https://pretalx.example.com/datalisbon2025/talk/ZK4TRB/',
      links: [
        { kind: 'schedule', url: 'https://pretalx.example.com/datalisbon2025/talk/ZK4TRB/', title: null },
      ],
      housekeeping: false,
    });
  });
});

describe('parseICalendar: sched.ics (UTC times, X-WR-TIMEZONE, categories)', () => {
  const result = () => parseICalendar(fixture('sched.ics'));

  it('shows UTC times in the calendar’s zone, and days where the conference is', () => {
    expect(result().talks.map((t) => [t.start, t.end, t.day, t.timeZone])).toEqual([
      ['2024-11-06T09:00:00-06:00', '2024-11-06T09:30:00-06:00', '2024-11-06', 'America/Chicago'],
      ['2024-11-06T09:30:00-06:00', '2024-11-06T10:00:00-06:00', '2024-11-06', 'America/Chicago'],
      ['2024-11-06T11:30:00-06:00', '2024-11-06T12:15:00-06:00', '2024-11-06', 'America/Chicago'],
      // 04:30 UTC on the 7th is 22:30 on the 6th in Chicago.
      ['2024-11-06T22:30:00-06:00', '2024-11-06T23:00:00-06:00', '2024-11-06', 'America/Chicago'],
    ]);
    expect(result().conference).toMatchObject({
      title: 'CloudConf Chicago 2024',
      start: '2024-11-06',
      end: '2024-11-06',
    });
  });

  it('reads speakers from "Speakers:" lines, tracks from categories, breaks by category', () => {
    expect(result().talks.map((t) => [t.title, t.speakers, t.track, t.housekeeping])).toEqual([
      ['Keynote: Operating Kubernetes at the Edge', ['Ana Souza', 'Li Wei'], 'Keynote Sessions', false],
      ['Coffee Break', [], 'Breaks', true],
      ['Lunch and Learn: eBPF for Network Observability', ['Fatima Zahra'], 'Observability', false],
      ['Late Night Birds of a Feather: Cluster API', [], 'Birds of a Feather', false],
    ]);
  });

  it('takes links from the URL and the description', () => {
    expect(result().talks[0]!.links.map((l) => l.kind)).toEqual(['schedule', 'recording']);
    expect(result().talks[2]!.links.map((l) => l.kind)).toEqual(['schedule', 'slides']);
  });
});

describe('parseICalendar: site-calendar.ics (TZID without VTIMEZONE, all-day, floating, UTC)', () => {
  const result = () => parseICalendar(fixture('site-calendar.ics'));

  it('reads every kind of time in the zone most events name', () => {
    expect(result().talks.map((t) => [t.title, t.start, t.end, t.day, t.timeZone])).toEqual([
      ['Workshop Day', null, null, '2025-03-24', 'Europe/Oslo'],
      [
        'Hooks, Signals and the Next Reactivity Model',
        '2025-03-25T09:30:00+01:00',
        '2025-03-25T10:15:00+01:00',
        '2025-03-25',
        'Europe/Oslo',
      ],
      ['Lunch', '2025-03-25T12:00:00+01:00', '2025-03-25T13:00:00+01:00', '2025-03-25', 'Europe/Oslo'],
      [
        'Bundlers in 2025',
        '2025-03-25T13:30:00+01:00',
        '2025-03-25T14:15:00+01:00',
        '2025-03-25',
        'Europe/Oslo',
      ],
      [
        'Morning Coffee',
        '2025-03-25T08:00:00+01:00',
        '2025-03-25T08:30:00+01:00',
        '2025-03-25',
        'Europe/Oslo',
      ],
    ]);
  });

  it('takes speakers only where the file says so', () => {
    // The organizer and the CHAIR attendee are not speakers; the X-ROLE=SPEAKER attendee is.
    expect(result().talks.map((t) => t.speakers)).toEqual([
      [],
      ['Lars Eriksen'],
      [],
      ['Ingrid Solberg', 'Mateo García'],
      [],
    ]);
  });

  it('leaves out cancelled events, reads repeating ones once, and says so', () => {
    expect(result().talks.some((t) => t.title === 'Web Components Panel')).toBe(false);
    expect(result().warnings).toEqual([
      '1 event has no start time; kept without one.',
      '1 cancelled event was left out.',
      '1 repeating event is read at its first date only.',
    ]);
  });

  it('reads the first category as track, the URL as the talk’s page and attachments as links', () => {
    const talk = result().talks.find((t) => t.title === 'Bundlers in 2025')!;
    expect(talk.track).toBe('Tooling');
    expect(talk.links).toEqual([
      { kind: 'schedule', url: 'https://jsnordic.example.no/2025/talks/bundlers', title: null },
      { kind: 'slides', url: 'https://jsnordic.example.no/2025/slides/bundlers.pdf', title: null },
    ]);
  });
});

describe('parseICalendar: speakers named in the description', () => {
  const talk = (uid: string, summary: string, description: string) =>
    event(`UID:${uid}`, `SUMMARY:${summary}`, 'DTSTART:20250520T090000Z', `DESCRIPTION:${description}`);
  const speakers = (...events: string[]) => parseICalendar(calendar(...events)).talks.map((t) => t.speakers);

  it.each([
    ['Speaker: Jane Doe\\n\\nAn abstract.', ['Jane Doe']],
    ['Speakers: Ana Souza\\, Li Wei\\n\\nAn abstract.', ['Ana Souza', 'Li Wei']],
    ['An abstract first.\\nPresenter: Ravi Iyer', ['Ravi Iyer']],
    [
      'Authors: Mei Zhou\\; Kofi Mensah\\; Lena Fischer\\nAbstract.',
      ['Mei Zhou', 'Kofi Mensah', 'Lena Fischer'],
    ],
    ['Authors: Mei Zhou\\, Hooli\\; Kofi Mensah\\, Initech\\nAbstract.', ['Mei Zhou', 'Kofi Mensah']],
    ['Speakers: Jane Doe (Acme)\\, John Roe (Globex)', ['Jane Doe', 'John Roe']],
    ['Speakers: Jane Doe\\, John Roe — Kestrel Cloud\\nAbstract.', ['Jane Doe', 'John Roe']],
    ['Moderator: Sofia Rossi\\nA panel on platform teams.', ['Sofia Rossi']],
    ['Presented by Jane Doe and John Roe\\nAn abstract.', ['Jane Doe', 'John Roe']],
    ['By Ines Duarte\\, Hooli\\n\\nAn abstract.', ['Ines Duarte']],
    ['登壇者：佐伯 真理子\\nRustの話。', ['佐伯 真理子']],
    ['Speakers: Sarah\\, @jdoe', ['Sarah', '@jdoe']],
    // Not people: a sentence that starts with "By", a first line of prose.
    ['By the end of this session you will know how.\\nMore.', []],
    ['We scaled Postgres to ten million users. Here is how.', []],
  ])('%s', (description, expected) => {
    expect(speakers(talk('1', 'A Talk', description))).toEqual([expected]);
  });

  it('reads a first line of people alone when the file names its speakers so', () => {
    expect(
      speakers(
        talk('1', 'Pager Hygiene', 'Oona Halvorsen\\, Kofi Mensah — Kestrel Cloud\\n\\nOn-call that lasts.'),
        talk('2', 'Budgets for Humans', 'Ravi Iyer (Initech)\\nWhat error budgets are for.'),
        talk('3', 'Queues Everywhere', 'Mei Zhou\\, Hooli\\; Lars Chen\\, Globex\\nBackpressure.'),
        talk('4', 'Closing Remarks', 'See you next year.'),
        event('UID:5', 'SUMMARY:Lunch', 'DTSTART:20250520T120000Z'),
      ),
    ).toEqual([['Oona Halvorsen', 'Kofi Mensah'], ['Ravi Iyer'], ['Mei Zhou', 'Lars Chen'], [], []]);
  });

  it('skips a first line that repeats the title', () => {
    expect(
      speakers(
        talk('1', 'Pager Hygiene', 'Pager Hygiene\\nOona Halvorsen — Kestrel Cloud\\nOn-call that lasts.'),
        talk('2', 'Budgets for Humans', 'Budgets for Humans\\nRavi Iyer (Initech)\\nAbstract.'),
      ),
    ).toEqual([['Oona Halvorsen'], ['Ravi Iyer']]);
  });

  it('reads no first line as people where most descriptions start otherwise', () => {
    // One title-cased first line among prose is no habit of the file: "Event Sourcing" is no person.
    expect(
      speakers(
        talk('1', 'Events All the Way Down', 'Event Sourcing — Patterns and Pitfalls\\nMore.'),
        talk('2', 'Budgets for Humans', 'What error budgets are for\\, and what not.'),
        talk('3', 'Queues Everywhere', 'Backpressure explained with a garden hose.'),
      ),
    ).toEqual([[], [], []]);
    expect(speakers(talk('1', 'A Single Talk', 'Oona Halvorsen — Kestrel Cloud\\nAbstract.'))).toEqual([[]]);
  });

  it('takes no company for a person', () => {
    expect(
      speakers(
        talk('1', 'Pager Hygiene', 'Oona Halvorsen — Kestrel Cloud Labs\\nAbstract.'),
        talk('2', 'Budgets for Humans', 'Ravi Iyer\\, Initech Software\\nAbstract.'),
      ),
    ).toEqual([['Oona Halvorsen'], ['Ravi Iyer']]);
  });
});

describe('parseICalendar: Sched\'s "Title - Speaker & Speaker" summaries (session 13)', () => {
  const talk = (summary: string, description: string) =>
    event('UID:1', `SUMMARY:${summary}`, 'DTSTART:20250520T090000Z', `DESCRIPTION:${description}`);
  const parsed = (summary: string, description: string) => {
    const [t] = parseICalendar(calendar(talk(summary, description))).talks;
    return { title: t!.title, speakers: t!.speakers };
  };

  it.each([
    [
      'Keynote: Maintainers Are Not a Supply Chain - Rosalind Achebe',
      'Pay for maintenance.\\n\\nRosalind Achebe\\, Maintainer',
      { title: 'Keynote: Maintainers Are Not a Supply Chain', speakers: ['Rosalind Achebe'] },
    ],
    [
      'Notebooks Are Infrastructure - Priya Raghunathan & Wen Li',
      'An abstract.\\n\\nPriya Raghunathan\\, Saltmarsh\\nWen Li\\, Hooli',
      { title: 'Notebooks Are Infrastructure', speakers: ['Priya Raghunathan', 'Wen Li'] },
    ],
  ])('splits the speakers off %s where the description names them', (summary, description, expected) => {
    expect(parsed(summary, description)).toEqual(expected);
  });

  it.each([
    // A dash inside a title, people the description does not name, or only one of two.
    ['Rust - The Good Parts', 'The Good Parts of Rust.'],
    ['Notebooks Are Infrastructure - Priya Raghunathan', 'An abstract with no names.'],
    [
      'Notebooks Are Infrastructure - Priya Raghunathan & Wen Li',
      'An abstract.\\n\\nPriya Raghunathan\\, Saltmarsh',
    ],
  ])('keeps %s whole', (summary, description) => {
    expect(parsed(summary, description)).toEqual({ title: summary, speakers: [] });
  });
});

describe('parseICalendar: time zones', () => {
  it('uses a VTIMEZONE block’s own offsets, whatever the zone is called', () => {
    const text = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Conference Time',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
      event('UID:1', 'SUMMARY:Talk', 'DTSTART;TZID=Conference Time:20250110T100000', 'DURATION:PT1H'),
    );
    expect(parseICalendar(text).talks[0]).toMatchObject({
      start: '2025-01-10T10:00:00+05:30',
      end: '2025-01-10T11:00:00+05:30',
      timeZone: null,
    });
  });

  it('reads an IANA TZID without a block through Intl, across a change of offset', () => {
    const text = calendar(
      event('UID:1', 'SUMMARY:Night Talk', 'DTSTART;TZID=Europe/Berlin:20241027T013000', 'DURATION:PT2H'),
    );
    expect(parseICalendar(text).talks[0]).toMatchObject({
      start: '2024-10-27T01:30:00+02:00',
      end: '2024-10-27T02:30:00+01:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('keeps each file’s VTIMEZONE to that file (ical.js registers nothing globally)', () => {
    const withBlock = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
      event('UID:1', 'SUMMARY:Talk', 'DTSTART;TZID=Europe/Berlin:20250110T100000'),
    );
    const withoutBlock = calendar(
      event('UID:1', 'SUMMARY:Talk', 'DTSTART;TZID=Europe/Berlin:20250110T100000'),
    );
    expect(parseICalendar(withBlock).talks[0]!.start).toBe('2025-01-10T10:00:00+07:00');
    expect(parseICalendar(withoutBlock).talks[0]!.start).toBe('2025-01-10T10:00:00+01:00');
  });

  it('keeps floating times floating when the calendar names no zone, and warns about unknown zones', () => {
    const text = calendar(
      event('UID:1', 'SUMMARY:Floating', 'DTSTART:20250110T100000', 'DTEND:20250110T110000'),
      event('UID:2', 'SUMMARY:Unknown zone', 'DTSTART;TZID=Mars/Olympus:20250110T120000'),
    );
    const result = parseICalendar(text);
    expect(result.talks.map((t) => [t.start, t.end, t.timeZone])).toEqual([
      ['2025-01-10T10:00:00', '2025-01-10T11:00:00', null],
      ['2025-01-10T12:00:00', null, null],
    ]);
    expect(result.warnings).toContain(
      'The time zone “Mars/Olympus” has no definition in the file and is unknown; its times are read without a time zone.',
    );
  });
});

describe('parseICalendar: broken and odd files', () => {
  it('refuses a calendar cut short', () => {
    const text = fixture('sched.ics');
    for (const share of [0.3, 0.6, 0.95]) {
      const error = parseFailure(() => parseICalendar(text.slice(0, Math.floor(text.length * share))));
      expect(error.kind).toBe('malformed');
      expect(error.format).toBe('ical');
      expect(error.message).toMatch(/^This iCalendar file is broken (at line \d+|it ends before)/);
    }
  });

  it('names the line of an invalid line', () => {
    const error = parseFailure(() =>
      parseICalendar('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis is not a property\r\nEND:VCALENDAR'),
    );
    expect(error.message).toContain('broken at line 3');
  });

  it('keeps events whose times cannot be read, without a time', () => {
    const result = parseICalendar(calendar(event('UID:1', 'SUMMARY:Bad Time', 'DTSTART:2025garbage')));
    expect(result.talks.map((t) => [t.title, t.start])).toEqual([['Bad Time', null]]);
    expect(result.warnings).toEqual([
      '1 time could not be read and was left out.',
      '1 event has no start time; kept without one.',
    ]);
  });

  it('unescapes text, keeps hostile text inert, and drops unsafe URLs', () => {
    const result = parseICalendar(
      calendar(
        event(
          'UID:1',
          'SUMMARY:<img src=x onerror=alert(1)>\\, really',
          'DESCRIPTION:<script>alert(1)</script>Line one\\nLine two\\; done',
          'URL:javascript:alert(1)',
          'LOCATION:Room\\, 2',
          'DTSTART:20250110T100000Z',
        ),
      ),
    );
    expect(result.talks[0]).toMatchObject({
      title: '<img src=x onerror=alert(1)>, really',
      abstract: 'Line one\nLine two; done',
      url: null,
      links: [],
      room: 'Room, 2',
    });
  });

  it('gives repeated overrides of a recurring event their own ids', () => {
    const result = parseICalendar(
      calendar(
        event('UID:r', 'SUMMARY:Daily Standup Talk', 'DTSTART:20250110T100000Z', 'RRULE:FREQ=DAILY;COUNT=3'),
        event(
          'UID:r',
          'RECURRENCE-ID:20250111T100000Z',
          'SUMMARY:Daily Standup Talk (moved)',
          'DTSTART:20250111T120000Z',
        ),
      ),
    );
    expect(result.talks.map((t) => t.scheduleId)).toEqual(['r', 'r@2025-01-11T10:00:00Z']);
  });

  it('refuses a calendar without events, and counts events before parsing', () => {
    expect(parseFailure(() => parseICalendar(calendar())).kind).toBe('no-events');
    const many = calendar(
      ...Array.from({ length: 5 }, (_, i) => event(`UID:${i}`, 'SUMMARY:x', 'DTSTART:20250110T100000Z')),
    );
    expect(parseFailure(() => parseICalendar(many, { maxEvents: 4 })).message).toContain(
      'This schedule has 5 events',
    );
  });
});
