// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceFinder, scanOccurrences } from '@/core/anchoring/occurrences';
import { QGramFilter } from '@/core/anchoring/qgram-filter';

describe('scanOccurrences', () => {
  it('lists every start, overlapping ones too', () => {
    expect(scanOccurrences('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(scanOccurrences('kernel live patch', 'kpatch')).toEqual([]);
  });
});

describe('OccurrenceFinder', () => {
  it('finds what a scan finds, before and after it builds its index (property)', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'é');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 0, maxLength: 300 }),
        fc.array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }),
        (text, needles) => {
          const finder = new OccurrenceFinder(text);
          // Twenty lookups: the first few scan, the rest go through the index.
          for (const needle of needles)
            expect(finder.occurrences(needle)).toEqual(scanOccurrences(text, needle));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers from the q-gram index once it has scanned a few times', () => {
    const text = 'the talk covered live patching, and the talk after it covered tracing. '.repeat(50);
    const finder = new OccurrenceFinder(text);
    const lookups = Array.from({ length: 12 }, () => finder.occurrences('the talk after it'));
    expect(lookups.every((found) => found.length === 50)).toBe(true);
    expect(finder.filter().occurrences('the talk after it')).toEqual(lookups[0]);
    expect(new QGramFilter(text).occurrences('th')).toBeNull();
  });
});
