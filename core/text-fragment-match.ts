/**
 * Where a text directive lands on a page: the WICG "find a range from a text directive" algorithm, run
 * over rendered blocks (core/rendered-text.ts) the way the text-fragments polyfill runs it. The link
 * builder (core/text-fragment-generate.ts) uses it to check, before it hands out a link, that the link
 * lands on the passage and nowhere else.
 *
 * Matching, as the polyfill does it (Chromium's is the same or stricter, so a directive that lands once
 * here lands once there):
 * - text is compared after NFKD decomposition, with combining marks removed, whitespace collapsed and
 *   case folded; a term never spans two blocks;
 * - a term must begin and end at word boundaries (Intl word segmentation of the block), except where a
 *   search begins: the polyfill cuts the block's text there, so that point counts as a boundary;
 * - only whitespace (and block boundaries) may separate the prefix from the start and the end from the
 *   suffix.
 */
import type { RenderedText } from './rendered-text';
import type { TextDirective } from './text-fragment';

/** Separates blocks in the searched text: never part of a term, so no match crosses it. */
const BLOCK_SEPARATOR = '\u0000';
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Where word segmentation may start or stop inside a block (see {@link isCut}). */
const CUT_AFTER_SPACE = /[\p{L}\p{N}]/u;
/** Characters segmented at least on either side of a position asked about (then up to the next cuts). */
const SEGMENT_REACH = 128;
/** Word-boundary flags of a block position: not segmented yet, a boundary, inside a word. */
const UNKNOWN = 0;
const BOUNDARY = 1;
const INSIDE_WORD = 2;

/** A term as the polyfill compares it. */
export function normalizeTerm(text: string): string {
  return text.normalize('NFKD').replace(/\s+/g, ' ').replace(COMBINING_MARKS, '').toLowerCase();
}

/** A span of the searched text (start inclusive, end exclusive). */
export interface MatchSpan {
  start: number;
  end: number;
}

/** The rendered page prepared for searching: all blocks normalized into one string. */
export class SearchablePage {
  /** The normalized blocks, each followed by {@link BLOCK_SEPARATOR}. */
  readonly text: string;
  /** `blockStarts[b]` is where block b begins in `text`. */
  private readonly blockStarts: Int32Array;
  /** Per block: raw offset -> offset in `text` (length + 1 entries). */
  private readonly maps: Int32Array[];
  /**
   * Per block, filled around each position asked about (a long block is never segmented whole for one
   * question): {@link BOUNDARY} where a term may begin or end, {@link INSIDE_WORD}, or {@link UNKNOWN}.
   */
  private readonly boundaries: (Uint8Array | undefined)[];
  private segmenter: Intl.Segmenter | undefined;

  constructor(readonly rendered: RenderedText) {
    const parts: string[] = [];
    const starts = new Int32Array(rendered.blocks.length + 1);
    this.maps = [];
    let length = 0;
    rendered.blocks.forEach((raw, b) => {
      starts[b] = length;
      const { text, map } = normalizeWithMap(raw, length);
      this.maps.push(map);
      parts.push(text, BLOCK_SEPARATOR);
      length += text.length + 1;
    });
    starts[rendered.blocks.length] = length;
    this.text = parts.join('');
    this.blockStarts = starts;
    this.boundaries = new Array(rendered.blocks.length);
  }

  /** Position in {@link text} of a raw offset in block `block`. */
  position(block: number, rawOffset: number): number {
    const map = this.maps[block]!;
    return map[Math.max(0, Math.min(rawOffset, map.length - 1))]!;
  }

