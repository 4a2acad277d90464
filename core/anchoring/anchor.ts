/**
 * Anchoring: turning stored selectors back into a Range on the current page, which may have changed
 * since the highlight was made.
 *
 * The quote is the source of truth. In order of cost and certainty:
 * 1. `position`: the TextPositionSelector still selects exactly the quote, with its prefix and suffix;
 * 2. `quote`: the exact quote (or the quote up to whitespace) found by `indexOf`; several copies are told
 *    apart by prefix/suffix agreement, then the RangeSelector, then closeness to the old position;
 * 3. `fuzzy`: approximate matching (`matchQuote`) within 20% edits; otherwise the highlight is an orphan.
 */
import type { RangeSelector, Selector, TextPositionSelector, TextQuoteSelector } from '../types';
import type { QGramFilter } from './qgram-filter';
import { contextAgreement, matchQuote } from './match-quote';
import { type OccurrenceFinder, scanOccurrences } from './occurrences';
import { foldText, indexFor, isWhitespaceCode, type TextIndex, type TextSpan } from './text-index';
import { nodeFromXPath } from './xpath';

/** How a highlight was placed: see the module comment. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** A placed highlight: its range and text offsets in the current page. */
export interface AnchorResult {
  range: Range;
  method: AnchorMethod;
  start: number;
  end: number;
}

/** The first selector of each type. */
export interface SelectorSet {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  range?: RangeSelector;
}

/** Copies beyond this many are ranked by a cheap context check before the exact one. */
const MAX_RANKED_OCCURRENCES = 48;

/** Picks the first selector of each type out of a stored list. */
export function selectorsByType(selectors: readonly Selector[]): SelectorSet {
  const set: SelectorSet = {};
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') set.quote ??= selector;
    else if (selector.type === 'TextPositionSelector') set.position ??= selector;
    else if (selector.type === 'RangeSelector') set.range ??= selector;
  }
  return set;
}

function isValidSpan(span: TextSpan, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    0 <= span.start &&
    span.start < span.end &&
    span.end <= length
  );
}

function placed(index: TextIndex, start: number, end: number, method: AnchorMethod): AnchorResult {
  return { range: index.rangeFor(start, end), method, start, end };
}

/** Text offsets a RangeSelector resolves to in the current DOM, or null when it no longer resolves. */
export function resolveRangeSelector(index: TextIndex, selector: RangeSelector): TextSpan | null {
  const startNode = nodeFromXPath(selector.startContainer, index.root);
  const endNode = nodeFromXPath(selector.endContainer, index.root);
  if (!startNode || !endNode) return null;
  const fits = (node: Node, offset: number) =>
    Number.isInteger(offset) &&
    offset >= 0 &&
    offset <=
      (node.nodeType === 3 || node.nodeType === 4 ? (node as Text).data.length : node.childNodes.length);
  if (!fits(startNode, selector.startOffset) || !fits(endNode, selector.endOffset)) return null;
  const span = {
    start: index.offsetOf(startNode, selector.startOffset),
    end: index.offsetOf(endNode, selector.endOffset),
  };
  return isValidSpan(span, index.text.length) ? span : null;
}

/** Whether the text around [start, end) is exactly the stored prefix and suffix. */
function contextMatchesExactly(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  return (
    start >= quote.prefix.length &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  );
}

/**
 * Finders of verbatim occurrences in an index's raw and folded text, shared by the highlights of one
 * pass (see anchorAll); without them each lookup scans the text.
 */
export interface Finders {
  readonly raw: OccurrenceFinder;
  readonly folded: OccurrenceFinder;
}

/** Where the quote occurs verbatim, or failing that up to whitespace differences. */
function exactSpans(index: TextIndex, exact: string, finders?: Finders): TextSpan[] {
  const raw = finders ? finders.raw.occurrences(exact) : scanOccurrences(index.text, exact);
  if (raw.length > 0) return raw.map((start) => ({ start, end: start + exact.length }));
  const foldedQuote = foldText(exact);
  if (foldedQuote.trim() === '') return [];
  const folded = index.folded;
  const starts = finders
    ? finders.folded.occurrences(foldedQuote)
    : scanOccurrences(folded.text, foldedQuote);
  return starts.map((start) => ({
    start: folded.rawStart(start),
    end: folded.rawEnd(start + foldedQuote.length),
  }));
}

