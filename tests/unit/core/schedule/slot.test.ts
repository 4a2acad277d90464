import { describe, expect, it } from 'vitest';
import { describeScheduleSlot, describeScheduleTime } from '@/core/schedule/slot';

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
