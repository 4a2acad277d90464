import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashtagFor, hashtagNames } from '@/core/markdown/hashtags';
import { normalizeTags } from '@/core/tags';
import { plainText } from './markdown-oracle';

/**
 * Obsidian's documented tag rule (help.obsidian.md, "Tags"): letters, digits, `_`, `-`, `/` for
 * nesting, no spaces, at least one character that is not a digit; no empty level.
 */
function validObsidianTag(name: string): boolean {
  return (
    /^[\p{L}\p{N}\p{M}_\-/]+$/u.test(name) &&
    /[^\d/]/.test(name) &&
    name.split('/').every((level) => level.length > 0)
  );
}

describe('hashtagFor', () => {
  it.each([
    ['open source', 'open-source'],
    ['testing/fuzzing', 'testing/fuzzing'],
    ['C++', 'C-plus-plus'],
    ['c#', 'c-sharp'],
    ['F#/.NET', 'F-sharp/NET'],
    ['R&D', 'R-and-D'],
    ["it's", 'its'],
    ['it’s', 'its'],
    ['2024', 'y2024'],
    ['2024/11', 'y2024/11'],
    ['2024-11', '2024-11'],
    ['_private', '_private'],
    ['snake_case', 'snake_case'],
    ['tag_', 'tag'],
    ['_-a', 'a'],
    ['a_-b', 'a-b'],
    ['#hash', 'hash'],
    ['Überraschung', 'Überraschung'],
    ['日本語 タグ', '日本語-タグ'],
    ['???', null],
    ['___', null],
    ['a/???/b', 'a/b'],
  ])('%j -> %j', (tag, expected) => {
    expect(hashtagFor(tag)).toBe(expected);
  });
});

describe('hashtagNames', () => {
  it('keeps the tags the old mapping merged apart: C++, c#, c; it’s and it-s; _private and private', () => {
    const names = hashtagNames(['C++', 'c#', 'c', "it's", 'it-s', '_private', 'private', '2024']);
    expect(Object.fromEntries(names)).toEqual({
      'c++': 'C-plus-plus',
      'c#': 'c-sharp',
      c: 'c',
      "it's": 'its',
      'it-s': 'it-s',
      _private: '_private',
      private: 'private',
      '2024': 'y2024',
    });
  });

  it('numbers a name that two tags would share, the same way whatever their order', () => {
    const one = hashtagNames(['open-source', 'open source', 'open_source']);
    const other = hashtagNames(['open_source', 'open source', 'open-source']);
    expect(Object.fromEntries(one)).toEqual(Object.fromEntries(other));
    expect(one.get('open source')).toBe('open-source');
    expect(one.get('open-source')).toBe('open-source-2');
    expect(one.get('open_source')).toBe('open_source');
  });

  it('gives every distinct library tag a distinct, valid Obsidian tag that Markdown reads as text', () => {
    const char = fc.constantFrom(..."aZ09 _-/#+&@%.'’é日!?*[]()<>`~".split(''));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: char, maxLength: 8 }), { maxLength: 8 }), (typed) => {
        const tags = normalizeTags(typed);
        const names = hashtagNames(tags);
        const given = [...names.values()].map((n) => n.toLowerCase());
        expect(new Set(given).size).toBe(given.length);
        for (const name of names.values()) expect(validObsidianTag(name), name).toBe(true);
        const line = [...names.values()].map((n) => `#${n}`).join(' ');
        if (line) for (const text of plainText(line)) expect(text).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});
