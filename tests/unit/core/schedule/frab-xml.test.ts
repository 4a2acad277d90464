// @vitest-environment node
import { HEAVY_TEST_MS } from '../../heavy';
import { describe, expect, it } from 'vitest';
import { parseFrabXml } from '@/core/schedule/frab-xml';
import { fixture, parseFailure } from './fixtures';
import { generateFrabSchedule } from './schedule-generator';

describe('parseFrabXml: pretalx-schedule.xml (current layout, valid against the c3voc XSD)', () => {
  const result = () => parseFrabXml(fixture('pretalx-schedule.xml'));

  it('reads the conference', () => {
    expect(result().conference).toEqual({
      title: 'Data Engineering Lisbon 2025',
      acronym: 'datalisbon2025',
      start: '2025-06-12',
      end: '2025-06-13',
      timeZone: 'Europe/Lisbon',
      url: 'https://pretalx.example.com/datalisbon2025/schedule/',
    });
    expect(result().warnings).toEqual([]);
  });

  it('reads a talk with persons, recording, links, attachments and a CDATA description', () => {
    expect(result().talks.find((t) => t.title === 'Streaming Joins Without Tears')).toEqual({
      scheduleId: '9d3c5e7a-1b2c-4d3e-8f4a-6b7c8d9e0f02',
      title: 'Streaming Joins Without Tears',
      subtitle: 'Watermarks, late data and you',
      speakers: ['Inês Carvalho', 'Dmitri Volkov'],
      start: '2025-06-12T09:00:00+01:00',
      end: '2025-06-12T09:40:00+01:00',
      timeZone: 'Europe/Lisbon',
      day: '2025-06-12',
      room: 'Auditorium',
      track: 'Pipelines',
      type: 'Talk',
      abstract: 'Joining two unbounded streams is easy until the data is late.',
      url: 'https://pretalx.example.com/datalisbon2025/talk/ZK4TRB/',
      links: [
        { kind: 'schedule', url: 'https://pretalx.example.com/datalisbon2025/talk/ZK4TRB/', title: null },
        { kind: 'other', url: 'https://github.com/example/streaming-joins-demo', title: 'Demo code' },
        {
          kind: 'slides',
          url: 'https://pretalx.example.com/media/datalisbon2025/submissions/ZK4TRB/resources/slides.pdf',
          title: 'Slides',
        },
        {
          kind: 'recording',
          url: 'https://videos.example.com/datalisbon2025/streaming-joins.mp4',
          title: null,
        },
      ],
      housekeeping: false,
    });
  });

  it('marks breaks by type and title, and reads HH:MM:SS durations', () => {
    expect(result().talks.map((t) => [t.title, t.housekeeping, t.end])).toEqual([
      ['Welcome & Registration', true, '2025-06-12T09:00:00+01:00'],
      ['Streaming Joins Without Tears', false, '2025-06-12T09:40:00+01:00'],
      ['Almoço', true, '2025-06-12T13:45:00+01:00'],
      ['Parquet Internals for the Curious', false, '2025-06-12T09:30:00+01:00'],
      ['Lessons From a Decade of Data Lakes', false, '2025-06-13T09:45:00+01:00'],
    ]);
  });
});

describe('parseFrabXml: fosdem-pentabarf.xml (older Pentabarf layout: no guid, date or time zone)', () => {
  const result = () => parseFrabXml(fixture('fosdem-pentabarf.xml'));

  it('reads ids, floating times and days', () => {
    expect(result().talks.map((t) => [t.scheduleId, t.start, t.end, t.timeZone, t.day, t.room])).toEqual([
      ['8001', '2019-02-02T10:30:00', '2019-02-02T10:55:00', null, '2019-02-02', 'Janson'],
      ['8002', '2019-02-02T11:00:00', '2019-02-02T11:50:00', null, '2019-02-02', 'Janson'],
      ['8101', '2019-02-02T13:00:00', '2019-02-02T13:30:00', null, '2019-02-02', 'K.3.201'],
      ['8003', '2019-02-03T17:00:00', '2019-02-03T17:15:00', null, '2019-02-03', 'Janson'],
    ]);
    expect(result().conference).toMatchObject({
      title: 'Free Software Meetup 2019',
      acronym: null,
      timeZone: null,
    });
  });

  it('turns escaped HTML abstracts into plain text and drops scripts', () => {
    expect(result().talks.map((t) => t.abstract)).toEqual([
      'The organisers open the weekend.',
      'A tour of the scheduler, with live traces.',
      'Blinking LEDs for under five euros.',
      null,
    ]);
    expect(result().talks[1]!.title).toBe('Kernel Scheduling & You');
  });

  it('classifies links: video, feedback page, event page, slides', () => {
    expect(result().talks[0]!.links.map((l) => [l.kind, l.title])).toEqual([
      ['recording', 'Video recording (WebM/VP9)'],
      ['other', 'Submit feedback'],
    ]);
    // The slides URL written in the description is the attachment's: one link, not two.
    expect(result().talks[1]!.links.map((l) => [l.kind, l.title])).toEqual([
      ['schedule', 'Event page'],
      ['slides', 'Slides'],
    ]);
  });
});

