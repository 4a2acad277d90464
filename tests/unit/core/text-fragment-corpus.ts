/**
 * Text-fragment links on the 62 real web pages, checked by an implementation we did not write:
 * GoogleChromeLabs' text-fragments-polyfill. On every page, passages are sampled the way a reader selects
 * them (whole words, within a paragraph or across a few) and each gets
 * - our link, built as a clip builds it (core/text-fragment-generate.ts over the rendered page);
 * - the polyfill's own link (`generateFragment`, the spec's generation algorithm);
 * - the link built from the stored quote alone (the fallback for highlights clipped before);
 * and every link is resolved by the polyfill's `processTextFragmentDirective`: it resolves exactly when
 * its first match is the passage, no more and no less.
 *
 * The polyfill reads the global document (`document`, `window.getComputedStyle`, `instanceof
 * HTMLElement`), so each page is loaded into the test's own jsdom document, scripts removed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GenerateFragmentStatus,
  generateFragment,
  setTimeout as setGenerationTimeout,
} from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
import {
  getFragmentDirectives,
  parseFragmentDirectives,
  processTextFragmentDirective,
} from 'text-fragments-polyfill/text-fragment-utils';
import { buildTextIndex, describeRange, type TextIndex } from '@/core/anchoring';
import { renderedText, type StyleReader } from '@/core/rendered-text';
import { formatTextDirective, highlightFragmentUrl, type TextDirective } from '@/core/text-fragment';
import { pageTextDirective } from '@/core/text-fragment-generate';
import { SearchablePage } from '@/core/text-fragment-match';
import type { Selector } from '@/core/types';
import { webPagePath } from '../../fixtures/web-pages';
import { snapshotIntersectsNode } from '../fast-intersects';
import { showPage } from '../global-page';
import { keepOnlyLayoutRules } from '../layout-rules';

/** Passages sampled on each page. */
export const PASSAGES_PER_PAGE = 5;
/**
 * Passages checked per page in `npm test`: jsdom's style cascade and the polyfill's tree walks take
 * seconds on large pages. `TEXT_FRAGMENT_REPORT=1` checks them all and prints the measurement.
 */
export const QUICK_PASSAGES_PER_PAGE = 2;

export interface PassageResult {
  page: string;
  /** The passage's text, whitespace collapsed. */
  text: string;
  ours: string | null;
  oursExact: boolean;
  /** The polyfill's own link, when it made one. */
  polyfill: string | null;
  polyfillExact: boolean;
  /** The link built from the stored quote alone (highlights clipped before links were built on the page). */
  fromQuote: string | null;
  fromQuoteExact: boolean;
}

/** A small deterministic generator (mulberry32), seeded per page so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash | 0;
}

/** Loads the page into the global document; returns a memoized style reader shared with the polyfill. */
function loadIntoDocument(name: string): () => void {
  showPage(readFileSync(webPagePath(name), 'utf8'));
  keepOnlyLayoutRules(document);
  // The page does not change while it is tested, and jsdom is slow where the polyfill is busiest: its
  // computed styles are computed anew on every read, and Range.intersectsNode walks the tree each time.
  // Both are answered from a snapshot here (same answers; the polyfill reads only these properties).
  const originalStyle = window.getComputedStyle;
  const styles = new WeakMap<Element, CSSStyleDeclaration>();
  window.getComputedStyle = (element: Element) => {
    let style = styles.get(element);
    if (!style) {
      const c = originalStyle.call(window, element);
      const { display, visibility, height, width, overflowX, overflowY, opacity } = c;
      style = { display, visibility, height, width, overflowX, overflowY, opacity } as CSSStyleDeclaration;
      styles.set(element, style);
    }
    return style;
  };
  const restoreIntersects = snapshotIntersectsNode(document);
  return () => {
    window.getComputedStyle = originalStyle;
    restoreIntersects();
  };
}

