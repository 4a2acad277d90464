// @vitest-environment node
import { HEAVY_TEST_MS } from '../../heavy';
import { describe, expect, it } from 'vitest';
import { parseFrabJson } from '@/core/schedule/frab-json';
import { fixture } from './fixtures';
import { generateFrabSchedule } from './schedule-generator';

const camp = () => parseFrabJson(JSON.parse(fixture('frab-camp.json')));
const byTitle = (title: string) => camp().talks.find((t) => t.title === title)!;

describe('parseFrabJson: frab-camp.json (c3voc layout, valid against its JSON schema)', () => {
  it('reads the conference', () => {
    const { format, conference, warnings } = camp();
    expect(format).toBe('frab-json');
    expect(conference).toEqual({
      title: 'Example Hacker Camp 2025',
      acronym: 'exhc2025',
      start: '2025-08-14',
      end: '2025-08-15',
      timeZone: 'Europe/Berlin',
      url: 'https://camp.example.org/2025/',
    });
    expect(warnings).toEqual([]);
  });

  it('reads every event in file order, by guid, with its room', () => {
    expect(camp().talks.map((t) => [t.scheduleId.slice(-2), t.room])).toEqual([
      ['01', 'Main Hall'],
      ['02', 'Main Hall'],
      ['03', 'Main Hall'],
      ['04', 'Main Hall'],
      ['05', 'Main Hall'],
      ['06', 'Workshop Tent'],
      ['07', 'Workshop Tent'],
      ['08', 'Workshop Tent'],
      ['09', 'Main Hall'],
    ]);
  });

  it('reads a talk with speakers, abstract and links', () => {
    expect(byTitle('Mesh Networks for Festival Grounds')).toEqual({
      scheduleId: '5b2f8c1e-3d4a-4b6c-9e7f-0a1b2c3d4e02',
      title: 'Mesh Networks for Festival Grounds',
      subtitle: 'What we learned running 300 nodes in a muddy field',
      speakers: ['Jonas Brandt', 'Aiko Tanaka'],
      start: '2025-08-14T10:45:00+02:00',
      end: '2025-08-14T11:30:00+02:00',
      timeZone: 'Europe/Berlin',
      day: '2025-08-14',
      room: 'Main Hall',
      track: 'Hardware & Making',
      type: 'lecture',
      abstract: 'Our network runs on [LibreMesh](https://libremesh.org/) and a lot of duct tape.',
      url: 'https://camp.example.org/2025/events/102.html',
      links: [
        { kind: 'schedule', url: 'https://camp.example.org/2025/events/102.html', title: null },
        { kind: 'recording', url: 'https://media.ccc.de/v/exhc2025-102-mesh-networks', title: 'Recording' },
        {
          kind: 'slides',
          url: 'https://camp.example.org/2025/system/attachments/102/slides.pdf',
          title: 'Slides (PDF)',
        },
        { kind: 'other', url: 'https://libremesh.org/', title: null },
        { kind: 'other', url: 'https://git.example.org/camp-noc/mesh-configs', title: null },
      ],
      housekeeping: false,
    });
  });

  it('puts the event after midnight on the next calendar day', () => {
    expect(byTitle('Late Night Lightning Talks')).toMatchObject({
      start: '2025-08-15T01:00:00+02:00',
      day: '2025-08-15',
    });
  });

  it.each([
    ['Lunch', true],
    ['Coffee Break', true],
    ['Lunch and Learn: Soldering for Beginners', false],
    ['Breaking Changes in Firmware Updates', false],
    ['Opening Ceremony', false],
  ])('%s is housekeeping: %s', (title, housekeeping) => {
    expect(byTitle(title).housekeeping).toBe(housekeeping);
  });

  it('takes slides from the description and drops a javascript: link', () => {
    expect(byTitle('Reverse Engineering a Solar Inverter').links.map((l) => l.kind)).toEqual([
      'schedule',
      'slides',
    ]);
    expect(
      camp()
        .talks.flatMap((t) => t.links)
        .some((l) => l.url.startsWith('javascript')),
    ).toBe(false);
  });
});