describe('parseFrabXml: hostile and broken files', () => {
  it('refuses a DOCTYPE declaring entities (billion laughs) without expanding them', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE schedule [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<schedule><conference><title>&lol9;</title></conference><day date="2025-01-01"><room name="R"><event guid="g"><title>&lol9;</title><start>10:00</start></event></room></day></schedule>`;
    const error = parseFailure(() => parseFrabXml(laughs));
    expect(error.kind).toBe('unsafe');
    expect(error.message).toContain('declares entities of its own');
  });

  it('refuses an external entity (XXE) without reading it', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE schedule [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<schedule><conference><title>&xxe;</title></conference></schedule>`;
    expect(parseFailure(() => parseFrabXml(xxe)).kind).toBe('unsafe');
  });

  it('refuses an undeclared entity as broken XML, with its line', () => {
    const text = '<schedule>\n<conference><title>&xxe;</title></conference>\n</schedule>';
    const error = parseFailure(() => parseFrabXml(text));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(
      /^This frab XML schedule is broken at line 2, column \d+ \(undefined entity/,
    );
  });

  it.each([0.3, 0.5, 0.9])('refuses the fixture cut at %d of its length, saying where', (share) => {
    const text = fixture('pretalx-schedule.xml');
    const cut = text.slice(0, Math.floor(text.length * share));
    const error = parseFailure(() => parseFrabXml(cut));
    expect(error.kind).toBe('malformed');
    expect(error.format).toBe('frab-xml');
    expect(error.message).toMatch(/^This frab XML schedule is broken at line \d+, column \d+/);
  });

  it('keeps hostile text inert', () => {
    const text = `<schedule><conference><title>C</title></conference><day date="2025-01-01"><room name="R">
<event guid="g1"><title>&lt;img src=x onerror=alert(1)&gt;</title><start>10:00</start>
<abstract>&lt;script&gt;alert(1)&lt;/script&gt;Safe &lt;b&gt;text&lt;/b&gt;</abstract>
<links><link href="javascript:alert(1)">x</link><link href="data:text/html,x">y</link></links>
<__proto__>polluted</__proto__><constructor>x</constructor></event>
</room></day></schedule>`;
    const talk = parseFrabXml(text).talks[0]!;
    expect(talk.title).toBe('<img src=x onerror=alert(1)>');
    expect(talk.abstract).toBe('Safe text');
    expect(talk.links).toEqual([]);
    // Element names are data: `<__proto__>` and `<constructor>` change nothing.
    expect(talk.scheduleId).toBe('g1');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses a schedule without events', () => {
    const error = parseFailure(() =>
      parseFrabXml('<schedule><conference><title>C</title></conference></schedule>'),
    );
    expect(error.kind).toBe('no-events');
  });

  it(
    'reads a generated 30,000-event file, and refuses it below its size before parsing',
    () => {
      const { xml, titles } = generateFrabSchedule(30_000);
      const result = parseFrabXml(xml);
      expect(result.talks.map((t) => t.title)).toEqual(titles);
      expect(result.talks[29_999]).toMatchObject({ start: '2026-12-10T16:30:00+09:00', room: 'Room B' });
      expect(result.warnings).toEqual([]);
      const refused = parseFailure(() => parseFrabXml(xml, { maxEvents: 10_000 }));
      expect(refused.kind).toBe('too-many-events');
      expect(refused.message).toContain('This schedule has 30,000 events; Talk Notes reads at most 10,000');
    },
    HEAVY_TEST_MS,
  );
});