interface PolyfillTerm {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

function toPolyfill(directiveText: string): PolyfillTerm {
  // The polyfill's own parser reads our link, as it reads any.
  const parsed = parseFragmentDirectives(getFragmentDirectives(`#:~:${directiveText}`));
  return parsed.text[0]!;
}

function fromPolyfill(fragment: PolyfillTerm): TextDirective {
  const directive: TextDirective = { start: fragment.textStart };
  if (fragment.prefix) directive.prefix = fragment.prefix;
  if (fragment.textEnd) directive.end = fragment.textEnd;
  if (fragment.suffix) directive.suffix = fragment.suffix;
  return directive;
}

/** Words of visible text nodes (by the polyfill's own visibility test), as TextIndex spans. */
interface WordSpan {
  node: number;
  start: number;
  end: number;
}

function visibleWords(index: TextIndex): WordSpan[][] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const isVisible = (node: Node) => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      const style = window.getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return true;
  };
  return index.nodes.map((node, i) => {
    if (!/\p{L}/u.test(node.data) || !isVisible(node)) return [];
    const words: WordSpan[] = [];
    for (const s of segmenter.segment(node.data)) {
      if (s.isWordLike) {
        const start = index.starts[i]! + s.index;
        words.push({ node: i, start, end: start + s.segment.length });
      }
    }
    return words;
  });
}

/** Passages: a run of whole words, mostly within one text node, sometimes across several. */
function samplePassages(
  index: TextIndex,
  name: string,
  count: number,
): Array<{ start: number; end: number }> {
  const next = random(seedOf(name));
  const words = visibleWords(index);
  const nodesWithWords = words.map((w, i) => (w.length > 0 ? i : -1)).filter((i) => i >= 0);
  const passages: Array<{ start: number; end: number }> = [];
  if (nodesWithWords.length === 0) return passages;
  for (let tries = 0; passages.length < count && tries < count * 20; tries++) {
    const at = Math.floor(next() * nodesWithWords.length);
    const first = words[nodesWithWords[at]!]!;
    const from = first[Math.floor(next() * first.length)]!;
    const roll = next();
    // Within the node (most selections), or ending in a node up to 2 or up to 12 further on.
    const reach = roll < 0.6 ? 0 : roll < 0.85 ? 2 : 12;
    const lastAt = Math.min(nodesWithWords.length - 1, at + Math.floor(next() * (reach + 1)));
    const last = words[nodesWithWords[lastAt]!]!.filter((w) => w.start > from.start);
    if (last.length === 0) continue;
    const length = Math.min(last.length, 1 + Math.floor(next() * (reach === 0 ? 15 : last.length)));
    const to = last[length - 1]!;
    if (passages.some((p) => p.start === from.start && p.end === to.end)) continue;
    passages.push({ start: from.start, end: to.end });
  }
  return passages;
}

/**
 * What the polyfill's own generator made of a passage, kept in tests/fixtures/text-fragment-links/: its
 * generator searches exhaustively (over a minute for one passage of a large page in jsdom), and its
 * answer depends only on the page and the passage. `UPDATE_GOLDEN=1` computes them again.
 */
export interface PolyfillVerdict {
  start: number;
  end: number;
  /** The passage, whitespace collapsed: a changed sample or page is noticed. */
  text: string;
  /** `generateFragment`'s link (formatted as ours are), or null when it gave none. */
  polyfill: string | null;
  /** Whether that link resolves exactly (by `processTextFragmentDirective`). */
  polyfillExact: boolean;
}

export const VERDICTS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/text-fragment-links',
);
/** The generator's time limit per passage when verdicts are computed: what it cannot link in it, it fails. */
const GENERATION_TIMEOUT_MS = 5000;

