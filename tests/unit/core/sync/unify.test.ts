// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { stampRecord } from '@/core/sync/edits';
import { mergeStates } from '@/core/sync/merge';
import {
  detectedTalkKey,
  joinNotes,
  pageWinner,
  uniteLists,
  unitePages,
  uniteTalks,
  withEveryNote,
} from '@/core/sync/unify';
import type { PageRecord, TalkRecord } from '@/core/types';

const page = (over: Partial<PageRecord>): PageRecord => ({
  id: 'p',
  url: 'https://a.example/',
  title: 'A',
  authors: [],
  siteName: null,
  publishedAt: null,
  lang: null,
  canonicalUrl: null,
  excerpt: null,
  createdAt: 10,
  updatedAt: 10,
  ...over,
});

const talk = (over: Partial<TalkRecord>): TalkRecord => ({
  id: 't',
  pageId: 'p',
  title: 'Keynote',
  speakers: [],
  position: 5,
  detected: true,
  detectedTitle: 'Keynote',
  createdAt: 10,
  updatedAt: 10,
  ...over,
});

describe('pageWinner', () => {
  it.each([
    [['b', 'a', 'c'], 'a'],
    [['z'], 'z'],
    [[], undefined],
  ])('of %j is %j, whatever the order', (ids, winner) => {
    expect(pageWinner(ids)).toBe(winner);
    expect(pageWinner([...ids].reverse())).toBe(winner);
  });
});

describe('joinNotes', () => {
  it.each([
    ['mine', 'yours', 'mine\n\nyours'],
    ['mine', '', 'mine'],
    ['', 'yours', 'yours'],
    [undefined, 'yours', 'yours'],
    ['mine\n\nyours', 'yours', 'mine\n\nyours'],
    ['yours', 'mine\n\nyours', 'mine\n\nyours'],
    [undefined, undefined, undefined],
  ])('%j + %j = %j (idempotent)', (kept, other, joined) => {
    expect(joinNotes(kept, other)).toBe(joined);
    expect(joinNotes(joined, other)).toBe(joined);
  });
});

describe('uniteLists', () => {
  it('keeps the first list order and adds the other list’s new items', () => {
    expect(uniteLists(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(uniteLists(undefined, ['c'])).toEqual(['c']);
    expect(uniteLists(undefined, undefined)).toBeUndefined();
  });
});

describe('unitePages', () => {
  it('keeps the winner’s id and URL, the later title, metadata where either has it, both notes and tags', () => {
    const winner = page({ id: 'a', title: 'Old title', siteName: 'Blog', note: 'laptop', tags: ['x'] });
    const loser = page({
      id: 'b',
      title: 'New title',
      canonicalUrl: 'https://a.example/c',
      note: 'desktop',
      tags: ['y', 'x'],
      createdAt: 5,
      updatedAt: 20,
    });
    expect(unitePages(winner, loser)).toEqual({
      ...winner,
      title: 'New title',
      canonicalUrl: 'https://a.example/c',
      note: 'laptop\n\ndesktop',
      tags: ['x', 'y'],
      createdAt: 5,
      updatedAt: 20,
    });
  });

  it('unites the addresses a post was read at, when records carry them (a set: each once, sorted)', () => {
    // readAt lists addresses other than the page's own (core/read-at.ts).
    const winner = page({ id: 'a', readAt: ['https://archive.example/a', 'https://a.example/amp'] });
    const loser = page({ id: 'b', readAt: ['https://archive.example/a', 'https://a.example/print'] });
    expect(unitePages(winner, loser).readAt).toEqual([
      'https://a.example/amp',
      'https://a.example/print',
      'https://archive.example/a',
    ]);
    expect(unitePages(page({ id: 'a' }), page({ id: 'b' })).readAt).toBeUndefined();
  });
});

describe('uniteTalks', () => {
  it('keeps a reader’s rename, "Not a talk", the chosen schedule link and both notes', () => {
    const kept = talk({ id: 'a', scheduleTalkId: 's1', scheduleLink: 'matched', note: 'one' });
    const other = talk({
      id: 'b',
      title: 'Keynote, renamed',
      notATalk: 'part',
      scheduleTalkId: 's2',
      scheduleLink: 'chosen',
      note: 'two',
      updatedAt: 30,
    });
    expect(uniteTalks(kept, other)).toEqual({
      ...kept,
      title: 'Keynote, renamed',
      notATalk: 'part',
      scheduleTalkId: 's2',
      scheduleLink: 'chosen',
      note: 'one\n\ntwo',
      updatedAt: 30,
    });
  });

  it('of two renames keeps the later one', () => {
    const kept = talk({ id: 'a', title: 'First rename', updatedAt: 40 });
    const other = talk({ id: 'b', title: 'Second rename', updatedAt: 30 });
    expect(uniteTalks(kept, other).title).toBe('First rename');
  });
});

describe('detectedTalkKey', () => {
  it('is the page and exact detected title of a detected talk, null for a reader’s own or a schedule’s', () => {
    expect(detectedTalkKey(talk({}))).toBe('p\u0000Keynote');
    expect(detectedTalkKey(talk({ detected: false, detectedTitle: null }))).toBeNull();
    expect(detectedTalkKey(talk({ pageId: null }))).toBeNull();
  });
});

describe('withEveryNote', () => {
  it('joins every note in conflict into the record, so a tombstone over them loses none', () => {
    const base = stampRecord(undefined, { note: 'start' }, 'dev-a', 1);
    const left = stampRecord(base, { note: 'left' }, 'dev-a', 2);
    const right = stampRecord(base, { note: 'right' }, 'dev-b', 3);
    const state = mergeStates(left, right);
    const record = talk({ note: 'right' });
    expect(withEveryNote(record, state).note).toBe('right\n\nleft');
    expect(withEveryNote(record, undefined)).toBe(record);
  });
});
