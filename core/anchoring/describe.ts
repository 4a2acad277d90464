/**
 * Describing a selection: the selectors stored with a highlight so it can be found again later.
 */
import { LIMITS } from '../limits';
import type { RangeSelector, Selector, TextPositionSelector, TextQuoteSelector } from '../types';
import { indexFor, isWhitespaceCode, type TextIndex } from './text-index';
import { xpathFromNode } from './xpath';

/** Context kept either side of a quote, in visible characters (a whitespace run counts as one). */
export const CONTEXT_LENGTH = 32;
/** Context kept when the quote occurs more than once on the page, to tell the copies apart. */
export const REPEATED_CONTEXT_LENGTH = 64;

/**
 * Raw characters of context kept at most on either side, whatever it holds: a page may put thousands
 * of characters of whitespace between two elements, and the stored context must fit the clip message
 * (LIMITS.quoteContext). The context is then cut inside that run: still the page's text verbatim.
 */
export const MAX_CONTEXT_CHARS = LIMITS.quoteContext;

/**
 * Start of the prefix ending at `end` that holds `count` visible characters. Whitespace runs count once
 * so that deeply indented markup still leaves real words in the context; never more than
 * {@link MAX_CONTEXT_CHARS} raw characters.
 */
function contextStart(text: string, end: number, count: number): number {
  let i = end;
  let seen = 0;
  while (i > 0 && end - i < MAX_CONTEXT_CHARS) {
    const space = isWhitespaceCode(text.charCodeAt(i - 1));
    if (space && i < end && isWhitespaceCode(text.charCodeAt(i))) {
      i--; // Same whitespace run: already counted.
      continue;
    }
    if (seen === count) break;
    seen++;
    i--;
  }
  return i;
}

/** End of the suffix starting at `start` that holds `count` visible characters (see contextStart). */
function contextEnd(text: string, start: number, count: number): number {
  let i = start;
  let seen = 0;
  while (i < text.length && i - start < MAX_CONTEXT_CHARS) {
    const space = isWhitespaceCode(text.charCodeAt(i));
    if (space && i > start && isWhitespaceCode(text.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    if (seen === count) break;
    seen++;
    i++;
  }
  return i;
}

function occursElsewhere(text: string, exact: string, start: number): boolean {
  return text.indexOf(exact) !== start || text.indexOf(exact, start + 1) !== -1;
}

function rangeSelectorFor(index: TextIndex, start: number, end: number): RangeSelector | null {
  // Endpoints normalized into Text nodes, so the XPaths name text nodes and offsets count characters.
  const range = index.rangeFor(start, end);
  try {
    const startContainer = xpathFromNode(range.startContainer, index.root);
    const endContainer = xpathFromNode(range.endContainer, index.root);
    // A very deep page gives paths longer than a clip may carry: the quote and position suffice.
    if (startContainer.length > LIMITS.xpath || endContainer.length > LIMITS.xpath) return null;
    return {
      type: 'RangeSelector',
      startContainer,
      startOffset: range.startOffset,
      endContainer,
      endOffset: range.endOffset,
    };
  } catch {
    return null; // Not expressible as a simple XPath; the quote and position suffice.
  }
}

/**
 * The selectors for `range` within `root`: a TextQuoteSelector (exact text in index coordinates, with
 * `CONTEXT_LENGTH` visible characters of prefix and suffix, `REPEATED_CONTEXT_LENGTH` when the exact
 * text occurs more than once, at most `MAX_CONTEXT_CHARS` raw characters each), a TextPositionSelector
 * and, when computable, a RangeSelector (left out when an XPath would be longer than LIMITS.xpath).
 *
 * Nothing is trimmed: the caller passes the range it wants. A range partly outside root is clipped.
 * Pass `index` when describing several ranges of an unchanged DOM.
 * @throws Error for a collapsed range, a range whose text is empty or whitespace only, or one outside root.
 */
export function describeRange(root: Node, range: AbstractRange, index?: TextIndex): Selector[] {
  if (range.collapsed) throw new Error('describeRange: the range is collapsed');
  const textIndex = indexFor(root, index);
  let span: { start: number; end: number };
  try {
    span = textIndex.rangeOffsets(range);
  } catch {
    throw new Error('describeRange: the range is outside the root');
  }
  const { start, end } = span;
  const { text } = textIndex;
  const exact = text.slice(start, end);
  if (!/\S/.test(exact)) {
    throw new Error('describeRange: the range selects no text (empty or whitespace only)');
  }
  const contextLength = occursElsewhere(text, exact, start) ? REPEATED_CONTEXT_LENGTH : CONTEXT_LENGTH;
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact,
    prefix: text.slice(contextStart(text, start, contextLength), start),
    suffix: text.slice(end, contextEnd(text, end, contextLength)),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
  const rangeSelector = rangeSelectorFor(textIndex, start, end);
  return rangeSelector ? [quote, position, rangeSelector] : [quote, position];
}
