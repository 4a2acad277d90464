// @vitest-environment node
// The parsers run without a DOM (a worker, Node, an extension page): no document, no DOMParser here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { HEAVY_TEST_MS } from '../../heavy';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT } from '@/core/backup';
import { ScheduleParseError } from '@/core/schedule/errors';
import { detectScheduleFormat, parseSchedule } from '@/core/schedule/parse';
import { SCHEDULE_FORMATS, SCHEDULE_LINK_KINDS, type ParsedSchedule } from '@/core/schedule/types';
import { FIXTURE_FILES, fixture, parseFailure, SCHEDULE_FIXTURES } from './fixtures';
import { generateFrabSchedule } from './schedule-generator';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** What any parsed schedule must look like, whatever went in. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const line = (max: number) =>
  v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(max),
    v.check((s) => s === s.trim() && !/\p{Cc}/u.test(s)),
  );
const nullable = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);
const ParsedScheduleSchema = v.strictObject({
  format: v.picklist(SCHEDULE_FORMATS),
  conference: v.strictObject({
    title: line(300),
    acronym: nullable(line(100)),
    start: nullable(v.pipe(v.string(), v.regex(DAY))),
    end: nullable(v.pipe(v.string(), v.regex(DAY))),
    timeZone: nullable(v.string()),
    url: nullable(v.pipe(v.string(), v.regex(/^https?:\/\//))),
  }),
  talks: v.pipe(
    v.array(
      v.strictObject({
        scheduleId: line(200),
        title: line(300),
        subtitle: nullable(line(500)),
        speakers: v.array(line(500)),
        start: nullable(v.pipe(v.string(), v.regex(ISO))),
        end: nullable(v.pipe(v.string(), v.regex(ISO))),
        timeZone: nullable(v.string()),
        day: nullable(v.pipe(v.string(), v.regex(DAY))),
        room: nullable(line(200)),
        track: nullable(line(200)),
        type: nullable(line(200)),
        abstract: nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(20_000))),
        url: nullable(v.pipe(v.string(), v.regex(/^https?:\/\//))),
        links: v.array(
          v.strictObject({
            kind: v.picklist(SCHEDULE_LINK_KINDS),
            url: v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/)),
            title: nullable(line(200)),
          }),
        ),
        housekeeping: v.boolean(),
      }),
    ),
    v.minLength(1),
    v.check((talks) => new Set(talks.map((t) => t.scheduleId)).size === talks.length, 'ids are unique'),
  ),
  warnings: v.array(v.string()),
});

function expectValid(schedule: ParsedSchedule): void {
  const result = v.safeParse(ParsedScheduleSchema, schedule);
  if (!result.success) throw new Error(JSON.stringify(v.flatten(result.issues)));
}

describe('parseSchedule: the fixtures (golden files in expected/, UPDATE_GOLDEN=1 to rewrite)', () => {
  it('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof DOMParser).toBe('undefined');
  });

  it.each(FIXTURE_FILES)('%s', (name) => {
    const schedule = parseSchedule(fixture(name), { fallbackTitle: 'schedule.example.org' });
    expectValid(schedule);
    const path = join(SCHEDULE_FIXTURES, 'expected', `${name}.json`);
    if (UPDATE) writeFileSync(path, `${JSON.stringify(schedule, null, 2)}\n`);
    expect(existsSync(path)).toBe(true);
    expect(schedule).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it.each(FIXTURE_FILES)('%s: the same with a byte-order mark, CRLF line ends, twice', (name) => {
    const text = fixture(name);
    const plain = parseSchedule(text);
    expect(parseSchedule(`\ufeff${text}`)).toEqual(plain);
    expect(parseSchedule(text)).toEqual(plain);
    if (!name.endsWith('.ics')) expect(parseSchedule(text.replace(/\r?\n/g, '\r\n'))).toEqual(plain);
  });
});

describe('parseSchedule: what is not a schedule', () => {
  const backup = JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: '2025-01-01T00:00:00Z',
    pages: [],
  });
  it.each([
    ['an empty file', '', 'empty', 'The file is empty.'],
    ['white space', ' \n\t\r\n ', 'empty', 'The file is empty.'],
    ['a BOM only', '\ufeff', 'empty', 'The file is empty.'],
    [
      'a web page',
      '<!DOCTYPE html>\n<html><head><title>Schedule | Conf</title></head><body>…</body></html>',
      'web-page',
      'This is a web page, not a schedule file.',
    ],
    ['a web page without doctype', '  <html lang="de"><body><table>…', 'web-page', 'This is a web page'],
    [
      'random JSON',
      '{"name": "x", "items": [1, 2]}',
      'not-a-schedule',
      'not a schedule Talk Notes knows (its top-level keys: name, items)',
    ],
    ['a JSON array', '[{"title": "x"}]', 'not-a-schedule', 'not a schedule Talk Notes knows'],
    ['a JSON string', '"schedule"', 'not-a-schedule', 'not a schedule Talk Notes can read'],
    ['our backup', backup, 'not-a-schedule', 'This is a Talk Notes backup, not a schedule.'],
    [
      'an RSS feed',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title></channel></rss>',
      'not-a-schedule',
      'news feed',
    ],
    [
      'other XML',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      'not-a-schedule',
      'its root element is <svg>',
    ],
    ['plain text', 'Day 1: 10:00 Keynote', 'not-a-schedule', 'not a schedule Talk Notes can read'],
    ['a vCard', 'BEGIN:VCARD\r\nFN:Jane\r\nEND:VCARD', 'not-a-schedule', 'contact card'],
    [
      'a Sessionize "Sessions" view',
      '[{"groupId": null, "groupName": "All", "sessions": []}]',
      'not-a-schedule',
      'Export the “All” view',
    ],
  ])('%s', (_, text, kind, message) => {
    const error = parseFailure(() => parseSchedule(text));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(message);
    expect(detectScheduleFormat(text)).toBeNull();
  });

  it.each([
    [
      'frab-camp.json',
      'frab-json',
      /^This frab\/pretalx schedule JSON file is broken (at line \d+, column \d+|at its end)/,
    ],
    [
      'sessionize-all.json',
      'sessionize',
      /^This Sessionize JSON file is broken (at line \d+, column \d+|at its end)/,
    ],
    ['pretalx-schedule.xml', 'frab-xml', /^This frab XML schedule is broken at line \d+, column \d+/],
    ['fosdem-pentabarf.xml', 'frab-xml', /^This frab XML schedule is broken at line \d+, column \d+/],
    ['sched.ics', 'ical', /^This iCalendar file is broken/],
  ])('%s cut in the middle', (name, format, message) => {
    const text = fixture(name);
    const error = parseFailure(() => parseSchedule(text.slice(0, Math.floor(text.length / 2))));
    expect(error).toMatchObject({ kind: 'malformed', format });
    expect(error.message).toMatch(message);
  });

  it('refuses a schedule without events', () => {
    const error = parseFailure(() =>
      parseSchedule('{"schedule": {"version": "1", "conference": {"title": "Empty", "days": []}}}'),
    );
    expect(error).toMatchObject({ kind: 'no-events', format: 'frab-json' });
  });

  it('wraps any other failure in a ScheduleParseError', () => {
    // Not a string at all (a caller's mistake): still a ScheduleParseError.
    expect(parseFailure(() => parseSchedule(undefined as unknown as string)).kind).toBe('empty');
  });
});

describe('parseSchedule: hostile and huge inputs', () => {
  it('shortens a huge title, keeps hostile strings inert and drops unsafe links', () => {
    const text = JSON.stringify({
      schedule: {
        conference: {
          title: '<script>alert(1)</script>Conf',
          url: 'javascript:alert(1)',
          days: [
            {
              date: '2025-01-01',
              rooms: {
                '<b>Room</b>': [
                  { guid: 'a', title: 'T'.repeat(1_000_000), start: '10:00' },
                  {
                    guid: 'b',
                    title: '<img src=x onerror=alert(1)>',
                    start: '11:00',
                    abstract: '<img src=x onerror=alert(1)>Text &lt;img src=x onerror=alert(1)&gt;',
                    persons: [{ public_name: 'javascript:alert(1)' }],
                    url: 'javascript:alert(1)',
                    links: [{ url: 'data:text/html;base64,PHNjcmlwdD4=' }, { url: ' JAVASCRIPT:alert(1)' }],
                  },
                ],
              },
            },
          ],
        },
      },
    });
    const schedule = parseSchedule(text);
    expectValid(schedule);
    expect(schedule.conference).toMatchObject({ title: '<script>alert(1)</script>Conf', url: null });
    const [huge, hostile] = schedule.talks;
    expect(huge!.title).toHaveLength(300);
    expect(hostile).toMatchObject({
      title: '<img src=x onerror=alert(1)>',
      abstract: 'Text <img src=x onerror=alert(1)>',
      speakers: ['javascript:alert(1)'],
      room: '<b>Room</b>',
      url: null,
      links: [],
    });
    expect(schedule.warnings).toEqual(['1 title longer than 300 characters was shortened.']);
  });

  it(
    'reads a generated 30,000-event schedule in both frab formats, and refuses it under a lower maxEvents',
    () => {
      const { json, xml, titles } = generateFrabSchedule(30_000);
      for (const [text, format] of [
        [json, 'frab-json'],
        [xml, 'frab-xml'],
      ] as const) {
        const schedule = parseSchedule(text);
        expect(schedule.format).toBe(format);
        expect(schedule.talks.map((t) => t.title)).toEqual(titles);
        expect(schedule.conference).toMatchObject({
          start: '2026-02-01',
          end: '2026-12-10',
          timeZone: 'Asia/Tokyo',
        });
        const error = parseFailure(() => parseSchedule(text, { maxEvents: 20_000 }));
        expect(error).toMatchObject({ kind: 'too-many-events', format });
        expect(error.message).toBe(
          'This schedule has 30,000 events; Talk Notes reads at most 20,000 from one file. Import a part of it (one day or one track) instead.',
        );
      }
    },
    HEAVY_TEST_MS,
  );

  it('refuses more than 50,000 events by default', () => {
    const head =
      '<schedule><conference><title>Big</title></conference><day date="2025-01-01"><room name="R">';
    const text = `${head}${'<event guid="g"><title>t</title></event>'.repeat(50_001)}</room></day></schedule>`;
    expect(parseFailure(() => parseSchedule(text)).message).toContain(
      'This schedule has 50,001 events; Talk Notes reads at most 50,000',
    );
  });
});

describe('parseSchedule: any text either parses to a valid schedule or throws ScheduleParseError', () => {
  function check(text: string): void {
    let schedule: ParsedSchedule;
    try {
      schedule = parseSchedule(text, { fallbackTitle: 'x' });
    } catch (error) {
      if (!(error instanceof ScheduleParseError)) throw error;
      expect(error.message.length).toBeGreaterThan(0);
      return;
    }
    expectValid(schedule);
  }

  const prefixes = [
    '',
    '{"schedule": {"conference": ',
    '{"sessions": [',
    'BEGIN:VCALENDAR\r\n',
    'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n',
    '<schedule>',
    '<?xml version="1.0"?><schedule><conference><title>',
    '<!DOCTYPE html>',
  ];

  it('for strings of any characters behind the start of each format', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (prefix, rest) => check(prefix + rest),
      ),
      { numRuns: 600 },
    );
  });

  it('for any JSON in the shape of each JSON format', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (a, b, c) => {
        check(
          JSON.stringify({
            schedule: {
              conference: {
                title: a,
                days: [
                  { date: b, rooms: { R: [c, { title: a, start: b, date: c, persons: [a], links: [b] }] } },
                ],
              },
            },
          }),
        );
        check(
          JSON.stringify({
            sessions: [a, { id: b, title: c, startsAt: a, speakers: [b] }],
            speakers: [c],
            rooms: [a],
            categories: [b],
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('for the fixtures with bytes cut out or inserted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_FILES),
        fc.nat(),
        fc.nat({ max: 200 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (name, at, cut, insert) => {
          const text = fixture(name);
          const i = at % (text.length + 1);
          check(text.slice(0, i) + insert + text.slice(i + cut));
        },
      ),
      { numRuns: 400 },
    );
  });
});
