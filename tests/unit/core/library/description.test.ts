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