/** Reads the verdicts kept for `name`, or null. */
export function keptVerdicts(name: string): PolyfillVerdict[] | null {
  const path = join(VERDICTS_DIR, `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PolyfillVerdict[]) : null;
}

/**
 * Tests the sampled passages of the page `name`: our link and the link from the quote are resolved by the
 * polyfill; the polyfill's own link comes from `verdicts` (computed, and written, when null).
 */
export function checkPage(
  name: string,
  verdicts: PolyfillVerdict[] | null,
  options: { count?: number; quick?: boolean } = {},
): PassageResult[] {
  const count = options.count ?? PASSAGES_PER_PAGE;
  const restore = loadIntoDocument(name);
  try {
    const index = buildTextIndex(document.body);
    const styleOf: StyleReader = (element) => window.getComputedStyle(element);
    const page = new SearchablePage(renderedText(index, styleOf));
    const landsOn = (span: { start: number; end: number }, directiveText: string | null): boolean => {
      if (!directiveText) return false;
      const results = processTextFragmentDirective(toPolyfill(directiveText), document, document.body);
      if (results.length === 0) return false;
      return sameVisibleSpan(page, index.rangeOffsets(results[0]!), span);
    };
    const textOf = (span: { start: number; end: number }) =>
      index.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    const judged =
      verdicts ??
      samplePassages(index, name, count).map((span): PolyfillVerdict => {
        setGenerationTimeout(GENERATION_TIMEOUT_MS);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(index.rangeFor(span.start, span.end));
        let generated: ReturnType<typeof generateFragment>;
        try {
          generated = generateFragment(selection);
        } catch {
          generated = { status: GenerateFragmentStatus.TIMEOUT }; // it throws its timeout
        }
        selection.removeAllRanges();
        const polyfill =
          generated.status === GenerateFragmentStatus.SUCCESS
            ? formatTextDirective(fromPolyfill(generated.fragment!))
            : null;
        return { ...span, text: textOf(span), polyfill, polyfillExact: landsOn(span, polyfill) };
      });
    if (!verdicts) {
      mkdirSync(VERDICTS_DIR, { recursive: true });
      writeFileSync(join(VERDICTS_DIR, `${name}.json`), `${JSON.stringify(judged, null, 1)}\n`);
    }
    // Quick (in `npm test`): the first passages the polyfill links exactly, and no link from the quote.
    const checked = options.quick
      ? judged.filter((v) => v.polyfillExact).slice(0, QUICK_PASSAGES_PER_PAGE)
      : judged;
    return checked.map((verdict) => {
      const span = { start: verdict.start, end: verdict.end };
      if (textOf(span) !== verdict.text)
        throw new Error(`${name}: the kept passage ${JSON.stringify(verdict.text)} is not on the page`);
      const ours = pageTextDirective(page, span);
      const oursText = ours && formatTextDirective(ours);
      const range = index.rangeFor(span.start, span.end);
      const selectors = describeRange(document.body, range, index) as Selector[];
      const url = highlightFragmentUrl({
        url: 'https://example.com/p',
        text: index.text.slice(span.start, span.end),
        selectors,
      });
      const fromQuote = options.quick ? null : (url?.split('#:~:')[1] ?? null);
      return {
        page: name,
        text: verdict.text,
        ours: oursText,
        oursExact: landsOn(span, oursText),
        polyfill: verdict.polyfill,
        polyfillExact: verdict.polyfillExact,
        fromQuote,
        fromQuoteExact: landsOn(span, fromQuote),
      };
    });
  } finally {
    restore();
  }
}

/** Whether a found span covers the same rendered text as the passage (whitespace at either end aside). */
function sameVisibleSpan(
  page: SearchablePage,
  found: { start: number; end: number },
  passage: { start: number; end: number },
): boolean {
  const position = (offset: number, side: 'start' | 'end') => {
    const point = page.rendered.pointOf(offset, side);
    if (!point) return -1;
    const at = page.position(point.block, point.offset);
    return side === 'start' ? page.skipSpace(at) : page.skipSpaceBack(at);
  };
  return (
    position(found.start, 'start') === position(passage.start, 'start') &&
    position(found.end, 'end') === position(passage.end, 'end')
  );
}

/** The middle value. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
