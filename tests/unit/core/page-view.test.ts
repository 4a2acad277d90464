import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byDocumentOrder,
  countsLabel,
  formatPublishedDate,
  groupByTalk,
  pageHeading,
} from '@/core/page-view';
import type { HighlightRecord, PageRecord, TalkRecord } from '@/core/types';

function talk(id: string, position: number, extra: Partial<TalkRecord> = {}): TalkRecord {
  return {
    id,
    pageId: 'p',
    title: id,
    speakers: [],
    position,
    detected: position >= 0,
    detectedTitle: position >= 0 ? id : null,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

function highlight(
  id: string,
  position: number,
  talkId: string | null,
  extra: Partial<HighlightRecord> = {},
) {
  return {
    id,
    pageId: 'p',
    url: 'https://a.example/',
    talkId,
    text: id,
    markdown: id,
    selectors: [{ type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' }],
    color: 'yellow',
    note: '',
    tags: [],
    position,
    anchorStatus: 'placed',
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  } satisfies HighlightRecord;
}

/** Group titles and the ids in each, for compact assertions. */
const shape = (highlights: HighlightRecord[], talks: TalkRecord[]) => {
  const { groups, orphans, total } = groupByTalk(highlights, talks);
  return {
    groups: groups.map((g) => [g.talk?.id ?? 'No talk', g.highlights.map((h) => h.id)]),
    orphans: orphans.map((h) => h.id),
    total,
  };
};

describe('groupByTalk', () => {
  const talks = [talk('T1', 100), talk('T2', 500), talk('T3', 900)];

  it('puts highlights under their talks in document order, "No talk" first', () => {
    expect(
      shape(
        [
          highlight('c', 620, 'T2'),
          highlight('a', 120, 'T1'),
          highlight('intro', 10, null),
          highlight('b', 520, 'T2'),
        ],
        talks,
      ),
    ).toEqual({
      groups: [
        ['No talk', ['intro']],
        ['T1', ['a']],
        ['T2', ['b', 'c']],
      ],
      orphans: [],
      total: 4,
    });
  });

  it('orders talks by their place in the page, whatever order they come in', () => {
    expect(
      shape([highlight('x', 950, 'T3'), highlight('y', 150, 'T1')], [talks[2]!, talks[0]!, talks[1]!]).groups,
    ).toEqual([
      ['T1', ['y']],
      ['T3', ['x']],
    ]);
  });

  it('sets orphans apart, counted in the total', () => {
    expect(
      shape(
        [
          highlight('gone', 130, 'T1', { anchorStatus: 'orphan' }),
          highlight('a', 120, 'T1'),
          highlight('also-gone', 5, null, { anchorStatus: 'orphan' }),
          highlight('fuzzy', 510, 'T2', { anchorStatus: 'fuzzy' }),
        ],
        talks,
      ),
    ).toEqual({
      groups: [
        ['T1', ['a']],
        ['T2', ['fuzzy']],
      ],
      orphans: ['also-gone', 'gone'],
      total: 4,
    });
  });

  it('keeps the reader’s own talks even when empty, at their first highlight, empty ones last', () => {
    const mine = talk('Mine', -1, { createdAt: 5 });
    const empty = talk('Empty', -1, { createdAt: 2 });
    expect(
      shape(
        [highlight('a', 120, 'T1'), highlight('m', 300, 'Mine'), highlight('c', 600, 'T2')],
        [...talks, empty, mine],
      ).groups,
    ).toEqual([
      ['T1', ['a']],
      ['Mine', ['m']],
      ['T2', ['c']],
      ['Empty', []],
    ]);
  });

  it('leaves out detected talks without highlights, and files unknown talks under "No talk"', () => {
    expect(shape([highlight('lost', 700, 'deleted-talk')], talks).groups).toEqual([['No talk', ['lost']]]);
  });

  it('breaks position ties by clipping time', () => {
    const later = highlight('later', 100, null, { createdAt: 9 });
    const earlier = highlight('earlier', 100, null, { createdAt: 3 });
    expect([later, earlier].sort(byDocumentOrder).map((h) => h.id)).toEqual(['earlier', 'later']);
  });

  it('shows every highlight exactly once, in document order within each group', () => {
    const talkIds = ['T1', 'T2', 'T3', 'Mine', 'unknown'];
    const arbitraryHighlight = fc.record({
      position: fc.nat(1000),
      talkId: fc.option(fc.constantFrom(...talkIds), { nil: null }),
      orphan: fc.boolean(),
      createdAt: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(arbitraryHighlight, { maxLength: 30 }), (specs) => {
        const highlights = specs.map((s, i) =>
          highlight(`h${i}`, s.position, s.talkId, {
            anchorStatus: s.orphan ? 'orphan' : 'placed',
            createdAt: s.createdAt,
          }),
        );
        const { groups, orphans, total } = groupByTalk(highlights, [...talks, talk('Mine', -1)]);
        const shown = [...groups.flatMap((g) => g.highlights), ...orphans].map((h) => h.id);
        expect(shown.sort()).toEqual(highlights.map((h) => h.id).sort());
        expect(total).toBe(highlights.length);
        for (const list of [...groups.map((g) => g.highlights), orphans]) {
          expect([...list].sort(byDocumentOrder)).toEqual(list);
        }
        expect(orphans.every((h) => h.anchorStatus === 'orphan')).toBe(true);
      }),
    );
  });

  it('is empty for a page without highlights', () => {
    expect(shape([], talks)).toEqual({ groups: [], orphans: [], total: 0 });
  });
});

describe('pageHeading', () => {
  const page: PageRecord = {
    id: 'p',
    url: 'https://www.conf.example/day-3',
    title: 'Open Source Summit - Day 3',
    authors: ['Ann Author', 'Bo Writer'],
    siteName: 'Conference Notes Blog',
    publishedAt: '2017-10-23T11:18:00+02:00',
    lang: 'en',
    canonicalUrl: null,
    excerpt: null,
    createdAt: 1,
    updatedAt: 1,
  };
  const tab = { title: 'Day 3 | Conference Notes Blog', url: 'https://www.conf.example/day-3' };

  it('uses the stored page record when there is one', () => {
    expect(pageHeading(page, tab, 'en-GB')).toEqual({
      title: 'Open Source Summit - Day 3',
      site: 'Conference Notes Blog',
      authors: ['Ann Author', 'Bo Writer'],
      published: '23 Oct 2017',
    });
  });

  it.each([
    ['no record', null, { title: tab.title, site: 'conf.example', authors: [], published: null }],
    [
      'a record without site or date',
      { ...page, siteName: null, publishedAt: null, authors: [] },
      { title: page.title, site: 'conf.example', authors: [], published: null },
    ],
  ])('falls back to the tab and its host with %s', (_, record, expected) => {
    expect(pageHeading(record, tab, 'en-GB')).toEqual(expected);
  });

  it('shows the URL when the tab has no title', () => {
    expect(pageHeading(undefined, { title: '', url: 'https://x.example/a' }).title).toBe(
      'https://x.example/a',
    );
  });
});

describe('formatPublishedDate', () => {
  it.each([
    ['2017-10-23T11:18:00+02:00', '23 Oct 2017'],
    // The author's calendar date, not the UTC one (22 October 23:00 UTC).
    ['2017-10-23T01:00:00+02:00', '23 Oct 2017'],
    ['2024-02-29', '29 Feb 2024'],
    ['October 2017', 'October 2017'],
    ['  2019-01-05  ', '5 Jan 2019'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatPublishedDate(iso, 'en-GB')).toBe(expected);
  });
});

describe('countsLabel', () => {
  it.each([
    [0, 0, 'No highlights yet'],
    [1, 0, '1 highlight'],
    [3, 0, '3 highlights'],
    [3, 1, '3 highlights · 1 not found on this page'],
    [1, 1, '1 highlight · 1 not found on this page'],
  ])('%i highlights, %i orphans -> %s', (total, orphans, expected) => {
    expect(countsLabel(total, orphans)).toBe(expected);
  });
});
