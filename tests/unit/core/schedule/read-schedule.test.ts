import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeSchedule } from '@/core/schedule/assemble';
import { parseSchedule, readSchedule } from '@/core/schedule/parse';
import { FIXTURE_FILES, fixture, parseFailure, SCHEDULE_FIXTURES } from './fixtures';
import { generateFrabSchedule } from './schedule-generator';

const OPTIONS = { fallbackTitle: 'schedule.example.org' };

describe('readSchedule: a schedule read in two steps', () => {
  it.each(FIXTURE_FILES)('%s: the heads, then each talk, are the golden parse', (name) => {
    const golden = JSON.parse(readFileSync(join(SCHEDULE_FIXTURES, 'expected', `${name}.json`), 'utf8'));
    const reading = readSchedule(fixture(name), OPTIONS);
    expect(
      reading.events.map(({ scheduleId, title, start, day, room }) => ({
        scheduleId,
        title,
        start,
        day,
        room,
      })),
    ).toEqual(
      golden.talks.map(({ scheduleId, title, start, day, room }: Record<string, unknown>) => ({
        scheduleId,
        title,
        start,
        day,
        room,
      })),
    );
    // Talks asked for out of order (an import asks in schedule order) are the same talks.
    const backwards = reading.events.map((_, i) => reading.events.length - 1 - i);
    const talks = backwards.map((i) => reading.talk(i)).reverse();
    expect({ ...completeSchedule(reading), talks }).toEqual(golden);
  });

  const broken: [string, string][] = [
    ...FIXTURE_FILES.map((name): [string, string] => [
      `${name} cut in half`,
      fixture(name).slice(0, fixture(name).length >> 1),
    ]),
    [
      'an HTML page',
      '<!doctype html><html><head><title>Schedule</title></head><body><p>Soon</p></body></html>',
    ],
    ['a schedule without events', JSON.stringify({ schedule: { conference: { title: 'C', days: [] } } })],
    [
      'events without titles',
      JSON.stringify({
        schedule: {
          conference: {
            title: 'C',
            days: [{ date: '2026-01-31', rooms: { A: [{ guid: 'x', title: '' }] } }],
          },
        },
      }),
    ],
  ];
  it.each(broken)('%s: refused by the first step, as parseSchedule refuses it', (_, text) => {
    const parsed = parseFailure(() => parseSchedule(text, OPTIONS));
    const read = parseFailure(() => readSchedule(text, OPTIONS));
    expect([read.kind, read.message, read.format]).toEqual([parsed.kind, parsed.message, parsed.format]);
  });

  it('too many events: refused by the first step', () => {
    const { json } = generateFrabSchedule(120);
    const read = parseFailure(() => readSchedule(json, { maxEvents: 100 }));
    expect(read.kind).toBe('too-many-events');
  });
});
