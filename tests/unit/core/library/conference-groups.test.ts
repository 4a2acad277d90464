// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { conferenceSlots, groupByConference, groupLibrary } from '@/core/library/conference-groups';
import { EMPTY_FILTER, filterLibrary, type LibraryFilter } from '@/core/library/filters';
import { flattenGroups, type HighlightGroup, rowKey } from '@/core/library/groups';
import { buildLibraryIndex, highlightsAt } from '@/core/library/library-index';
import { scheduleIndex } from '@/core/library/schedule-index';
import { parseQuery, searchLibrary } from '@/core/library/search';
import { CONF_DATA, conference, DATA, ids, scheduleTalk } from './library-fixtures';

const index = buildLibraryIndex(CONF_DATA);

/** The Conferences view's groups for a query and filter, as the dashboard runs them. */
function view(q = '', changes: Partial<LibraryFilter> = {}): HighlightGroup[] {
  const filter = { ...EMPTY_FILTER, ...changes, query: q };
  const terms = parseQuery(q);
  const hits = terms.length ? searchLibrary(index, terms) : null;
  return groupByConference(index, conferenceSlots(index, filterLibrary(index, filter, hits)), filter, terms);
}

/** Each row as `key` or `key [highlight ids]` for talks with some. */
const outline = (groups: HighlightGroup[]) =>
  groups.map((g) => (g.highlights.length ? `${g.key} [${ids(g.highlights).join(' ')}]` : g.key));

describe('groupByConference', () => {
  it('lists conferences (latest first), their days in order, and every talk in schedule order', () => {
    expect(outline(view())).toEqual([
      'conf:fosdem',
      'confday:fosdem:2026-01-31',
      'talk:s-rust [c2 c1]',
      'talk:s-coffee',
      'talk:s-pg',
      'confday:fosdem:2026-02-01',
      'talk:s-wasm',
      'confday:fosdem:', // talks without a day, last
      'talk:s-hallway',
      'conf:pgconf',
      'confday:pgconf:2025-10-22',
      'talk:p-vacuum [c4]',
    ]);
  });

  it('gives each row its level, place and counts', () => {
    const groups = view();
    const byKey = new Map(groups.map((g) => [g.key, g]));
    expect(byKey.get('conf:fosdem')!.schedule).toMatchObject({
      level: 'conference',
      conference: { title: 'FOSDEM 2026' },
      within: [],
      summary: { talks: 5, read: 1, highlights: 2 },
    });
    expect(byKey.get('confday:fosdem:2026-01-31')!.schedule).toMatchObject({
      level: 'day',
      day: '2026-01-31',
      within: ['conf:fosdem'],
      summary: { talks: 3, read: 1, highlights: 2 },
    });
    const rust = byKey.get('talk:s-rust')!;
    expect(rust).toMatchObject({ by: 'conference', title: 'Rust in the kernel', talk: { id: 's-rust' } });
    expect(rust.schedule).toMatchObject({
      level: 'talk',
      day: '2026-01-31',
      within: ['conf:fosdem', 'confday:fosdem:2026-01-31'],
      notes: 1,
    });
    // Both write-ups are its sources, each page's passages together.
    expect(rust.pages.map((p) => p.id)).toEqual(['b', 'a']);
    // A write-up linked to a talk is its source even with no highlight.
    expect(byKey.get('talk:s-wasm')!.pages.map((p) => p.id)).toEqual(['c']);
    expect(byKey.get('talk:s-pg')!.pages).toEqual([]); // the Postgres write-up was declined
  });

  it.each<[string, string, Partial<LibraryFilter>, string[]]>([
    [
      'a room: its talks, read or not',
      '',
      { rooms: ['Janson'] },
      [
        'conf:fosdem',
        'confday:fosdem:2026-01-31',
        'talk:s-rust [c2 c1]',
        'talk:s-coffee',
        'confday:fosdem:2026-02-01',
        'talk:s-wasm',
      ],
    ],
    [
      'a conference and a day',
      '',
      { conferenceIds: ['pgconf'], scheduleDays: ['2025-10-22'] },
      ['conf:pgconf', 'confday:pgconf:2025-10-22', 'talk:p-vacuum [c4]'],
    ],
    [
      'a track nobody read about',
      '',
      { tracks: ['Web'] },
      ['conf:fosdem', 'confday:fosdem:2026-02-01', 'talk:s-wasm'],
    ],
    [
      'a criterion only highlights meet: talks with matching highlights only',
      '',
      { tags: ['rust'] },
      ['conf:fosdem', 'confday:fosdem:2026-01-31', 'talk:s-rust [c2]'],
    ],
    ['with a note', '', { hasNote: true }, ['conf:fosdem', 'confday:fosdem:2026-01-31', 'talk:s-rust [c2]']],
    [
      'search finds talks by their own text, read or not',
      'janson',
      {},
      [
        'conf:fosdem',
        'confday:fosdem:2026-01-31',
        'talk:s-rust [c2 c1]',
        'talk:s-coffee',
        'confday:fosdem:2026-02-01',
        'talk:s-wasm',
      ],
    ],
    ['search by a speaker', 'momjian', {}, ['conf:fosdem', 'confday:fosdem:2026-01-31', 'talk:s-pg']],
    [
      'search by a passage: only its talk',
      'borrow',
      {},
      ['conf:fosdem', 'confday:fosdem:2026-01-31', 'talk:s-rust [c2]'],
    ],
    [
      'search and a day combine',
      'janson',
      { scheduleDays: ['2026-02-01'] },
      ['conf:fosdem', 'confday:fosdem:2026-02-01', 'talk:s-wasm'],
    ],
    ['nothing matches', 'no-such-thing', {}, []],
  ])('%s', (_, q, filter, expected) => {
    expect(outline(view(q, filter))).toEqual(expected);
  });

  it('counts only what is listed', () => {
    const conf = view('', { rooms: ['Janson'] })[0]!;
    expect(conf.schedule!.summary).toEqual({ talks: 3, read: 1, highlights: 2 });
  });

  it('lists a conference without talks only when nothing is filtered', () => {
    const empty = buildLibraryIndex({ ...DATA, conferences: [conference('new', { title: 'New' })] });
    const all = filterLibrary(empty, EMPTY_FILTER, null);
    expect(outline(groupByConference(empty, all, EMPTY_FILTER, []))).toEqual(['conf:new']);
    expect(groupByConference(empty, all, { ...EMPTY_FILTER, rooms: ['x'] }, [])).toEqual([]);
  });

  it('groupLibrary gives the other views their usual groups', () => {
    const all = filterLibrary(index, EMPTY_FILTER, null);
    expect(groupLibrary(index, all, 'talk', EMPTY_FILTER, [])[0]!.key).toBe('talk:s-rust');
    expect(groupLibrary(index, all, 'conference', EMPTY_FILTER, [])[0]!.key).toBe('conf:fosdem');
  });
});

