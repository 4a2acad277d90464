// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { libraryFacets, similarTalks } from '@/core/library/facets';
import { buildLibraryIndex } from '@/core/library/library-index';
import { CONF_DATA, DATA, talk } from './library-fixtures';

const index = buildLibraryIndex(DATA);

describe('libraryFacets', () => {
  it('counts tags (merged case-insensitively), sites, colours, talks and orphans', () => {
    const facets = libraryFacets(index);
    expect(facets.tags).toEqual([
      { value: 'community', count: 1 },
      { value: 'kernel', count: 2 },
      { value: 'quote', count: 1 },
      { value: 'rust', count: 1 },
    ]);
    expect(facets.sites.map((s) => [s.value, s.count])).toEqual([
      ['b.example', 3],
      ['Conference Notes Blog', 4],
      ['Unknown site', 1],
    ]);
    expect([...facets.talkCounts]).toEqual([
      ['t-live', 3],
      ['t-tao', 1],
      ['t-rust', 1],
    ]);
    expect(facets.colors).toEqual(
      expect.arrayContaining([
        { value: 'yellow', count: 6 },
        { value: 'green', count: 1 },
        { value: 'blue', count: 1 },
      ]),
    );
    expect(facets.orphans).toBe(1);
  });
});

describe('similarTalks', () => {
  it('finds the same talk on other pages, exact titles first', () => {
    const target = talk('x', 'p1', 'Kernel Live-Patching!');
    const others = [
      talk('y', 'p2', 'Rust in the kernel'),
      talk('z', 'p3', 'Kernel live patching: a year later'),
      talk('w', 'p4', 'kernel live patching'),
      target,
    ];
    expect(similarTalks(target, others).map((t) => t.id)).toEqual(['w', 'z']);
  });
});

describe('libraryFacets with conferences', () => {
  const facets = libraryFacets(buildLibraryIndex(CONF_DATA));

  it('offers every conference, day, track and room, with the highlights shown under their talks', () => {
    expect(facets.conferences).toEqual([
      { value: 'fosdem', count: 2 },
      { value: 'pgconf', count: 1 },
    ]);
    expect(facets.scheduleDays).toEqual([
      { value: '2025-10-22', count: 1 },
      { value: '2026-01-31', count: 2 },
      { value: '2026-02-01', count: 0 },
    ]);
    expect(facets.tracks).toEqual([
      { value: 'Databases', count: 0 },
      { value: 'Internals', count: 1 },
      { value: 'Kernel', count: 2 },
      { value: 'Web', count: 0 },
    ]);
    expect(facets.rooms).toEqual([
      { value: 'Hall A', count: 1 },
      { value: 'Janson', count: 2 },
      { value: 'K.1.105', count: 0 },
    ]);
  });

  it('counts the highlights filed under each talk itself (what a merge moves)', () => {
    expect(Object.fromEntries(facets.talkCounts)).toEqual({
      'p-vacuum': 1,
      't-a-rust': 1,
      't-b-rust': 1,
      't-b-pg': 1,
      't-a-other': 1,
      't-c-gone': 1,
    });
  });

  it('offers nothing schedule-like without conferences', () => {
    const plain = libraryFacets(buildLibraryIndex(DATA));
    expect([plain.conferences, plain.scheduleDays, plain.tracks, plain.rooms]).toEqual([[], [], [], []]);
  });
});
