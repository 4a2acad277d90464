import { describe, expect, it } from 'vitest';
import {
  findRowIndex,
  flattenGroups,
  groupHighlights,
  highlightAt,
  highlightsInView,
  idsBetween,
  rowAt,
  rowKey,
} from '@/core/library/groups';
import { dayKey } from '@/core/library/days';
import { EMPTY_FILTER, filterLibrary } from '@/core/library/filters';
import { buildLibraryIndex, highlightsAt } from '@/core/library/library-index';
import { makeLibrary } from '../../../e2e/seed-library';
import { CONF_DATA, DATA, DAY, hl, ids, page, T0, talk } from './library-fixtures';

const index = buildLibraryIndex(DATA);

describe('groupHighlights', () => {
  const all = filterLibrary(index, EMPTY_FILTER, null);

  it('groups by talk, newest first when asked: most recent first, document order inside, pages listed, no-talk per page', () => {
    const groups = groupHighlights(index, all, 'talk', 'newest');
    expect(groups.map((g) => [g.key, ids(g.highlights)])).toEqual([
      ['talk:t-rust', ['h5']],
      ['talk:t-live', ['h6', 'h2', 'h1']],
      ['talk:t-tao', ['h3']],
      ['notalk:a', ['h4']],
      ['notalk:b', ['h7']],
      ['notalk:missing-page', ['h8']],
    ]);
    const live = groups[1]!;
    expect(live.title).toBe('Kernel live patching');
    expect(live.talk?.speakers).toEqual(['Miroslav Benes']);
    expect(live.pages.map((p) => p.id)).toEqual(['b', 'a']);
    expect(groups[3]).toMatchObject({ title: 'Open Source Summit – Day 3', talk: null, page: { id: 'a' } });
  });

  it('groups by talk in page order by default: a page’s talks together, as the page has them', () => {
    // Page "a" has three talks; its clips were made out of order, and page "b" was clipped in between.
    const at = (position: number) => ({ position });
    const data = {
      pages: [page('a'), page('b')],
      talks: [
        { ...talk('a1', 'a', 'First talk'), ...at(100) },
        { ...talk('a2', 'a', 'Second talk'), ...at(500) },
        { ...talk('a3', 'a', 'Third talk'), ...at(900) },
        { ...talk('b1', 'b', 'Only talk of b'), ...at(100) },
      ],
      highlights: [
        hl('x3', 'a', { talkId: 'a3', position: 950, createdAt: T0 + 5 * DAY }),
        hl('y1', 'b', { talkId: 'b1', position: 150, createdAt: T0 + 4 * DAY }),
        hl('x1', 'a', { talkId: 'a1', position: 150, createdAt: T0 + 3 * DAY }),
        hl('x0', 'a', { talkId: null, position: 10, createdAt: T0 + 2 * DAY }),
        hl('x2', 'a', { talkId: 'a2', position: 550, createdAt: T0 + DAY }),
      ],
    };
    const ordered = buildLibraryIndex(data);
    const slots = filterLibrary(ordered, EMPTY_FILTER, null);
    expect(groupHighlights(ordered, slots, 'talk').map((g) => g.key)).toEqual([
      'notalk:a',
      'talk:a1',
      'talk:a2',
      'talk:a3',
      'talk:b1',
    ]);
    expect(groupHighlights(ordered, slots, 'talk', 'newest').map((g) => g.key)).toEqual([
      'talk:a3',
      'talk:b1',
      'talk:a1',
      'notalk:a',
      'talk:a2',
    ]);
  });

  it('groups by page in document order', () => {
    const groups = groupHighlights(index, all, 'page');
    expect(groups.map((g) => [g.key, ids(g.highlights)])).toEqual([
      ['page:b', ['h7', 'h5', 'h6']],
      ['page:a', ['h3', 'h4', 'h2', 'h1']],
      ['page:missing-page', ['h8']],
    ]);
  });

  it('groups by tag alphabetically, untagged last, a highlight in each of its tags', () => {
    const groups = groupHighlights(index, all, 'tag');
    expect(groups.map((g) => [g.title, ids(g.highlights)])).toEqual([
      ['community', ['h3']],
      ['kernel', ['h5', 'h1']],
      ['quote', ['h3']],
      ['rust', ['h5']],
      ['', ['h6', 'h2', 'h4', 'h7', 'h8']],
    ]);
    expect(highlightsInView(groups)).toHaveLength(8);
  });

  it('groups by day, newest first', () => {
    const groups = groupHighlights(index, all, 'day');
    expect(groups.map((g) => g.title)).toEqual([
      dayKey(T0 + 2 * DAY),
      dayKey(T0),
      dayKey(T0 - DAY),
      dayKey(T0 - 2 * DAY),
      dayKey(T0 - 10 * DAY),
      dayKey(T0 - 20 * DAY),
    ]);
  });
});

