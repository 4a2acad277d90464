import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QGramFilter } from '@/core/anchoring/qgram-filter';
import {
  anchoredDistance,
  contextAgreement,
  matchQuote,
  maxErrorsFor,
  SHORT_QUOTE_LENGTH,
} from '@/core/anchoring/match-quote';

const filler = (seed: number, words: number) => {
  // Deterministic, varied filler text that never contains the quotes below.
  const vocabulary = [
    'lorem',
    'ipsum',
    'dolor',
    'sit',
    'amet',
    'magna',
    'quis',
    'nostrud',
    'tempor',
    'velit',
  ];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return `${out.join(' ')} `;
};

describe('maxErrorsFor', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [49, 9],
    [50, 10],
    [1000, 200],
  ])('%i characters allow %i errors', (length, errors) => {
    expect(maxErrorsFor(length)).toBe(errors);
  });
});

describe('anchoredDistance', () => {
  it.each([
    ['abc', 'abc', false, 0],
    ['abc', 'abcdef', false, 0],
    ['abc', 'xabc', false, 1],
    ['abc', 'xyzabc', true, 0],
    ['abc', 'abcx', true, 1],
    ['abc', '', false, 3],
    ['', 'anything', false, 0],
    ['kitten', 'sitting', false, 2],
  ])('%j against %j (fromEnd %s) = %i', (pattern, text, fromEnd, expected) => {
    expect(anchoredDistance(pattern, text, fromEnd)).toBe(expected);
  });
});

describe('contextAgreement', () => {
  it('scores each side between 0 and 1 and leaves missing sides undefined', () => {
    const text = 'the prefix here QUOTE and suffix there';
    const start = text.indexOf('QUOTE');
    expect(contextAgreement(text, start, start + 5, 'prefix here ', ' and suffix')).toEqual({
      prefix: 1,
      suffix: 1,
    });
    expect(contextAgreement(text, start, start + 5, 'XXXXXX', undefined)).toEqual({
      prefix: expect.any(Number),
      suffix: undefined,
    });
    expect(contextAgreement(text, start, start + 5, 'XXXXXX', undefined).prefix).toBeLessThan(0.5);
  });
});

