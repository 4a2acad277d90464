/**
 * Our Web Annotation and Markdown exports on the 62 real web pages, judged by implementations we did not
 * write (issue #19):
 * - Web Annotation: every annotation (and the collection) against the W3C web-annotation-tests "must"
 *   assertions (./web-annotation-schemas.ts); every exported selector resolved on the same page by two
 *   implementations, Apache Annotator (`@apache-annotator/dom`) and tilgovi's dom-anchor-text-quote /
 *   dom-anchor-text-position (what Hypothesis anchored with for years): each must give the passage, no
 *   more and no less. The position selectors we exported before (our own text model) are compared too.
 * - Markdown: every passage's clip Markdown, inside a whole export, parsed by markdown-it and the
 *   CommonMark reference: its text, links and emphasis come back as the page had them, and the document
 *   has no structure of its own beyond ours (no HTML, no image, no heading but the export's).
 *
 * Passages are sampled on each page as a reader selects (whole words, mostly within one text node,
 * sometimes across a few or a dozen), seeded per page.
 */
import { readFileSync } from 'node:fs';
import { createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import * as domTextPosition from 'dom-anchor-text-position';
import * as domTextQuote from 'dom-anchor-text-quote';
import { buildTextIndex, describeRange, type TextIndex, textContentQuote } from '@/core/anchoring';
import { codePointLength } from '@/core/anchoring/text-content';
import { rangeToMarkdown } from '@/core/markdown/from-html';
import { toMarkdown } from '@/core/markdown/export';
import { DEFAULT_EXPORT_OPTIONS } from '@/core/markdown/export-options';
import type { HighlightRecord, PageRecord, TextPositionSelector } from '@/core/types';
import { toWebAnnotations } from '@/core/web-annotation';
import { webPagePath } from '../../fixtures/web-pages';
import { seededRandom } from '../../seeded-random';
import { snapshotIntersectsNode } from '../fast-intersects';
import { renderedHtml } from './markdown/markdown-oracle';
import { assertionsOf, failedAssertions, modelProblems } from './web-annotation-schemas';

export const PASSAGES_PER_PAGE = 5;
/**
 * `npm test` checks the first passage of a fixed sample of pages, one or more of each kind (Apache
 * Annotator's matchers take seconds per passage on a large page in jsdom); `EXPORTS_REPORT=1` checks all
 * five on every page and prints the figures.
 */
export const QUICK_PASSAGES_PER_PAGE = 1;
export const QUICK_PAGES: readonly string[] = [
  // Small test pages: an ordered list, right-to-left text, a table.
  'ol',
  'rtl-1',
  'table-style-attributes',
  // A paragraph repeated on the page: the quote's context must grow to tell the copies apart.
  'reordering-paragraphs',
  'svg-parsing',
  // Script and style text, which textContent counts and we skip: positions must be textContent's.
  'comment-inside-script-parsing',
  'style-tags-removal',
  'ars-1',
  'blogger',
  // Blog posts and documentation of middling size, links and emphasis in the passages.
  'daringfireball-1',
  'v8-blog',
  'ietf-1',
];

export interface PassageVerdict {
  page: string;
  text: string;
  /**
   * MUST rules the annotation (alone) and its collection break, by our schema of the model and, where
   * the checkout is at hand, the W3C assertions; empty when valid.
   */
  failed: string[];
  /** Apache Annotator resolves our exported quote / position selector to exactly the passage. */
  quoteExact: boolean;
  positionExact: boolean;
  /**
   * dom-anchor-text-quote resolves the quote selector alone (no position hint) to exactly the passage; or
   * what it threw (its fuzzy matcher refuses a prefix or suffix over 32 characters).
   */
  domQuoteExact: boolean;
  domQuoteError: string | null;
  /** The same with the position selector's start as its hint, as Hypothesis called it. */
  domQuoteHintedExact: boolean;
  /** dom-anchor-text-position resolves the position selector to exactly the passage. */
  domPositionExact: boolean;
  /**
   * Characters beyond U+FFFF before the passage's end: the model counts positions in code points, as we
   * and Apache Annotator do; dom-anchor-text-position counts UTF-16 code units, one more for each.
   */
  astral: number;
  /** The longer of the exported quote's prefix and suffix (dom-anchor-text-quote reads at most 32). */
  contextLength: number;
  /** The position selector we exported before this change (our own text model), resolved the same way. */
  oldPositionExact: boolean;
  /** Characters between the old position and the one Apache counts (0 when they agree). */
  oldPositionShift: number;
  /** What differs between the passage and the Markdown as the parsers render it; empty when exact. */
  markdownProblems: string[];
}

function seedOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Elements whose text a reader never selects (our index skips script and style already). */
const UNSELECTABLE = '[hidden], [aria-hidden="true"], nav, button, select, option';

/** Passages: a run of whole words, mostly within one text node, sometimes across several. */
function samplePassages(index: TextIndex, name: string, count: number): { start: number; end: number }[] {
  const next = seededRandom(seedOf(name));
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  const words = index.nodes.map((node, i) => {
    if (!/\p{L}/u.test(node.data) || node.parentElement?.closest(UNSELECTABLE)) return [];
    return [...segmenter.segment(node.data)]
      .filter((s) => s.isWordLike)
      .map((s) => ({
        start: index.starts[i]! + s.index,
        end: index.starts[i]! + s.index + s.segment.length,
      }));
  });
  const withWords = words.map((w, i) => (w.length ? i : -1)).filter((i) => i >= 0);
  const passages: { start: number; end: number }[] = [];
  for (let tries = 0; withWords.length && passages.length < count && tries < count * 20; tries++) {
    const at = Math.floor(next() * withWords.length);
    const first = words[withWords[at]!]!;
    const from = first[Math.floor(next() * first.length)]!;
    const roll = next();
    const reach = roll < 0.6 ? 0 : roll < 0.85 ? 2 : 12;
    const lastAt = Math.min(withWords.length - 1, at + Math.floor(next() * (reach + 1)));
    const last = words[withWords[lastAt]!]!.filter((w) => w.start > from.start);
    if (!last.length) continue;
    const to = last[Math.min(last.length, 1 + Math.floor(next() * (reach === 0 ? 15 : last.length))) - 1]!;
    if (passages.some((p) => p.start === from.start && p.end === to.end)) continue;
    passages.push({ start: from.start, end: to.end });
  }
  return passages;
}

async function firstMatch(matches: AsyncIterable<Range>): Promise<Range | null> {
  for await (const match of matches) return match;
  return null;
}

/**
 * Offset of a boundary point in root's textContent. A point in a Text node is counted by one walk over
 * the Text nodes before it (jsdom's Range.toString from the start takes minutes on a large page).
 */
function textContentOffset(root: Node, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const walker = root.ownerDocument!.createTreeWalker(root, 4 /* SHOW_TEXT */);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node === container) return count + offset;
      count += (node as Text).data.length;
    }
  }
  const range = root.ownerDocument!.createRange();
  range.setStart(root, 0);
  range.setEnd(container, offset);
  return range.toString().length;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Text, links (href and text) and emphasis of HTML, whitespace aside. */
