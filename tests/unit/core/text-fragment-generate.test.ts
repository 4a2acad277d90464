import { processTextFragmentDirective } from 'text-fragments-polyfill/text-fragment-utils';
import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '@/core/anchoring';
import { renderedText } from '@/core/rendered-text';
import { formatTextDirective, type TextDirective } from '@/core/text-fragment';
import { MAX_TERM_WORDS, pageTextDirective, pageTextFragment } from '@/core/text-fragment-generate';
import { SearchablePage } from '@/core/text-fragment-match';

const computed = (element: Element) => window.getComputedStyle(element);

/** The page, and the TextIndex span of the `occurrence`-th `passage` in its text. */
function setUp(html: string, passage: string, occurrence = 0) {
  document.body.innerHTML = html;
  const index = buildTextIndex(document.body);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = index.text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`not on the page: ${passage}`);
  const page = new SearchablePage(renderedText(index, computed));
  return { index, page, span: { start, end: start + passage.length } };
}

/** Where a directive lands on the page, as rendered text. */
function landing(page: SearchablePage, directive: TextDirective | null): string[] {
  if (!directive) return [];
  return page.matches(directive).map((m) => page.text.slice(m.start, m.end));
}

describe('pageTextDirective', () => {
  it.each<[string, string, string, number, TextDirective]>([
    [
      'a term never spans blocks with no whitespace between them',
      '<p>Alpha paragraph ends here.</p><p>Beta paragraph starts here and goes on.</p>',
      'ends here.Beta paragraph',
      0,
      { start: 'ends', end: 'paragraph' },
    ],
    [
      'nor a line break',
      '<p>First line of a verse<br>second line of the verse</p>',
      'a verse' + 'second line',
      0,
      { start: 'a', end: 'line' },
    ],
    [
      'nor an inline element laid out as a block',
      '<style>.b{display:block}</style><div>Leading words<span class="b">a boxed span</span>after</div>',
      'wordsa boxed',
      0,
      { start: 'words', end: 'boxed' },
    ],
    [
      'hidden text is left out of the terms',
      '<style>.share{display:none}</style><p>Read the notes<span class="share">Share on X</span> before upgrading.</p>',
      'notesShare on X before',
      0,
      { start: 'notes', end: 'before' },
    ],
    [
      'an end term whose first match after the start is the passage’s end',
      '<p>Source files: blanket.js, mocha-blanket.js. As an example, mocha-blanket.js is loaded last.</p>',
      'mocha-blanket.js. As an example, mocha-blanket.js',
      0,
      { start: 'mocha', end: 'mocha-blanket.js' },
    ],
    [
      'a repeated passage gets the context that tells the copies apart',
      '<p>Repeated line.</p><p>Something between.</p><p>Repeated line.</p>',
      'Repeated line.',
      1,
      { prefix: 'between.', start: 'Repeated', end: 'line.' },
    ],
    [
      // Layout wrappers leave blocks of whitespace only between a passage and the words before it
      // (nytimes-1's navigation, lazy-image-2's advertisement labels): the context is past them all.
      'context is taken past any number of blocks holding only whitespace',
      `<p>Repeated line.</p><p>Something between.</p>${'<div>\n'.repeat(6)}<p>Repeated line.</p>${'\n</div>'.repeat(6)}`,
      'Repeated line.',
      1,
      { prefix: 'between.', start: 'Repeated', end: 'line.' },
    ],
  ])('%s', (_, html, passage, occurrence, expected) => {
    const { page, span } = setUp(html, passage, occurrence);
    const directive = pageTextDirective(page, span);
    expect(directive).toEqual(expected);
    // It lands once, on the passage as rendered.
    const { page: again, span: target } = setUp(html, passage, occurrence);
    const found = again.matches(directive!);
    expect(found).toHaveLength(1);
    const rendered = again.rendered;
    const from = rendered.pointOf(target.start, 'start')!;
    const to = rendered.pointOf(target.end, 'end')!;
    expect(found[0]).toEqual({
      start: again.skipSpace(again.position(from.block, from.offset)),
      end: again.skipSpaceBack(again.position(to.block, to.offset)),
    });
    // And the polyfill, which knows nothing of ours, finds the same. It splits blocks by tag name only
    // (a span laid out as a block is Chromium's case: tests/e2e/text-fragment.e2e.test.ts).
    if (html.includes('display:block')) return;
    const results = processTextFragmentDirective(
      {
        prefix: directive!.prefix ?? '',
        textStart: directive!.start,
        textEnd: directive!.end ?? '',
        suffix: directive!.suffix ?? '',
      },
      document,
      document.body,
    );
    expect(results.length).toBeGreaterThan(0);
    const index = buildTextIndex(document.body);
    expect(index.rangeOffsets(results[0]!)).toEqual(target);
  });

  it('keeps a long passage to its first and last words, and adds context only where needed', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const { page, span } = setUp(`<p>${words}</p><p>${words}</p>`, words, 1);
    const directive = pageTextDirective(page, span)!;
    expect(landing(page, directive)).toHaveLength(1);
    expect(directive.start.split(' ').length).toBeLessThanOrEqual(MAX_TERM_WORDS);
    expect(directive.prefix).toBeDefined();
    const unique = setUp(`<p>${words}</p>`, words);
    expect(pageTextDirective(unique.page, unique.span)).toEqual({ start: 'word0', end: 'word39' });
  });

  it('tells copies apart by the context across block boundaries', () => {
    const html = '<p>Same text.</p><p>Same text.</p>';
    const first = setUp(html, 'Same text.', 0);
    const second = setUp(html, 'Same text.', 1);
    // The first copy has nothing before it; the second has the first copy's words.
    expect(pageTextDirective(first.page, first.span)).toEqual({
      start: 'Same',
      end: 'text.',
      suffix: 'Same',
    });
    expect(pageTextDirective(second.page, second.span)).toEqual({
      prefix: 'text.',
      start: 'Same',
      end: 'text.',
    });
  });

  it('gives the first copy of a passage repeated with all its context, and none for a later copy', () => {
    const html = '<ul><li>Menu</li><li>Menu</li><li>Menu</li></ul>';
    const first = setUp(html, 'Menu', 0);
    expect(landing(first.page, pageTextDirective(first.page, first.span))[0]).toBe('menu');
    const middle = setUp(`<p>x</p>${'<p>Menu</p>'.repeat(MAX_TERM_WORDS * 3)}`, 'Menu', MAX_TERM_WORDS + 4);
    expect(pageTextDirective(middle.page, middle.span)).toBeNull();
  });

  it('formats what it builds, and gives null for a passage with no rendered text', () => {
    const { index, span } = setUp('<p>Hello <span style="display:none">hidden</span> world</p>', 'hidden');
    expect(pageTextFragment(index, span, computed)).toBeNull();
    const shown = setUp('<p>Hello there, world</p>', 'there');
    expect(pageTextFragment(shown.index, shown.span, computed)).toBe(formatTextDirective({ start: 'there' }));
  });
});