describe('rows', () => {
  const groups = groupHighlights(index, filterLibrary(index, EMPTY_FILTER, null), 'tag');
  const keysOf = (rows: ReturnType<typeof flattenGroups>) =>
    Array.from({ length: rows.length }, (_, i) => rowKey(rows, i));

  it('flattens groups into headers and highlights, skipping collapsed groups', () => {
    const rows = flattenGroups(groups, new Set(['tag:kernel']));
    expect(keysOf(rows).slice(0, 4)).toEqual([
      'tag:community',
      'tag:community|h3',
      'tag:kernel',
      'tag:quote',
    ]);
    expect(rowAt(rows, 2)).toMatchObject({ kind: 'group', collapsed: true, group: { title: 'kernel' } });
    expect(rowAt(rows, 1)).toMatchObject({ kind: 'highlight', highlight: { id: 'h3' } });
    expect(highlightAt(rows, 1)?.id).toBe('h3');
    expect(highlightAt(rows, 0)).toBeUndefined();
    expect(rowAt(rows, rows.length)).toBeUndefined();
    expect(rows.length).toBe(groups.length + groups.reduce((n, g) => n + g.highlights.length, 0) - 2);
  });

  it.each(['tag', 'talk', 'page', 'day'] as const)(
    'gives unique keys that find their row again (%s view)',
    (by) => {
      const rows = flattenGroups(groupHighlights(index, filterLibrary(index, EMPTY_FILTER, null), by));
      const keys = keysOf(rows);
      expect(new Set(keys).size).toBe(rows.length);
      keys.forEach((key, i) => {
        expect(findRowIndex(rows, key)).toBe(i);
      });
      expect(findRowIndex(rows, 'nothing')).toBe(-1);
      expect(findRowIndex(rows, null)).toBe(-1);
    },
  );

  it('selects the highlights between two rows once each', () => {
    const rows = flattenGroups(groups);
    // community: h3 | kernel: h5 h1 | quote: h3
    expect(idsBetween(rows, 7, 1)).toEqual(['h3', 'h5', 'h1']);
  });
});

describe('grouping a larger library', () => {
  const seeded = makeLibrary({ highlights: 400, pages: 20, seed: 7 });
  const seededIndex = buildLibraryIndex(seeded);

  it('grouping keeps every result, once per group it belongs to', () => {
    const slots = filterLibrary(seededIndex, EMPTY_FILTER, null);
    const all = highlightsAt(seededIndex, slots);
    for (const by of ['talk', 'page', 'day'] as const) {
      const grouped = groupHighlights(seededIndex, slots, by).flatMap((g) => ids(g.highlights));
      expect(grouped.sort()).toEqual(ids(all).sort());
    }
    const tagged = groupHighlights(seededIndex, slots, 'tag').reduce((n, g) => n + g.highlights.length, 0);
    expect(tagged).toBe(all.reduce((n, h) => n + Math.max(1, h.tags.length), 0));
  });
});

describe('groupHighlights with conference talks', () => {
  const conf = buildLibraryIndex(CONF_DATA);
  const all = filterLibrary(conf, EMPTY_FILTER, null);

  it('groups two write-ups of one talk under the conference talk, with both pages as its sources', () => {
    const groups = groupHighlights(conf, all, 'talk');
    expect(groups.map((g) => [g.key, ids(g.highlights)])).toEqual([
      ['talk:s-rust', ['c2', 'c1']],
      ['talk:t-b-pg', ['c3']],
      ['talk:p-vacuum', ['c4']],
      ['talk:t-a-other', ['c5']],
      ['talk:t-c-gone', ['c6']],
    ]);
    expect(groups[0]).toMatchObject({ title: 'Rust in the kernel', talk: { id: 's-rust' } });
    expect(groups[0]!.pages.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('groups by page as before: a page’s passages stay together', () => {
    const groups = groupHighlights(conf, all, 'page');
    expect(groups.map((g) => [g.key, ids(g.highlights)])).toEqual([
      ['page:b', ['c3', 'c2']],
      ['page:a', ['c5', 'c4', 'c1']],
      ['page:c', ['c6']],
    ]);
  });
});
