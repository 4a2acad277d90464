import { describe, expect, it } from 'vitest';
import { cleanText, truncate } from '@/core/text';

describe('cleanText', () => {
  it.each([
    ['  two\n\twords  ', 'two words'],
    ['non\u00a0breaking\u200bzero width', 'non breaking zero width'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a longer title', 8, 'a longe…'],
    // A cut that lands after a space does not leave it before the ellipsis.
    ['two words', 5, 'two…'],
  ])('%j to %i -> %j', (input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
    expect(truncate(input, max).length).toBeLessThanOrEqual(max);
  });
});
