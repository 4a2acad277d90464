import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildLibraryIndex,
  dayEnd,
  dayKey,
  dayStart,
  describeFilter,
  EMPTY_FILTER,
  filterLibrary,
  highlightsAt,
  isFiltered,
  type LibraryFilter,
  prepareSearch,
  searchLibrary,
  siteAt,
  siteOf,
} from '@/core/library-view';
import { foldCase, isRefinement, parseQuery } from '@/core/search';
import type { CollectionRecord, HighlightRecord } from '@/core/types';
import { makeLibrary } from '../../e2e/seed-library';
import { DATA, DAY, ids, T0 } from './library-fixtures';

const index = buildLibraryIndex(DATA);
const query = (q: string, filter: Partial<LibraryFilter> = {}, collections: CollectionRecord[] = []) => {
  const terms = parseQuery(q);
  const hits = terms.length ? searchLibrary(index, terms) : null;
  return ids(
    highlightsAt(index, filterLibrary(index, { ...EMPTY_FILTER, ...filter, query: q }, hits, collections)),
  );
};

describe('siteOf', () => {
  it.each([
    [{ siteName: 'LWN.net', url: 'https://lwn.net/a' }, 'LWN.net'],
    [{ siteName: '  ', url: 'https://lwn.net/a' }, 'lwn.net'],
    [{ siteName: null, url: 'not a url' }, 'not a url'],
    [undefined, 'Unknown site'],
  ])('%j -> %j', (p, expected) => {
    expect(siteOf(p)).toBe(expected);
  });
});

describe('buildLibraryIndex', () => {
  it('orders highlights newest first and resolves talks and pages', () => {
    expect(ids(index.highlights)).toEqual(['h5', 'h6', 'h2', 'h1', 'h3', 'h4', 'h7', 'h8']);
    const h8 = index.highlights.indexOf(DATA.highlights[7]!);
    expect(index.talkSlot[h8]).toBe(-1);
    expect(index.pageSlot[h8]).toBe(-1);
    expect(siteAt(index, index.highlights.indexOf(DATA.highlights[0]!))).toBe('Conference Notes Blog');
    expect(siteAt(index, h8)).toBe('Unknown site');
  });

  it('builds the search text on first use only', () => {
    const fresh = buildLibraryIndex(DATA);
    expect(fresh.search).toBeNull();
    const text = prepareSearch(fresh);
    expect(prepareSearch(fresh)).toBe(text);
    expect(text.own[fresh.highlights.indexOf(DATA.highlights[2]!)]).toBe(
      'workflows, not technologies\u0001\u0001quote\u0001community',
    );
    expect(text.talks[0]).toBe('kernel live patching\u0001miroslav benes');
  });
});

describe('search', () => {
  it.each([
    ['', ['h5', 'h6', 'h2', 'h1', 'h3', 'h4', 'h7', 'h8']],
    ['kgraft', ['h1']],
    ['KPATCH', ['h2']], // note
    ['community', ['h3']], // tag
    ['miroslav', ['h6', 'h2', 'h1']], // speaker of the talk
    ['live patching', ['h6', 'h2', 'h1']], // both words in the talk title
    ['"live patching" kgraft', ['h1']], // phrase in talk, word in text
    ['fosdem', ['h5', 'h6', 'h7']], // page title
    ['conference notes', ['h2', 'h1', 'h3', 'h4']], // site name
    ['<b>', ['h7']],
    ['nothing-like-this', []],
    ['kernel rust', ['h5']],
  ])('%j finds %j', (q, expected) => {
    expect(query(q)).toEqual(expected);
  });

  it('does not match a term across two fields', () => {
    // "functions" ends the text and "kernel" is the tag: "functions kernel" spans the join.
    expect(query('"functionskernel"')).toEqual([]);
    expect(query('"functions kernel"')).toEqual([]);
  });

  it('narrows earlier hits when the query is a refinement', () => {
    const first = searchLibrary(index, ['ke']);
    const refined = searchLibrary(index, ['kernel'], first);
    expect([...refined]).toEqual([...searchLibrary(index, ['kernel'])]);
  });
});

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

describe('days', () => {
  it('keys and bounds local days', () => {
    expect(dayKey(new Date(2025, 0, 5, 23, 59).getTime())).toBe('2025-01-05');
    expect(dayStart('2025-01-05')).toBe(new Date(2025, 0, 5).getTime());
    expect(dayEnd('2025-01-31')).toBe(new Date(2025, 1, 1).getTime());
    expect(dayStart('5 Jan')).toBeNaN();
  });
});

describe('describeFilter', () => {
  it('says what the filter keeps', () => {
    const text = describeFilter(
      {
        ...EMPTY_FILTER,
        query: ' rust ',
        tags: ['kernel'],
        colors: ['green'],
        hasNote: true,
        fromDay: '2025-01-01',
      },
      { talkTitle: () => undefined, colorLabel: () => 'Key idea', collectionName: () => undefined },
    );
    expect(text).toBe('Search “rust” · tags: kernel · colours: Key idea · from 2025-01-01 · with a note');
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(
      describeFilter(EMPTY_FILTER, { talkTitle: () => '', colorLabel: () => '', collectionName: () => '' }),
    ).toBe('');
  });
});

describe('properties', () => {
  const seeded = makeLibrary({ highlights: 400, pages: 20, seed: 7 });
  const seededIndex = buildLibraryIndex(seeded);
  const talkText = new Map(seeded.talks.map((t) => [t.id, foldCase([t.title, ...t.speakers].join('\n'))]));
  const pageText = new Map(seeded.pages.map((p) => [p.id, foldCase(`${p.title}\n${siteOf(p)}`)]));
  const fields = (h: HighlightRecord) => [
    foldCase(h.text),
    foldCase(h.note),
    ...h.tags.map(foldCase),
    h.talkId ? (talkText.get(h.talkId) ?? '') : '',
    pageText.get(h.pageId) ?? '',
  ];
  const anyWord = fc.constantFrom(
    ...new Set(seeded.highlights.flatMap((h) => h.text.split(/\W+/)).filter(Boolean)),
  );
  const fragment = fc.oneof(
    anyWord.map((w) => w.slice(0, 3)),
    anyWord,
    fc.string({ unit: fc.constantFrom('a', 'e', 'r', 's', 't', ' '), minLength: 1, maxLength: 4 }),
  );

  it('search finds exactly the highlights where every term occurs in one of its fields', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 3 }), (parts) => {
        const terms = parseQuery(parts.join(' '));
        const found = new Set(ids(highlightsAt(seededIndex, searchLibrary(seededIndex, terms))));
        for (const h of seeded.highlights) {
          const expected = terms.every((t) => fields(h).some((f) => f.includes(t)));
          expect(found.has(h.id)).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a refined search within earlier hits equals a full search', () => {
    fc.assert(
      fc.property(anyWord, fc.integer({ min: 1, max: 3 }), (word, cut) => {
        const before = [foldCase(word.slice(0, cut))];
        const after = [foldCase(word)];
        fc.pre(isRefinement(before, after));
        const narrowed = searchLibrary(seededIndex, after, searchLibrary(seededIndex, before));
        expect([...narrowed]).toEqual([...searchLibrary(seededIndex, after)]);
      }),
      { numRuns: 40 },
    );
  });

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
