import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxErrorsFor } from '@/core/anchoring/match-quote';
import { QGramFilter } from '@/core/anchoring/qgram-filter';

const WORDS =
  'kernel patch live ftrace kgraft kpatch redirect function module lazy migration consistency'.split(' ');

/** Prose-like text from a seeded word list. */
const proseArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 200, maxLength: 600 })
  .map((w) => w.join(' '));

/** Text over a three-letter alphabet: every trigram repeats, so the per-window caps are what count. */
const repetitiveArb = fc
  .array(fc.constantFrom('a', 'b', ' '), { minLength: 100, maxLength: 400 })
  .map((c) => c.join(''));

/** Up to `k` single-character edits (insert, delete, substitute) of `s`. */
function edit(s: string, edits: { kind: number; at: number; ch: string }[]): string {
  let out = s;
  for (const { kind, at, ch } of edits) {
    const i = at % Math.max(1, out.length);
    if (kind === 0) out = out.slice(0, i) + ch + out.slice(i);
    else if (kind === 1) out = out.slice(0, i) + out.slice(i + 1);
    else out = out.slice(0, i) + ch + out.slice(i + 1);
  }
  return out;
}

describe('QGramFilter', () => {
  it('never rules out the region holding a quote edited within the error limit', () => {
    fc.assert(
      fc.property(
        proseArb,
        fc.nat(),
        fc.integer({ min: 24, max: 160 }),
        fc.array(
          fc.record({
            kind: fc.integer({ min: 0, max: 2 }),
            at: fc.nat(),
            ch: fc.constantFrom('x', 'q', ' '),
          }),
          {
            maxLength: 40,
          },
        ),
        (text, startSeed, length, edits) => {
          const start = startSeed % Math.max(1, text.length - length);
          const original = text.slice(start, start + length);
          const k = maxErrorsFor(original.length);
          // The page changed the passage by at most k edits; the stored quote is the original.
          const changed = edit(original, edits.slice(0, k));
          const page = text.slice(0, start) + changed + text.slice(start + length);
          const regions = new QGramFilter(page).regions(original, k);
          if (regions === null) return;
          const end = start + changed.length;
          expect(regions.some(([from, to]) => from <= start && end <= to)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never rules out an edited occurrence on repetitive text, nor one inside a window given', () => {
    fc.assert(
      fc.property(
        fc.oneof(proseArb, repetitiveArb),
        fc.nat(),
        fc.integer({ min: 12, max: 120 }),
        fc.array(
          fc.record({
            kind: fc.integer({ min: 0, max: 2 }),
            at: fc.nat(),
            ch: fc.constantFrom('a', 'x', ' '),
          }),
          { maxLength: 30 },
        ),
        fc.nat(),
        fc.nat(),
        (text, startSeed, length, edits, before, after) => {
          const start = startSeed % Math.max(1, text.length - length);
          const original = text.slice(start, start + length);
          const k = maxErrorsFor(original.length);
          const changed = edit(original, edits.slice(0, k));
          const page = text.slice(0, start) + changed + text.slice(start + length);
          const end = start + changed.length;
          const filter = new QGramFilter(page);
          const holds = (regions: [number, number][] | null) =>
            regions === null || regions.some(([from, to]) => from <= start && end <= to);
          expect(holds(filter.regions(original, k))).toBe(true);
          // A window around the occurrence, reaching up to 300 characters beyond it on either side.
          const window: [number, number] = [Math.max(0, start - (before % 300)), end + (after % 300)];
          const inWindow = filter.regions(original, k, window);
          expect(holds(inWindow)).toBe(true);
          for (const [from, to] of inWindow ?? []) {
            expect(from).toBeGreaterThanOrEqual(window[0]);
            expect(to).toBeLessThanOrEqual(Math.min(page.length, window[1]));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('proves a window free of a passage that is elsewhere on the page', () => {
    const page = Array.from({ length: 400 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
    const quote = 'Overall Open Source Summit was a great chance to meet people from many communities.';
    const withQuote = `${page} ${quote} ${page}`;
    const filter = new QGramFilter(withQuote);
    const k = maxErrorsFor(quote.length);
    expect(filter.regions(quote, k, [0, page.length])).toEqual([]);
    const at = withQuote.indexOf(quote);
    const regions = filter.regions(quote, k)!;
    expect(regions.some(([from, to]) => from <= at && at + quote.length <= to)).toBe(true);
  });

  it('keeps nothing of a long page that does not contain the passage', () => {
    const page = Array.from({ length: 400 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
    const quote = 'Overall Open Source Summit was a great chance to meet people from many communities.';
    expect(new QGramFilter(page).regions(quote, maxErrorsFor(quote.length))).toEqual([]);
  });

  it('rules out most of an English page for a deleted paragraph (common trigrams count only as often as in the quote)', () => {
    const html = readFileSync(join(__dirname, '../../../fixtures/pages/conference-h3.html'), 'utf8');
    const paragraphs = [...html.matchAll(/<p>([^<]{150,})<\/p>/g)].map((m) => m[1]!);
    const text = paragraphs.join(' ');
    expect(paragraphs.length).toBeGreaterThanOrEqual(10);
    const kept = paragraphs.slice(0, 10).map((paragraph) => {
      const quote = paragraph.slice(0, 150);
      const page = text.replace(paragraph, '');
      const regions = new QGramFilter(page).regions(quote, maxErrorsFor(quote.length))!;
      return regions.reduce((n, [from, to]) => n + to - from, 0) / page.length;
    });
    const median = [...kept].sort((a, b) => a - b)[Math.floor(kept.length / 2)]!;
    // Counting every occurrence of " th", "he ", "ion"... kept 65% of this page (median); now under 20%.
    expect(median).toBeLessThan(0.3);
  });

  it('rules out almost all of an English page for deleted passages: windows about as long as an occurrence', () => {
    const html = readFileSync(join(__dirname, '../../../fixtures/pages/conference-h3.html'), 'utf8');
    const paragraphs = [...html.matchAll(/<p>([^<]{150,})<\/p>/g)].map((m) => m[1]!);
    const text = paragraphs.join(' ');
    const kept = paragraphs.slice(0, 10).flatMap((paragraph) =>
      [40, 80, 150].map((length) => {
        const quote = paragraph.slice(0, length);
        const page = text.replace(paragraph, '');
        const regions = new QGramFilter(page).regions(quote, maxErrorsFor(quote.length))!;
        return regions.reduce((n, [from, to]) => n + to - from, 0) / page.length;
      }),
    );
    const total = kept.reduce((a, b) => a + b, 0) / kept.length;
    // Two blocks of a whole occurrence span each, capped per block, kept 12% of the benchmark's page
    // for its deleted passages; windows of nine eighths of the span, capped per window, keep under 1%.
    expect(total).toBeLessThan(0.02);
  });

  it('declines to filter quotes too short for the lemma', () => {
    expect(new QGramFilter('kernel live patching').regions('kpatch', 2)).toBeNull();
  });
});
