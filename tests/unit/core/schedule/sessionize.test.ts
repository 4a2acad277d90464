// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseSessionize } from '@/core/schedule/sessionize';
import { fixture } from './fixtures';

const all = (options = {}) => parseSessionize(JSON.parse(fixture('sessionize-all.json')), options);
const byId = (id: string) => all().talks.find((t) => t.scheduleId === id)!;

describe('parseSessionize: sessionize-all.json', () => {
  it('names the conference after the caller’s fallback and says so', () => {
    const result = all({ fallbackTitle: 'devday.example.com' });
    expect(result.format).toBe('sessionize');
    expect(result.conference).toEqual({
      title: 'devday.example.com',
      acronym: null,
      start: '2024-09-19',
      end: '2024-09-20',
      timeZone: null,
      url: null,
    });
    expect(result.warnings).toEqual([
      '1 event has no start time; kept without one.',
      'The file does not name its conference; it is called "devday.example.com" after the file. Rename it if you like.',
    ]);
  });

  it('reads a session with speakers, room, track, format, recording and live links', () => {
    expect(byId('700102')).toEqual({
      scheduleId: '700102',
      title: 'Keynote: The Boring Technology Club, Ten Years On',
      subtitle: null,
      speakers: ['Martina Kowalczyk'],
      start: '2024-09-19T09:00:00',
      end: '2024-09-19T09:45:00',
      timeZone: null,
      day: '2024-09-19',
      room: 'Main Stage',
      track: 'Architecture',
      type: 'Keynote',
      abstract:
        'Choosing boring technology is still the best career advice nobody follows.\n\nWe revisit the original essay with a decade of incident reports.',
      url: null,
      links: [
        { kind: 'recording', url: 'https://vimeo.com/900000001', title: null },
        { kind: 'recording', url: 'https://www.youtube.com/watch?v=live0000001', title: 'Live stream' },
      ],
      housekeeping: false,
    });
  });

  it('builds names from first and last name where the full name is empty', () => {
    expect(byId('700103').speakers).toEqual(['Kwame Asante', 'Sofia Lindgren']);
  });

  it.each([
    ['700101', true], // a service session
    ['700104', true],
    ['700103', false], // "Lunch and Learn: …" is a talk
    ['700107', false], // a plenum session is not housekeeping
  ])('session %s is housekeeping: %s', (id, housekeeping) => {
    expect(byId(id).housekeeping).toBe(housekeeping);
  });

  it('keeps an unscheduled session without time or room', () => {
    expect(byId('700106')).toMatchObject({
      start: null,
      end: null,
      day: null,
      room: null,
      track: 'Architecture',
    });
  });

  it('finds slides in the description', () => {
    expect(byId('700105').links).toEqual([
      { kind: 'slides', url: 'https://speakerdeck.com/example/accessible-charts', title: null },
    ]);
  });
});

describe('parseSessionize: categories, odd shapes', () => {
  const session = (extra: Record<string, unknown>) => ({
    id: 1,
    title: 'T',
    startsAt: '2024-01-01T10:00:00',
    endsAt: '2024-01-01T10:30:00',
    ...extra,
  });

  it.each([
    ['Track', 'Topic', 'Format', ['A', 'C']],
    ['Topics', 'Level', 'Session type', ['A', 'C']],
    ['Assigned Track', 'Tags', 'Type', ['A', 'C']],
    ['Level', 'Tags', 'Audience', [null, null]],
  ])('track from %j, type from %j/%j', (trackTitle, otherTitle, typeTitle, [track, type]) => {
    const result = parseSessionize({
      sessions: [session({ categoryItems: [3, 2, 1] })],
      categories: [
        { id: 10, title: trackTitle, items: [{ id: 1, name: 'A' }] },
        { id: 11, title: otherTitle, items: [{ id: 2, name: 'B' }] },
        { id: 12, title: typeTitle, items: [{ id: 3, name: 'C' }] },
      ],
      speakers: [],
      rooms: [],
    });
    expect([result.talks[0]!.track, result.talks[0]!.type]).toEqual([track, type]);
  });

  it('reads inline speakers, numeric ids, times with an offset, and ignores unknown speaker ids', () => {
    const result = parseSessionize({
      sessions: [
        session({
          id: 42,
          speakers: [{ id: 'x', name: 'Inline Name' }, 'unknown-id'],
          startsAt: '2024-01-01T10:00:00+09:00',
          endsAt: '2024-01-01T10:20:00+09:00',
        }),
      ],
      speakers: [{ id: 'other', fullName: 'Not Speaking' }],
      rooms: [],
    });
    expect(result.talks[0]).toMatchObject({
      scheduleId: '42',
      speakers: ['Inline Name'],
      start: '2024-01-01T10:00:00+09:00',
      end: '2024-01-01T10:20:00+09:00',
    });
  });

  it('refuses an export without sessions, and counts before reading', () => {
    expect(() => parseSessionize({ sessions: [], speakers: [] })).toThrow(
      expect.objectContaining({ kind: 'no-events' }),
    );
    expect(() =>
      parseSessionize(
        { sessions: Array.from({ length: 11 }, (_, i) => session({ id: i })), speakers: [] },
        { maxEvents: 10 },
      ),
    ).toThrow(expect.objectContaining({ kind: 'too-many-events', format: 'sessionize' }));
  });
});
