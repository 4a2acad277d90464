/**
 * Text fragment URLs (WICG "URL Fragment Text Directives"): a link that opens a page scrolled to a
 * passage and highlights it, `url#:~:text=[prefix-,]start[,end][,-suffix]`.
 *
 * How browsers match a directive decides what goes into it:
 * - each term is searched within one block of the rendered text (it cannot span paragraphs), with
 *   whitespace collapsed and case ignored;
 * - terms match whole words: the start must begin at a word boundary unless a prefix anchors it, and the
 *   last term must end at one unless a suffix anchors it;
 * - only whitespace may separate the prefix from the start, and the end (or start) from the suffix.
 *
 * So a short one-block passage is given whole; a longer one by its first and last few words, each taken
 * from its own block. Context comes from the quote's prefix/suffix: its last/first few words within one
 * block, never a word the quote's context may have cut in half. A passage that begins or ends inside a
 * word gets the context that frees that end, or, without context, drops the partial word.
 */

import { CONTEXT_LENGTH } from './anchoring/describe';
import type { HighlightRecord, TextQuoteSelector } from './types';

/** The parts of a text directive, unencoded. */
export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/** What a directive is built from. */
export interface TextFragmentInput {
  /** The passage as the reader saw it. Newlines separate blocks (paragraphs, list items). */
  text: string;
  /** The quote's context either side (a TextQuoteSelector's prefix and suffix). */
  context?: { prefix: string; suffix: string } | null;
  /**
   * The page's text, when known. Context is then added only when the start occurs more than once in it;
   * without it we cannot tell, so the prefix is always added when the quote has one.
   */
  pageText?: string;
}

/** Passages up to this many characters, in one block, are given whole (`text=start`). */
export const EXACT_MAX_LENGTH = 80;
/** Words at each end of a longer passage (`text=start,end`). */
export const EDGE_WORDS = 4;
/** Words of context (`prefix-` and `-suffix`). */
export const CONTEXT_WORDS = 3;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
let wordSegmenter: Intl.Segmenter | undefined;

interface Word {
  index: number;
  end: number;
}

/**
 * Up to `n` word-like segments of `text`, from its start or (`fromEnd`) its end, in text order. Intl word
 * segmentation is what browsers match word boundaries with; `containing()` walks lazily, so only the
 * words needed are segmented. Text in the common Latin alphabet takes a scanner that gives the same
 * words several times faster (a property test checks it against Intl).
 */
export function edgeWords(text: string, n: number, fromEnd = false): Word[] {
  if (FAST_ALPHABET.test(text)) return fastEdgeWords(text, n, fromEnd);
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const segments = wordSegmenter.segment(text);
  const found: Word[] = [];
  let at = fromEnd ? text.length - 1 : 0;
  while (found.length < n && at >= 0 && at < text.length) {
    const segment = segments.containing(at);
    if (!segment) break;
    const end = segment.index + segment.segment.length;
    if (segment.isWordLike) found.push({ index: segment.index, end });
    at = fromEnd ? segment.index - 1 : end;
  }
  return fromEnd ? found.reverse() : found;
}

/**
 * Characters whose word boundaries {@link fastEdgeWords} knows (Unicode UAX #29 as ICU applies it):
 * ASCII, Latin-1 letters, and common typographic punctuation that never joins words except the curly
 * apostrophes. Anything else (other scripts, format characters, soft hyphens) goes through Intl.
 */
const FAST_ALPHABET =
  /^[\t\n\r\x20-\x7E\u00A0\u00AB\u00BB\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/;
const LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]/;
const WORD = /[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]/;
/** Join two letters (`e.g`, `a:b`, `don't`); join two digits (`1,000`, `1.5`, `1;2`). */
const LETTER_JOINERS = new Set(['.', ':', "'", '\u2018', '\u2019']);
const DIGIT_JOINERS = new Set(['.', ',', ';', "'", '\u2018', '\u2019']);

/** Whether the character at `i` belongs to a word (a word character, or a joiner between two). */
function inWord(text: string, i: number): boolean {
  const c = text[i]!;
  if (WORD.test(c)) return true;
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (LETTER_JOINERS.has(c) && LETTER.test(before) && LETTER.test(after)) return true;
  return DIGIT_JOINERS.has(c) && /[0-9]/.test(before) && /[0-9]/.test(after);
}

/** ICU counts a lone `_` as a non-word segment (while `__` is a word). */
function isWordLike(text: string, index: number, end: number): boolean {
  return end - index > 1 || text[index] !== '_';
}

function fastEdgeWords(text: string, n: number, fromEnd: boolean): Word[] {
  const found: Word[] = [];
  if (!fromEnd) {
    for (let i = 0; i < text.length && found.length < n; i++) {
      if (!inWord(text, i)) continue;
      const index = i;
      while (i < text.length && inWord(text, i)) i++;
      if (isWordLike(text, index, i)) found.push({ index, end: i });
    }
    return found;
  }
  for (let i = text.length - 1; i >= 0 && found.length < n; i--) {
    if (!inWord(text, i)) continue;
    const end = i + 1;
    while (i >= 0 && inWord(text, i)) i--;
    if (isWordLike(text, i + 1, end)) found.push({ index: i + 1, end });
  }
  return found.reverse();
}

