import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, describeRange, textContentQuote } from '@/core/anchoring';

function pageWith(html: string) {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const select = (text: string) => {
    const index = buildTextIndex(doc.body);
    const start = index.text.indexOf(text);
    return index.rangeFor(start, start + text.length);
  };
  return { doc, select };
}

describe('textContentQuote', () => {
  it('counts script and style text as textContent does (our own positions skip it)', () => {
    const { doc, select } = pageWith(
      '<script>var tracking = "a long script";</script><style>p{color:red}</style><p>Intro. A flaw in it.</p>',
    );
    const range = select('A flaw');
    const quote = textContentQuote(doc.body, range)!;
    expect(doc.body.textContent!.slice(quote.start, quote.end)).toBe('A flaw');
    expect(quote).toMatchObject({ exact: 'A flaw', suffix: ' in it.' });
    expect(quote.prefix.endsWith('p{color:red}Intro. ')).toBe(true);
    const ours = describeRange(doc.body, range).find((s) => s.type === 'TextPositionSelector')!;
    expect(ours).toMatchObject({ start: 7, end: 13 });
    expect(quote.start).toBeGreaterThan(ours.start);
  });

  it('trims whitespace at either end of the passage, keeps the text between as textContent has it', () => {
    const { doc } = pageWith('<div>\n  <p>One.</p>\n          <p>A flaw\n   in it.</p>\n</div>');
    const range = doc.createRange();
    range.setStart(doc.querySelector('p')!.nextSibling!, 0);
    range.setEnd(doc.querySelectorAll('p')[1]!.nextSibling!, 1);
    const quote = textContentQuote(doc.body, range)!;
    expect(quote.exact).toBe('A flaw\n   in it.');
    expect(quote.prefix.endsWith('One.\n          ')).toBe(true);
    expect(doc.body.textContent!.slice(quote.start, quote.end)).toBe(quote.exact);
  });

  it('is null for whitespace only and for a range outside the root', () => {
    const { doc } = pageWith('<p>a</p>\n\n<p>b</p><aside>c</aside>');
    const blank = doc.createRange();
    blank.setStart(doc.querySelector('p')!.nextSibling!, 0);
    blank.setEnd(doc.querySelector('p')!.nextSibling!, 2);
    expect(textContentQuote(doc.body, blank)).toBeNull();
    const outside = doc.createRange();
    outside.selectNodeContents(doc.querySelector('aside')!);
    expect(textContentQuote(doc.querySelector('p')!, outside)).toBeNull();
  });
});

describe('textContentQuote on a page that repeats the passage', () => {
  it('lengthens the context until the first occurrence of context and passage is this one', () => {
    const paragraph = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(3)}</p>`;
    const { doc } = pageWith(`${paragraph}${paragraph}<p>Last.</p>`);
    const second = doc.querySelectorAll('p')[1]!;
    const range = doc.createRange();
    range.setStart(second.firstChild!, 57);
    range.setEnd(second.firstChild!, 68);
    const quote = textContentQuote(doc.body, range)!;
    const text = doc.body.textContent!;
    expect(quote.prefix.length).toBeGreaterThan(32);
    expect(text.indexOf(quote.prefix + quote.exact + quote.suffix)).toBe(quote.start - quote.prefix.length);
  });
});
