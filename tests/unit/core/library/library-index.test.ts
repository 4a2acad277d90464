import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, siteAt, siteOf } from '@/core/library/library-index';
import { prepareSearch } from '@/core/library/search';
import { DATA, ids } from './library-fixtures';

const index = buildLibraryIndex(DATA);

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