/** Whitespace collapsed to single spaces, ends trimmed: text as rendered. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The non-empty blocks (lines) of a passage or context, each collapsed. */
function blocks(text: string): string[] {
  return text
    .split(/[\n\r\u2028\u2029]+/)
    .map(collapse)
    .filter(Boolean);
}

/** End offset of the `n`th word of `block`, or the block's length when it has fewer words. */
function endOfLeadingWords(block: string, n: number): number {
  const found = edgeWords(block, n);
  return found.length === n ? found[n - 1]!.end : block.length;
}

/** Start offset of the `n`th-last word of `block`, or 0 when it has fewer words. */
function startOfTrailingWords(block: string, n: number): number {
  const found = edgeWords(block, n, true);
  return found.length === n ? found[0]!.index : 0;
}

/** How often `needle` occurs in `haystack` (both lower-cased), counting to 2 at most. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count < 2; at = haystack.indexOf(needle, at + 1)) {
    count++;
  }
  return count;
}

/**
 * Whether a context may have been cut inside a word at its far end: it fills one block up to the full
 * context length (core/anchoring/describe.ts; whitespace runs count once). A shorter one reached the
 * start or end of the page text.
 */
function mayBeCut(context: string, blockCount: number, farEndIsSpace: boolean): boolean {
  return blockCount === 1 && !farEndIsSpace && context.replace(/\s+/g, ' ').length >= CONTEXT_LENGTH;
}

/**
 * The prefix term: the last few words of the context's last block, up to its end. A word touching the
 * context's beginning is not used when the context may have cut it.
 */
function prefixTerm(prefix: string): string | undefined {
  const all = blocks(prefix);
  const block = all.at(-1);
  if (!block) return undefined;
  const cut = mayBeCut(prefix, all.length, /^\s/.test(prefix));
  const found = edgeWords(block, CONTEXT_WORDS + 1, true).filter((w) => !(cut && w.index === 0));
  const first = found.at(-Math.min(CONTEXT_WORDS, found.length));
  return first ? block.slice(first.index) : undefined;
}

/** The suffix term: the first few words of the context's first block (never a word it may have cut). */
function suffixTerm(suffix: string): string | undefined {
  const all = blocks(suffix);
  const block = all[0];
  if (!block) return undefined;
  const cut = mayBeCut(suffix, all.length, /\s$/.test(suffix));
  const found = edgeWords(block, CONTEXT_WORDS + 1).filter((w) => !(cut && w.end === block.length));
  const last = found[Math.min(CONTEXT_WORDS, found.length) - 1];
  return last ? block.slice(0, last.end) : undefined;
}

/**
 * The text directive for a passage, or null when the passage has no visible text.
 * Terms are unencoded and whitespace-collapsed; see the module comment for how they are chosen.
 */
export function textDirectiveFor(input: TextFragmentInput): TextDirective | null {
  const parts = blocks(input.text);
  if (parts.length === 0) return null;
  const prefix = input.context?.prefix ?? '';
  const suffix = input.context?.suffix ?? '';
  const trimmed = input.text.trim();
  const startsMidWord = WORD_CHAR.test(prefix.slice(-1)) && WORD_CHAR.test(trimmed.slice(0, 1));
  const endsMidWord = WORD_CHAR.test(suffix.slice(0, 1)) && WORD_CHAR.test(trimmed.slice(-1));
  const prefixCandidate = prefixTerm(prefix);
  const suffixCandidate = suffixTerm(suffix);

  // Without context to anchor it, a word cut in half can never match: leave it out.
  if (startsMidWord && !prefixCandidate) {
    parts[0] = dropLeadingPartialWord(parts[0]!);
    if (!parts[0]) parts.shift();
  }
  if (endsMidWord && !suffixCandidate && parts.length > 0) {
    parts[parts.length - 1] = dropTrailingPartialWord(parts.at(-1)!);
    if (!parts.at(-1)) parts.pop();
  }
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last) return null;

  const directive: TextDirective = { start: first };
  if (parts.length > 1 || first.length > EXACT_MAX_LENGTH) {
    const startEnd = endOfLeadingWords(first, EDGE_WORDS);
    const endStart = startOfTrailingWords(last, EDGE_WORDS);
    // In one block the two terms must not overlap: the end is searched after the start.
    if (parts.length > 1 || startEnd <= endStart) {
      directive.start = first.slice(0, startEnd).trimEnd();
      directive.end = last.slice(endStart).trimStart();
    }
  }

  let wantPrefix: boolean;
  let wantSuffix: boolean;
  if (input.pageText !== undefined) {
    const page = collapse(input.pageText).toLowerCase();
    wantPrefix = wantSuffix = occurrences(page, directive.start.toLowerCase()) > 1;
  } else {
    // Unknown page: the prefix is cheap insurance; the suffix only when there is no prefix.
    wantPrefix = true;
    wantSuffix = !prefixCandidate;
  }
  // Context is what lets a term begin or end inside a word.
  if (startsMidWord) wantPrefix = true;
  if (endsMidWord) wantSuffix = true;
  if (wantPrefix && prefixCandidate) directive.prefix = prefixCandidate;
  if (wantSuffix && suffixCandidate) directive.suffix = suffixCandidate;
  return directive;
}