function commonSuffixLength(text: string, end: number, pattern: string): number {
  let n = 0;
  while (
    n < pattern.length &&
    n < end &&
    text.charCodeAt(end - 1 - n) === pattern.charCodeAt(pattern.length - 1 - n)
  )
    n++;
  return n;
}

function commonPrefixLength(text: string, start: number, pattern: string): number {
  let n = 0;
  while (
    n < pattern.length &&
    start + n < text.length &&
    text.charCodeAt(start + n) === pattern.charCodeAt(n)
  )
    n++;
  return n;
}

/**
 * Picks one of several verbatim copies: best context agreement (compared on folded text, so markup
 * whitespace does not count), then the copy the RangeSelector points at, then the one nearest `hint`.
 */
function chooseSpan(
  index: TextIndex,
  spans: TextSpan[],
  quote: TextQuoteSelector,
  hint: number | undefined,
  rangeHint: TextSpan | null,
): TextSpan {
  const folded = index.folded;
  const prefix = foldText(quote.prefix);
  const suffix = foldText(quote.suffix);
  let ranked = spans.map((span) => {
    const start = folded.fromRaw(span.start);
    const end = folded.fromRaw(span.end);
    const cheap =
      commonSuffixLength(folded.text, start, prefix) + commonPrefixLength(folded.text, end, suffix);
    return { span, start, end, cheap };
  });
  if (ranked.length > MAX_RANKED_OCCURRENCES) {
    // Exact context similarity only for the copies whose context starts out most alike (nearest the
    // hint first among equals), plus the copy the RangeSelector points at.
    const distance = (span: TextSpan) => (hint === undefined ? 0 : Math.abs(span.start - hint));
    const pointed = ranked.find((r) => rangeHint?.start === r.span.start && rangeHint.end === r.span.end);
    ranked = ranked
      .sort((a, b) => b.cheap - a.cheap || distance(a.span) - distance(b.span))
      .slice(0, MAX_RANKED_OCCURRENCES);
    if (pointed && !ranked.includes(pointed)) ranked.push(pointed);
  }
  let best: TextSpan | undefined;
  let bestKey: [number, number, number] = [Number.NEGATIVE_INFINITY, 0, 0];
  for (const { span, start, end } of ranked) {
    const agreement = contextAgreement(folded.text, start, end, prefix || undefined, suffix || undefined);
    const key: [number, number, number] = [
      (agreement.prefix ?? 0) + (agreement.suffix ?? 0),
      rangeHint && rangeHint.start === span.start && rangeHint.end === span.end ? 1 : 0,
      hint === undefined ? 0 : -Math.abs(span.start - hint),
    ];
    if (
      key[0] > bestKey[0] ||
      (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))
    ) {
      best = span;
      bestKey = key;
    }
  }
  return best ?? spans[0]!;
}

/**
 * The quote verbatim at `expected`, with its stored prefix and suffix verbatim around it: accepted
 * without looking for other copies, as the stored position is. `anchorAll` expects a highlight where
 * the text before it moved to, so a page with inserted or deleted paragraphs costs one search per
 * change instead of one per highlight. Null when the text there differs.
 */
export function anchorAtExpected(
  index: TextIndex,
  selectors: readonly Selector[],
  expected: number,
): AnchorResult | null {
  const { quote } = selectorsByType(selectors);
  if (!quote || quote.exact.length === 0) return null;
  const { text } = index;
  const start = Math.round(expected);
  const end = start + quote.exact.length;
  if (start < 0 || end > text.length || !text.startsWith(quote.exact, start)) return null;
  if (!contextMatchesExactly(text, start, end, quote)) return null;
  return placed(index, start, end, 'quote');
}

