// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey } from '@/core/library/days';
import { libraryFacets } from '@/core/library/facets';
import {
  collectionSizes,
  EMPTY_FILTER,
  filterLibrary,
  type LibraryFilter,
  toSavedSearch,
} from '@/core/library/filters';
import { buildLibraryIndex, highlightsAt } from '@/core/library/library-index';
import { parseQuery, searchLibrary } from '@/core/library/search';
import type { CollectionRecord, SavedSearch } from '@/core/types';
import { makeLibrary } from '../../../e2e/seed-library';
import { CONF_DATA, DATA, DAY, hl, ids, runQuery, T0 } from './library-fixtures';

const index = buildLibraryIndex(DATA);
const query = (q: string, filter: Partial<LibraryFilter> = {}, collections: CollectionRecord[] = []) =>
  runQuery(index, q, filter, collections);

describe('filterLibrary', () => {
  const collection: CollectionRecord = {
    id: 'c1',
    name: 'Keep',
    description: '',
    highlightIds: ['h3', 'h5', 'deleted'],
    createdAt: T0,
    updatedAt: T0,
  };
  it.each<[string, Partial<LibraryFilter>, string[]]>([
    ['one tag, any case', { tags: ['KERNEL'] }, ['h5', 'h1']],
    ['every tag', { tags: ['kernel', 'rust'] }, ['h5']],
    ['a talk', { talkIds: ['t-live'] }, ['h6', 'h2', 'h1']],
    ['talks', { talkIds: ['t-tao', 't-rust'] }, ['h5', 'h3']],
    ['a site', { sites: ['b.example'] }, ['h5', 'h6', 'h7']],
    ['colours', { colors: ['green', 'blue'] }, ['h5', 'h3']],
    ['has note (blank is none)', { hasNote: true }, ['h2']],
    ['orphans', { orphansOnly: true }, ['h4']],
    ['from a day', { fromDay: dayKey(T0 + DAY) }, ['h5']],
    ['until a day', { toDay: dayKey(T0 - DAY) }, ['h3', 'h4', 'h7', 'h8']],
    ['a day', { fromDay: dayKey(T0), toDay: dayKey(T0) }, ['h6', 'h2', 'h1']],
    ['a collection', { collectionId: 'c1' }, ['h5', 'h3']],
    ['an unknown collection', { collectionId: 'nope' }, []],
    ['combined', { tags: ['kernel'], colors: ['yellow'] }, ['h1']],
    ['bad day keys are ignored', { fromDay: 'yesterday' }, ['h5', 'h6', 'h2', 'h1', 'h3', 'h4', 'h7', 'h8']],
  ])('%s', (_, filter, expected) => {
    expect(query('', filter, [collection])).toEqual(expected);
  });

  it('combines with search', () => {
    expect(query('kernel', { colors: ['yellow'] })).toEqual(['h6', 'h2', 'h1']);
    expect(query('kgraft', { colors: ['green'] })).toEqual([]);
  });
});

describe('saved searches (#17)', () => {
  const saved = (id: string, search: Partial<SavedSearch>): CollectionRecord => ({
    id,
    name: id,
    description: '',
    highlightIds: [],
    search: toSavedSearch({ ...EMPTY_FILTER, ...search }),
    createdAt: T0,
    updatedAt: T0,
  });

  it('holds what matches its query and filters now, not what matched when it was saved', () => {
    const kernel = saved('s1', { query: 'kernel', colors: ['yellow'] });
    expect(query('', { collectionId: 's1' }, [kernel])).toEqual(['h6', 'h2', 'h1']);
    // A highlight clipped later that matches is in it; one that no longer matches is not.
    const later = hl('h9', 'b', {
      talkId: 't-rust',
      text: 'Kernel modules in Rust',
      createdAt: T0 + 5 * DAY,
    });
    const changed = buildLibraryIndex({
      ...DATA,
      highlights: [...DATA.highlights.filter((h) => h.id !== 'h6'), later],
    });
    expect(runQuery(changed, '', { collectionId: 's1' }, [kernel])).toEqual(['h9', 'h2', 'h1']);
    expect(collectionSizes(changed, [kernel]).get('s1')).toBe(3);
  });

  it('combines with the search and filters of the moment, and with a fixed set it narrows to', () => {
    const fixed: CollectionRecord = { ...saved('f', {}), search: undefined, highlightIds: ['h1', 'h5'] };
    const within = saved('s2', { tags: ['kernel'], collectionId: 'f' });
    expect(query('', { collectionId: 's2' }, [fixed, within])).toEqual(['h5', 'h1']);
    expect(query('drivers', { collectionId: 's2' }, [fixed, within])).toEqual(['h5']);
  });

  it('matches nothing when it leads back to itself', () => {
    const a = saved('a', { collectionId: 'b' });
    const b = saved('b', { collectionId: 'a' });
    expect(query('', { collectionId: 'a' }, [a, b])).toEqual([]);
    expect(collectionSizes(index, [a, b])).toEqual(
      new Map([
        ['a', 0],
        ['b', 0],
      ]),
    );
  });
});