function dropLeadingPartialWord(block: string): string {
  const first = edgeWords(block, 1)[0];
  return first?.index === 0 ? block.slice(first.end).trimStart() : block;
}

function dropTrailingPartialWord(block: string): string {
  const last = edgeWords(block, 1, true)[0];
  return last?.end === block.length ? block.slice(0, last.index).trimEnd() : block;
}

/** Lone surrogates cannot be percent-encoded (encodeURIComponent throws): they become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Percent-encodes one term. The spec requires `-`, `,` and `&` (directive syntax) to be encoded; we
 * also encode `!'()*` so the URL can sit in a Markdown link destination untouched.
 */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(
    /[-!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `text=[prefix-,]start[,end][,-suffix]`, percent-encoded. */
export function formatTextDirective(directive: TextDirective): string {
  const parts: string[] = [];
  if (directive.prefix) parts.push(`${encodeTextDirectiveTerm(directive.prefix)}-`);
  parts.push(encodeTextDirectiveTerm(directive.start));
  if (directive.end) parts.push(encodeTextDirectiveTerm(directive.end));
  if (directive.suffix) parts.push(`-${encodeTextDirectiveTerm(directive.suffix)}`);
  return `text=${parts.join(',')}`;
}

/**
 * Parses `text=...` (with or without the `text=`) back into its terms; null when malformed.
 * The inverse of {@link formatTextDirective}, used by tests and by anything that reads such links.
 */
export function parseTextDirective(value: string): TextDirective | null {
  const tokens = value.replace(/^text=/, '').split(',');
  const decode = (token: string): string | null => {
    try {
      return token ? decodeURIComponent(token) : null;
    } catch {
      return null;
    }
  };
  let prefix: string | null | undefined;
  let suffix: string | null | undefined;
  if (tokens[0]?.endsWith('-')) prefix = decode(tokens.shift()!.slice(0, -1));
  if (tokens.length > 1 && tokens.at(-1)?.startsWith('-')) suffix = decode(tokens.pop()!.slice(1));
  if (tokens.length < 1 || tokens.length > 2 || prefix === null || suffix === null) return null;
  const start = decode(tokens[0]!);
  const end = tokens.length === 2 ? decode(tokens[1]!) : undefined;
  if (start === null || end === null || tokens.some((t) => t.startsWith('-') || t.endsWith('-'))) return null;
  const directive: TextDirective = { start };
  if (prefix !== undefined) directive.prefix = prefix;
  if (end !== undefined) directive.end = end;
  if (suffix !== undefined) directive.suffix = suffix;
  return directive;
}

/**
 * The URL of `url` (any fragment removed) that opens at the passage: `url#:~:text=...`.
 * Returns the bare URL when the passage has no visible text.
 */
export function textFragmentUrl(url: string, input: TextFragmentInput): string {
  const bare = url.replace(/#[\s\S]*$/, '');
  const directive = textDirectiveFor(input);
  return directive ? `${bare}#:~:${formatTextDirective(directive)}` : bare;
}

/** A stored directive as {@link formatTextDirective} writes it: nothing a URL or Markdown link must escape. */
const FORMATTED_DIRECTIVE = /^text=[A-Za-z0-9%._~,-]+$/;

/**
 * The text fragment URL of a highlight, or null when its URL is not http(s) (a stored URL of another
 * scheme is never made into a link). The directive built on the page when it was clipped
 * (`textFragment`, core/text-fragment-generate.ts) is used as it is; a highlight clipped before that
 * gets one built from its text and its quote's context.
 */
export function highlightFragmentUrl(
  highlight: Pick<HighlightRecord, 'url' | 'text' | 'selectors' | 'textFragment'>,
  pageUrl: string = highlight.url,
): string | null {
  if (!/^https?:\/\//i.test(pageUrl)) return null;
  const stored = highlight.textFragment;
  if (stored && FORMATTED_DIRECTIVE.test(stored) && parseTextDirective(stored)) {
    return `${pageUrl.replace(/#[\s\S]*$/, '')}#:~:${stored}`;
  }
  const quote = highlight.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  return textFragmentUrl(pageUrl, { text: highlight.text, context: quote ?? null });
}
