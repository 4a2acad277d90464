import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey } from '@/core/library/days';
import { EMPTY_FILTER, filterLibrary, type LibraryFilter } from '@/core/library/filters';
import { libraryFacets } from '@/core/library/facets';
import { buildLibraryIndex, highlightsAt } from '@/core/library/library-index';
import { parseQuery, searchLibrary } from '@/core/library/search';
import type { CollectionRecord } from '@/core/types';
import { makeLibrary } from '../../../e2e/seed-library';
import { CONF_DATA, DATA, DAY, ids, runQuery, T0 } from './library-fixtures';

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
