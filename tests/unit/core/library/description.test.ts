// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeFilter } from '@/core/library/description';
import { EMPTY_FILTER, isFiltered } from '@/core/library/filters';

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

describe('describeFilter with conferences', () => {
  it('names the conferences, days, tracks and rooms', () => {
    const names = { talkTitle: () => undefined, colorLabel: () => '', collectionName: () => undefined };
    const filter = {
      ...EMPTY_FILTER,
      conferenceIds: ['fosdem', 'gone'],
      scheduleDays: ['2026-01-31'],
      tracks: ['Kernel'],
      rooms: ['Janson', 'K.1.105'],
    };
    expect(
      describeFilter(filter, {
        ...names,
        conferenceTitle: (id) => (id === 'fosdem' ? 'FOSDEM 2026' : undefined),
      }),
    ).toBe(
      'Conferences: FOSDEM 2026, unknown · conference days: 2026-01-31 · tracks: Kernel · rooms: Janson, K.1.105',
    );
    expect(isFiltered(filter)).toBe(true);
    expect(isFiltered({ ...EMPTY_FILTER, rooms: ['Janson'] })).toBe(true);
  });
});