function structureOf(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const body = doc.body;
  // A link around blocks is written as one link per line: the same href in a row is one link.
  const links: { href: string; text: string }[] = [];
  for (const a of body.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    const last = links.at(-1);
    if (last && last.href === href && isAdjacentLink(a)) last.text += squash(a.textContent ?? '');
    else links.push({ href, text: squash(a.textContent ?? '') });
  }
  const emphasis = [...body.querySelectorAll('em, i')]
    .map((e) => squash(e.textContent ?? ''))
    .filter(Boolean);
  const strong = [...body.querySelectorAll('strong, b')]
    .map((e) => squash(e.textContent ?? ''))
    .filter(Boolean);
  return { text: squash(body.textContent ?? ''), links, emphasis, strong, body };
}

/** Whether the link before this one (in document order) has nothing but whitespace or block edges between. */
function isAdjacentLink(a: Element): boolean {
  const all = [...a.ownerDocument.querySelectorAll('a')] as Element[];
  const before = all[all.indexOf(a) - 1];
  if (!before) return false;
  const range = a.ownerDocument.createRange();
  range.setStartAfter(before);
  range.setEndBefore(a);
  return range.toString().trim() === '';
}

/**
 * What differs between the sanitized HTML of a clip and its Markdown as a renderer shows it, inside a
 * whole export: the passage must come back in the export's one blockquote.
 */
