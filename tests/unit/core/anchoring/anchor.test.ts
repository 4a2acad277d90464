import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, anchorExactly, anchorFuzzily } from '@/core/anchoring/anchor';
import { describeRange } from '@/core/anchoring/describe';
import { buildTextIndex } from '@/core/anchoring/text-index';
import type { Selector, TextQuoteSelector } from '@/core/types';

function html(markup: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html').body;
}

/** Selectors for the first occurrence of `needle` (or the one after `after`). */
function describeText(root: HTMLElement, needle: string, after = 0): Selector[] {
  const index = buildTextIndex(root);
  const start = index.text.indexOf(needle, after);
  if (start < 0) throw new Error(`not found: ${needle}`);
  return describeRange(root, index.rangeFor(start, start + needle.length), index);
}

function anchoredText(root: HTMLElement, selectors: Selector[]) {
  const result = anchor(root, selectors);
  return result && { text: buildTextIndex(root).text.slice(result.start, result.end), method: result.method };
}

const article = `
  <h1>Open Source Summit - Day 3</h1>
  <p>Open source summit Wednesday started with a keynote by members of the <em>Banks</em> family
     telling a packed room how they approached raising a tech family.</p>
  <ul>
    <li>Communication tools like <a href="https://slack.com">Slack</a> come with an age restriction.</li>
    <li>Reverse engineering projects explain how things actually work.</li>
  </ul>
  <p>Eight of these ten goals are chosen by the children themselves, two are reserved for parents.</p>
  <script>const note = "a packed room how they approached";</script>
  <style>.x::after { content: "ten goals are chosen" }</style>
  <p>The speakers also talked about embracing children's fear of talking in front of adults.</p>`;

describe('anchor on an unchanged page', () => {
  it.each([
    ['inside a paragraph', 'a packed room', 'room'],
    ['across an <em>', 'the Banks', 'family'],
    ['across a paragraph and a list item', 'a tech family', 'Communication'],
    ['across a link', 'like Slack', 'come'],
    ['across two list items', 'restriction.', 'Reverse'],
    ['across a skipped script', 'for parents.', 'The speakers'],
  ])('places a range %s at its old position', (_name, from, to) => {
    const root = html(article);
    const index = buildTextIndex(root);
    const start = index.text.indexOf(from);
    const end = index.text.indexOf(to) + to.length;
    const selectors = describeRange(root, index.rangeFor(start, end), index);
    const result = anchor(root, selectors, index);
    expect(result).toMatchObject({ start, end, method: 'position' });
    expect(result!.range.toString()).toBe(index.rangeFor(start, end).toString());
  });
});

