/**
 * Searching the library: parsing what the reader types into terms, finding the highlights where
 * every term occurs (in the highlight's text, note, tags, talk or page, a talk's and a page's own
 * note and tags included), and where the terms occur
 * in a text so they can be marked. Matching is a substring match that ignores case and Latin accents
 * ("uberdimensionieren" finds "überdimensionieren", "Grossenwahn" finds "Größenwahn"; core/letter-fold.ts),
 * which a plain scan over folded text precomputed on the index answers fast enough for tens of
 * thousands of highlights. Marks are drawn on the original text.
 */
import { foldLetterByLetter, isAscii } from '../letter-fold';
import { noteOf, tagsOf } from '../record-notes';
import type { RecordNotes, TalkRecord } from '../types';
import type { LibraryIndex, SearchText } from './library-index';

/** At most this many terms count: the library search keeps one bit per term. */
export const MAX_TERMS = 30;

/** Lowercases text, for comparing tags and names that differ only in case. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/**
 * Text in the spelling search compares: case and Latin accents folded, letter by letter (so that
 * positions map back, see matchRanges). Haystacks and terms must both go through this.
 */
export function foldForSearch(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  let folded = '';
  foldLetterByLetter(text, (letter) => {
    folded += letter;
  });
  return folded;
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
    const term = foldForSearch(raw.trim().replace(/\s+/g, ' '));
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
 * Folds `text` for search and maps each offset of the result back to an offset in `text`; the map
 * is null when folding kept every offset (the common case: plain ASCII).
 */
function foldWithOffsets(text: string): { folded: string; toOriginal: number[] | null } {
  if (isAscii(text)) return { folded: text.toLowerCase(), toOriginal: null };
  const toOriginal: number[] = [];
  let folded = '';
  foldLetterByLetter(text, (letter, at) => {
    for (let k = 0; k < letter.length; k++) toOriginal.push(at);
    folded += letter;
  });
  toOriginal.push(text.length);
  return { folded, toOriginal };
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

/** Separates fields in a haystack so a term never matches across two of them. */
const FIELD_SEPARATOR = '\u0001';

/**
 * The index's search text, built on the first call and kept on the index (the dashboard calls it
 * when idle after the first render, so the first keystroke finds it ready).
 */
export function prepareSearch(index: LibraryIndex): SearchText {
  if (index.search) return index.search;
  const own = new Array<string>(index.highlights.length);
  for (let i = 0; i < own.length; i++) {
    const h = index.highlights[i]!;
    own[i] = foldForSearch(
      h.tags.length || h.note ? [h.text, h.note, ...h.tags].join(FIELD_SEPARATOR) : h.text,
    );
  }
  index.search = {
    own,
    talks: talkSearchText(index),
    pages: index.pages.map((p, i) =>
      foldForSearch([p.title, index.pageSites[i], ...ownNotes(p)].join(FIELD_SEPARATOR)),
    ),
  };
  return index.search;
}

/**
 * Per talk slot: what a search finds the talk by. A conference talk is found by its title,
 * subtitle, speakers, room, track and abstract, and by the titles and speakers of the page talks
 * linked to it (their passages are shown under it, so a search for the write-up's wording finds them).
 */
function talkSearchText(index: LibraryIndex): string[] {
  // The page talks linked to each conference talk, by the conference talk's slot (few or none).
  let linked: Map<number, TalkRecord[]> | null = null;
  for (let i = 0; i < index.talks.length; i++) {
    const shown = index.shownTalk[i]!;
    if (shown === i) continue;
    linked ??= new Map();
    const list = linked.get(shown);
    if (list) list.push(index.talks[i]!);
    else linked.set(shown, [index.talks[i]!]);
  }
  return index.talks.map((t, i) => {
    const parts = [t.title, ...t.speakers, ...ownNotes(t)];
    if (t.conferenceId) {
      for (const field of [t.subtitle, t.room, t.track, t.abstract]) if (field) parts.push(field);
    }
    for (const page of linked?.get(i) ?? []) parts.push(page.title, ...page.speakers, ...ownNotes(page));
    return foldForSearch(parts.join(FIELD_SEPARATOR));
  });
}

/** A talk's or page's own note and tags (#17): a search finds its passages by them. */
function ownNotes(record: RecordNotes): string[] {
  const note = noteOf(record);
  return note ? [note, ...tagsOf(record)] : [...tagsOf(record)];
}

/** Bit `t` set when term `t` occurs in the text. */
function termMasks(texts: readonly string[], terms: readonly string[]): Int32Array {
  const masks = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    let mask = 0;
    for (let t = 0; t < terms.length; t++) if (texts[i]!.includes(terms[t]!)) mask |= 1 << t;
    masks[i] = mask;
  }
  return masks;
}

/**
 * Slots of the highlights where every term occurs in the highlight's text, note, tags, talk
 * (title, speakers, its own note and tags; a conference talk's room, track and abstract too, see
 * `talkSearchText`) or page (title, site, its own note and tags). `within` limits the scan to earlier hits (see
 * `isRefinement`); without it the whole library is scanned. Slots stay in index order. When every one
 * of `within` matches, `within` itself is returned (the same array: a keystroke that finds nothing new
 * regroups nothing).
 */
export function searchLibrary(
  index: LibraryIndex,
  terms: readonly string[],
  within?: Int32Array | null,
): Int32Array {
  const n = index.highlights.length;
  const used = terms.slice(0, MAX_TERMS);
  const all = (1 << used.length) - 1; // used.length <= MAX_TERMS < 31
  const text = prepareSearch(index);
  const talkMasks = termMasks(text.talks, used);
  const pageMasks = termMasks(text.pages, used);
  const ownText = text.own;
  const { talkSlot, pageSlot } = index;
  const hits = new Int32Array(within ? within.length : n);
  let count = 0;
  const total = within ? within.length : n;
  for (let k = 0; k < total; k++) {
    const slot = within ? within[k]! : k;
    const talk = talkSlot[slot]!;
    const page = pageSlot[slot]!;
    const mask = (talk < 0 ? 0 : talkMasks[talk]!) | (page < 0 ? 0 : pageMasks[page]!);
    let found = true;
    if (mask !== all) {
      const own = ownText[slot]!;
      for (let t = 0; t < used.length; t++) {
        if ((mask & (1 << t)) === 0 && !own.includes(used[t]!)) {
          found = false;
          break;
        }
      }
    }
    if (found) hits[count++] = slot;
  }
  // Typing on often finds the same highlights ("kern", "kerne", "kernel"): `within` itself, so the
  // steps memoized on the hits (filters, grouping, the list's rows) are not run again.
  if (within && count === within.length) return within;
  return hits.slice(0, count);
}