/** Placement without a quote: the position alone (nothing to check it against), else the RangeSelector. */
function anchorWithoutQuote(index: TextIndex, set: SelectorSet): AnchorResult | null {
  if (set.position && isValidSpan(set.position, index.text.length)) {
    return placed(index, set.position.start, set.position.end, 'position');
  }
  const span = set.range ? resolveRangeSelector(index, set.range) : null;
  return span ? placed(index, span.start, span.end, 'position') : null;
}

/**
 * The cheap steps: position confirmed by the quote, else verbatim (or whitespace-insensitive) copies of
 * the quote. Returns null when the quote is not on the page verbatim (try `anchorFuzzily`).
 * `hint` overrides the stored position as the expected start offset when choosing between copies;
 * `finders` (one pair per pass) replace a scan of the page per lookup once a pass has made a few.
 */
export function anchorExactly(
  index: TextIndex,
  selectors: readonly Selector[],
  hint?: number,
  finders?: Finders,
): AnchorResult | null {
  const set = selectorsByType(selectors);
  const { quote, position } = set;
  if (!quote) return anchorWithoutQuote(index, set);
  const { exact } = quote;
  if (exact.length === 0) return null;
  const { text } = index;
  const positionFits =
    position !== undefined &&
    isValidSpan(position, text.length) &&
    position.end - position.start === exact.length &&
    text.startsWith(exact, position.start);
  if (positionFits && contextMatchesExactly(text, position.start, position.end, quote)) {
    return placed(index, position.start, position.end, 'position');
  }
  const spans = exactSpans(index, exact, finders);
  if (spans.length === 0) return null;
  const chosen =
    spans.length === 1
      ? spans[0]!
      : chooseSpan(
          index,
          spans,
          quote,
          hint ?? position?.start,
          set.range ? resolveRangeSelector(index, set.range) : null,
        );
  const atPosition = positionFits && chosen.start === position.start && chosen.end === position.end;
  return placed(index, chosen.start, chosen.end, atPosition ? 'position' : 'quote');
}

/**
 * The expensive step: approximate matching of the quote within 20% edits, on whitespace-folded text.
 * `hint` (a raw text offset) overrides the stored position as the place to search first.
 */
export function anchorFuzzily(
  index: TextIndex,
  selectors: readonly Selector[],
  hint?: number,
  /** A q-gram filter of `index.folded.text`, shared by the highlights of one pass (see anchorAll). */
  filter?: QGramFilter,
): AnchorResult | null {
  const { quote, position } = selectorsByType(selectors);
  if (!quote) return null;
  const foldedQuote = foldText(quote.exact);
  if (foldedQuote.trim() === '') return null;
  const folded = index.folded;
  const rawHint = hint ?? position?.start;
  const match = matchQuote(
    folded.text,
    foldedQuote,
    {
      prefix: foldText(quote.prefix),
      suffix: foldText(quote.suffix),
      hint:
        rawHint === undefined || !Number.isFinite(rawHint)
          ? undefined
          : folded.fromRaw(Math.min(index.text.length, Math.max(0, rawHint))),
    },
    filter,
  );
  if (!match) return null;
  const { text } = index;
  let start = folded.rawStart(match.start);
  let end = folded.rawEnd(match.end);
  // Whitespace the quote does not have at its edges is markup, not part of the passage.
  if (!isWhitespaceCode(quote.exact.charCodeAt(0))) {
    while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  }
  if (!isWhitespaceCode(quote.exact.charCodeAt(quote.exact.length - 1))) {
    while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  }
  return start < end ? placed(index, start, end, 'fuzzy') : null;
}

/**
 * Places a highlight described by `selectors` in the text under `root`, or returns null (an orphan).
 *
 * Without a TextQuoteSelector there is nothing to check a position against, so a TextPositionSelector
 * within the text (else a resolvable RangeSelector) is used as is. Pass `index` to share one text index
 * between many highlights (see `anchorAll`); it must be built for `root` on the current DOM.
 */
export function anchor(root: Node, selectors: readonly Selector[], index?: TextIndex): AnchorResult | null {
  const textIndex = indexFor(root, index);
  return anchorExactly(textIndex, selectors) ?? anchorFuzzily(textIndex, selectors);
}