describe('tags of talks and pages (#17)', () => {
  const tagged = buildLibraryIndex({
    ...DATA,
    pages: DATA.pages.map((p) => (p.id === 'b' ? { ...p, tags: ['FOSDEM'] } : p)),
    talks: DATA.talks.map((t) => (t.id === 't-tao' ? { ...t, tags: ['Kernel', 'leadership'] } : t)),
  });
  it.each<[string, string[], string[]]>([
    ['a page tag: every highlight of the page', ['fosdem'], ['h5', 'h6', 'h7']],
    ['a talk tag: every highlight of the talk', ['leadership'], ['h3']],
    ['a tag on highlights and on a talk', ['kernel'], ['h5', 'h1', 'h3']],
    ['tags from the highlight and its page together', ['rust', 'fosdem'], ['h5']],
  ])('%s', (_, tags, expected) => {
    expect(runQuery(tagged, '', { tags })).toEqual(expected);
  });

  it('lists them among the tags, counting each highlight once', () => {
    expect(libraryFacets(tagged).tags).toEqual([
      { value: 'community', count: 1 },
      { value: 'FOSDEM', count: 3 },
      { value: 'kernel', count: 3 },
      { value: 'leadership', count: 1 },
      { value: 'quote', count: 1 },
      { value: 'rust', count: 1 },
    ]);
  });
});

describe('filterLibrary properties', () => {
  const seeded = makeLibrary({ highlights: 400, pages: 20, seed: 7 });
  const seededIndex = buildLibraryIndex(seeded);

  it('filtering does not depend on the order of the records', () => {
    const filterArb = fc.record({
      tags: fc.subarray(['kernel', 'rust', 'quote', 'idea', 'conf/fosdem']),
      colors: fc.subarray(['yellow', 'green', 'blue', 'pink', 'purple'] as const),
      hasNote: fc.boolean(),
      orphansOnly: fc.boolean(),
      query: fc.constantFrom('', 'kernel', 'ru', 'the'),
    });
    fc.assert(
      fc.property(filterArb, fc.integer(), (partial, seed) => {
        const shuffled = [...seeded.highlights].sort(
          (a, b) => Math.sin(seed + Number(a.id.slice(3))) - Math.sin(seed + Number(b.id.slice(3))),
        );
        const other = buildLibraryIndex({
          ...seeded,
          highlights: shuffled,
          talks: [...seeded.talks].reverse(),
        });
        const run = (i: typeof seededIndex) => {
          const terms = parseQuery(partial.query);
          const slots = filterLibrary(
            i,
            { ...EMPTY_FILTER, ...partial },
            terms.length ? searchLibrary(i, terms) : null,
          );
          return ids(highlightsAt(i, slots));
        };
        expect(run(other)).toEqual(run(seededIndex));
      }),
      { numRuns: 40 },
    );
  });
});

describe('filterLibrary with conferences', () => {
  const conf = buildLibraryIndex(CONF_DATA);
  it.each<[string, Partial<LibraryFilter>, string[]]>([
    ['a conference talk: its write-ups on both pages', { talkIds: ['s-rust'] }, ['c2', 'c1']],
    ['a page talk linked to it stands for the conference talk', { talkIds: ['t-a-rust'] }, ['c2', 'c1']],
    ['a declined page talk is itself', { talkIds: ['t-b-pg'] }, ['c3']],
    ['a conference', { conferenceIds: ['fosdem'] }, ['c2', 'c1']],
    ['conferences (any of)', { conferenceIds: ['fosdem', 'pgconf'] }, ['c2', 'c1', 'c4']],
    ['a conference day', { scheduleDays: ['2025-10-22'] }, ['c4']],
    ['a day nobody read about', { scheduleDays: ['2026-02-01'] }, []],
    ['a room', { rooms: ['Janson'] }, ['c2', 'c1']],
    ['rooms (any of)', { rooms: ['Janson', 'Hall A'] }, ['c2', 'c1', 'c4']],
    ['a track', { tracks: ['Internals'] }, ['c4']],
    ['criteria combine (all of)', { conferenceIds: ['pgconf'], rooms: ['Janson'] }, []],
    ['with the other filters', { rooms: ['Janson'], hasNote: true }, ['c2']],
    ['with a tag', { conferenceIds: ['fosdem'], tags: ['rust'] }, ['c2']],
  ])('%s', (_, filter, expected) => {
    expect(runQuery(conf, '', filter)).toEqual(expected);
  });

  it('combines with search: a room searched, a track filtered', () => {
    expect(runQuery(conf, 'janson', { tracks: ['Kernel'] })).toEqual(['c2', 'c1']);
    expect(runQuery(conf, 'janson', { tracks: ['Internals'] })).toEqual([]);
  });
});

describe('filterLibrary by author (#16: a shared notebook)', () => {
  // h1, h3, h5, h7 by Ada; h2, h6 by Brian; the others recorded before authors were.
  const by: Record<string, string> = { h1: 'Ada', h3: 'Ada', h5: 'Ada', h7: 'Ada', h2: 'Brian', h6: 'Brian' };
  const authored = buildLibraryIndex({
    ...DATA,
    highlights: DATA.highlights.map((h) => (by[h.id] ? { ...h, author: by[h.id] } : h)),
  });
  const all = runQuery(authored, '');
  it.each<[string, string[]]>([
    ['Ada', ['Ada']],
    ['Ada or Brian', ['Ada', 'Brian']],
    ['nobody recorded', ['']],
  ])('%s', (_, authors) => {
    const expected = all.filter((id) => authors.includes(by[id] ?? ''));
    expect(expected.length).toBeGreaterThan(0);
    expect(runQuery(authored, '', { authors })).toEqual(expected);
  });
  it('counts each author for the filter, alphabetically, the unrecorded as ""', () => {
    expect(libraryFacets(authored).authors).toEqual([
      { value: '', count: DATA.highlights.length - 6 },
      { value: 'Ada', count: 4 },
      { value: 'Brian', count: 2 },
    ]);
    expect(libraryFacets(index).authors).toEqual([{ value: '', count: DATA.highlights.length }]);
  });
});