describe('anchor after edits', () => {
  it('finds a quote whose position is stale (text inserted before it)', () => {
    const root = html(article);
    const selectors = describeText(root, 'ten goals are chosen by the children');
    root.querySelector('h1')!.after(html('<p>An update: this post was edited.</p>').firstChild!);
    expect(anchoredText(root, selectors)).toEqual({
      text: 'ten goals are chosen by the children',
      method: 'quote',
    });
  });

  it('follows text shifted by several inserted paragraphs', () => {
    const root = html(article);
    const selectors = describeText(root, 'Reverse engineering projects');
    for (const p of Array.from(root.querySelectorAll('p'))) {
      p.before(html('<p>Inserted paragraph with new words.</p>').firstChild!);
    }
    const result = anchor(root, selectors);
    expect(result?.method).toBe('quote');
    expect(result?.range.toString()).toBe('Reverse engineering projects');
  });

  it('tells repeated text apart by its prefix and suffix', () => {
    const root = html(
      '<p>Alpha talk: the speaker asked for questions.</p><p>Beta talk: the speaker asked for questions.</p>' +
        '<p>Gamma talk: the speaker asked for questions.</p>',
    );
    const quote = 'the speaker asked for questions.';
    const selectors = describeText(root, quote, buildTextIndex(root).text.indexOf('Beta'));
    root.prepend(html('<p>Gamma talk: the speaker asked for questions.</p><p>Intro.</p>').firstChild!);
    const result = anchor(root, selectors)!;
    const text = buildTextIndex(root).text;
    expect(result.method).toBe('quote');
    expect(text.slice(result.start - 'Beta talk: '.length, result.end)).toBe(`Beta talk: ${quote}`);
  });

  it.each([
    [40, 20],
    [120, 100],
  ])(
    'among %i copies with identical context, uses the RangeSelector, else the old position',
    (count, chosen) => {
      const root = html(`<p>${'<span>same</span>'.repeat(count)}</p>`);
      const range = document.createRange();
      range.selectNodeContents(root.querySelectorAll('span')[chosen]!);
      const selectors = describeRange(root, range);
      const withoutPosition = selectors.filter((s) => s.type !== 'TextPositionSelector');
      expect(anchor(root, withoutPosition)).toMatchObject({
        start: chosen * 4,
        end: chosen * 4 + 4,
        method: 'quote',
      });
      const quoteOnly = selectors.filter((s) => s.type === 'TextQuoteSelector');
      expect(anchor(root, quoteOnly)?.start).not.toBe(chosen * 4);
      // One character inserted in front: the position is stale, the nearest copy to it is the right one.
      root.prepend('x');
      const withoutRange = selectors.filter((s) => s.type !== 'RangeSelector');
      expect(anchor(root, withoutRange)).toMatchObject({ start: chosen * 4 + 1, method: 'quote' });
    },
  );

  it.each([
    [
      'a typo fixed',
      'approached raising a tech family',
      'aproached rasing a tech family',
      'approached raising a tech family',
    ],
    [
      'a word changed',
      "embracing children's fear of talking",
      "embracing children's fear of talking",
      "embracing children's fear of speaking",
    ],
  ])('places a quote fuzzily after %s', (_name, quote, before, after) => {
    const root = html(article.replace(quote, before));
    const selectors = describeText(root, before);
    const edited = html(article.replace(quote, after));
    expect(anchoredText(edited, selectors)).toEqual({ text: after, method: 'fuzzy' });
  });

  it('returns null (an orphan) when the quoted passage was deleted', () => {
    const root = html(article);
    const selectors = describeText(root, 'Reverse engineering projects explain how things actually work.');
    root.querySelectorAll('li')[1]!.remove();
    expect(anchor(root, selectors)).toBeNull();
  });

  it('ignores copies of the quote inside script and style', () => {
    const root = html(article);
    const first = describeText(root, 'a packed room how they approached');
    const second = describeText(root, 'ten goals are chosen');
    root.querySelector('p')!.remove();
    root.querySelectorAll('p')[0]!.remove();
    expect(anchor(root, first)).toBeNull();
    expect(anchor(root, second)).toBeNull();
  });

  it('finds a quote across re-indented markup (whitespace differences only)', () => {
    const root = html('<p>One</p>\n    <p>Two words</p>\n    <p>Three</p>');
    const selectors = describeText(root, 'One\n    Two words');
    const minified = html('<p>One</p> <p>Two words</p><p>Three</p>');
    expect(anchoredText(minified, selectors)).toEqual({ text: 'One Two words', method: 'quote' });
  });

  it('keeps the edges of a fuzzy match off the markup whitespace', () => {
    const root = html(
      '<p>Some intro text.</p>\n<p>The conference keynote was about mentoring newcomers.</p>\n<p>End.</p>',
    );
    const selectors = describeText(root, 'The conference keynote was about mentoring newcomers.');
    const edited = html(
      '<p>Some intro text.</p>\n\n  <p>The conference keynote was on mentoring newcomers.</p>\n  <p>End.</p>',
    );
    expect(anchoredText(edited, selectors)).toEqual({
      text: 'The conference keynote was on mentoring newcomers.',
      method: 'fuzzy',
    });
  });
});

describe('anchor with partial selectors', () => {
  const root = html('<p>First paragraph.</p><p>Second paragraph.</p>');

  it.each<[string, Selector[], { start: number; end: number; method: string } | null]>([
    [
      'a position alone',
      [{ type: 'TextPositionSelector', start: 6, end: 15 }],
      { start: 6, end: 15, method: 'position' },
    ],
    ['a position out of range', [{ type: 'TextPositionSelector', start: 6, end: 99 }], null],
    [
      'a RangeSelector alone',
      [
        {
          type: 'RangeSelector',
          startContainer: '/p[2]/text()[1]',
          startOffset: 0,
          endContainer: '/p[2]/text()[1]',
          endOffset: 6,
        },
      ],
      { start: 16, end: 22, method: 'position' },
    ],
    [
      'a RangeSelector that no longer resolves',
      [
        {
          type: 'RangeSelector',
          startContainer: '/p[7]/text()[1]',
          startOffset: 0,
          endContainer: '/p[2]/text()[1]',
          endOffset: 6,
        },
      ],
      null,
    ],
    ['an empty quote', [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }], null],
    ['no selectors', [], null],
    [
      'a quote contradicting the position',
      [
        { type: 'TextQuoteSelector', exact: 'Second', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 6 },
      ],
      { start: 16, end: 22, method: 'quote' },
    ],
  ])('%s', (_name, selectors, expected) => {
    const result = anchor(root, selectors);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });

  it('refuses an index built for another root', () => {
    expect(() => anchor(root, [], buildTextIndex(html('<p>x</p>')))).toThrow(/another root/);
  });

  it('splits into a cheap exact step and a fuzzy step', () => {
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'Secnd paragraph.', prefix: '', suffix: '' },
    ];
    const index = buildTextIndex(root);
    expect(anchorExactly(index, selectors)).toBeNull();
    expect(anchorFuzzily(index, selectors)).toMatchObject({ start: 16, end: 33, method: 'fuzzy' });
  });
});

