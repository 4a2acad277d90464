// @vitest-environment node
import { EMPTY_FILTER, toSavedSearch } from '@/core/library/filters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryData } from '@/core/backup';
import type { ConferenceRecord, TalkRecord } from '@/core/types';
import { countPlan, decide, type LibraryMatches, planMerge, sameRecord } from '@/core/merge';
import {
  at,
  collection,
  conference,
  conferenceLibrary,
  conferenceTalk,
  highlight,
  page,
  sampleLibrary,
  talk,
} from './backup-fixtures';

const empty: LibraryData = {
  pages: [],
  conferences: [],
  talks: [],
  highlights: [],
  collections: [],
  settings: [],
};
const none: LibraryMatches = empty;

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
    conferences: put(library.conferences, plan.conferences, (r) => r.id),
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
    backup.highlights[0] = { ...backup.highlights[0]!, note: 'edited later elsewhere', updatedAt: at(5_000) };
    library.highlights[1] = { ...library.highlights[1]!, note: 'edited later here', updatedAt: at(5_000) };
    backup.highlights[1] = { ...backup.highlights[1]!, note: 'stale', updatedAt: at(2_000) };
    const plan = planMerge(backup, library);
    expect(plan.highlights.update.map((h) => h.note)).toEqual(['edited later elsewhere']);
    expect(plan.highlights.skip).toEqual(['h2', 'h3']);
    const merged = apply(library, backup);
    expect(merged.highlights.map((h) => h.note)).toEqual(['edited later elsewhere', 'edited later here', '']);
  });

  it('a page clipped in two browsers is one page: matched by URL, ids rewritten', () => {
    const library: LibraryData = {
      ...empty,
      pages: [page('mine', { url: 'https://blog.example/same', updatedAt: at(1_000) })],
      talks: [talk('my-talk', 'mine', { detectedTitle: 'Keynote' })],
    };
    const backup: LibraryData = {
      ...empty,
      pages: [
        page('theirs', { url: 'https://blog.example/same', title: 'Newer title', updatedAt: at(2_000) }),
      ],
      talks: [
        talk('their-talk', 'theirs', {
          detectedTitle: 'KEYNOTE',
          speakers: ['Grace Hopper'],
          updatedAt: at(2_000),
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
    // A saved search of the backup filtered by that talk follows it (#17).
    const search = { ...toSavedSearch(EMPTY_FILTER), talkIds: ['their-talk', 'their-own'] };
    const withSearch = { ...backup, collections: [collection('s', { search })] };
    expect(planMerge(withSearch, library).collections.add).toEqual([
      collection('s', { search: { ...search, talkIds: ['my-talk', 'their-own'] } }),
    ]);
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
      pages: [page('a', { url: 'https://x.example/2', updatedAt: at(9_000) })],
    };
    expect(planMerge(backup, library).pages).toEqual({ add: [], update: [], skip: ['a'] });
  });

  it('collections with the same name are united, and only once', () => {
    const library: LibraryData = {
      ...empty,
      collections: [
        collection('mine', { name: 'Reading list', highlightIds: ['h1', 'h2'], updatedAt: at(1_000) }),
      ],
    };
    const backup: LibraryData = {
      ...empty,
      collections: [
        collection('theirs', {
          name: 'reading LIST',
          description: 'theirs',
          highlightIds: ['h2', 'h3'],
          updatedAt: at(2_000),
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
        updatedAt: at(2_000),
      },
    ]);
    expect(plan.collections.add.map((c) => c.id)).toEqual(['other']);
    // The newer one also says whether the collection is a saved search.
    const search = { ...toSavedSearch(EMPTY_FILTER), query: 'rust' };
    const asSearch = { ...backup, collections: [{ ...backup.collections[0]!, search }] };
    expect(planMerge(asSearch, library).collections.update[0]).toMatchObject({
      name: 'reading LIST',
      search,
    });
    const older = { ...asSearch.collections[0]!, updatedAt: at(500) };
    // An older saved search of the same name leaves the library's fixed set as it is.
    expect(planMerge({ ...backup, collections: [older] }, library).collections).toMatchObject({
      update: [],
      skip: ['mine'],
    });
    const merged = apply(library, backup);
    expect(countPlan(planMerge(backup, merged))).toEqual({ added: 0, updated: 0, skipped: 2 });
  });

  it('settings: the library’s value stays; missing ones are added', () => {
    const library: LibraryData = { ...empty, settings: [{ key: 'colorNames', value: { blue: 'Mine' } }] };
    const plan = planMerge(sampleLibrary(), library);
    expect(plan.settings).toEqual({ add: [sampleLibrary().settings[1]], update: [], skip: ['colorNames'] });
  });

  describe('the addresses a post was read at (#18)', () => {
    const ARCHIVE = 'https://blog.example/2024/';
    const AMP = 'https://amp.blog.example/p1';
    const COPY = 'https://dev.to/a-writer/p1';

    it('are the union of both sides, whichever page is written; a library page that stays gains the backup’s', () => {
      const newer = planMerge(
        { ...empty, pages: [page('p1', { readAt: [AMP], updatedAt: at(2_000) })] },
        { ...empty, pages: [page('p1', { readAt: [ARCHIVE] })] },
      );
      expect(newer.pages.update.map((p) => p.readAt)).toEqual([[AMP, ARCHIVE]]);
      expect(newer.readAtJoined).toEqual([]);
      const older = planMerge(
        { ...empty, pages: [page('p1', { readAt: [AMP] })] },
        { ...empty, pages: [page('p1', { readAt: [ARCHIVE], updatedAt: at(2_000) })] },
      );
      expect(older.pages).toEqual({ add: [], update: [], skip: ['p1'] });
      expect(older.readAtJoined).toEqual([page('p1', { readAt: [AMP, ARCHIVE], updatedAt: at(2_000) })]);
    });

    it('an older backup without them changes none of the library’s', () => {
      const plan = planMerge(
        { ...empty, pages: [page('p1')] },
        { ...empty, pages: [page('p1', { readAt: [AMP] })] },
      );
      expect(plan.pages.skip).toEqual(['p1']);
      expect(plan.readAtJoined).toEqual([]);
      expect(planMerge({ ...empty, pages: [page('p1')] }, none).pages.add).toEqual([page('p1')]);
    });

    it('a page the backup’s postLinks linked to a post is an address of that post; the links join the library’s', () => {
      const backupLinks = {
        [COPY]: { post: page('p1').url, linked: true },
        'https://other.example/x': { post: page('p1').url, linked: false },
        'https://mine.example/y': { post: page('p1').url, linked: true },
      };
      const backup: LibraryData = {
        ...empty,
        pages: [page('p1')],
        settings: [{ key: 'postLinks', value: backupLinks }],
      };
      expect(planMerge(backup, none).pages.add.map((p) => p.readAt)).toEqual([
        [COPY, 'https://mine.example/y'],
      ]);
      const library: LibraryData = {
        ...empty,
        pages: [page('p1')],
        // The library's own answer for a page stays.
        settings: [
          { key: 'postLinks', value: { 'https://mine.example/y': { post: page('p1').url, linked: false } } },
        ],
      };
      const plan = planMerge(backup, library);
      expect(plan.readAtJoined.map((p) => p.readAt)).toEqual([[COPY]]);
      expect(plan.settings.update).toEqual([
        {
          key: 'postLinks',
          value: {
            [COPY]: backupLinks[COPY],
            'https://other.example/x': backupLinks['https://other.example/x'],
            'https://mine.example/y': { post: page('p1').url, linked: false },
          },
        },
      ]);
      expect(planMerge(backup, apply(library, backup)).settings).toEqual({
        add: [],
        update: [],
        skip: ['postLinks'],
      });
    });
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

describe('planMerge: conferences, their talks and the links to them', () => {
  /** The same FOSDEM imported in another browser: same source, other ids. */
  const mine = (): LibraryData => ({
    ...empty,
    conferences: [conference('mine', { sourceUrl: 'https://schedule.example/fosdem.xml' })],
    talks: [conferenceTalk('my-ct1', 'mine', 'ev-1', { title: 'Rust in the kernel' })],
  });

  it('into an empty library: the conference, its talks and the links are added as they are', () => {
    const plan = planMerge(conferenceLibrary(), none);
    expect(plan.conferences.add).toEqual(conferenceLibrary().conferences);
    expect(plan.talks.add).toEqual(conferenceLibrary().talks);
    expect(plan.highlights.add).toEqual(conferenceLibrary().highlights);
    expect(countPlan(plan)).toEqual({ added: 7, updated: 0, skipped: 0 });
  });

  it('the same conference under another id is one conference: talks by schedule id, links and highlights follow', () => {
    const library = mine();
    const backup = conferenceLibrary();
    backup.highlights.push(highlight('hr3', 'recap', { talkId: 'ct1' }));
    const plan = planMerge(backup, library);
    expect(plan.remapped.conferences).toEqual(new Map([['fosdem', 'mine']]));
    expect(plan.remapped.talks).toEqual(new Map([['ct1', 'my-ct1']]));
    // Edited at the same time on both sides: the library's conference and talk stay as they are.
    expect(plan.conferences).toEqual({ add: [], update: [], skip: ['mine'] });
    expect(plan.talks.skip).toEqual(['my-ct1']);
    expect(plan.talks.add).toEqual([
      { ...backup.talks[1], conferenceId: 'mine' },
      { ...backup.talks[2], scheduleTalkId: 'my-ct1', scheduleCandidates: ['my-ct1', 'ct2'] },
    ]);
    expect(plan.highlights.add.map((h) => [h.id, h.talkId])).toEqual([
      ['hr1', 'pt1'],
      ['hr2', 'ct2'],
      ['hr3', 'my-ct1'],
    ]);
    const merged = apply(library, backup);
    expect(merged.conferences.map((c) => c.id)).toEqual(['mine']);
    expect(
      merged.talks.filter((t) => t.conferenceId).map((t) => [t.id, t.conferenceId, t.scheduleId]),
    ).toEqual([
      ['ct2', 'mine', 'ev-2'],
      ['my-ct1', 'mine', 'ev-1'],
    ]);
    // And again: nothing changes.
    expect(countPlan(planMerge(backup, merged))).toMatchObject({ added: 0, updated: 0 });
    expect(apply(merged, backup)).toEqual(merged);
  });

  it('a conference talk newer in the library stays; a newer one from the backup takes the library talk’s id', () => {
    const library = mine();
    library.talks[0] = { ...library.talks[0]!, room: 'K.1.105', updatedAt: at(5_000) };
    expect(planMerge(conferenceLibrary(), library).talks.skip).toEqual(['my-ct1']);
    const backup = conferenceLibrary();
    backup.talks[0] = { ...backup.talks[0]!, room: 'H.2215', updatedAt: at(9_000) };
    expect(planMerge(backup, library).talks.update).toEqual([
      { ...backup.talks[0], id: 'my-ct1', conferenceId: 'mine' },
    ]);
  });

  it.each<[string, Partial<ConferenceRecord>, boolean]>([
    ['from the same source URL, renamed', { title: 'FOSDEM’26', acronym: null }, true],
    ['from a file: same acronym, first day and format', { sourceUrl: null, title: 'Other' }, true],
    [
      'from a file: same title (any case), no acronym',
      { sourceUrl: null, acronym: null, title: 'CONFERENCE MINE' },
      true,
    ],
    ['another year', { sourceUrl: null, start: '2025-02-01' }, false],
    ['the same dates in another format', { sourceUrl: null, format: 'ical' }, false],
  ])('a conference %s: same conference = %s', (_, changes, same) => {
    const library: LibraryData = { ...empty, conferences: [conference('mine')] };
    const theirs = conference('theirs', {
      sourceUrl: library.conferences[0]!.sourceUrl,
      acronym: 'mine',
      title: 'Conference mine',
      ...changes,
    });
    const plan = planMerge({ ...empty, conferences: [theirs] }, library);
    expect(plan.remapped.conferences.get('theirs')).toBe(same ? 'mine' : undefined);
    expect(plan.conferences.add.map((c) => c.id)).toEqual(same ? [] : ['theirs']);
  });

  it('one backup conference per library conference; a library conference the backup holds by id keeps its own', () => {
    const library: LibraryData = { ...empty, conferences: [conference('a'), conference('b')] };
    const sameAsA = { sourceUrl: library.conferences[0]!.sourceUrl };
    const backup: LibraryData = {
      ...empty,
      conferences: [
        conference('b', { ...sameAsA, updatedAt: at(2_000) }),
        conference('x', { ...sameAsA, updatedAt: at(2_000) }),
        conference('y', sameAsA),
      ],
    };
    const plan = planMerge(backup, library);
    expect(plan.remapped.conferences).toEqual(new Map([['x', 'a']]));
    expect(plan.conferences.add.map((c) => c.id)).toEqual(['y']);
    expect(plan.conferences.update.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('a talk of a library conference the backup does not hold is matched by its schedule id', () => {
    const backup: LibraryData = {
      ...empty,
      talks: [conferenceTalk('theirs', 'mine', 'ev-1', { title: 'Rust in the kernel' })],
      highlights: [highlight('h', 'p', { talkId: 'theirs' })],
      pages: [page('p')],
    };
    const plan = planMerge(backup, mine());
    expect(plan.remapped.talks).toEqual(new Map([['theirs', 'my-ct1']]));
    expect(plan.talks).toEqual({ add: [], update: [], skip: ['my-ct1'] });
    expect(plan.highlights.add[0]?.talkId).toBe('my-ct1');
  });

  it('links to conference talks in neither the backup nor the library are dropped, and so are links to page talks', () => {
    const library: LibraryData = {
      ...mine(),
      pages: [page('p')],
      talks: [...mine().talks, talk('lib-page-talk', 'p')],
    };
    const backup: LibraryData = {
      ...empty,
      pages: [page('p')],
      talks: [
        talk('chosen', 'p', {
          scheduleTalkId: 'gone',
          scheduleLink: 'chosen',
          scheduleCandidates: ['gone', 'my-ct1', 'lib-page-talk'],
        }),
        talk('declined', 'p', { scheduleLink: 'declined', scheduleCandidates: ['gone'] }),
        talk('to-library', 'p', { scheduleTalkId: 'my-ct1', scheduleLink: 'matched' }),
        talk('to-a-page-talk', 'p', { scheduleTalkId: 'lib-page-talk', scheduleLink: 'chosen' }),
      ],
    };
    const [chosen, declined, toLibrary, toPageTalk] = backup.talks;
    const { scheduleTalkId: _a, scheduleLink: _b, ...unlinked } = chosen!;
    const { scheduleCandidates: _c, ...noCandidates } = declined!;
    const { scheduleTalkId: _d, scheduleLink: _e, ...notLinked } = toPageTalk!;
    expect(planMerge(backup, library).talks.add).toEqual([
      { ...unlinked, scheduleCandidates: ['my-ct1'] },
      noCandidates,
      toLibrary,
      notLinked,
    ]);
  });

  it('merging libraries with conferences in two browsers: idempotent, one talk per event, newest wins, links hold', () => {
    // c1a and c1b are one conference imported in two browsers (same source), c2 another; a talk's
    // id names its conference, its event and the browser that imported it (a or b).
    const identity = { c1a: 'c1', c1b: 'c1', c2: 'c2' } as const;
    type ConferenceId = keyof typeof identity;
    const side = fc
      .record({
        conference: fc.constantFrom<ConferenceId | null>('c1a', 'c1b', null),
        other: fc.boolean(),
        conferenceStamps: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
        events: fc.uniqueArray(
          fc.record({
            conference: fc.constantFrom(0, 1),
            event: fc.constantFrom('s1', 's2'),
            browser: fc.constantFrom('a', 'b'),
            room: fc.constantFrom('Janson', 'K.1.105'),
            updatedAt: fc.integer({ min: 1, max: 3 }),
          }),
          { selector: (e) => `${e.conference}${e.event}`, maxLength: 4 },
        ),
        pageTalks: fc.array(
          fc.record({
            link: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
            updatedAt: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 2, maxLength: 2 },
        ),
        dangling: fc.boolean(),
        filed: fc.array(fc.option(fc.nat({ max: 6 }), { nil: null }), { minLength: 3, maxLength: 3 }),
      })
      .map((g): LibraryData => {
        const conferenceIds: (ConferenceId | null)[] = [g.conference, g.other ? 'c2' : null];
        const conferences = conferenceIds.flatMap((id, i) =>
          id === null
            ? []
            : [
                conference(id, {
                  sourceUrl: `https://schedule.example/${identity[id]}.xml`,
                  updatedAt: g.conferenceStamps[i],
                }),
              ],
        );
        const talks = g.events.flatMap((e) => {
          const id = conferenceIds[e.conference];
          return id
            ? [
                conferenceTalk(`${id}-${e.event}-${e.browser}`, id, e.event, {
                  room: e.room,
                  updatedAt: e.updatedAt,
                }),
              ]
            : [];
        });
        const targets = [...talks.map((t) => t.id), ...(g.dangling ? ['gone'] : [])];
        const pick = (i: number | undefined) => (i === undefined ? undefined : targets[i % targets.length]);
        const pageTalks = g.pageTalks.map(({ link, updatedAt }, i) => {
          const target = targets.length ? pick(link) : undefined;
          return talk(`pt${i}`, 'p', {
            updatedAt,
            ...(target ? { scheduleTalkId: target, scheduleLink: 'matched' } : {}),
          });
        });
        const all = [...talks, ...pageTalks];
        return {
          ...empty,
          pages: [page('p')],
          conferences,
          talks: all,
          highlights: g.filed.map((t, i) =>
            highlight(`h${i}`, 'p', { talkId: t === null || !all.length ? null : all[t % all.length]!.id }),
          ),
        };
      });
    const identityOf = (id: string) => identity[id as ConferenceId];
    const eventOf = (t: TalkRecord) => `${identityOf(t.conferenceId!)} ${t.scheduleId}`;
    fc.assert(
      fc.property(
        side.map((s) => resolveLinks(s)),
        side,
        (library, backup) => {
          const once = apply(library, backup);
          expect(apply(once, backup)).toEqual(once);
          const conferenceIds = new Set(once.conferences.map((c) => c.id));
          const scheduled = once.talks.filter((t) => t.conferenceId !== undefined);
          // Every conference once, with its newest version.
          for (const c of once.conferences) {
            const versions = [...library.conferences, ...backup.conferences].filter(
              (x) => identityOf(x.id) === identityOf(c.id),
            );
            expect(once.conferences.filter((x) => identityOf(x.id) === identityOf(c.id))).toHaveLength(1);
            expect(c.updatedAt).toBe(Math.max(...versions.map((x) => x.updatedAt)));
          }
          // Every event once, in a conference that is there, with its newest version.
          expect(new Set(scheduled.map(eventOf)).size).toBe(scheduled.length);
          for (const t of scheduled) {
            expect(conferenceIds.has(t.conferenceId!)).toBe(true);
            const versions = [...library.talks, ...backup.talks].filter(
              (x) => x.conferenceId !== undefined && eventOf(x) === eventOf(t),
            );
            expect(t.updatedAt).toBe(Math.max(...versions.map((x) => x.updatedAt)));
          }
          // Links name conference talks that are there.
          const scheduledIds = new Set(scheduled.map((t) => t.id));
          for (const t of once.talks) {
            if (t.scheduleTalkId !== undefined) expect(scheduledIds.has(t.scheduleTalkId)).toBe(true);
          }
          // A highlight filed under a talk that was there is still under a talk that is there.
          const talkIds = new Set(once.talks.map((t) => t.id));
          const before = new Set([...library.talks, ...backup.talks].map((t) => t.id));
          for (const h of once.highlights) {
            if (h.talkId !== null && before.has(h.talkId)) expect(talkIds.has(h.talkId)).toBe(true);
          }
        },
      ),
    );
  });
});

/** A library's own links name its own conference talks (removing a conference unlinks them). */
function resolveLinks(library: LibraryData): LibraryData {
  const ids = new Set(library.talks.filter((t) => t.conferenceId !== undefined).map((t) => t.id));
  return {
    ...library,
    talks: library.talks.map((t) => {
      if (t.scheduleTalkId === undefined || ids.has(t.scheduleTalkId)) return t;
      const { scheduleTalkId: _id, scheduleLink: _link, ...rest } = t;
      return rest;
    }),
  };
}

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
