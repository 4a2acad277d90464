/**
 * The baseline: re-anchoring as Hypothesis's client does it, written here from its published
 * description so both methods run in the same page, in the same run:
 * position selector if it still yields the quote, else the exact quote, else approx-string-match
 * with at most min(256, length / 2) errors; every candidate scored quote 50 / prefix 20 /
 * suffix 20 / position 2; the best candidate wins, with no threshold.
 */
import search from 'approx-string-match';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/core/types';

export interface BaselineSpan {
  start: number;
  end: number;
}

function textSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const matches = search(a, b, b.length);
  return 1 - matches[0]!.errors / b.length;
}

function score(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  m: { start: number; end: number; errors: number },
) {
  const quoteWeight = 50;
  const prefixWeight = 20;
  const suffixWeight = 20;
  const posWeight = 2;
  const quoteScore = 1 - m.errors / quote.exact.length;
  const prefixScore = quote.prefix
    ? textSimilarity(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix)
    : 1;
  const suffixScore = quote.suffix
    ? textSimilarity(text.slice(m.end, m.end + quote.suffix.length), quote.suffix)
    : 1;
  const posScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / text.length;
  return (
    (quoteWeight * quoteScore +
      prefixWeight * prefixScore +
      suffixWeight * suffixScore +
      posWeight * posScore) /
    (quoteWeight + prefixWeight + suffixWeight + posWeight)
  );
}

/** Places one highlight in `text` (the root's textContent) or returns null. */
export function baselineAnchor(text: string, selectors: readonly Selector[]): BaselineSpan | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote || quote.exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end };
  }
  const hint = position?.start;
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) {
    exact.push({ start: i, end: i + quote.exact.length, errors: 0 });
  }
  const candidates = exact.length
    ? exact
    : search(text, quote.exact, Math.min(256, Math.floor(quote.exact.length / 2)));
  let best: { start: number; end: number } | null = null;
  let bestScore = -1;
  for (const candidate of candidates) {
    const s = score(text, quote, hint, candidate);
    if (s > bestScore) {
      bestScore = s;
      best = { start: candidate.start, end: candidate.end };
    }
  }
  return best;
}
