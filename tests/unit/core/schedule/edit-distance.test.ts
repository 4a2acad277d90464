// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '@/core/schedule/edit-distance';

/** The same distance, the textbook way (optimal string alignment), unbounded. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('boundedEditDistance', () => {
  it.each([
    ['postgres', 'postgres', 2, 0],
    ['postgres', 'postgers', 2, 1],
    ['postgres', 'postgre', 2, 1],
    ['postgres', 'pxstgrxs', 2, 2],
    ['kubernetes', 'kafka', 2, 3],
    ['', 'abc', 1, 2],
    ['rust', 'rest', 1, 1],
  ])('%s / %s (max %i): %i', (a, b, max, expected) => expect(boundedEditDistance(a, b, max)).toBe(expected));

  it('equals the unbounded distance up to the bound, and says "more" beyond it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.nat(4), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
    );
  });
});
