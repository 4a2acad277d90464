// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countOf, formatCount, ScheduleParseError } from '@/core/schedule/errors';

describe('formatCount and countOf', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [30000, '30,000'],
    [1234567, '1,234,567'],
  ])('formatCount(%i) -> %s', (n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });

  it.each([
    [1, 'event', undefined, '1 event'],
    [2, 'event', undefined, '2 events'],
    [50000, 'event', undefined, '50,000 events'],
    [3, 'repeat', 'repeats', '3 repeats'],
  ])('countOf(%i, %s)', (n, noun, plural, expected) => {
    expect(countOf(n, noun, plural)).toBe(expected);
  });
});

describe('ScheduleParseError', () => {
  it('is an Error with a kind, a message and the format', () => {
    const error = new ScheduleParseError('malformed', 'Broken.', 'ical');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScheduleParseError');
    expect(error).toMatchObject({ kind: 'malformed', message: 'Broken.', format: 'ical' });
    expect(new ScheduleParseError('empty', 'Empty.').format).toBeNull();
  });
});
