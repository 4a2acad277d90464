import { describe, expect, it } from 'vitest';
import { libraryFacets, similarTalks } from '@/core/library/facets';
import { buildLibraryIndex } from '@/core/library/library-index';
import { DATA, talk } from './library-fixtures';

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
