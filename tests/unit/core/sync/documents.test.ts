import { EMPTY_FILTER, toSavedSearch } from '@/core/library/filters';
import { describe, expect, it } from 'vitest';
import { stampDeletion, stampRecord } from '@/core/sync/edits';
import { canonicalJson } from '@/core/sync/field-clock';
import { mergeStates, viewState } from '@/core/sync/merge';
import {
  type SyncRecords,
  type SyncTable,
  documentId,
  parseDocument,
  recordKey,
  syncedFields,
  toDocument,
  toLocalRecord,
  toSyncedValues,
} from '@/core/sync/documents';
import { at, collection, conference, conferenceTalk, highlight, page, talk } from '../backup-fixtures';

const records: { [T in SyncTable]: SyncRecords[T] } = {
  pages: page('p1', { updatedAt: at(5_000) }),
  conferences: conference('c1', { updatedAt: at(5_000) }),
  talks: conferenceTalk('ct1', 'c1', 'ev-1', { updatedAt: at(5_000) }),
  highlights: highlight('h1', 'p1', { note: 'a note', tags: ['db'], talkPinned: true, updatedAt: at(5_000) }),
  collections: collection('col1', { highlightIds: ['h1'], updatedAt: at(5_000) }),
  settings: { key: 'colorNames', value: { yellow: 'key idea' } },
};

/** A record's document as it comes back from the server (JSON, with a revision). */
function served<T extends SyncTable>(table: T, record: SyncRecords[T], when = at(5_000)) {
  const key = recordKey(table, record);
  const state = stampRecord(undefined, toSyncedValues(table, record), 'dev-a', when);
  const document = { ...toDocument(table, key, state), _rev: '1-x' };
  return { key, state, document: JSON.parse(JSON.stringify(document)) as Record<string, unknown> };
}

