import { describe, expect, it } from 'vitest';
import { resolveRangeSelector } from '@/core/anchoring/anchor';
import { CONTEXT_LENGTH, describeRange, REPEATED_CONTEXT_LENGTH } from '@/core/anchoring/describe';
import { buildTextIndex } from '@/core/anchoring/text-index';
import type { RangeSelector, TextPositionSelector, TextQuoteSelector } from '@/core/types';

function html(markup: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html').body;
}

/** A range over the first occurrence of `needle` in the root's indexed text. */
function rangeOf(root: HTMLElement, needle: string): Range {
  const index = buildTextIndex(root);
  const start = index.text.indexOf(needle);
  if (start < 0) throw new Error(`not found: ${needle}`);
  return index.rangeFor(start, start + needle.length);
}

function parts(selectors: ReturnType<typeof describeRange>) {
  const [quote, position, range] = selectors as [TextQuoteSelector, TextPositionSelector, RangeSelector?];
  return { quote, position, range };
}

const prose =
  '<h1>Day 3</h1><p>Open source summit started with a keynote by the <em>Banks</em> family.</p>' +
  '<ul><li>Communication tools like <a href="#">Slack</a> exclude minors.</li><li>Reverse engineering works.</li></ul>' +
  '<p>Eight of these ten goals are chosen by the children themselves.</p>';

describe('describeRange', () => {
  it.each([
    ['inside one text node', 'keynote by the'],
    ['across an <em>', 'the Banks family'],
    ['across two paragraphs', 'family.Communication tools'],
    ['across list items and a link', 'like Slack exclude minors.Reverse'],
    ['the whole text', 'Day 3Open'],
  ])('describes a range %s', (_name, needle) => {
    const root = html(prose);
    const { quote, position, range } = parts(describeRange(root, rangeOf(root, needle)));
    const text = buildTextIndex(root).text;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: needle,
      prefix: text.slice(Math.max(0, position.start - CONTEXT_LENGTH), position.start),
      suffix: text.slice(position.end, position.end + CONTEXT_LENGTH),
    });
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: text.indexOf(needle),
      end: text.indexOf(needle) + needle.length,
    });
    expect(range?.type).toBe('RangeSelector');
    expect(resolveRangeSelector(buildTextIndex(root), range!)).toEqual({
      start: position.start,
      end: position.end,
    });
  });

  it('gives text-node XPaths and character offsets in the RangeSelector', () => {
    const root = html(prose);
    const { range } = parts(describeRange(root, rangeOf(root, 'Banks family')));
    expect(range).toEqual({
      type: 'RangeSelector',
      startContainer: '/p[1]/em[1]/text()[1]',
      startOffset: 0,
      endContainer: '/p[1]/text()[2]',
      endOffset: 7,
    });
  });

  it('accepts a range with element boundary points', () => {
    const root = html(prose);
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('ul')!);
    const { quote } = parts(describeRange(root, range));
    expect(quote.exact).toBe('Communication tools like Slack exclude minors.Reverse engineering works.');
  });

  it('counts a whitespace run as one character of context', () => {
    const root = html(`<p>${'word '.repeat(20)}</p>\n${' '.repeat(40)}\n<p>target here</p><p>tail</p>`);
    const { quote } = parts(describeRange(root, rangeOf(root, 'target')));
    expect(quote.prefix.replace(/\s+/g, ' ')).toHaveLength(CONTEXT_LENGTH);
    expect(quote.prefix).toMatch(/word\s+$/);
    expect(quote.suffix).toBe(' heretail');
  });

  it('keeps more context when the exact text occurs more than once', () => {
    const sentence = 'This sentence is repeated. ';
    const root = html(
      `<p>${'a'.repeat(100)} ${sentence}${'b'.repeat(100)} ${sentence}${'c'.repeat(100)}</p>`,
    );
    const index = buildTextIndex(root);
    const second = index.text.lastIndexOf(sentence);
    const { quote } = parts(describeRange(root, index.rangeFor(second, second + sentence.length), index));
    expect(quote.prefix).toHaveLength(REPEATED_CONTEXT_LENGTH);
    expect(quote.suffix).toHaveLength(REPEATED_CONTEXT_LENGTH);
    const unique = parts(describeRange(root, rangeOf(root, 'is repeated. bbb')));
    expect(unique.quote.prefix).toHaveLength(CONTEXT_LENGTH);
  });

  it('keeps whitespace at the edges of the range: nothing is trimmed silently', () => {
    const root = html('<p>alpha beta gamma</p>');
    const { quote } = parts(describeRange(root, rangeOf(root, ' beta ')));
    expect(quote).toMatchObject({ exact: ' beta ', prefix: 'alpha', suffix: 'gamma' });
  });

  it('ignores script text in context and offsets', () => {
    const root = html('<p>before</p><script>var secret = 1;</script><p>after this</p>');
    const { quote, position } = parts(describeRange(root, rangeOf(root, 'after')));
    expect(quote.prefix).toBe('before');
    expect(position.start).toBe(6);
  });

  it('clips a range that extends outside the root', () => {
    const outer = html('<p>outside</p><div><p>inside text</p></div>');
    const root = outer.querySelector('div')!;
    const range = document.createRange();
    range.setStart(outer.firstChild!.firstChild!, 2);
    range.setEnd(root.firstChild!.firstChild!, 6);
    expect(parts(describeRange(root, range)).quote.exact).toBe('inside');
  });

  it.each<[string, (root: HTMLElement) => Range, RegExp]>([
    ['a collapsed range', (root) => buildTextIndex(root).rangeFor(2, 2), /collapsed/],
    ['a whitespace-only range', (root) => rangeOf(root, ' \n '), /no text/],
    [
      'a range around an image only',
      (root) => {
        const range = document.createRange();
        range.selectNode(root.querySelector('img')!);
        return range;
      },
      /no text/,
    ],
    [
      'a range outside the root',
      () => {
        const range = document.createRange();
        range.selectNodeContents(html('<p>elsewhere</p>'));
        return range;
      },
      /outside the root/,
    ],
  ])('throws for %s', (_name, makeRange, message) => {
    const root = html('<p>one \n two<img src="x.png"></p>');
    expect(() => describeRange(root, makeRange(root))).toThrow(message);
  });

  it('refuses an index built for another root', () => {
    const root = html(prose);
    expect(() => describeRange(root, rangeOf(root, 'Banks'), buildTextIndex(html('<p>x</p>')))).toThrow(
      /another root/,
    );
  });
});