  /** The block holding position `at` of {@link text}. */
  blockAt(at: number): number {
    let lo = 0;
    let hi = this.blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blockStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first position at or after `at` that is not whitespace or a block boundary. */
  skipSpace(at: number): number {
    const { text } = this;
    while (at < text.length && (text[at] === ' ' || text[at] === BLOCK_SEPARATOR)) at++;
    return at;
  }

  /** The position just after the last character before `at` that is not whitespace or a boundary. */
  skipSpaceBack(at: number): number {
    const { text } = this;
    while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === BLOCK_SEPARATOR)) at--;
    return at;
  }

  /** Whether a term may begin or end at `at` (a word boundary of its block). */
  isBoundary(at: number): boolean {
    const block = this.blockAt(at);
    const start = this.blockStarts[block]!;
    let flags = this.boundaries[block];
    if (!flags) {
      flags = new Uint8Array(this.blockStarts[block + 1]! - start);
      this.boundaries[block] = flags;
    }
    const offset = at - start;
    if (flags[offset] === UNKNOWN) this.segmentAround(start, flags, offset);
    return flags[offset] === BOUNDARY;
  }

  /**
   * Segments the block at `start` (its `flags` one longer than its text) from the last cut at least
   * {@link SEGMENT_REACH} characters before `offset` to the first as far after it: the words between two
   * cuts are the block's own words there (see {@link isCut}), so the flags equal whole-block segmentation.
   */
  private segmentAround(start: number, flags: Uint8Array, offset: number): void {
    const length = flags.length - 1;
    let from = Math.max(0, offset - SEGMENT_REACH);
    while (from > 0 && !isCut(this.text, start + from)) from--;
    let to = Math.min(length, offset + SEGMENT_REACH);
    while (to < length && !isCut(this.text, start + to)) to++;
    flags.fill(BOUNDARY, from, to + 1);
    this.segmenter ??= newSegmenter();
    for (const segment of this.segmenter.segment(this.text.slice(start + from, start + to))) {
      if (!segment.isWordLike) continue;
      const first = from + segment.index;
      flags.fill(INSIDE_WORD, first + 1, first + segment.segment.length);
    }
  }

  /** The first word-bounded occurrence of normalized `term` at or after `from`, or -1. */
  find(term: string, from: number): number {
    if (!term) return -1;
    for (let at = this.text.indexOf(term, from); at !== -1; at = this.text.indexOf(term, at + 1)) {
      if ((at === from || this.isBoundary(at)) && this.isBoundary(at + term.length)) return at;
    }
    return -1;
  }

  /**
   * The spans `directive` matches, in the order the algorithm finds them, at most `limit` of them: the
   * first is where a browser goes. A later match must start elsewhere (a second end for the same start
   * is the same passage read longer, and never where a browser goes).
   */
  matches(directive: TextDirective, limit = 2): MatchSpan[] {
    const prefix = directive.prefix ? normalizeTerm(directive.prefix) : '';
    const start = normalizeTerm(directive.start);
    const end = directive.end ? normalizeTerm(directive.end) : '';
    const suffix = directive.suffix ? normalizeTerm(directive.suffix) : '';
    const found: MatchSpan[] = [];
    let search = 0;
    while (search < this.text.length && found.length < limit) {
      let from: number;
      if (prefix) {
        const p = this.find(prefix, search);
        if (p === -1) break;
        search = p + 1;
        // The start must follow the prefix (a search for it further on, as the polyfill makes, finds
        // nothing that a later prefix would not find again).
        from = this.skipSpace(p + prefix.length);
        if (!this.text.startsWith(start, from) || !this.isBoundary(from + start.length)) continue;
      } else {
        from = this.find(start, search);
        if (from === -1) break;
        search = from + 1;
      }
      const startEnd = from + start.length;
      if (end) {
        const to = this.endOf(end, suffix, startEnd);
        if (to === -1) break;
        found.push({ start: from, end: to });
      } else if (suffix) {
        const check = this.checkSuffix(suffix, startEnd);
        if (check === 'none') break;
        if (check === 'here') found.push({ start: from, end: startEnd });
      } else {
        found.push({ start: from, end: startEnd });
      }
    }
    return found;
  }

  /** Where the match ends: the first end term after `from` that the suffix (if any) follows; -1 for none. */
  private endOf(end: string, suffix: string, from: number): number {
    for (let search = from; ; ) {
      const at = this.find(end, search);
      if (at === -1) return -1;
      search = at + 1;
      if (!suffix) return at + end.length;
      const check = this.checkSuffix(suffix, at + end.length);
      if (check === 'none') return -1;
      if (check === 'here') return at + end.length;
    }
  }

  private checkSuffix(suffix: string, from: number): 'here' | 'elsewhere' | 'none' {
    const after = this.skipSpace(from);
    const at = this.find(suffix, after);
    if (at === -1) return 'none';
    return at === after ? 'here' : 'elsewhere';
  }
}

function newSegmenter(): Intl.Segmenter {
  return new Intl.Segmenter(undefined, { granularity: 'word' });
}

/**
 * The normalized text of one raw block and the position of each raw offset in the searched text
 * (`base` is where the block begins there). Characters are normalized one by one so that every raw
 * offset has a position; for the text of pages this equals normalizing the whole string.
 */
function normalizeWithMap(raw: string, base: number): { text: string; map: Int32Array } {
  const map = new Int32Array(raw.length + 1);
  const out: string[] = [];
  let length = 0;
  let lastWasSpace = false;
  for (let i = 0; i < raw.length; ) {
    map[i] = base + length;
    const code = raw.charCodeAt(i);
    let space: boolean;
    let normalized = '';
    if (code < 0x80) {
      // ASCII, most of most pages: NFKD leaves it alone and lower-casing maps A-Z only, so no regular
      // expression or normalization per character (normalizeTerm gives the same).
      i++;
      space = code === 0x20 || (code >= 0x09 && code <= 0x0d);
      if (!space) normalized = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : raw[i - 1]!;
    } else {
      const width = raw.codePointAt(i)! > 0xffff ? 2 : 1;
      const char = raw.slice(i, i + width);
      if (width === 2) map[i + 1] = base + length;
      i += width;
      space = /\s/.test(char);
      if (!space) normalized = normalizeTerm(char);
    }
    if (space) {
      if (!lastWasSpace) {
        out.push(' ');
        length++;
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    out.push(normalized);
    length += normalized.length;
  }
  map[raw.length] = base + length;
  return { text: out.join(''), map };
}

/**
 * Whether a block's word segmentation may be cut at `at` of `text`: just after a space and before a
 * letter or digit. Every word-break rule (Unicode's UAX #29 and ICU's, dictionary runs of Thai or
 * Chinese included) breaks there and none looks across it (no rule reads past a space on either side),
 * so the words on each side are the same whatever lies beyond. Block ends are cuts too.
 */
function isCut(text: string, at: number): boolean {
  return text[at - 1] === ' ' && CUT_AFTER_SPACE.test(text[at]!);
}
