/**
 * Letters in the spelling that comparisons of what people type use: lower case, compatibility
 * forms unified (NFKC: full-width "Ａ" -> "a", "ﬁ" -> "fi"), Latin accents dropped ("é" -> "e"),
 * and the Latin letters that have no accent to drop spelled out ("ß" -> "ss", "ø" -> "o").
 * Only Latin letters lose their marks: a Japanese voicing mark (が) or a Cyrillic breve (й) is part
 * of the letter, and dropping it would make another word (ё, mostly written е, is the exception).
 */

const LETTER_MAP: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ё: 'е', // Russian writes ё as е more often than not
};

/** True for text that is all ASCII, which folding only lowercases (the common case, kept fast). */
export function isAscii(text: string): boolean {
  return /^\p{ASCII}*$/u.test(text);
}

/** `text` with its letters folded as a whole (the string form; see foldLetterByLetter for offsets). */
export function foldLetters(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđðłþıё]/g, (c) => LETTER_MAP[c] ?? c);
}

const foldedCodePoints = new Map<string, string>();
const LATIN = /\p{Script=Latin}/u;
const MARK = /\p{M}/u;

/**
 * Folds `text` one code point at a time, as foldLetters does (a combining mark after a Latin
 * letter is dropped too, for text written decomposed), and calls `emit(folded, sourceIndex)` for
 * each, so a caller can map positions in the folded text back to `text`. Each code point's fold
 * is computed once and remembered: search folds tens of thousands of highlights.
 */
export function foldLetterByLetter(text: string, emit: (folded: string, sourceIndex: number) => void): void {
  let afterLatin = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const char = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
    if (code < 0x80) {
      emit(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char, i);
      afterLatin = (code | 32) >= 97 && (code | 32) <= 122;
    } else if (afterLatin && MARK.test(char)) {
      emit('', i); // the accent of the Latin letter before it
    } else {
      let folded = foldedCodePoints.get(char);
      if (folded === undefined) {
        folded = foldLetters(char);
        if (foldedCodePoints.size < 10_000) foldedCodePoints.set(char, folded);
      }
      emit(folded, i);
      afterLatin = LATIN.test(char);
    }
    i += char.length;
  }
}
