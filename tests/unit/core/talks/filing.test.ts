import { describe, expect, it } from 'vitest';
import { type FilingTalk, fileUnder, refile } from '@/core/talks';

const detected = (id: string, position: number, extra: Partial<FilingTalk> = {}): FilingTalk => ({
  id,
  position,
  detected: true,
  detectedTitle: id.toUpperCase(),
  ...extra,
});
const started = (id: string, position: number): FilingTalk => ({
  id,
  position,
  detected: false,
  detectedTitle: null,
});

describe('fileUnder', () => {
  const talks = [
    detected('a', 100),
    detected('b', 500, { notATalk: 'part' }),
    detected('c', 900, { notATalk: 'none' }),
    detected('d', 1500),
  ];

  it.each([
    ['A', 200, 'a'],
    [null, 50, null],
    ['B', 600, 'a'], // part of the talk above
    ['C', 1000, null], // no talk
    ['D', 1600, 'd'],
    ['UNKNOWN', 1600, null],
  ])('detected %s at %i -> %s', (title, position, id) => {
    expect(fileUnder(title, position, talks)).toBe(id);
  });

  it('a talk the reader started takes the passages after it until the next detected talk', () => {
    const withStarted = [...talks, started('s', 300)];
    expect(fileUnder('A', 250, withStarted)).toBe('a');
    expect(fileUnder('A', 350, withStarted)).toBe('s');
    expect(fileUnder('B', 600, withStarted)).toBe('s'); // 'b' is part of the talk above, which is now 's'
    expect(fileUnder('D', 1600, withStarted)).toBe('d');
    expect(fileUnder(null, 400, withStarted)).toBe('s');
  });

  it('a talk made without a place takes nothing by itself', () => {
    expect(fileUnder('A', 200, [...talks, started('x', -1)])).toBe('a');
  });
});

describe('refile', () => {
  it('moves unpinned passages to where detection and the corrections put them; pinned and unplaced ones stay', () => {
    const talks = [detected('a', 100), detected('b', 500)];
    const highlights = [
      { id: 'h1', position: 200, talkId: null },
      { id: 'h2', position: 600, talkId: 'a' },
      { id: 'h3', position: 700, talkId: 'a', talkPinned: true },
      { id: 'h4', position: 800, talkId: 'a' },
      { id: 'h5', position: 900, talkId: 'b' },
    ];
    const now = new Map<string, string | null>([
      ['h1', 'A'],
      ['h2', 'B'],
      ['h3', 'B'],
      ['h5', 'B'],
    ]);
    expect([...refile(highlights, now, talks)]).toEqual([
      ['h1', 'a'],
      ['h2', 'b'],
    ]);
  });
});
