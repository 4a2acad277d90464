/**
 * Code spans as CommonMark pairs them, and whether the sanitizer (./sanitize.ts) may trust that every
 * renderer pairs them the same, so that a span's content can stay literal (`` `#include <stdio.h>` ``)
 * instead of having its `<` escaped.
 *
 * Pairing (CommonMark 0.31 §6.1, commonmark.js and markdown-it alike): reading left to right, a backslash
 * escapes the punctuation after it outside code only; a backtick run opens a span when a later run of
 * exactly its length closes it (the first such run); a run without one is literal text and the reading
 * goes on after it. Code spans bind tighter than links and emphasis, but what a renderer has already
 * consumed before it looks for a span is not code: the destination and title of an inline link (read when
 * its `]` is reached), a full reference label (`][label]`), a footnote label, an Obsidian wikilink, raw
 * HTML and autolinks (the sanitizer escapes every `<` that could open those outside code). The sanitizer
 * pairs one line at a time and escapes every run left without a partner on its line, so no renderer can
 * pair across lines either.
 */
import type { MarkdownOrigin } from './escape';
import { ASCII_PUNCTUATION, isEscaped, linkTail } from './link-syntax';

/** A code span on one line: its opening run at `open`, its closing run at `close`, both `length` long. */
export interface CodeSpan {
  open: number;
  close: number;
  length: number;
}

/** The code spans of `line` as CommonMark pairs them (see the module comment). */
export function lineCodeSpans(line: string): CodeSpan[] {
  const spans: CodeSpan[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      i += 2;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    let runEnd = i;
    while (line[runEnd] === '`') runEnd++;
    const close = closingRun(line, runEnd, runEnd - i);
    if (close === -1) {
      i = runEnd;
      continue;
    }
    spans.push({ open: i, close, length: runEnd - i });
    i = close + runEnd - i;
  }
  return spans;
}

/** Index of the next backtick run of exactly `length` at or after `from`, or -1. */
function closingRun(line: string, from: number, length: number): number {
  let i = from;
  while (i < line.length) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (line[end] === '`') end++;
    if (end - i === length) return i;
    i = end;
  }
  return -1;
}

/** Characters that, inside a span, let an extension split it: `$` math, `|` GFM table cells, `%%` comments. */
const SPLITS_A_SPAN = /[$|%]/;

/**
 * Whether every renderer pairs the backticks of `lines` (one prose block of the sanitizer, each line
 * with its `spans`) as `lineCodeSpans` does. False, to be safe, when:
 * - a reference definition may be there (`]:`): it is read as a block, not inline;
 * - a span holds `$`, `|` or `%`: math, a table row or an Obsidian comment can cut it, and the pairing
 *   of the rest of the text shifts;
 * - something consumed before code spans are looked for holds a backtick: an inline link's tail after
 *   `](`, a label after `][` or `[^`, a wikilink after `[[` (a reader's note; page text has `[[`
 *   escaped). Where such a construct does not end on its line (a block quote's `> ` or a title running
 *   on), any backtick after it until a blank line counts.
 */
export function codeSpansAreTrusted(
  lines: readonly string[],
  spans: readonly (readonly CodeSpan[])[],
  origin: MarkdownOrigin,
): boolean {
  if (lines.some((line) => line.includes(']:'))) return false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const lineSpans = spans[n]!;
    for (const span of lineSpans) {
      if (SPLITS_A_SPAN.test(line.slice(span.open + span.length, span.close))) return false;
    }
    const inSpan = (at: number) => lineSpans.some((span) => at >= span.open && at < span.close + span.length);
    for (let i = 0; i + 1 < line.length; i++) {
      const pair = line.slice(i, i + 2);
      if (inSpan(i) || isEscaped(line, i)) continue;
      let end: number | null;
      if (pair === '](') end = linkTail(line, i + 2)?.end ?? null;
      else if (pair === '][' || pair === '[^') end = closingBracket(line, i + 2, ']');
      else if (pair === '[[' && origin !== 'page') end = closingBracket(line, i + 2, ']]');
      else continue;
      if (end === null) {
        if (backtickUntilBlankLine(lines, n, i)) return false;
      } else if (line.slice(i + 2, end).includes('`')) {
        return false;
      }
    }
  }
  return true;
}

/** The index after the next unescaped `closer` at or after `from` on the line, or null. */
function closingBracket(line: string, from: number, closer: string): number | null {
  for (let at = line.indexOf(closer, from); at !== -1; at = line.indexOf(closer, at + 1)) {
    if (!isEscaped(line, at)) return at + closer.length;
  }
  return null;
}

/** Whether a backtick follows `from` on line `n`, or on the lines after it before a blank one. */
function backtickUntilBlankLine(lines: readonly string[], n: number, from: number): boolean {
  if (lines[n]!.includes('`', from)) return true;
  for (let m = n + 1; m < lines.length && lines[m]!.trim() !== ''; m++) {
    if (lines[m]!.includes('`')) return true;
  }
  return false;
}
