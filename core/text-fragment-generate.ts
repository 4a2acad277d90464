/**
 * Building a passage's text-fragment link from the page itself, at clip time: the page is open then,
 * and only the whole rendered page tells whether a link lands on the passage and nowhere else. The
 * directive is stored with the highlight (`textFragment`), so exports made later, with the page closed,
 * use it as built.
 *
 * As the spec's generation algorithm does, candidates are tried from the shortest up and the first
 * that the page's own matcher (core/text-fragment-match.ts) finds exactly once, exactly on the passage,
 * is kept: a short passage whole or its first and last few words (each within its own block), with as
 * many words of context before (`prefix-`) and after (`-suffix`) as uniqueness needs, context taken
 * across a block boundary when the passage begins or ends a block.
 */
import type { TextIndex } from './anchoring/text-index';
import { LIMITS } from './limits';
import { type RenderedPoint, type RenderedText, renderedText, type StyleReader } from './rendered-text';
import { edgeWords, formatTextDirective, type TextDirective } from './text-fragment';
import { type MatchSpan, SearchablePage } from './text-fragment-match';

/** Most words a start or end term is given (more only by taking a short passage whole). */
export const MAX_TERM_WORDS = 8;
/** Words of context tried, fewest first. */
const CONTEXT_STEPS = [0, 1, 2, 3, 4, 6, 8];
/** Candidates checked against the page at most: a page that repeats a passage verbatim stops here. */
const MAX_CHECKS = 600;
/**
 * Longer terms and context, tried only when no short candidate lands: a passage repeated on the page
 * with the same few words around it (the same paragraph twice, numbered items) is told apart farther out.
 */
const LONG_STEPS = [12, 16, 24, 32, 48, 64, 96, 128];
/**
 * Blocks of whitespace only looked through for the nearest words when the passage begins or ends a
 * block: layout wrappers leave many between two navigation items or around an advertisement label, and
 * the matcher skips them all (only whitespace separates context and passage). A bound on the work only.
 */
const BLANK_BLOCKS = 200;

const SPACE = /\s/;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The directive for the passage at TextIndex offsets `span` on the page `rendered`, or null when none
 * lands on it: the shortest that lands there and nowhere else, else the shortest whose first match is
 * the passage (a true duplicate on the page: a browser goes to the first copy, which is this one).
 * A passage that begins or ends inside a word cannot be matched exactly (terms match whole words): it is
 * linked by the whole words it holds.
 */
export function pageTextDirective(
  rendered: RenderedText | SearchablePage,
  span: { start: number; end: number },
): TextDirective | null {
  const page = rendered instanceof SearchablePage ? rendered : new SearchablePage(rendered);
  const ends = trimmedEnds(page.rendered, span);
  if (!ends) return null;
  return directiveBetween(page, ends.start, ends.end) ?? wholeWordsDirective(page, ends.start, ends.end);
}

function directiveBetween(
  page: SearchablePage,
  from: RenderedPoint,
  to: RenderedPoint,
): TextDirective | null {
  const { blocks } = page.rendered;
  const target: MatchSpan = {
    start: page.position(from.block, from.offset),
    end: page.position(to.block, to.offset),
  };
  const oneBlock = from.block === to.block;
  const head = blocks[from.block]!.slice(from.offset, oneBlock ? to.offset : undefined);
  const tail = oneBlock ? head : blocks[to.block]!.slice(0, to.offset);
  const headWords = edgeWords(head, MAX_TERM_WORDS);
  const tailWords = edgeWords(tail, MAX_TERM_WORDS, true);
  const prefixes = contextTerms(blocks, from, 'before', CONTEXT_STEPS);
  const suffixes = contextTerms(blocks, to, 'after', CONTEXT_STEPS);

  const bodies: Array<Pick<TextDirective, 'start' | 'end'>> = [];
  if (oneBlock) bodies.push({ start: collapse(head) });
  for (let s = 1; s <= headWords.length; s++) {
    for (let e = 1; e <= tailWords.length; e++) {
      const startEnd = headWords[s - 1]!.end;
      const endStart = tailWords[tailWords.length - e]!.index;
      // In one block the end is searched after the start: the terms must not overlap.
      if (oneBlock && startEnd > endStart) continue;
      bodies.push({ start: collapse(head.slice(0, startEnd)), end: collapse(tail.slice(endStart)) });
    }
  }

  const candidates: Array<{ directive: TextDirective; cost: number }> = [];
  for (const body of bodies) {
    if (!body.start || body.end === '') continue;
    for (const prefix of prefixes) {
      for (const suffix of suffixes) {
        const directive: TextDirective = { ...body };
        if (prefix) directive.prefix = prefix;
        if (suffix) directive.suffix = suffix;
        candidates.push({ directive, cost: formatTextDirective(directive).length });
      }
    }
  }
  candidates.sort((a, b) => a.cost - b.cost);

  let firstOnPassage: TextDirective | null = null;
  const check = (directive: TextDirective): boolean => {
    const found = page.matches(directive);
    const lands = found[0]?.start === target.start && found[0].end === target.end;
    if (lands && found.length === 1) return true;
    if (lands) firstOnPassage ??= directive;
    return false;
  };
  const checks = Math.min(candidates.length, MAX_CHECKS);
  for (let i = 0; i < checks; i++) {
    if (check(candidates[i]!.directive)) return candidates[i]!.directive;
  }
  // Farther out: longer terms, then longer context on either side and both, a few dozen checks at most.
  const longHead = edgeWords(head, LONG_STEPS.at(-1)!);
  const longTail = edgeWords(tail, LONG_STEPS.at(-1)!, true);
  const longPrefixes = contextTerms(blocks, from, 'before', LONG_STEPS);
  const longSuffixes = contextTerms(blocks, to, 'after', LONG_STEPS);
  for (const [i, n] of LONG_STEPS.entries()) {
    const s = Math.min(n, longHead.length);
    const e = Math.min(n, longTail.length);
    const startEnd = longHead[s - 1]?.end ?? head.length;
    const endStart = longTail[longTail.length - e]?.index ?? 0;
    const body: TextDirective =
      oneBlock && startEnd > endStart
        ? { start: collapse(head) }
        : { start: collapse(head.slice(0, startEnd)), end: collapse(tail.slice(endStart)) };
    const prefix = longPrefixes[Math.min(i + 1, longPrefixes.length - 1)] || undefined;
    const suffix = longSuffixes[Math.min(i + 1, longSuffixes.length - 1)] || undefined;
    const tries: TextDirective[] = [body];
    if (prefix) tries.push({ ...body, prefix });
    if (suffix) tries.push({ ...body, suffix });
    if (prefix && suffix) tries.push({ ...body, prefix, suffix });
    for (const directive of tries) {
      if (directive.start && check(directive)) return directive;
    }
  }
  return firstOnPassage;
}

