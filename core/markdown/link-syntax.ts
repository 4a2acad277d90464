/**
 * Pieces of CommonMark's inline syntax that the sanitizer (./sanitize.ts) and its code-span pairing
 * (./code-spans.ts) both read: backslash escapes and the tail of an inline link.
 */

import { opensTag } from './escape';

/** What a backslash escapes in CommonMark. */
export const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: whitespace or a control character ends a destination
const DESTINATION_END = /[\s\u0000-\u001F]/;

/** True when the character at `at` is backslash-escaped (an odd number of backslashes before it). */
export function isEscaped(text: string, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * Parses `destination "title")` after `](` the way CommonMark reads it in the sanitized text; null when it
 * is not a link (the renderer would show it as text). `end` is the index after the closing parenthesis.
 * The sanitizer escapes every `<` that could open HTML, so such a `<` never starts a pointy destination
 * (`<b>`) there: it starts a plain one, returned as the renderer reads it (`\<b>`), or else an escaped
 * `[a](<b>`)` would become a relative link nobody checked. `reading: 'source'` parses the text as it
 * is, before escaping.
 */
export function linkTail(
  text: string,
  start: number,
  reading: 'sanitized' | 'source' = 'sanitized',
): { destination: string; end: number } | null {
  let i = skipSpace(text, start);
  let destination: string;
  if (text[i] === '<' && (reading === 'source' || !opensTag(text.slice(i + 1, i + 2)))) {
    // Up to the first `>` not backslash-escaped (`<\\>` ends at its `>`: the backslash is the escaped one).
    let end = i + 1;
    for (; end < text.length && text[end] !== '>' && text[end] !== '\n'; end++) {
      if (text[end] === '\\' && ASCII_PUNCTUATION.test(text[end + 1] ?? '')) end++;
      // A pointy destination holds no unescaped `<` (CommonMark): `[](<<b>)` is no link as written,
      // though it is one once the sanitizer escapes the `<` of `<b>`.
      else if (text[end] === '<' && (reading === 'source' || !opensTag(text.slice(end + 1, end + 2))))
        return null;
    }
    if (text[end] !== '>') return null;
    destination = text.slice(i, end + 1);
    i = end + 1;
  } else {
    let depth = 0;
    const from = i;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) i++;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (DESTINATION_END.test(c)) break;
    }
    destination = (text[from] === '<' ? '\\' : '') + text.slice(from, i);
  }
  i = skipSpace(text, i);
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    for (i++; i < text.length && (text[i] !== closer || isEscaped(text, i)); i++) {
      if (text[i] === '\n' && text[i + 1] === '\n') return null;
    }
    if (i >= text.length) return null;
    i = skipSpace(text, i + 1);
  }
  return text[i] === ')' ? { destination, end: i + 1 } : null;
}

/** Skips spaces, tabs and at most one line ending. */
function skipSpace(text: string, from: number): number {
  let i = from;
  let newlines = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || (text[i] === '\n' && newlines++ === 0))) {
    i++;
  }
  return i;
}
