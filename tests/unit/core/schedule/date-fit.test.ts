// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateFit, dayNumber, reportedSession } from '@/core/schedule/date-fit';

describe('dayNumber', () => {
  it.each([
    ['1970-01-02', 1],
    ['2024-03-19', 19801],
    ['2024-03-19T23:30:00-08:00', 19801],
    ['not a date', null],
    [null, null],
  ])('%s', (iso, expected) => expect(dayNumber(iso)).toBe(expected));
});

describe('dateFit', () => {
  const first = dayNumber('2024-03-19');
  const last = dayNumber('2024-03-22');
  it.each([
    ['2024-03-20', 'during'],
    ['2024-03-17', 'during'],
    ['2024-06-20', 'during'],
    ['2024-03-01', 'shortly-before'],
    ['2023-12-01', 'long-before'],
    ['2023-03-20', 'long-before'],
    ['2024-09-01', 'months-after'],
    ['2025-04-01', 'years-after'],
    [null, 'unknown'],
  ])('a page of %s: %s', (page, expected) => expect(dateFit(dayNumber(page), first, last)).toBe(expected));

  it('takes a one-day conference from its first day, and knows nothing without one', () => {
    expect(dateFit(dayNumber('2024-03-25'), first, null)).toBe('during');
    expect(dateFit(dayNumber('2024-03-25'), null, null)).toBe('unknown');
  });
});

describe('reportedSession', () => {
  const days = ['2024-09-12', '2024-10-10', '2024-11-14'].map((d) => dayNumber(d)!);
  it.each([
    ['2024-09-01', null], // before the first evening
    ['2024-09-11', days[0]], // a live blog dated by another time zone
    ['2024-09-12', days[0]],
    ['2024-10-08', days[0]],
    ['2024-10-09', days[1]], // the day before an evening: may be its live blog, dated elsewhere
    ['2024-10-10', days[1]],
    ['2024-11-18', days[2]],
    ['2025-03-01', days[2]],
  ])('%s -> the evening it reports on', (page, expected) => {
    expect(reportedSession(dayNumber(page)!, days)).toBe(expected);
  });
});