function markdownProblems(
  html: string,
  markdown: string,
  record: HighlightRecord,
  page: PageRecord,
): string[] {
  const document = toMarkdown({
    title: 'Export',
    highlights: [record],
    pages: [page],
    talks: [],
    colorNames: {},
    options: { ...DEFAULT_EXPORT_OPTIONS, includeFrontMatter: false, groupBy: 'none' },
    exportedAt: 0,
  });
  const expected = structureOf(html);
  const problems: string[] = [];
  renderedHtml(document).forEach((rendered, parser) => {
    const got = new DOMParser().parseFromString(rendered, 'text/html').body;
    const quotes = got.querySelectorAll(':scope > blockquote');
    const name = ['markdown-it commonmark', 'markdown-it default', 'commonmark.js'][parser];
    if (quotes.length !== 1) {
      problems.push(`${name}: ${quotes.length} top-level quotes`);
      return;
    }
    // Headings with text: an empty one has nothing to say in Markdown, and is rightly dropped.
    const headings = (root: Element, selector = 'h1, h2, h3, h4, h5, h6') =>
      [...root.querySelectorAll(selector)].filter((h) => squash(h.textContent ?? '') !== '').length;
    if (headings(got) !== headings(got, ':scope > h1') + headings(expected.body))
      problems.push(`${name}: headings`);
    if (got.querySelectorAll('img, script, iframe').length)
      problems.push(`${name}: an image or HTML element`);
    const passage = structureOf(quotes[0]!.innerHTML);
    if (passage.text !== expected.text) {
      let at = 0;
      while (passage.text[at] === expected.text[at]) at++;
      const around = (t: string) => JSON.stringify(t.slice(Math.max(0, at - 20), at + 40));
      problems.push(`${name}: text ${around(passage.text)}, expected ${around(expected.text)}`);
    }
    if (JSON.stringify(passage.links) !== JSON.stringify(expected.links))
      problems.push(`${name}: links ${JSON.stringify(passage.links)} != ${JSON.stringify(expected.links)}`);
    if (JSON.stringify(passage.emphasis) !== JSON.stringify(expected.emphasis))
      problems.push(`${name}: emphasis`);
    if (JSON.stringify(passage.strong) !== JSON.stringify(expected.strong)) problems.push(`${name}: strong`);
  });
  void markdown;
  return problems;
}

/** Checks the first `limit` sampled passages of one page. */
export async function checkPage(
  name: string,
  limit: number,
  withSchemas: boolean,
): Promise<PassageVerdict[]> {
  const doc = new DOMParser().parseFromString(readFileSync(webPagePath(name), 'utf8'), 'text/html');
  // The page does not change while it is checked: the oracles' intersectsNode calls are answered from a
  // snapshot (jsdom's took minutes per passage on the largest pages).
  const restore = snapshotIntersectsNode(doc);
  try {
    return await checkPassages(name, doc, limit, withSchemas);
  } finally {
    restore();
  }
}

