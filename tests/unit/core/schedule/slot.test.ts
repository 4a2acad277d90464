import { describe, expect, it } from 'vitest';
import {
  dateRange,
  describeScheduleSlot,
  describeScheduleTime,
  localTime,
  localTimes,
  timeRange,
} from '@/core/schedule/slot';

describe('describeScheduleTime', () => {
  it.each([
    // In the conference's zone, whatever the reader's.
    [
      { start: '2026-01-31T14:00:00+01:00', end: '2026-01-31T14:45:00+01:00', timeZone: 'Europe/Brussels' },
      'Sat, Jan 31, 14:00–14:45',
    ],
    [{ start: '2026-01-31T13:00:00Z', timeZone: 'Europe/Brussels' }, 'Sat, Jan 31, 14:00'],
    // An offset without a zone name: the wall-clock time of that offset.
    [{ start: '2026-10-12T09:30:00-07:00', timeZone: null }, 'Mon, Oct 12, 09:30'],
    // A floating local time (Sessionize) as written.
    [{ start: '2026-10-12T09:30:00', end: '2026-10-12T10:15:00' }, 'Mon, Oct 12, 09:30–10:15'],
    // A zone name no browser knows: the offset still gives the time.
    [{ start: '2026-01-31T14:00:00+01:00', timeZone: 'Mars/Olympus' }, 'Sat, Jan 31, 14:00'],
    [{ start: null }, ''],
    [{ start: 'not a date' }, ''],
  ])('%o reads %s', (slot, expected) => {
    expect(describeScheduleTime(slot, 'en-US')).toBe(expected);
  });
});

describe('describeScheduleSlot', () => {
  it('joins time and room, leaving out what is unknown', () => {
    expect(
      describeScheduleSlot(
        { start: '2026-01-31T14:00:00+01:00', timeZone: 'Europe/Brussels', room: 'K.1.105' },
        'en-US',
      ),
    ).toBe('Sat, Jan 31, 14:00 · K.1.105');
    expect(describeScheduleSlot({ start: null, room: 'Janson' }, 'en-US')).toBe('Janson');
    expect(describeScheduleSlot({}, 'en-US')).toBe('');
  });
});

describe('localTime', () => {
  it.each([
    ['an offset time in its zone', '2026-01-31T10:00:00+01:00', 'Europe/Brussels', '2026-01-31', '10:00'],
    ['UTC converted to the zone', '2026-01-31T09:30:00Z', 'Europe/Brussels', '2026-01-31', '10:30'],
    ['UTC past midnight in the zone', '2025-10-22T23:30:00Z', 'Asia/Tokyo', '2025-10-23', '08:30'],
    ['summer time', '2025-07-01T08:00:00Z', 'Europe/Brussels', '2025-07-01', '10:00'],
    ['a floating time is the wall clock', '2023-10-12T09:00:00', 'America/New_York', '2023-10-12', '09:00'],
    ['no zone: the wall clock written', '2026-01-31T10:00:00+01:00', null, '2026-01-31', '10:00'],
    [
      'an unknown zone: the wall clock written',
      '2026-01-31T10:00:00+01:00',
      'Mars/Olympus',
      '2026-01-31',
      '10:00',
    ],
    ['minutes and fractions', '2026-01-31T10:05:30.250+0100', 'Europe/Brussels', '2026-01-31', '10:05'],
  ])('%s', (_, iso, zone, day, time) => {
    expect(localTime(iso, zone)).toEqual({ day, time });
  });

  it.each([null, undefined, '', 'tomorrow', '2026-01-31'])('%j is no time', (iso) => {
    expect(localTime(iso, 'Europe/Brussels')).toBeNull();
  });
});

describe('localTimes', () => {
  it.each([
    [
      'start and end',
      { start: '2026-01-31T10:00:00+01:00', end: '2026-01-31T10:50:00+01:00', timeZone: 'Europe/Brussels' },
      { day: '2026-01-31', start: '10:00', end: '10:50' },
    ],
    [
      'the schedule’s day wins',
      { start: '2026-01-31T01:00:00+01:00', day: '2026-01-30', timeZone: 'Europe/Brussels' },
      { day: '2026-01-30', start: '01:00', end: null },
    ],
    [
      'a day without times',
      { day: '2026-02-01', start: null },
      { day: '2026-02-01', start: null, end: null },
    ],
    ['nothing', {}, { day: null, start: null, end: null }],
  ])('%s', (_, talk, expected) => {
    expect(localTimes(talk)).toEqual(expected);
  });
});

describe('timeRange and dateRange', () => {
  it.each([
    [{ start: '10:00', end: '10:50' }, '10:00–10:50'],
    [{ start: '10:00', end: '10:00' }, '10:00'],
    [{ start: '10:00', end: null }, '10:00'],
    [{ start: null, end: '10:50' }, ''],
  ])('timeRange(%j) -> %j', (times, expected) => {
    expect(timeRange(times)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-02-01', '2026-01-31 – 2026-02-01'],
    ['2026-01-31', '2026-01-31', '2026-01-31'],
    ['2026-01-31', null, '2026-01-31'],
    [null, '2026-02-01', '2026-02-01'],
    [null, null, ''],
  ])('dateRange(%j, %j) -> %j', (start, end, expected) => {
    expect(dateRange(start, end)).toBe(expected);
  });
});
