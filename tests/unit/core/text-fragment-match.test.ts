import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RenderedText } from '@/core/rendered-text';
import { normalizeTerm, SearchablePage } from '@/core/text-fragment-match';

/** A page of the given blocks (the searchable page reads only the blocks). */
function pageOf(blocks: string[]): SearchablePage {
  const rendered: RenderedText = { blocks, pointOf: () => null, offsetOf: () => 0 };
  return new SearchablePage(rendered);
}

/**
 * The reference: each block normalized character by character (NFKD, marks removed, lower case, white
 * space collapsed) and segmented whole into words, as the matcher did before it segmented around the
 * positions asked about and read ASCII without regular expressions.
 */
function reference(raw: string): { text: string; positions: number[]; boundaries: boolean[] } {
  const positions: number[] = [];
  let text = '';
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; ) {
    positions[i] = text.length;
    const char = String.fromCodePoint(raw.codePointAt(i)!);
    if (char.length === 2) positions[i + 1] = text.length;
    i += char.length;
    if (/\s/.test(char)) {
      if (!lastWasSpace) text += ' ';
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    text += normalizeTerm(char);
  }
  positions[raw.length] = text.length;
  const boundaries = new Array<boolean>(text.length + 1).fill(true);
  for (const s of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if (s.isWordLike) for (let i = s.index + 1; i < s.index + s.segment.length; i++) boundaries[i] = false;
  }
  return { text, positions, boundaries };
}

/** Pieces of text in many scripts and of the kinds word-break rules treat apart. */
const PIECES = [
  'Hello',
  'WORLD',
  'ZAP@az',
  "can't",
  'e.g.',
  '3.14',
  '1,000',
  'naïve',
  'nai\u0308ve',
  'x\u0301',
  'ﬁne',
  '①②',
  'x²',
  'Ⅻ',
  '¨',
  'İstanbul',
  'Straße',
  'ǅemal',
  'ภาษาไทย',
  'สวัสดีครับ',
  '日本語のテキスト',
  '中文文本',
  'カタカナ',
  '한국어',
  'Привет',
  'שלום',
  'מה"ב',
  'مرحبا',
  'नमस्ते',
  '👩\u200d👩\u200d👧',
  '🇩🇪🇫🇷',
  '\u00ad',
  '\u200d',
  '\u200b',
  '\u2060',
  '_snake_',
  'a1b2',
  '@',
  '#',
  '-',
  '—',
  "'",
  '.',
  ',',
  ':',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r',
  '\v',
  '\f',
  '\x01',
  'Q~`|{}[]\x7f',
  '\u00a0',
  '\u3000',
];
const block = fc
  .array(
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.constantFrom(' ', ' ', '') },
    ),
    { maxLength: 400, size: 'max' },
  )
  .map((parts) => parts.join(''));

describe('SearchablePage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('normalizes and finds word boundaries as whole-block normalization and segmentation do', () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (blocks, order) => {
          const page = pageOf(blocks);
          blocks.forEach((raw, b) => {
            const expected = reference(raw);
            const base = page.position(b, 0);
            const positions = Array.from({ length: raw.length + 1 }, (_, i) => page.position(b, i) - base);
            expect(positions).toEqual(expected.positions);
            expect(page.text.slice(base, base + expected.text.length)).toBe(expected.text);
            // Asked in a random order, so the neighbourhoods segmented overlap every which way.
            const asked = expected.boundaries.map((_, i) => i);
            for (let i = asked.length - 1; i > 0; i--) {
              const j = order.next().value % (i + 1);
              [asked[i], asked[j]] = [asked[j]!, asked[i]!];
            }
            const found = new Array<boolean>(asked.length);
            for (const i of asked) found[i] = page.isBoundary(base + i);
            expect(found).toEqual(expected.boundaries);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('segments only the neighbourhood of a position asked about in a long block', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
    const page = pageOf([long]);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const at = page.text.indexOf('word2500');
    expect([page.isBoundary(at), page.isBoundary(at + 2)]).toEqual([true, false]);
    const segmented = segment.mock.calls.map(([text]) => text.length);
    expect(segmented.length).toBeGreaterThan(0);
    expect(Math.max(...segmented)).toBeLessThan(400);
  });
});