async function checkPassages(
  name: string,
  doc: Document,
  limit: number,
  withSchemas: boolean,
): Promise<PassageVerdict[]> {
  const url = `https://pages.example/${name}/`;
  const root = doc.body;
  const index = buildTextIndex(root);
  const musts = withSchemas ? assertionsOf('annotations/annotationMusts.test') : [];
  const collectionMusts = withSchemas ? assertionsOf('collections/collectionMusts.test') : [];
  const verdicts: PassageVerdict[] = [];
  for (const [i, span] of samplePassages(index, name, PASSAGES_PER_PAGE).slice(0, limit).entries()) {
    const range = index.rangeFor(span.start, span.end);
    const selectors = describeRange(root, range, index);
    const counted = textContentQuote(root, range);
    // A DOMParser document has no window: the test's own gives DOMPurify (without one a clip is plain text).
    const clip = rangeToMarkdown(range, { baseUrl: url, window });
    const page: PageRecord = {
      id: 'p',
      url,
      title: name,
      authors: [],
      siteName: null,
      publishedAt: null,
      lang: null,
      canonicalUrl: null,
      excerpt: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const record: HighlightRecord = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      pageId: 'p',
      url,
      talkId: null,
      text: index.text.slice(span.start, span.end),
      markdown: clip.markdown,
      ...(counted ? { textContentQuote: counted } : {}),
      selectors,
      color: 'yellow',
      note: '',
      tags: ['C++', '2024'],
      position: span.start,
      anchorStatus: 'placed',
      createdAt: Date.UTC(2026, 0, 1),
      updatedAt: Date.UTC(2026, 0, 1),
    };
    const collection = toWebAnnotations({
      title: name,
      highlights: [record],
      pages: [page],
      exportedAt: 0,
      version: '0.1.0',
    });
    const annotation = JSON.parse(JSON.stringify(collection.first.items[0]));
    const asFile = JSON.parse(JSON.stringify(collection));
    const failed = [
      ...modelProblems(annotation).map((p) => `annotation: ${p}`),
      ...modelProblems(asFile).map((p) => `collection: ${p}`),
      ...(withSchemas
        ? [...failedAssertions(annotation, musts), ...failedAssertions(asFile, collectionMusts)]
        : []),
    ];
    // The passage as Apache Annotator must find it: the range's text, whitespace at the ends trimmed.
    const expectedStart = textContentOffset(root, range.startContainer, range.startOffset);
    const expectedText = range.toString().trim();
    const trimmedStart = expectedStart + (range.toString().length - range.toString().trimStart().length);
    const trimmedEnd = trimmedStart + expectedText.length;
    const exactAt = async (match: Range | null) =>
      !!match &&
      match.toString() === expectedText &&
      textContentOffset(root, match.startContainer, match.startOffset) === trimmedStart;
    const [quote, position] = annotation.target.selector;
    const quoteMatch = await firstMatch(createTextQuoteSelectorMatcher(quote)(root));
    const positionMatch = position
      ? await firstMatch(createTextPositionSelectorMatcher(position)(root))
      : null;
    const textContent = root.textContent ?? '';
    const domQuoteWith = (hint?: number) => {
      try {
        return { match: domTextQuote.toRange(root, quote, { hint }), error: null };
      } catch (error) {
        return { match: null, error: String(error) };
      }
    };
    const domQuote = domQuoteWith();
    const domQuoteHinted = domQuoteWith(position?.start);
    const domPosition = position ? domTextPosition.toRange(root, position) : null;
    const old = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')!;
    verdicts.push({
      page: name,
      text: record.text.replace(/\s+/g, ' ').slice(0, 80),
      failed,
      quoteExact: await exactAt(quoteMatch),
      positionExact: await exactAt(positionMatch),
      domQuoteExact: await exactAt(domQuote.match),
      domQuoteError: domQuote.error,
      domQuoteHintedExact: await exactAt(domQuoteHinted.match),
      domPositionExact: await exactAt(domPosition),
      astral: trimmedEnd - codePointLength(textContent, trimmedEnd),
      contextLength: Math.max(quote.prefix?.length ?? 0, quote.suffix?.length ?? 0),
      // Apache Annotator counts over textContent: the old selector resolves to the passage only where
      // both counts agree (checked by hand with its matcher; one matcher run fewer per passage here).
      oldPositionExact: old.start === expectedStart,
      oldPositionShift: expectedStart - old.start,
      markdownProblems: markdownProblems(clip.html, clip.markdown, record, page),
      ...(process.env.EXPORTS_DEBUG ? { debug: { html: clip.html, markdown: clip.markdown } } : {}),
    });
  }
  return verdicts;
}