describe('parseFrabJson: frab-old.json (older frab: no `date`, a change to winter time)', () => {
  const old = () => parseFrabJson(JSON.parse(fixture('frab-old.json')));

  it('places events by day, start and the conference zone', () => {
    expect(old().talks.map((t) => [t.title, t.start, t.end, t.day])).toEqual([
      [
        'Keynote: Ten Years of Reproducible Builds',
        '2024-10-26T10:00:00+02:00',
        '2024-10-26T10:45:00+02:00',
        '2024-10-26',
      ],
      ['Night Hacking Session', '2024-10-26T23:30:00+02:00', '2024-10-27T01:00:00+02:00', '2024-10-26'],
      [
        'After Midnight: Shell One-Liners',
        '2024-10-27T01:30:00+02:00',
        '2024-10-27T02:00:00+02:00',
        '2024-10-27',
      ],
      ['Mittagspause', '2024-10-27T10:00:00+01:00', '2024-10-27T10:30:00+01:00', '2024-10-27'],
      [
        'Packaging Rust for Distributions',
        '2024-10-27T11:00:00+01:00',
        '2024-10-27T11:45:00+01:00',
        '2024-10-27',
      ],
    ]);
  });

  it('reads people given as strings or records, ids as numbers, and entities in descriptions', () => {
    const talks = old().talks;
    expect(talks.map((t) => t.speakers)).toEqual([
      ['Ruth Adeyemi'],
      ['Tomás Ferreira', 'Kim Ha-eun'],
      [],
      [],
      ['Anouk de Vries', 'Bilal Chaudhry'],
    ]);
    expect(talks[0]).toMatchObject({ scheduleId: '501', abstract: 'A look back & ahead.' });
    expect(talks[3]!.housekeeping).toBe(true);
  });
});

describe('parseFrabJson: the flat layout (schedule.events)', () => {
  it('reads ISO start and end, room and track records, participants', () => {
    const result = parseFrabJson({
      schedule: {
        version: '2024-12-26',
        conference: { acronym: '38c3', title: '38C3', time_zone_name: 'Europe/Berlin', rooms: [] },
        events: [
          {
            guid: 'b1740c2f-0c44-5f1b-89ed-456a9eecf0b8',
            start: '2024-12-27T11:00:00+01:00',
            end: '2024-12-27T11:40:00+01:00',
            room: { name: 'Saal 1' },
            track: { slug: 'security' },
            title: 'A Flat Event',
            participants: [{ name: 'Speaker', role: 'SPEAKER' }],
          },
        ],
      },
    });
    expect(result.talks).toMatchObject([
      {
        title: 'A Flat Event',
        start: '2024-12-27T11:00:00+01:00',
        end: '2024-12-27T11:40:00+01:00',
        room: 'Saal 1',
        track: 'security',
        speakers: ['Speaker'],
      },
    ]);
  });
});

describe('parseFrabJson: damaged and unusual files', () => {
  it('skips events without a title, keeps those without a time, and says so', () => {
    const result = parseFrabJson({
      schedule: {
        conference: {
          title: 'C',
          days: [
            {
              date: '2025-01-01',
              rooms: {
                R: [
                  { guid: 'a', title: '', start: '10:00' },
                  { guid: 'b', title: 'No Time' },
                  { guid: 'c', title: 'Fine', start: '11:00', duration: '00:30' },
                  'not an event',
                ],
              },
            },
          ],
        },
      },
    });
    expect(result.talks.map((t) => [t.title, t.start])).toEqual([
      ['No Time', null],
      ['Fine', '2025-01-01T11:00:00'],
    ]);
    expect(result.warnings).toEqual([
      '2 events without a title were skipped.',
      '1 event has no start time; kept without one.',
    ]);
  });

  it('refuses a schedule without events', () => {
    expect(() => parseFrabJson({ schedule: { conference: { title: 'C', days: [] } } })).toThrow(
      expect.objectContaining({ kind: 'no-events', format: 'frab-json' }),
    );
    expect(() => parseFrabJson({ schedule: { conference: { title: 'C', days: 'many' } } })).toThrow(
      'This schedule has no events',
    );
  });

  it(
    'reads a generated 30,000-event file, and refuses it below its size',
    () => {
      const { json, titles } = generateFrabSchedule(30_000);
      const data = JSON.parse(json);
      const result = parseFrabJson(data);
      expect(result.talks).toHaveLength(30_000);
      expect(result.talks.map((t) => t.title)).toEqual(titles);
      expect(new Set(result.talks.map((t) => t.scheduleId)).size).toBe(30_000);
      // The last event: day 313 (2026-12-10), its third room, its last slot.
      expect(result.talks[29_999]).toMatchObject({
        start: '2026-12-10T16:30:00+09:00',
        room: 'Room B',
        day: '2026-12-10',
      });
      expect(result.warnings).toEqual([]);
      expect(() => parseFrabJson(data, { maxEvents: 29_999 })).toThrow(
        'This schedule has 30,000 events; Talk Notes reads at most 29,999 from one file.',
      );
    },
    HEAVY_TEST_MS,
  );
});