describe('matchQuote', () => {
  const quote = 'The speakers also talked about embracing the fear of children.';

  it('finds an exact quote with no errors', () => {
    const text = `${filler(1, 200)}${quote}${filler(2, 200)}`;
    expect(matchQuote(text, quote)).toMatchObject({ start: text.indexOf(quote), errors: 0 });
  });

  it.each([
    ['a typo', 'The speakers also talkd about embracing the fear of children.', 1],
    ['a changed word', 'The speakers also spoke about embracing the fear of children.', 5],
    ['two edits', 'The speaker also talked about embracing the fears of children!', 3],
  ])('finds the quote after %s', (_name, edited, errors) => {
    const text = `${filler(3, 300)}${edited}${filler(4, 300)}`;
    const match = matchQuote(text, quote);
    expect(match).toMatchObject({ start: text.indexOf(edited), end: text.indexOf(edited) + edited.length });
    expect(match!.errors).toBeLessThanOrEqual(errors);
  });

  it('accepts exactly 20% of the quote changed and rejects more', () => {
    const base = 'abcdefghijklmnopqrstuvwxy'; // 25 characters: 5 errors allowed
    const fiveChanged = `ABCDE${base.slice(5)}`;
    const sixChanged = `ABCDEF${base.slice(6)}`;
    expect(matchQuote(`0123 ${fiveChanged} 4567`, base)).toMatchObject({ errors: 5 });
    expect(matchQuote(`0123 ${sixChanged} 4567`, base)).toBeNull();
  });

  it('rejects a deleted passage instead of drawing it somewhere else', () => {
    const text = `${filler(5, 2000)}`;
    expect(matchQuote(text, quote, { hint: 400 })).toBeNull();
  });

  it('uses prefix and suffix to choose between equally close copies', () => {
    const copy = 'The speakers also talked about embracing the fear of kids.';
    const text = `alpha context ${copy} omega context. ${filler(6, 50)}beta context ${copy} gamma context.`;
    const second = text.lastIndexOf(copy);
    expect(matchQuote(text, quote, { prefix: 'beta context ', suffix: ' gamma context.' })?.start).toBe(
      second,
    );
    expect(matchQuote(text, quote, { prefix: 'alpha context ', suffix: ' omega context.' })?.start).toBe(
      text.indexOf(copy),
    );
  });

  it('uses the hint to choose between copies with the same context', () => {
    const copy = `${quote} `;
    const text = `${copy}${filler(7, 50)}${copy}${filler(8, 50)}${copy}`;
    const third = text.lastIndexOf(copy);
    expect(matchQuote(text, quote, { hint: third - 30 })?.start).toBe(third);
    expect(matchQuote(text, quote, { hint: 0 })?.start).toBe(0);
  });

  it('searches the window around the hint first and keeps a good match there', () => {
    // A copy with 2 errors near the hint, one with 1 error far away: the local one wins because its
    // context agrees and the window is searched first.
    const near = 'The speakers also talked abut embracing the fear of childrn.';
    const far = 'The speakers also talked about embracing the fear of childrn.';
    const text = `${filler(9, 100)}P1 ${near} S1 ${filler(10, 3000)}P2 ${far} S2`;
    const match = matchQuote(text, quote, { prefix: 'P1 ', suffix: ' S1', hint: text.indexOf(near) });
    expect(match?.start).toBe(text.indexOf(near));
  });

  it('finds the quote outside the window when the window has nothing', () => {
    const text = `${filler(11, 3000)}${quote}`;
    expect(matchQuote(text, quote, { hint: 0 })?.start).toBe(text.indexOf(quote));
  });

  it('only matches a short quote fuzzily when its context agrees', () => {
    const short = 'embracing fear';
    expect(short.length).toBeLessThan(SHORT_QUOTE_LENGTH);
    const text = `${filler(12, 100)}talked about embracng fear of kids ${filler(13, 100)}`;
    expect(matchQuote(text, short, { prefix: 'talked about ', suffix: ' of kids' })).not.toBeNull();
    expect(matchQuote(text, short, { prefix: 'zzzzzzzzzzzz ', suffix: ' qqqqqqqq' })).toBeNull();
  });

  it('does not take a look-alike with many errors when neither side of the context agrees', () => {
    // A list of numbered items: "Session 30" is not loaded yet, "Session 3" looks like it.
    const quote = 'In session three zero, note two:';
    const prefix = 'talked about children and their fear of audiences. ';
    const suffix = ' Containers do not hide the underlying hardware';
    const text = `Nothing at all like the original before. In session three, note two: Siemens relies on Fossology for compliance.`;
    expect(maxErrorsFor(quote.length)).toBeGreaterThanOrEqual(6);
    expect(matchQuote(text, quote, { prefix, suffix })).toBeNull();
    // The same look-alike is accepted when the surroundings agree (the passage was edited in place)...
    expect(
      matchQuote(`${prefix}In session three, note two:${suffix}`, quote, { prefix, suffix }),
    ).not.toBeNull();
    // ...and a lightly edited passage is accepted even where its surroundings changed too.
    expect(matchQuote(text.replace('three,', 'three zer,'), quote, { prefix, suffix })).not.toBeNull();
  });

  it('returns null for an empty quote or text', () => {
    expect(matchQuote('', quote)).toBeNull();
    expect(matchQuote('some text', '')).toBeNull();
  });

  it('finds any quote edited within half the error budget (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'd', 'e', ' ');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 20, maxLength: 300 }),
        fc.string({ unit, minLength: 10, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'x', '')), { maxLength: 6 }),
        fc.nat(),
        (text, original, edits, at) => {
          let edited = original;
          const allowed = Math.floor(maxErrorsFor(original.length) / 2);
          for (const [position, replacement] of edits.slice(0, allowed)) {
            const i = position % edited.length;
            edited = edited.slice(0, i) + replacement + edited.slice(i + 1);
          }
          const insertAt = at % (text.length + 1);
          const haystack = text.slice(0, insertAt) + edited + text.slice(insertAt);
          const match = matchQuote(haystack, original, { hint: insertAt });
          expect(match).not.toBeNull();
          expect(match!.errors).toBeLessThanOrEqual(Math.min(allowed, edits.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers the same with a q-gram filter as without it, window skipped or not', () => {
    const html = readFileSync(join(__dirname, '../../../fixtures/pages/conference-h3.html'), 'utf8');
    const paragraphs = [...html.matchAll(/<p>([^<]{150,})<\/p>/g)].map((m) => m[1]!);
    const page = paragraphs.join(' ');
    expect(page.length).toBeGreaterThan(6000); // Longer than a window: the whole-page search runs too.
    const filter = new QGramFilter(page);
    let placed = 0;
    for (const paragraph of paragraphs.slice(0, 12)) {
      const quote = paragraph.slice(20, 140);
      const at = page.indexOf(quote);
      const context = { prefix: page.slice(at - 20, at), suffix: page.slice(at + 120, at + 140), hint: at };
      // Edited in place (every 13th letter changed), moved far from its hint, and deleted.
      const edited = [...quote].map((c, i) => (i % 13 === 4 ? 'x' : c)).join('');
      const editedPage = page.replace(quote, edited);
      const movedPage = `${page.replace(quote, '')} ${edited}`;
      const deletedPage = page.replace(paragraph, '');
      for (const text of [editedPage, movedPage, deletedPage]) {
        const withFilter = matchQuote(text, quote, context, new QGramFilter(text));
        expect(withFilter).toEqual(matchQuote(text, quote, context));
        if (withFilter) placed++;
      }
      expect(matchQuote(page, quote, context, filter)).toEqual(matchQuote(page, quote, context));
    }
    expect(placed).toBe(24); // Edited and moved ones placed; deleted ones not.
  });
});
