/**
 * Text search primitives for the library: parsing what the reader types into terms, and finding
 * where those terms occur so they can be marked. Matching is a case-insensitive substring match
 * (every term must occur somewhere), which a plain scan over precomputed lowercase text answers
 * fast enough for tens of thousands of highlights.
 */

/** At most this many terms count: the library search keeps one bit per term. */
export const MAX_TERMS = 30;

/** Lowercases text for matching; haystacks and terms must both go through this. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/**
 * Splits a query into lowercase terms: words, or phrases in double quotes (`"live patching"`).
 * Duplicates are dropped; an unclosed quote runs to the end of the query.
 */
export function parseQuery(input: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const raw = match[1] ?? match[2] ?? '';
    const term = foldCase(raw.trim().replace(/\s+/g, ' '));
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** True when every term occurs in the (already lowercased) haystack. */
export function containsAll(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

/**
 * True when the results of `next` are a subset of the results of `previous`: every previous term
 * is part of some next term. Typing on extends a term, so a search can then scan only the
 * previous results instead of the whole library.
 */
export function isRefinement(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((old) => next.some((term) => term.includes(old)));
}

/** A half-open range `[start, end)` of UTF-16 offsets. */
export type TextRange = readonly [start: number, end: number];

/**
 * Lowercases `text` and maps each offset of the result back to an offset in `text`; the map is
 * null when lowercasing kept every offset (the common case: no character changed length).
 */
function foldWithOffsets(text: string): { folded: string; toOriginal: number[] | null } {
  const folded = foldCase(text);
  if (folded.length === text.length) return { folded, toOriginal: null };
  const toOriginal: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const lower = foldCase(char);
    for (let k = 0; k < lower.length; k++) toOriginal.push(i);
    out += lower;
    i += char.length;
  }
  toOriginal.push(text.length);
  return { folded: out, toOriginal };
}

/** Where the terms occur in `text`: sorted, merged (overlapping or touching) ranges. */
export function matchRanges(text: string, terms: readonly string[]): TextRange[] {
  if (!text || terms.length === 0) return [];
  const { folded, toOriginal } = foldWithOffsets(text);
  const found: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      found.push([at, at + term.length]);
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [found[0]!];
  for (const range of found) {
    const last = merged[merged.length - 1]!;
    if (range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  if (!toOriginal) return merged;
  return merged.map(([start, end]) => [toOriginal[start]!, toOriginal[end]!] as const);
}

/** A piece of text, marked when it is (part of) a match. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into plain and matching segments, in order; joined they give `text` back.
 * Render them as text nodes (and `<mark>`): never as HTML, the text comes from web pages.
 */
export function markSegments(text: string, terms: readonly string[]): TextSegment[] {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return text ? [{ text, match: false }] : [];
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    if (end > start) segments.push({ text: text.slice(start, end), match: true });
    at = Math.max(at, end);
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
