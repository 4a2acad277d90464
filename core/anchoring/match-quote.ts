/**
 * Fuzzy quote matching: where in a text does an edited quote most likely sit now?
 *
 * Candidates come from `approx-string-match` (Myers' bit-parallel algorithm), which reports the
 * lowest-error matches within an error limit. Each candidate is scored on quote similarity, prefix and
 * suffix similarity and closeness to the expected position. A quote with more than 20% of its characters
 * changed is rejected: a deleted passage should become an orphan, not be drawn somewhere wrong.
 */
import search from 'approx-string-match';
import type { QGramFilter } from './qgram-filter';

/** Share of a quote's characters that may differ (edit distance) for a fuzzy match to count. */
export const MAX_ERROR_RATE = 0.2;
/** Quotes shorter than this are only matched fuzzily when their prefix or suffix agrees too. */
export const SHORT_QUOTE_LENGTH = 32;
/** Similarity (0..1) a context side needs to count as agreeing. */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/** The window searched first spans the hint +- this many quote lengths plus `WINDOW_CHARS`. */
const WINDOW_QUOTE_LENGTHS = 3;
const WINDOW_CHARS = 2000;
/** Candidates scored at most: equally good matches beyond this are near-duplicates anyway. */
const MAX_CANDIDATES = 256;
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Most errors (insertions, deletions, substitutions) a quote of `length` characters may have. */
export function maxErrorsFor(length: number): number {
  return Math.floor(MAX_ERROR_RATE * length);
}

/** What is known about where the quote was: its surroundings and its expected start offset. */
export interface QuoteContext {
  /** Text expected right before the quote. */
  prefix?: string;
  /** Text expected right after the quote. */
  suffix?: string;
  /** Expected start offset of the quote in the text searched. */
  hint?: number;
}

/** A place in the text that matches the quote closely enough. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the quote and `text.slice(start, end)`. */
  errors: number;
  /** 0..1, higher is better: quote, prefix, suffix and position similarity combined. */
  score: number;
}

/** How well the surroundings of a span agree with an expected prefix and suffix (0..1 each). */
export interface ContextAgreement {
  /** Undefined when no prefix was expected. */
  prefix: number | undefined;
  /** Undefined when no suffix was expected. */
  suffix: number | undefined;
}

// Two reusable DP rows: scoring runs for many candidates, allocation would dominate.
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * Edit distance between `pattern` and the best-matching stretch of `text` that touches one end of it:
 * the start (`fromEnd` false, text after a quote) or the end (`fromEnd` true, text before a quote).
 * O(pattern.length * text.length); both are context-sized here.
 */
