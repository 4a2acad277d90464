/**
 * The property behind #14's first item, shared by the corpus tests: on a real page, every selection the
 * toolbar accepts gives a clip message the background accepts, and that clip is found again on the page.
 * Selections are random (fast-check, seeded per page) and made the way a reader makes them: boundaries in
 * text or between elements, mostly short, sometimes long, now and then the whole page; each goes through
 * the page's Selection, `clippableRange` and `prepareClip`, as the content script does.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import * as v from 'valibot';
import { HEAVY_TEST_MS } from '../heavy';
import { describe, expect, it } from 'vitest';
import { anchor, buildTextIndex } from '@/core/anchoring';
import { LIMITS } from '@/core/limits';
import { BackgroundRequestSchema } from '@/messaging/protocol';
import { analyzePage, prepareClip } from '@/page/clipper';
import type { StyleReader } from '@/core/rendered-text';
import { clippableRange, trimRange } from '@/page/selection';
import { ALL_WEB_PAGES, webPagePath } from '../../fixtures/web-pages';
import { keepOnlyLayoutRules } from '../layout-rules';

/** Random selections tried on each page: bounded, so the whole corpus stays a few seconds per file. */
export const RUNS_PER_PAGE = 10;

const PAGE_URL = 'https://example.com/write-up';
/** Refusals made up front, before anything is drawn: the reader is told and nothing is sent. */
const UP_FRONT = /^(Nothing to highlight|This passage is too long to highlight)/;
const NOT_SELECTABLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

/** A stable seed from the page's name, so a failure names a selection that can be replayed. */
function seedOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash | 0;
}

interface Selectable {
  doc: Document;
  /** Text nodes a reader can put a selection boundary in. */
  texts: Text[];
  /** The page's computed display and visibility, read once per element: the page does not change. */
  styleOf: StyleReader;
}

function load(path: string): Selectable {
  const doc = new JSDOM(readFileSync(path, 'utf8'), { url: PAGE_URL, virtualConsole: new VirtualConsole() })
    .window.document;
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest([...NOT_SELECTABLE].join(','))) texts.push(n as Text);
  }
  // The clip reads layout for its text-fragment link (what the page's getComputedStyle says, as in the
  // content script); in jsdom that read cost most of these tests' time. Same answers, faster.
  keepOnlyLayoutRules(doc);
  const view = doc.defaultView!;
  const styles = new WeakMap<Element, { display: string; visibility: string }>();
  const styleOf: StyleReader = (element) => {
    let style = styles.get(element);
    if (!style) {
      const { display, visibility } = view.getComputedStyle(element);
      style = { display, visibility };
      styles.set(element, style);
    }
    return style;
  };
  return { doc, texts, styleOf };
}

/** One boundary: in a text node at a fraction of its length, or just before that node (between elements). */
const boundary = fc.record({
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  beforeNode: fc.boolean(),
});
const selection = fc.record({
  start: fc.nat(),
  // Text nodes between start and end: mostly a few, sometimes hundreds, now and then to the page's end.
  span: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) },
    { weight: 1, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) },
  ),
  from: boundary,
  to: boundary,
  wholePage: fc.oneof(
    { weight: 15, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});
type Selection = typeof selection extends fc.Arbitrary<infer T> ? T : never;

function setBoundary(range: Range, which: 'start' | 'end', node: Text, at: Selection['from']): void {
  const parent = node.parentNode!;
  if (at.beforeNode) {
    const index = Array.prototype.indexOf.call(parent.childNodes, node);
    // Before the start node, or after the end node: the text node itself is then wholly inside.
    if (which === 'start') range.setStart(parent, index);
    else range.setEnd(parent, index + 1);
    return;
  }
  const offset = Math.round(at.fraction * node.length);
  if (which === 'start') range.setStart(node, offset);
  else range.setEnd(node, offset);
}

function rangeFor(page: Selectable, s: Selection): Range {
  const range = page.doc.createRange();
  if (s.wholePage || page.texts.length === 0) {
    range.selectNodeContents(page.doc.body);
    return range;
  }
  const first = s.start % page.texts.length;
  const last = Math.min(page.texts.length - 1, first + s.span);
  setBoundary(range, 'start', page.texts[first]!, s.from);
  setBoundary(range, 'end', page.texts[last]!, s.to);
  return range;
}

/** Checks the property on the page at `path`; `name` seeds the random selections. */
export function checkClipsOnPage(name: string, path: string, runs = RUNS_PER_PAGE): void {
  const page = load(path);
  const { doc } = page;
  const analysis = analyzePage(doc, PAGE_URL);
  const index = buildTextIndex(doc.body);
  let clipped = 0;
  fc.assert(
    fc.property(selection, (s) => {
      const selected = doc.getSelection()!;
      selected.removeAllRanges();
      selected.addRange(rangeFor(page, s));
      const range = clippableRange(doc);
      if (!range) return; // the toolbar does not show
      const prepared = prepareClip(doc, range, { color: 'yellow', analysis, index, styleOf: page.styleOf });
      if (!prepared.ok) {
        // Only the documented refusals, and never of a clip that was built: that one would fail a limit.
        expect(prepared.message).toMatch(UP_FRONT);
        expect(prepared.clip).toBeUndefined();
        if (prepared.message.startsWith('This passage')) {
          const { start, end } = index.rangeOffsets(trimRange(range));
          expect(end - start).toBeGreaterThan(LIMITS.passage);
        }
        return;
      }
      const message = { type: 'saveClip', clip: prepared.clip };
      const checked = v.safeParse(BackgroundRequestSchema, message);
      expect(checked.success ? [] : v.summarize(checked.issues)).toEqual([]);
      const { highlight } = prepared.clip;
      const placed = anchor(doc.body, highlight.selectors, index);
      expect(placed && { start: placed.start, text: index.text.slice(placed.start, placed.end) }).toEqual({
        start: highlight.position,
        text: highlight.text,
      });
      clipped++;
    }),
    // No shrinking: a failing selection is reported as found (shrinking re-runs whole pages for minutes).
    { seed: seedOf(name), numRuns: runs, endOnFailure: true },
  );
  // The page was really exercised: most random selections there are clips.
  expect(clipped).toBeGreaterThan(0);
}

/**
 * The test of the web pages `name` selects (`count` of the 62): the corpus is split over two files of
 * about the same running time, so the halves can run side by side.
 */
export function describeWebPages(part: string, select: (name: string) => boolean, count: number): void {
  const pages = ALL_WEB_PAGES.filter(select);
  describe(`clips on the web pages ${part} pass the saveClip schema and re-anchor`, () => {
    it('has its part of the 62 pages', () => {
      expect(ALL_WEB_PAGES).toHaveLength(62);
      expect(pages).toHaveLength(count);
    });

    it.each(pages)(
      '%s',
      (name) => {
        checkClipsOnPage(`web-pages/${name}`, webPagePath(name));
      },
      HEAVY_TEST_MS,
    );
  });
}
