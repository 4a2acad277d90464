import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  edgeWords,
  encodeTextDirectiveTerm,
  formatTextDirective,
  highlightFragmentUrl,
  parseTextDirective,
  type TextDirective,
  textDirectiveFor,
  textFragmentUrl,
} from '@/core/text-fragment';

const LONG =
  'He is a really big fan of random testing and fuzzing in order to find bugs, and he said so many times over';

describe('textDirectiveFor', () => {
  it.each<[string, Parameters<typeof textDirectiveFor>[0], TextDirective | null]>([
    ['a short passage, whole', { text: 'random testing' }, { start: 'random testing' }],
    ['whitespace collapsed', { text: '  random \t testing\u00A0 ' }, { start: 'random testing' }],
    [
      'a long passage: first and last words',
      { text: LONG },
      { start: 'He is a really', end: 'so many times over' },
    ],
    [
      'paragraphs: start from the first block, end from the last',
      { text: 'First paragraph, short.\n\nA second one that ends the passage here' },
      { start: 'First paragraph, short.', end: 'ends the passage here' },
    ],
    [
      'the prefix: last words of the context, when the page is unknown',
      { text: 'random testing', context: { prefix: 'He is a really big fan of ', suffix: ' and fuzzing' } },
      { prefix: 'big fan of', start: 'random testing' },
    ],
    [
      'no prefix available: the suffix instead',
      { text: 'random testing', context: { prefix: '', suffix: ' and fuzzing in order to find' } },
      { start: 'random testing', suffix: 'and fuzzing in' },
    ],
    [
      'a context word that may be cut is not used (a context of full length)',
      {
        text: 'testing',
        context: { prefix: 'ne is a really big fan of random ', suffix: ' and fuzzing in order to find bug' },
      },
      { prefix: 'fan of random', start: 'testing' },
    ],
    [
      'a shorter context reached the page’s edge: its words are whole',
      { text: 'testing', context: { prefix: 'random ', suffix: '' } },
      { prefix: 'random', start: 'testing' },
    ],
    [
      'context only within the block next to the passage',
      { text: 'Second', context: { prefix: 'end of the first.\nTitle here\n', suffix: '' } },
      { prefix: 'Title here', start: 'Second' },
    ],
    [
      'unique on the page: no context',
      {
        text: 'random testing',
        context: { prefix: 'big fan of ', suffix: ' and fuzzing' },
        pageText: 'He is a big fan of random testing and fuzzing.',
      },
      { start: 'random testing' },
    ],
    [
      'ambiguous on the page (case ignored): prefix and suffix',
      {
        text: 'the bug',
        context: { prefix: 'then he found ', suffix: ' in the kernel' },
        pageText: 'The bug was old. Then he found the bug in the kernel.',
      },
      { prefix: 'then he found', start: 'the bug', suffix: 'in the kernel' },
    ],
    [
      'starting inside a word: the prefix anchors it',
      { text: 'zzing in order', context: { prefix: 'random testing and fu', suffix: ' to find' } },
      { prefix: 'testing and fu', start: 'zzing in order' },
    ],
    [
      'starting inside a word without usable context: the partial word is dropped',
      { text: 'zzing in order', context: { prefix: `${'x'.repeat(40)}fu`, suffix: '' } },
      { start: 'in order' },
    ],
    [
      'ending inside a word: the suffix anchors it',
      {
        text: 'in order to fi',
        context: { prefix: 'fuzzing ', suffix: 'nd bugs today' },
        pageText: 'fuzzing in order to find bugs today',
      },
      { start: 'in order to fi', suffix: 'nd bugs today' },
    ],
    [
      'words of scripts without spaces (Intl segmentation)',
      { text: '日本語のテキストを読むのが好きです。'.repeat(6) },
      { start: '日本語のテキストを', end: 'のが好きです。' },
    ],
    ['nothing visible', { text: ' \n\t ' }, null],
  ])('%s', (_, input, expected) => {
    expect(textDirectiveFor(input)).toEqual(expected);
  });
});

