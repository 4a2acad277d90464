// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTag, normalizeTags, parseTagInput } from '@/core/tags';

describe('normalizeTag', () => {
  it.each([
    ['  kernel  ', 'kernel'],
    ['#testing', 'testing'],
    ['open  source', 'open source'],
    ['conf / oss-summit /', 'conf/oss-summit'],
    ['a//b', 'a/b'],
    ['   ', null],
    ['/', null],
    ['/#a', 'a'],
    ['# #b', 'b'],
    [`${'x'.repeat(199)} y`, 'x'.repeat(199)],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeTag(input)).toBe(expected);
  });
});

describe('normalizeTags', () => {
  it('merges case-insensitive duplicates, keeping the first spelling', () => {
    expect(normalizeTags(['Kernel', 'kernel', ' KERNEL ', 'rust'])).toEqual(['Kernel', 'rust']);
  });

  it('parses comma-separated input', () => {
    expect(parseTagInput('talks/keynote, Linux,, linux ,')).toEqual(['talks/keynote', 'Linux']);
  });

  it('is idempotent and never yields empty or case-duplicate tags', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.stringMatching(/^[#/ \ta-zA-Z]{0,12}$/))), (inputs) => {
        const once = normalizeTags(inputs);
        expect(normalizeTags(once)).toEqual(once);
        expect(once.every((t) => t.length > 0 && t === t.trim())).toBe(true);
        expect(new Set(once.map((t) => t.toLowerCase())).size).toBe(once.length);
      }),
    );
  });
});
