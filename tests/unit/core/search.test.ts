import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsAll,
  foldCase,
  isRefinement,
  MAX_TERMS,
  markSegments,
  matchRanges,
  parseQuery,
} from '@/core/search';

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Rust', ['rust']],
    ['  live   Patching ', ['live', 'patching']],
    ['"live patching" kernel', ['live patching', 'kernel']],
    ['"unclosed phrase', ['unclosed phrase']],
    ['"  spaced   out "', ['spaced out']],
    ['rust RUST Rust', ['rust']],
    ['""', []],
    ['c++ #kernel', ['c++', '#kernel']],
  ])('%j -> %j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(many)).toHaveLength(MAX_TERMS);
  });
});

describe('containsAll', () => {
  it.each([
    ['kernel live patching', ['live', 'kernel'], true],
    ['kernel live patching', ['live', 'rust'], false],
    ['anything', [], true],
  ] as const)('%j has %j: %j', (haystack, terms, expected) => {
    expect(containsAll(haystack, terms)).toBe(expected);
  });
});

describe('isRefinement', () => {
  it.each([
    [['ru'], ['rus'], true],
    [['ru'], ['rust', 'kernel'], true],
    [[], ['x'], true],
    [['rust'], ['ru'], false],
    [['rust', 'go'], ['rust'], false],
    [['live patching'], ['live'], false],
  ])('%j -> %j: %j', (previous, next, expected) => {
    expect(isRefinement(previous, next)).toBe(expected);
  });
});

describe('matchRanges', () => {
  it.each([
    ['Kernel live patching', ['live'], [[7, 11]]],
    [
      'Kernel live patching',
      ['KERNEL'.toLowerCase(), 'patch'],
      [
        [0, 6],
        [12, 17],
      ],
    ],
    ['aaaa', ['aa'], [[0, 4]]],
    ['abcdef', ['abc', 'cde'], [[0, 5]]],
    ['abcdef', ['abc', 'def'], [[0, 6]]],
    ['nothing here', ['zzz'], []],
    ['', ['a'], []],
    ['text', [], []],
  ])('%j with %j', (text, terms, expected) => {
    expect(matchRanges(text, terms)).toEqual(expected);
  });

  it('maps offsets back when lowercasing changes the length of a character', () => {
    // "İ" lowercases to two code units; the match after it must still land on "stanbul".
    const text = 'İstanbul talk';
    const [range] = matchRanges(text, ['talk']);
    expect(text.slice(range![0], range![1])).toBe('talk');
    const [city] = matchRanges(text, ['stanbul']);
    expect(text.slice(city![0], city![1])).toBe('stanbul');
  });
});

describe('markSegments', () => {
  it('splits text into plain and marked pieces', () => {
    expect(markSegments('Rust in the Linux kernel', ['rust', 'kernel'])).toEqual([
      { text: 'Rust', match: true },
      { text: ' in the Linux ', match: false },
      { text: 'kernel', match: true },
    ]);
  });

  it('keeps markup-looking text as text', () => {
    expect(markSegments('<img src=x onerror=alert(1)> img', ['img'])).toEqual([
      { text: '<', match: false },
      { text: 'img', match: true },
      { text: ' src=x onerror=alert(1)> ', match: false },
      { text: 'img', match: true },
    ]);
  });

  it('gives the text back and marks exactly the occurrences of the terms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', ' ', 'é', 'É') }),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), minLength: 1, maxLength: 3 }), {
          maxLength: 3,
        }),
        (text, terms) => {
          const segments = markSegments(text, terms);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          const marked = new Array<boolean>(text.length).fill(false);
          let at = 0;
          for (const s of segments) {
            for (let i = 0; i < s.text.length; i++) marked[at + i] = s.match;
            at += s.text.length;
          }
          const covered = new Array<boolean>(text.length).fill(false);
          const lower = foldCase(text);
          for (const term of terms) {
            for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + 1)) {
              for (let k = i; k < i + term.length; k++) covered[k] = true;
            }
          }
          expect(marked).toEqual(covered);
        },
      ),
    );
  });
});