describe('encoding', () => {
  it.each([
    ['a-b', 'a%2Db'],
    ['a,b', 'a%2Cb'],
    ['Q&A', 'Q%26A'],
    ['50% (off)!', '50%25%20%28off%29%21'],
    ['#:~:text=x', '%23%3A~%3Atext%3Dx'],
    ['héllo wörld', 'h%C3%A9llo%20w%C3%B6rld'],
    ['lone \uD800 surrogate', 'lone%20%EF%BF%BD%20surrogate'],
  ])('%j -> %s', (term, encoded) => {
    expect(encodeTextDirectiveTerm(term)).toBe(encoded);
    expect(encoded).toMatch(/^[A-Za-z0-9%._~]*$/);
  });

  it('formats the spec syntax and parses it back', () => {
    const directive = { prefix: 'a-b', start: 'c,d', end: 'e&f', suffix: '-g' };
    const text = formatTextDirective(directive);
    expect(text).toBe('text=a%2Db-,c%2Cd,e%26f,-%2Dg');
    expect(parseTextDirective(text)).toEqual(directive);
  });

  it.each(['text=', 'text=a-', 'text=-a', 'text=a,b,c', 'text=%E0%A4%A', 'text=a,,b'])(
    'rejects malformed %j',
    (value) => {
      expect(parseTextDirective(value)).toBeNull();
    },
  );
});

describe('textFragmentUrl', () => {
  it('replaces an existing fragment', () => {
    expect(textFragmentUrl('https://a.example/p?q=1#section', { text: 'random testing' })).toBe(
      'https://a.example/p?q=1#:~:text=random%20testing',
    );
    expect(textFragmentUrl('https://a.example/p#:~:text=old', { text: '\n' })).toBe('https://a.example/p');
  });

  it('uses a highlight’s quote context, and refuses non-web URLs', () => {
    const highlight = {
      url: 'https://a.example/p',
      text: 'random testing',
      selectors: [
        { type: 'TextQuoteSelector' as const, exact: 'random testing', prefix: 'a fan of ', suffix: '' },
      ],
    };
    expect(highlightFragmentUrl(highlight)).toBe(
      'https://a.example/p#:~:text=a%20fan%20of-,random%20testing',
    );
    expect(highlightFragmentUrl({ ...highlight, url: 'javascript:alert(1)' })).toBeNull();
  });
});

describe('properties', () => {
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = fc.string({ unit: 'grapheme', maxLength: 300 });
  const wordy = fc
    .array(
      fc.oneof(fc.constantFrom(' ', '\n', ', ', '-', '&', '. '), fc.stringMatching(/^[a-zA-Zé0-9]{1,8}$/)),
      {
        maxLength: 60,
      },
    )
    .map((parts) => parts.join(''));

  it('decoding the directive gives back pieces of the passage and its context', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, wordy),
        fc.oneof(text, wordy),
        fc.oneof(text, wordy),
        (passage, prefix, suffix) => {
          const directive = textDirectiveFor({ text: passage, context: { prefix, suffix } });
          if (!directive) {
            // Nothing visible, or a lone word cut by the highlight's edge with no context to anchor it.
            const cutEdge = /[\p{L}\p{N}\p{M}]$/u.test(prefix) || /^[\p{L}\p{N}\p{M}]/u.test(suffix);
            expect(collapse(passage) === '' || cutEdge).toBe(true);
            return;
          }
          const url = textFragmentUrl('https://a.example/', { text: passage, context: { prefix, suffix } });
          const decoded = parseTextDirective(url.split('#:~:')[1]!);
          expect(decoded).toEqual(directive);
          expect(collapse(passage)).toContain(directive.start);
          if (directive.end) expect(collapse(passage)).toContain(directive.end);
          if (directive.prefix) expect(collapse(prefix)).toContain(directive.prefix);
          if (directive.suffix) expect(collapse(suffix)).toContain(directive.suffix);
          for (const term of Object.values(directive)) expect(term).toBe(collapse(term));
        },
      ),
    );
  });

  it('the fast word scanner finds the words Intl finds, on the alphabet it takes', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    const alphabet = fc.constantFrom(...'aZé0 9_.,;:\'’‘-!?"“”()—–…\u00A0\n\tÿ«'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((c) => c.join('')),
        (text) => {
          const intl = [...segmenter.segment(text)]
            .filter((s) => s.isWordLike)
            .map((s) => ({ index: s.index, end: s.index + s.segment.length }));
          expect(edgeWords(text, 1000)).toEqual(intl);
          expect(edgeWords(text, 3, true)).toEqual(intl.slice(-3));
          expect(edgeWords(text, 3)).toEqual(intl.slice(0, 3));
        },
      ),
      { numRuns: 300 },
    );
  });
});
