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
  const doc = root.ownerDocument ?? (root as Document);
  const before = doc.createRange();
  const inner = doc.createRange();
  try {
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    inner.setStart(range.startContainer, range.startOffset);
    inner.setEnd(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const text = root.textContent ?? '';
  let start = before.toString().length;
  let end = start + inner.toString().length;
  while (start < end && WHITESPACE.test(text[start]!)) start++;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--;
  if (start === end) return null;
  const exact = text.slice(start, end);
  // Strict matchers (Apache Annotator) take the first place prefix + exact + suffix occurs: the context
  // grows until that place is the passage's (a page that repeats a paragraph needs more than 32).
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

/** Context lengths tried in turn, up to what a clip may carry (LIMITS.quoteContext). */
const CONTEXT_STEPS = [TEXT_CONTENT_CONTEXT, 64, 128, 256, 512, LIMITS.quoteContext];