describe('sync documents', () => {
  it.each(Object.keys(records) as SyncTable[])('round-trips a record of %s', (table) => {
    const record = records[table];
    const { key, state, document } = served(table, record);
    expect(document._id).toBe(documentId(table, key));
    const parsed = parseDocument(document);
    expect(parsed).toMatchObject({ ok: true, table, key });
    if (!parsed.ok) return;
    expect(canonicalJson(parsed.state)).toBe(canonicalJson(state));
    expect(toLocalRecord(table, key, parsed.state, record)).toEqual(record);
  });

  it('carries a saved search’s criteria (#17)', () => {
    const search = { ...toSavedSearch(EMPTY_FILTER), query: 'kernel', tags: ['rust'] };
    const record = collection('s1', { search, updatedAt: at(5_000) });
    expect(syncedFields('collections')).toContain('search');
    const { key, document } = served('collections', record);
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(toLocalRecord('collections', key, parsed.state)).toEqual(record);
  });

  it('carries the addresses a page’s post was read at (#18)', () => {
    const record = page('p1', { readAt: ['https://blog.example.org/2024/'], updatedAt: at(5_000) });
    expect(syncedFields('pages')).toContain('readAt');
    const { key, document } = served('pages', record);
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(toLocalRecord('pages', key, parsed.state)).toEqual(record);
  });

  it('names at the top the author the highlight records, whoever sent it; none for other records', () => {
    const mine = highlight('h1', 'p1', { author: 'Ada', updatedAt: at(5_000) });
    expect(served('highlights', mine).document.author).toBe('Ada');
    // Edited on another device afterwards: still the highlight's author.
    const state = stampRecord(
      served('highlights', mine).state,
      { ...toSyncedValues('highlights', mine), note: 'edited by Brian' },
      'dev-b',
      at(6_000),
    );
    expect(toDocument('highlights', 'h1', state).author).toBe('Ada');
    expect(served('highlights', records.highlights).document.author).toBeNull();
    for (const table of ['pages', 'talks', 'collections', 'settings'] as const)
      expect(served(table, records[table] as never).document.author).toBeNull();
  });

  it('carries a highlight’s clip lead, and refuses one that is no short line', () => {
    const lead = { text: '14:20, Room B: Kill Your Feature Flags', likeHeading: false };
    const record = highlight('h2', 'p1', { clipLead: lead, updatedAt: at(5_000) });
    expect(syncedFields('highlights')).toContain('clipLead');
    const { key, document } = served('highlights', record);
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(toLocalRecord('highlights', key, parsed.state, record)?.clipLead).toEqual(lead);
    const long = { ...record, clipLead: { text: 'x'.repeat(161), likeHeading: false } };
    expect(parseDocument(served('highlights', long).document)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/clipLead/),
    });
  });

  it('carries the lines above a highlight, and refuses hostile ones', () => {
    const lines = [{ text: 'Kill Your Feature Flags', kind: 'heading', level: 3, style: 0, enclosed: false }];
    const record = highlight('h4', 'p1', { clipLines: lines, updatedAt: at(5_000) } as never);
    expect(syncedFields('highlights')).toContain('clipLines');
    const { key, document } = served('highlights', record);
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(toLocalRecord('highlights', key, parsed.state, record)?.clipLines).toEqual(lines);
    for (const bad of [
      [{ ...lines[0], text: 'x'.repeat(161) }],
      [{ ...lines[0], kind: '<img>' }],
      Array(9).fill(lines[0]),
    ])
      expect(
        parseDocument(served('highlights', { ...record, clipLines: bad } as never).document),
      ).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/clipLines/),
      });
  });

  it('carries the clip guard’s offer on a highlight and its refusal, and refuses hostile offers', () => {
    const record = highlight('h3', 'p1', {
      scheduleCandidates: ['ct2', 'ct1'],
      guardDeclined: true,
      updatedAt: at(5_000),
    });
    expect(syncedFields('highlights')).toEqual(
      expect.arrayContaining(['scheduleCandidates', 'guardDeclined']),
    );
    const { key, document } = served('highlights', record);
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    const local = toLocalRecord('highlights', key, parsed.state, record);
    expect(local?.scheduleCandidates).toEqual(['ct2', 'ct1']);
    expect(local?.guardDeclined).toBe(true);
    for (const scheduleCandidates of [
      Array.from({ length: 11 }, (_, i) => `ct${i}`),
      [''],
      ['x'.repeat(101)],
      [{ $gt: '' }],
      'ct1',
    ])
      expect(
        parseDocument(served('highlights', { ...record, scheduleCandidates } as never).document),
      ).toMatchObject({ ok: false, reason: expect.stringMatching(/scheduleCandidates/) });
    expect(
      parseDocument(served('highlights', { ...record, guardDeclined: 'yes' } as never).document),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/guardDeclined/) });
  });

  it('names at the top who made a page or a talk (#16), and round-trips it', () => {
    const page = { ...records.pages, author: 'Ada' };
    const { key, document } = served('pages', page);
    expect(document.author).toBe('Ada');
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(toLocalRecord('pages', key, parsed.state)).toEqual(page);
    expect(served('talks', { ...records.talks, author: 'Brian' }).document.author).toBe('Brian');
  });

  it('also round-trips a page talk', () => {
    const { document } = served('talks', talk('t1', 'p1', { scheduleTalkId: 'ct1', scheduleLink: 'chosen' }));
    expect(parseDocument(document).ok).toBe(true);
  });

  it("never sends a highlight's anchoring status, and keeps this device's", () => {
    const { key, document } = served('highlights', records.highlights);
    expect(JSON.stringify(document)).not.toContain('anchorStatus');
    const parsed = parseDocument(document);
    if (!parsed.ok) throw new Error(parsed.reason);
    const mine = { ...records.highlights, anchorStatus: 'orphan' as const };
    expect(toLocalRecord('highlights', key, parsed.state, mine)?.anchorStatus).toBe('orphan');
    expect(toLocalRecord('highlights', key, parsed.state)?.anchorStatus).toBe('pending');
  });

  it('carries conflicts and deletions, and a deleted record reads as null', () => {
    const base = stampRecord(undefined, toSyncedValues('highlights', records.highlights), 'dev-a', at(5_000));
    const a = stampRecord(
      base,
      { ...toSyncedValues('highlights', records.highlights), note: 'A' },
      'dev-a',
      at(6_000),
    );
    const b = stampRecord(
      base,
      { ...toSyncedValues('highlights', records.highlights), note: 'B' },
      'dev-b',
      at(7_000),
    );
    const merged = mergeStates(a, b);
    const parsed = parseDocument(JSON.parse(JSON.stringify(toDocument('highlights', 'h1', merged))));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(viewState(parsed.state).conflicts.map((c) => c.versions.map((v) => v.value))).toEqual([
      ['B', 'A'],
    ]);
    expect(toLocalRecord('highlights', 'h1', parsed.state)?.updatedAt).toBe(at(7_000));
    const deleted = stampDeletion(parsed.state, 'dev-a', at(8_000));
    const back = parseDocument(JSON.parse(JSON.stringify(toDocument('highlights', 'h1', deleted))));
    if (!back.ok) throw new Error(back.reason);
    expect(toLocalRecord('highlights', 'h1', back.state)).toBeNull();
  });

  const hostile: [string, (doc: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'a string', /object/i],
    ['another format', (d) => ({ ...d, talkNotes: 2 }), /talkNotes/],
    ['an unknown table', (d) => ({ ...d, table: 'users' }), /table/],
    ['an id of another table', (d) => ({ ...d, _id: 'pages:h1' }), /id does not name/],
    ['a record under another id', (d) => ({ ...d, _id: 'highlights:h2' }), /not the id/],
    [
      'a field the table does not have',
      (d) => ({
        ...d,
        record: { ...(d.record as object), isAdmin: true },
        fields: { ...(d.fields as object), isAdmin: (d.fields as Record<string, unknown>).note },
      }),
      /no field "isAdmin"/,
    ],
    [
      'a per-device field',
      (d) => ({
        ...d,
        record: { ...(d.record as object), anchorStatus: 'placed' },
        fields: { ...(d.fields as object), anchorStatus: (d.fields as Record<string, unknown>).note },
      }),
      /never synced/,
    ],
    [
      'a value without a version',
      (d) => {
        const { note: _, ...fields } = d.fields as Record<string, unknown>;
        return { ...d, fields };
      },
      /note has no version/,
    ],
    [
      'a script URL',
      (d) => ({ ...d, record: { ...(d.record as object), url: 'javascript:alert(1)' } }),
      /record\.url/,
    ],
    [
      'an oversized note',
      (d) => ({ ...d, record: { ...(d.record as object), note: 'x'.repeat(1_000_001) } }),
      /record\.note/,
    ],
    [
      'an unknown colour',
      (d) => ({ ...d, record: { ...(d.record as object), color: 'red' } }),
      /record\.color/,
    ],
    [
      'a conflicting value that is invalid',
      (d) => ({ ...d, conflicts: { color: [{ value: 'red', at: 1, by: 'dev-b', vv: { 'dev-b': 1 } }] } }),
      /conflicting value of color/,
    ],
    [
      'a version vector that is not counts',
      (d) => ({
        ...d,
        fields: { ...(d.fields as object), note: { at: 1, by: 'dev-b', vv: { 'dev-b': -1 } } },
      }),
      /vv/,
    ],
    [
      'too many conflicts',
      (d) => ({
        ...d,
        conflicts: {
          note: Array.from({ length: 17 }, (_, i) => ({
            value: `n${i}`,
            at: i,
            by: `d${i}`,
            vv: { [`d${i}`]: 1 },
          })),
        },
      }),
      /conflicts/,
    ],
    ['a huge document', (d) => ({ ...d, author: null, padding: 'x'.repeat(5 * 1024 * 1024) }), /too large/],
  ];

  it.each(hostile)('refuses a document with %s, saying why', (_, change, reason) => {
    const { document } = served('highlights', records.highlights);
    const result = parseDocument(change(document));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a setting whose value its schema rejects', () => {
    const { document } = served('settings', records.settings);
    const bad = { ...document, record: { key: 'colorNames', value: { yellow: 42 } } };
    expect(parseDocument(bad)).toMatchObject({ ok: false, id: 'settings:colorNames' });
  });

  it('refuses a page whose read-at addresses are not web addresses, or too many', () => {
    for (const readAt of [
      ['javascript:alert(1)'],
      Array.from({ length: 51 }, (_, i) => `https://blog.example.org/p/${i}`),
    ]) {
      const { document } = served('pages', { ...records.pages, readAt });
      expect(parseDocument(document)).toMatchObject({ ok: false, reason: expect.stringMatching(/readAt/) });
    }
  });

  it('refuses a talk with a script link among its schedule links', () => {
    const record = {
      ...records.talks,
      links: [{ kind: 'recording' as const, url: 'javascript:x', title: null }],
    };
    const { document } = served('talks', record);
    expect(parseDocument(document)).toMatchObject({ ok: false, reason: expect.stringMatching(/links/) });
  });
});
