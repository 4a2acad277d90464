// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addSeconds,
  formatDay,
  formatWallTime,
  fromInstant,
  inZone,
  instantOf,
  isKnownTimeZone,
  parseClock,
  parseDuration,
  parseIsoDate,
  parseIsoDateTime,
  zoneOffsetAt,
} from '@/core/schedule/time';

const wall = (iso: string) => Date.parse(`${iso}Z`);

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-02-03T10:30:00+01:00', '2024-02-03T10:30:00+01:00'],
    ['2024-02-03T10:30+01:00', '2024-02-03T10:30:00+01:00'],
    ['2024-02-03 10:30:15', '2024-02-03T10:30:15'],
    ['2024-02-03T10:30:15.123Z', '2024-02-03T10:30:15+00:00'],
    ['2024-02-03T10:30:00-0530', '2024-02-03T10:30:00-05:30'],
    ['2024-02-03T10:30:00+02', '2024-02-03T10:30:00+02:00'],
    [' 2024-02-03T23:59:59+14:00 ', '2024-02-03T23:59:59+14:00'],
  ])('%j -> %j', (text, expected) => {
    const time = parseIsoDateTime(text);
    expect(time && formatWallTime(time)).toBe(expected);
  });

  it.each([
    '',
    '2024-02-30T10:00:00',
    '2024-13-01T10:00:00',
    '2024-02-03T24:00:00',
    '2024-02-03T10:60:00',
    '2024-02-03',
    '10:30',
    '0999-01-01T10:00:00',
    '2024-02-03T10:00:00+25:00',
    '2024-02-03T10:00:00 garbage',
  ])('%j is not a date-time', (text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});

describe('parseIsoDate, parseClock, parseDuration', () => {
  it.each([
    ['2024-02-29', wall('2024-02-29T00:00:00')],
    ['2023-02-29', null],
    ['2024-2-3', null],
  ])('parseIsoDate(%j)', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it.each([
    ['09:30', 9 * 3600 + 30 * 60],
    ['9:05', 9 * 3600 + 5 * 60],
    ['23:59:59', 86_399],
    ['24:00', null],
    ['12:60', null],
    ['noon', null],
  ])('parseClock(%j) -> %j', (text, expected) => {
    expect(parseClock(text)).toBe(expected);
  });

  it.each([
    ['00:30', 1800],
    ['0:45', 2700],
    ['01:30', 5400],
    ['00:30:00', 1800],
    ['01:00:30', 3630],
    ['48:00', 48 * 3600],
    ['337:00', null], // more than two weeks
    ['00:75', null],
    ['30', null],
    ['PT30M', null],
  ])('parseDuration(%j) -> %j', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });
});

describe('time zones', () => {
  it.each([
    ['Europe/Brussels', true],
    ['America/Chicago', true],
    ['UTC', true],
    ['W. Europe Standard Time', false],
    ['Not/AZone', false],
    ['', false],
  ])('isKnownTimeZone(%j) -> %j', (zone, expected) => {
    expect(isKnownTimeZone(zone)).toBe(expected);
  });

  it.each([
    // Europe/Berlin leaves summer time on 2024-10-27 at 01:00 UTC.
    ['Europe/Berlin', '2024-10-27T00:59:00', 120],
    ['Europe/Berlin', '2024-10-27T01:00:00', 60],
    ['America/Chicago', '2024-11-06T15:00:00', -360],
    ['Asia/Kolkata', '2024-06-01T00:00:00', 330],
    ['Australia/Lord_Howe', '2024-01-01T00:00:00', 660],
  ])('zoneOffsetAt(%s, %s UTC) = %i minutes', (zone, utc, minutes) => {
    expect(zoneOffsetAt(zone, wall(utc))).toBe(minutes);
  });

  it.each([
    ['Europe/Berlin', '2024-10-26T23:30:00', '2024-10-26T23:30:00+02:00'],
    ['Europe/Berlin', '2024-10-27T10:00:00', '2024-10-27T10:00:00+01:00'],
    ['America/New_York', '2024-07-10T09:30:00', '2024-07-10T09:30:00-04:00'],
    // 02:30 does not exist on 2024-03-31 in Berlin: the offset from before the gap.
    ['Europe/Berlin', '2024-03-31T02:30:00', '2024-03-31T02:30:00+01:00'],
  ])('inZone(%s, %s) -> %s', (zone, local, expected) => {
    expect(formatWallTime(inZone(wall(local), zone))).toBe(expected);
  });

  it('shows an instant in a zone, or at a fixed offset without one', () => {
    expect(formatWallTime(fromInstant(wall('2024-11-07T04:30:00'), 'America/Chicago', 0))).toBe(
      '2024-11-06T22:30:00-06:00',
    );
    expect(formatWallTime(fromInstant(wall('2024-11-07T04:30:00'), null, 60))).toBe(
      '2024-11-07T05:30:00+01:00',
    );
  });
});

describe('addSeconds', () => {
  it('follows the zone across a change of offset', () => {
    const start = inZone(wall('2024-10-27T01:30:00'), 'Europe/Berlin');
    expect(formatWallTime(addSeconds(start, 2 * 3600, 'Europe/Berlin'))).toBe('2024-10-27T02:30:00+01:00');
  });

  it('keeps a fixed offset without a zone, and wall time for a floating time', () => {
    expect(formatWallTime(addSeconds({ wall: wall('2024-01-01T23:30:00'), offset: 60 }, 3600, null))).toBe(
      '2024-01-02T00:30:00+01:00',
    );
    expect(formatWallTime(addSeconds({ wall: wall('2024-01-01T23:30:00'), offset: null }, 3600, null))).toBe(
      '2024-01-02T00:30:00',
    );
  });

  it('gives instants and days', () => {
    expect(instantOf({ wall: wall('2024-01-01T10:00:00'), offset: 120 })).toBe(wall('2024-01-01T08:00:00'));
    expect(instantOf({ wall: wall('2024-01-01T10:00:00'), offset: null })).toBeNull();
    expect(formatDay(wall('2024-12-31T23:59:59'))).toBe('2024-12-31');
    expect(formatWallTime({ wall: wall('2024-01-01T10:00:00'), offset: -330 })).toBe(
      '2024-01-01T10:00:00-05:30',
    );
  });
});