/** Paragraphs of short segments, some inside inline elements, with script noise between them. */
const segmentArb = fc.record({
  text: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', '\n', 'é'), minLength: 1, maxLength: 12 }),
  tag: fc.constantFrom(null, 'em', 'a', 'b', 'script'),
});
const pageArb = fc.array(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 6,
});

function buildPage(paragraphs: { text: string; tag: string | null }[][]): HTMLElement {
  const root = document.createElement('article');
  for (const segments of paragraphs) {
    const p = document.createElement('p');
    for (const { text, tag } of segments) {
      const node = document.createTextNode(text);
      if (tag) p.appendChild(document.createElement(tag)).appendChild(node);
      else p.appendChild(node);
    }
    root.appendChild(p);
  }
  return root;
}

/** A non-blank span of the page text chosen from two arbitrary numbers, or null. */
function pickSpan(text: string, a: number, b: number): { start: number; end: number } | null {
  const start = Math.min(a % (text.length + 1), b % (text.length + 1));
  const end = Math.max(a % (text.length + 1), b % (text.length + 1));
  return /\S/.test(text.slice(start, end)) ? { start, end } : null;
}

describe('anchor properties', () => {
  it('describe then anchor on an unchanged page gives back the same offsets', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), fc.nat(), (paragraphs, a, b) => {
        const root = buildPage(paragraphs);
        const index = buildTextIndex(root);
        const span = pickSpan(index.text, a, b);
        fc.pre(span !== null);
        const selectors = describeRange(root, index.rangeFor(span!.start, span!.end), index);
        expect(anchor(root, selectors)).toMatchObject({ ...span, method: 'position' });
      }),
      { numRuns: 300 },
    );
  });

  it('edits outside a quote never change the anchored text', () => {
    const editArb = fc.array(
      fc.record({ at: fc.nat(), length: fc.nat(6), insert: fc.constantFrom('', 'x', 'ab ', '\n\n', 'cab') }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(pageArb, fc.nat(), fc.nat(), editArb, (paragraphs, a, b, edits) => {
        const root = buildPage(paragraphs);
        const index = buildTextIndex(root);
        const span = pickSpan(index.text, a, b);
        fc.pre(span !== null);
        const selectors = describeRange(root, index.rangeFor(span!.start, span!.end), index);
        const exact = (selectors[0] as TextQuoteSelector).exact;
        const quoteRange = index.rangeFor(span!.start, span!.end); // live: follows the edits
        for (const edit of edits) {
          const current = buildTextIndex(root);
          const { start, end } = current.rangeOffsets(quoteRange);
          // An edit before the quote's start or at/after its end; an insertion never touches the quote.
          const before = edit.at % 2 === 0 && start > 0;
          const from = before
            ? (edit.at >> 1) % start
            : end + ((edit.at >> 1) % (current.text.length - end + 1));
          const to = Math.min(before ? start : current.text.length, from + edit.length);
          const editRange = current.rangeFor(from, to);
          editRange.deleteContents();
          if (edit.insert && (!before || to < start))
            editRange.insertNode(document.createTextNode(edit.insert));
        }
        const after = buildTextIndex(root);
        const result = anchor(root, selectors, after);
        expect(result).not.toBeNull();
        expect(after.text.slice(result!.start, result!.end)).toBe(exact);
        const expected = after.rangeOffsets(quoteRange);
        if (after.text.indexOf(exact) === after.text.lastIndexOf(exact)) {
          expect({ start: result!.start, end: result!.end }).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
