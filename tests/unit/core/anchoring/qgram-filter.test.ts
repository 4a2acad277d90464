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

  it('declines to filter quotes too short for the lemma', () => {
    expect(new QGramFilter('kernel live patching').regions('kpatch', 2)).toBeNull();
  });
});
