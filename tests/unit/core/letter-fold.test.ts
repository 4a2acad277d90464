// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLetterByLetter, foldLetters } from '@/core/letter-fold';

const byLetter = (text: string) => {
  let out = '';
  const from: number[] = [];
  foldLetterByLetter(text, (letter, at) => {
    out += letter;
    from.push(at);
  });
  return { out, from };
};

describe('foldLetters', () => {
  it.each([
    ['Größenwahn', 'grossenwahn'],
    ['Überdimensionieren', 'uberdimensionieren'],
    ['Crème Brûlée', 'creme brulee'],
    ['Łódź', 'lodz'],
    ['Ærøskøbing', 'aeroskobing'],
    ['ＡＢＣ１２３', 'abc123'],
    ['ﬁle', 'file'],
    ['がっこう', 'がっこう'],
    ['Йод', 'йод'],
    ['Пётр', 'петр'],
    ['İstanbul', 'istanbul'],
    ['한국어', '한국어'],
    ['plain ASCII', 'plain ascii'],
  ])('%j -> %j', (text, folded) => {
    expect(foldLetters(text)).toBe(folded);
  });
});

describe('foldLetterByLetter', () => {
  const letters = fc.constantFrom(
    ...'aZ ßẞéÉèüÜöñçåøæœłđþıİ',
    'e\u0301',
    'u\u0308',
    ...'がカｶ한йёЁ鈴', // (a half-width voicing mark ﾞ, which NFKC joins to the letter before it, is the known exception)
    '\u{1f600}',
    'Ａ',
    'ﬁ',
  );

  it('gives what foldLetters gives for the whole text, for text in its usual (NFC) form', () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 12 }), (parts) => {
        const text = parts.join('').normalize('NFC');
        expect(byLetter(text).out).toBe(foldLetters(text));
      }),
    );
  });

  it('says for every folded unit which source position it came from, in order', () => {
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const { from } = byLetter(text);
        for (let i = 1; i < from.length; i++) expect(from[i]!).toBeGreaterThanOrEqual(from[i - 1]!);
        for (const at of from) expect(at).toBeLessThan(text.length);
      }),
    );
  });

  it('drops the accent of a decomposed Latin letter, not a mark after other scripts', () => {
    expect(byLetter('Cafe\u0301').out).toBe('cafe');
    expect(byLetter('か\u3099').out).toBe('か\u3099');
  });
});