export function anchoredDistance(pattern: string, text: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  if (n === 0) return m;
  if (rowA.length <= n) {
    rowA = new Int32Array(n * 2 + 1);
    rowB = new Int32Array(n * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(fromEnd ? m - i : i - 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(fromEnd ? n - j : j - 1);
      cur[j] = Math.min(prev[j - 1]! + (pc === tc ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Extra text compared beyond a context's length, so insertions next to the quote cost what they are. */
function slackFor(length: number): number {
  return 8 + (length >> 2);
}

/** Similarity of the text around [start, end) to the expected prefix and suffix. */
export function contextAgreement(
  text: string,
  start: number,
  end: number,
  prefix: string | undefined,
  suffix: string | undefined,
): ContextAgreement {
  let prefixSimilarity: number | undefined;
  let suffixSimilarity: number | undefined;
  if (prefix) {
    const before = text.slice(Math.max(0, start - prefix.length - slackFor(prefix.length)), start);
    prefixSimilarity = 1 - anchoredDistance(prefix, before, true) / prefix.length;
  }
  if (suffix) {
    const after = text.slice(end, end + suffix.length + slackFor(suffix.length));
    suffixSimilarity = 1 - anchoredDistance(suffix, after, false) / suffix.length;
  }
  return { prefix: prefixSimilarity, suffix: suffixSimilarity };
}

/** Mean similarity of the known context sides, or undefined when none is known. */
function meanAgreement(agreement: ContextAgreement): number | undefined {
  const { prefix, suffix } = agreement;
  if (prefix === undefined) return suffix;
  if (suffix === undefined) return prefix;
  return (prefix + suffix) / 2;
}

interface Scored {
  match: QuoteMatch;
  /** Mean context similarity, undefined without context. */
  context: number | undefined;
}

function scoreCandidate(
  text: string,
  quoteLength: number,
  candidate: { start: number; end: number; errors: number },
  context: QuoteContext,
): Scored | null {
  const agreement = contextAgreement(text, candidate.start, candidate.end, context.prefix, context.suffix);
  const mean = meanAgreement(agreement);
  // A short quote matches many places approximately: demand that one side of its context agrees.
  const contextDisagrees =
    mean !== undefined && Math.max(agreement.prefix ?? 0, agreement.suffix ?? 0) < MIN_CONTEXT_SIMILARITY;
  if (contextDisagrees && quoteLength < SHORT_QUOTE_LENGTH) return null;
  // Many errors and surroundings that vouch for nothing: more likely a look-alike (a list of
  // "Session 3" / "Session 30" items) than the passage edited, so allow half the error rate.
  if (contextDisagrees && candidate.errors > maxErrorsFor(quoteLength) / 2) return null;
  let total = WEIGHTS.quote * (1 - candidate.errors / quoteLength);
  let weights = WEIGHTS.quote;
  if (agreement.prefix !== undefined) {
    total += WEIGHTS.prefix * agreement.prefix;
    weights += WEIGHTS.prefix;
  }
  if (agreement.suffix !== undefined) {
    total += WEIGHTS.suffix * agreement.suffix;
    weights += WEIGHTS.suffix;
  }
  if (context.hint !== undefined) {
    total += WEIGHTS.position * (1 - Math.abs(candidate.start - context.hint) / Math.max(1, text.length));
    weights += WEIGHTS.position;
  }
  return { match: { ...candidate, score: total / weights }, context: mean };
}

/** Higher score wins; on a tie, the length closer to the quote's (edits at the edges are ambiguous). */
function isBetter(a: QuoteMatch, b: QuoteMatch, quoteLength: number): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return Math.abs(a.end - a.start - quoteLength) < Math.abs(b.end - b.start - quoteLength);
}

/** The best acceptable match of `quote` within text[from, to), or null. */
function bestIn(text: string, quote: string, from: number, to: number, context: QuoteContext): Scored | null {
  let candidates = search(text.slice(from, to), quote, maxErrorsFor(quote.length));
  if (candidates.length > MAX_CANDIDATES) {
    const hint = (context.hint ?? 0) - from;
    candidates = [...candidates]
      .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
      .slice(0, MAX_CANDIDATES);
  }
  let best: Scored | null = null;
  for (const candidate of candidates) {
    const scored = scoreCandidate(
      text,
      quote.length,
      { start: candidate.start + from, end: candidate.end + from, errors: candidate.errors },
      context,
    );
    if (scored && (!best || isBetter(scored.match, best.match, quote.length))) best = scored;
  }
  return best;
}

/**
 * Finds the best place for `quote` in `text`, allowing up to `maxErrorsFor(quote.length)` edits.
 *
 * With a `hint`, a window around it is searched first (a few quote lengths plus a few thousand
 * characters); the whole text is searched only when the window has no match, or only one whose context
 * disagrees (then the better of both wins). Without a hint the whole text is searched.
 *
 * Returns null when nothing is close enough: more than 20% of the quote differs, or the quote is shorter
 * than `SHORT_QUOTE_LENGTH` and neither its prefix nor its suffix agrees with the candidate's surroundings.
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  /** A filter built for `text`: the whole-text search then looks only where a match can be. */
  filter?: QGramFilter,
): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const normalized: QuoteContext = {
    prefix: context.prefix || undefined,
    suffix: context.suffix || undefined,
    hint:
      context.hint === undefined || !Number.isFinite(context.hint)
        ? undefined
        : Math.min(text.length, Math.max(0, Math.round(context.hint))),
  };
  const { hint } = normalized;
  if (hint !== undefined) {
    const radius = WINDOW_QUOTE_LENGTHS * quote.length + WINDOW_CHARS;
    const from = Math.max(0, hint - radius);
    const to = Math.min(text.length, hint + quote.length + radius);
    if (from > 0 || to < text.length) {
      // When the filter proves the window holds no match, skip its search: a deleted passage then
      // costs lookups only (the result is the same, as the filter never drops a possible match).
      const inWindow = filter?.regions(quote, maxErrorsFor(quote.length), [from, to]);
      const local = inWindow?.length === 0 ? null : bestIn(text, quote, from, to, normalized);
      if (local && (local.context === undefined || local.context >= MIN_CONTEXT_SIMILARITY)) {
        return local.match;
      }
      const global = bestInText(text, quote, normalized, filter);
      if (!local) return global?.match ?? null;
      if (!global) return local.match;
      return global.match.score > local.match.score ? global.match : local.match;
    }
  }
  return bestInText(text, quote, normalized, filter)?.match ?? null;
}

/** The whole text, or only the regions a q-gram filter of it keeps. */
function bestInText(text: string, quote: string, context: QuoteContext, filter?: QGramFilter): Scored | null {
  const regions = filter?.regions(quote, maxErrorsFor(quote.length));
  if (!regions) return bestIn(text, quote, 0, text.length, context);
  let best: Scored | null = null;
  for (const [from, to] of regions) {
    const found = bestIn(text, quote, from, to, context);
    if (found && (!best || isBetter(found.match, best.match, quote.length))) best = found;
  }
  return best;
}