describe('conferenceSlots', () => {
  it('keeps the results under a conference talk, in index order', () => {
    const all = filterLibrary(index, EMPTY_FILTER, null);
    expect(ids(highlightsAt(index, conferenceSlots(index, all)))).toEqual(['c2', 'c1', 'c4']);
  });
});

describe('a passage the clip guard offered', () => {
  // c1 is under page a's "Rust for Linux", matched to FOSDEM's "Rust in the kernel"; its lead named
  // "Postgres at scale".
  const offered = buildLibraryIndex({
    ...CONF_DATA,
    highlights: CONF_DATA.highlights.map((h) =>
      h.id === 'c1' ? { ...h, scheduleCandidates: ['s-pg', 's-rust'] } : h,
    ),
  });
  const all = filterLibrary(offered, EMPTY_FILTER, null);

  it('is under no conference talk until the reader decides, and under its page talk in the Talks view', () => {
    expect(ids(highlightsAt(offered, conferenceSlots(offered, all)))).toEqual(['c2', 'c4']);
    const rust = groupByConference(offered, conferenceSlots(offered, all), EMPTY_FILTER, []).find(
      (g) => g.key === 'talk:s-rust',
    )!;
    expect(ids(rust.highlights)).toEqual(['c2']);
    const byTalk = groupLibrary(offered, all, 'talk', EMPTY_FILTER, []);
    expect(ids(byTalk.find((g) => g.key === 'talk:t-a-rust')!.highlights)).toEqual(['c1']);
  });
});

describe('rows of the Conferences view', () => {
  const keys = (collapsed: string[]) => {
    const rows = flattenGroups(view(), new Set(collapsed));
    return Array.from({ length: rows.length }, (_, i) => rowKey(rows, i));
  };

  it('a talk’s highlights follow it; folding a conference or a day hides what is under it', () => {
    expect(keys([]).slice(0, 5)).toEqual([
      'conf:fosdem',
      'confday:fosdem:2026-01-31',
      'talk:s-rust',
      'c2',
      'c1',
    ]);
    expect(keys(['conf:fosdem'])).toEqual([
      'conf:fosdem',
      'conf:pgconf',
      'confday:pgconf:2025-10-22',
      'talk:p-vacuum',
      'c4',
    ]);
    expect(keys(['confday:fosdem:2026-01-31', 'talk:p-vacuum'])).toEqual([
      'conf:fosdem',
      'confday:fosdem:2026-01-31',
      'confday:fosdem:2026-02-01',
      'talk:s-wasm',
      'confday:fosdem:',
      'talk:s-hallway',
      'conf:pgconf',
      'confday:pgconf:2025-10-22',
      'talk:p-vacuum',
    ]);
  });
});

describe('scheduleIndex', () => {
  it('orders conferences latest first, undated last, and talks by their schedule position', () => {
    const data = {
      ...DATA,
      conferences: [
        conference('undated', { title: 'A undated' }),
        conference('old', { title: 'Old', start: '2020-02-01' }),
        conference('new', { title: 'New', start: '2026-02-01' }),
      ],
      talks: [
        scheduleTalk('n2', 'new', 'Second', 2, { day: '2026-02-01' }),
        scheduleTalk('n1', 'new', 'First', 1, { start: '2026-02-01T23:30:00Z', timeZone: 'Asia/Tokyo' }),
        scheduleTalk('orphan', 'deleted-conference', 'Orphan', 0),
      ],
    };
    const fresh = buildLibraryIndex(data);
    const schedule = scheduleIndex(fresh);
    expect(scheduleIndex(fresh)).toBe(schedule);
    expect(schedule.conferences.map((c) => c.id)).toEqual(['new', 'old', 'undated']);
    expect(schedule.talksOf.map((slots) => [...slots].map((s) => fresh.talks[s]!.id))).toEqual([
      ['n1', 'n2'],
      [],
      [],
    ]);
    // A talk without its day gets the conference-local day of its start.
    expect(schedule.day[1]).toBe('2026-02-02');
    expect(schedule.conference[2]).toBe(-1);
  });
});
