/**
 * The passage as other annotation tools count text: over the root's `textContent`, every Text node in
 * document order, script, style and hidden text included (Apache Annotator's TextNodeChunker,
 * Hypothesis, dom-anchor-text-position). Our own index (./text-index.ts) skips script, style and other
 * text that is never shown, which serves anchoring, but its offsets point elsewhere in those tools
 * (issue #19: 63 of 117 sampled passages, one by 3,992 characters). Web Annotation export uses these.
 */
import { LIMITS } from '../limits';
import type { TextContentQuote } from '../types';

/** Characters of context kept either side, as Hypothesis keeps (enough to tell most copies apart). */
export const TEXT_CONTENT_CONTEXT = 32;

const WHITESPACE = /\s/;

/**
 * The passage of `range` in `root`'s textContent: offsets and text, trimmed of whitespace at either end
 * (a selection that starts at a line break does not export "\n          A flaw…"), with
 * {@link TEXT_CONTENT_CONTEXT} characters of prefix and suffix (more where the passage repeats, until the
 * first occurrence of context and passage is this one), all verbatim textContent so that a strict matcher
 * finds them. Null when the range holds no text but whitespace, or is outside root.
 */
export function textContentQuote(root: Node, range: AbstractRange): TextContentQuote | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const offsets = textContentOffsets(root, range);
  if (!offsets) return null;
  const text = root.textContent ?? '';
  let { start, end } = offsets;
  while (start < end && WHITESPACE.test(text[start]!)) start++;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--;
  if (start === end) return null;
  const exact = text.slice(start, end);
  for (const length of CONTEXT_STEPS) {
    const prefix = text.slice(Math.max(0, start - length), start);
    const suffix = text.slice(end, end + length);
    const at = text.indexOf(prefix + exact + suffix);
    if (at === start - prefix.length || length === CONTEXT_STEPS.at(-1)) {
      return { exact, prefix, suffix, start, end };
    }
  }
  return null; // Not reached: the last step always returns.
}

/**
 * Where `range`'s ends fall in `root`'s textContent, counted over its Text nodes in one walk (not with
 * Range.toString from the document's start, which takes minutes on a large page in jsdom and seconds
 * in a browser). Null when an end cannot be placed.
 */
function textContentOffsets(root: Node, range: AbstractRange): { start: number; end: number } | null {
  const doc = root.ownerDocument ?? (root as Document);
  const startAt = boundary(range.startContainer, range.startOffset);
  const endAt = boundary(range.endContainer, range.endOffset);
  const walker = doc.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  let start: number | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (start === null && reached(startAt, node)) start = count + (node === startAt.node ? startAt.chars : 0);
    if (start !== null && reached(endAt, node))
      return { start, end: count + (node === endAt.node ? endAt.chars : 0) };
    count += (node as Text).data.length;
  }
  // An end after the last Text node: the end of the text.
  return { start: start ?? count, end: count };
}

/** A boundary point as "before this node (plus `chars` into it when it is the Text node itself)". */
interface Boundary {
  /** The Text node the point is in, or the node it is before; null: after everything in `after`. */
  node: Node | null;
  chars: number;
  /** The container, when the point is after all its children. */
  after: Node | null;
}

function boundary(container: Node, offset: number): Boundary {
  if (container.nodeType === 3 /* TEXT_NODE */) return { node: container, chars: offset, after: null };
  const child = container.childNodes[offset] ?? null;
  return child ? { node: child, chars: 0, after: null } : { node: null, chars: 0, after: container };
}

/** Whether the walk, now at Text node `text`, has reached boundary `b` (the point is at or before it). */
function reached(b: Boundary, text: Node): boolean {
  if (b.node) {
    if (b.node === text) return true;
    const position = b.node.compareDocumentPosition(text);
    // `text` is inside the node the point is before, or comes after it.
    return (position & 0x10) !== 0 /* CONTAINED_BY */ || (position & 0x04) !== 0 /* FOLLOWING */;
  }
  const position = b.after!.compareDocumentPosition(text);
  return (position & 0x10) === 0 && (position & 0x04) !== 0;
}

/** Context lengths tried in turn, up to what a clip may carry (LIMITS.quoteContext). */
const CONTEXT_STEPS = [TEXT_CONTENT_CONTEXT, 64, 128, 256, 512, LIMITS.quoteContext];