/** The passage cut to the whole words it holds, when an end falls inside a word; else null. */
function wholeWordsDirective(
  page: SearchablePage,
  from: RenderedPoint,
  to: RenderedPoint,
): TextDirective | null {
  const { blocks } = page.rendered;
  const before = blocks[from.block]![from.offset - 1] ?? ' ';
  const after = blocks[to.block]![to.offset] ?? ' ';
  let start = from;
  let end = to;
  if (isWordChar(before) && isWordChar(blocks[from.block]![from.offset] ?? ' ')) {
    const rest = blocks[from.block]!.slice(from.offset, from.block === to.block ? to.offset : undefined);
    const second = edgeWords(rest, 2)[1];
    if (!second) return null;
    start = { block: from.block, offset: from.offset + second.index };
  }
  if (isWordChar(after) && isWordChar(blocks[to.block]![to.offset - 1] ?? ' ')) {
    const lead = blocks[to.block]!.slice(to.block === start.block ? start.offset : 0, to.offset);
    const words = edgeWords(lead, 2, true);
    if (words.length < 2) return null;
    end = { block: to.block, offset: to.offset - lead.length + words[0]!.end };
  }
  if (start === from && end === to) return null;
  if (start.block > end.block || (start.block === end.block && start.offset >= end.offset)) return null;
  return directiveBetween(page, start, end);
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}\p{M}_]/u.test(char);
}

/**
 * The context terms to try on one side of the passage, fewest words first ('' for none): words of the
 * passage's own block next to it, or of the nearest block with words when the passage begins (ends) its
 * block. The term runs to the passage, punctuation included: only whitespace may separate them.
 */
function contextTerms(
  blocks: readonly string[],
  at: RenderedPoint,
  side: 'before' | 'after',
  steps: readonly number[],
): string[] {
  let text = side === 'before' ? blocks[at.block]!.slice(0, at.offset) : blocks[at.block]!.slice(at.offset);
  const step = side === 'before' ? -1 : 1;
  for (let b = at.block + step, n = 0; !/\S/.test(text) && n < BLANK_BLOCKS; b += step, n++) {
    const block = blocks[b];
    if (block === undefined) break;
    text = block;
  }
  const words = edgeWords(text, steps.at(-1)!, side === 'before');
  const terms = [''];
  for (const n of steps) {
    if (n === 0 || n > words.length) continue;
    const term =
      side === 'before'
        ? collapse(text.slice(words[words.length - n]!.index))
        : collapse(text.slice(0, words[n - 1]!.end));
    if (term) terms.push(term);
  }
  // Fewer words than the longest step: all of them is the longest context there is.
  const all =
    words[0] && collapse(side === 'before' ? text.slice(words[0].index) : text.slice(0, words.at(-1)!.end));
  if (all && words.length < steps.at(-1)! && terms.at(-1) !== all) terms.push(all);
  return terms;
}

/** The passage's ends in the rendered text, whitespace left out; null when it renders no text. */
function trimmedEnds(
  rendered: RenderedText,
  span: { start: number; end: number },
): { start: RenderedPoint; end: RenderedPoint } | null {
  const first = rendered.pointOf(span.start, 'start');
  const last = rendered.pointOf(span.end, 'end');
  if (!first || !last) return null;
  const { blocks } = rendered;
  const start = { ...first };
  const end = { ...last };
  for (;;) {
    const block = blocks[start.block]!;
    while (start.offset < block.length && SPACE.test(block[start.offset]!)) start.offset++;
    if (start.offset < block.length || start.block >= end.block) break;
    start.block++;
    start.offset = 0;
  }
  for (;;) {
    const block = blocks[end.block]!;
    while (end.offset > 0 && SPACE.test(block[end.offset - 1]!)) end.offset--;
    if (end.offset > 0 || end.block <= start.block) break;
    end.block--;
    end.offset = blocks[end.block]!.length;
  }
  if (start.block > end.block || (start.block === end.block && start.offset >= end.offset)) return null;
  return { start, end };
}

/**
 * The formatted directive (`text=...`) of the passage at TextIndex offsets `span`, built from the
 * rendered page `styleOf` reads; null when none lands on it or it would not fit LIMITS.textFragment (the
 * export then builds one from the quote). Never throws: a page that defeats it still gets its clip.
 */
export function pageTextFragment(
  index: TextIndex,
  span: { start: number; end: number },
  styleOf: StyleReader,
): string | null {
  try {
    const directive = pageTextDirective(renderedText(index, styleOf), span);
    const formatted = directive && formatTextDirective(directive);
    return formatted && formatted.length <= LIMITS.textFragment ? formatted : null;
  } catch {
    return null;
  }
}
