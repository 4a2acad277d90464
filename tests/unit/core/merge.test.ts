import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryData } from '@/core/backup';
import { countPlan, decide, type LibraryMatches, planMerge, sameRecord } from '@/core/merge';
import { collection, highlight, page, sampleLibrary, talk } from './backup-fixtures';

const none: LibraryMatches = { pages: [], talks: [], highlights: [], collections: [], settings: [] };
const empty: LibraryData = { pages: [], talks: [], highlights: [], collections: [], settings: [] };

/** The library after applying a plan to `library` (what storage/backup.ts does with bulkPut). */
function apply(library: LibraryData, incoming: LibraryData): LibraryData {
  const plan = planMerge(incoming, library);
  const put = <T, K extends string>(rows: T[], plan: { add: T[]; update: T[] }, key: (r: T) => K) => {
    const byKey = new Map(rows.map((r) => [key(r), r]));
    for (const r of [...plan.add, ...plan.update]) byKey.set(key(r), r);
    return [...byKey.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  };
  return {
    pages: put(library.pages, plan.pages, (r) => r.id),
    talks: put(library.talks, plan.talks, (r) => r.id),
    highlights: put(library.highlights, plan.highlights, (r) => r.id),
    collections: put(library.collections, plan.collections, (r) => r.id),
    settings: put(library.settings, plan.settings, (r) => r.key),
  };
}

describe('decide', () => {
  const old = highlight('h', 'p', { note: 'old', updatedAt: 100 });
  it.each([
    ['new record: add', old, undefined, 'add'],
    ['identical: skip', old, { ...old }, 'skip'],
    ['newer incoming: update', { ...old, note: 'new', updatedAt: 200 }, old, 'update'],
    ['older incoming: skip', { ...old, note: 'older', updatedAt: 50 }, old, 'skip'],
    ['same time, different content: the library stays', { ...old, note: 'other' }, old, 'skip'],
  ] as const)('%s', (_, incoming, existing, expected) => {
    expect(decide(incoming, existing)).toBe(expected);
  });
});

describe('planMerge', () => {
  it('into an empty library: everything is added', () => {
    const plan = planMerge(sampleLibrary(), none);
    expect(countPlan(plan)).toEqual({ added: 10, updated: 0, skipped: 0 });
    expect(plan.highlights.add).toEqual(sampleLibrary().highlights);
  });

  it('the same backup twice: the second changes nothing', () => {
    const once = apply(empty, sampleLibrary());
    expect(countPlan(planMerge(sampleLibrary(), once))).toEqual({ added: 0, updated: 0, skipped: 10 });
    expect(apply(once, sampleLibrary())).toEqual(once);
  });

  it('newer updatedAt wins, either way', () => {
    const library = sampleLibrary();
    const backup = sampleLibrary();
    backup.highlights[0] = { ...backup.highlights[0]!, note: 'edited later elsewhere', updatedAt: 5_000 };
    library.highlights[1] = { ...library.highlights[1]!, note: 'edited later here', updatedAt: 5_000 };
    backup.highlights[1] = { ...backup.highlights[1]!, note: 'stale', updatedAt: 2_000 };
    const plan = planMerge(backup, library);
    expect(plan.highlights.update.map((h) => h.note)).toEqual(['edited later elsewhere']);
    expect(plan.highlights.skip).toEqual(['h2', 'h3']);
    const merged = apply(library, backup);
    expect(merged.highlights.map((h) => h.note)).toEqual(['edited later elsewhere', 'edited later here', '']);
  });

  it('a page clipped in two browsers is one page: matched by URL, ids rewritten', () => {
    const library: LibraryData = {
      ...empty,
      pages: [page('mine', { url: 'https://blog.example/same', updatedAt: 1_000 })],
      talks: [talk('my-talk', 'mine', { detectedTitle: 'Keynote' })],
    };
    const backup: LibraryData = {
      ...empty,
      pages: [page('theirs', { url: 'https://blog.example/same', title: 'Newer title', updatedAt: 2_000 })],
      talks: [
        talk('their-talk', 'theirs', {
          detectedTitle: 'KEYNOTE',
          speakers: ['Grace Hopper'],
          updatedAt: 2_000,
        }),
        talk('their-own', 'theirs', { detected: false, detectedTitle: null }),
      ],
      highlights: [highlight('h', 'theirs', { talkId: 'their-talk' })],
    };
    const plan = planMerge(backup, library);
    expect(plan.remapped.pages).toEqual(new Map([['theirs', 'mine']]));
    expect(plan.remapped.talks).toEqual(new Map([['their-talk', 'my-talk']]));
    expect(plan.pages.update).toEqual([{ ...backup.pages[0], id: 'mine' }]);
    expect(plan.talks.update).toEqual([{ ...backup.talks[0], id: 'my-talk', pageId: 'mine' }]);
    expect(plan.talks.add).toEqual([{ ...backup.talks[1], pageId: 'mine' }]);
    expect(plan.highlights.add).toEqual([{ ...backup.highlights[0], pageId: 'mine', talkId: 'my-talk' }]);
    // And again: nothing changes.
    const merged = apply(library, backup);
    expect(countPlan(planMerge(backup, merged))).toMatchObject({ added: 0, updated: 0 });
  });

  it('never gives a page a URL another library page holds', () => {
    const library: LibraryData = {
      ...empty,
      pages: [page('a', { url: 'https://x.example/1' }), page('b', { url: 'https://x.example/2' })],
    };
    const backup: LibraryData = {
      ...empty,
      pages: [page('a', { url: 'https://x.example/2', updatedAt: 9_000 })],
    };
    expect(planMerge(backup, library).pages).toEqual({ add: [], update: [], skip: ['a'] });
  });

  it('collections with the same name are united, and only once', () => {
    const library: LibraryData = {
      ...empty,
      collections: [
        collection('mine', { name: 'Reading list', highlightIds: ['h1', 'h2'], updatedAt: 1_000 }),
      ],
    };
    const backup: LibraryData = {
      ...empty,
      collections: [
        collection('theirs', {
          name: 'reading LIST',
          description: 'theirs',
          highlightIds: ['h2', 'h3'],
          updatedAt: 2_000,
        }),
        collection('other', { name: 'Other' }),
      ],
    };
    const plan = planMerge(backup, library);
    expect(plan.collections.update).toEqual([
      {
        ...library.collections[0],
        name: 'reading LIST',
        description: 'theirs',
        highlightIds: ['h1', 'h2', 'h3'],
        updatedAt: 2_000,
      },
    ]);
    expect(plan.collections.add.map((c) => c.id)).toEqual(['other']);
    const merged = apply(library, backup);
    expect(countPlan(planMerge(backup, merged))).toEqual({ added: 0, updated: 0, skipped: 2 });
  });

  it('settings: the library’s value stays; missing ones are added', () => {
    const library: LibraryData = { ...empty, settings: [{ key: 'colorNames', value: { blue: 'Mine' } }] };
    const plan = planMerge(sampleLibrary(), library);
    expect(plan.settings).toEqual({ add: [sampleLibrary().settings[1]], update: [], skip: ['colorNames'] });
  });

  it('merging is idempotent and the result holds the newest version of every record', () => {
    const record = fc.record({
      id: fc.constantFrom('h1', 'h2', 'h3', 'h4'),
      note: fc.constantFrom('', 'a', 'b'),
      updatedAt: fc.integer({ min: 1, max: 5 }),
    });
    const side = fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 4 }).map((rows) => ({
      ...empty,
      pages: [page('p')],
      highlights: rows.map((r) => highlight(r.id, 'p', r)),
    }));
    fc.assert(
      fc.property(side, side, (library, backup) => {
        const once = apply(library, backup);
        expect(apply(once, backup)).toEqual(once);
        for (const h of once.highlights) {
          const candidates = [...library.highlights, ...backup.highlights].filter((x) => x.id === h.id);
          expect(h.updatedAt).toBe(Math.max(...candidates.map((x) => x.updatedAt)));
        }
      }),
    );
  });
});

describe('sameRecord', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: null }, { a: {} }, false],
    [{ a: [] }, { a: {} }, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
  ])('%j vs %j -> %s', (a, b, same) => {
    expect(sameRecord(a, b)).toBe(same);
    expect(sameRecord(b, a)).toBe(same);
  });
});
