import { describe, expect, it } from 'vitest';
import { dateFit, dayNumber } from '@/core/schedule/date-fit';

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
