import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clippableRange, trimRange } from '@/page/selection';

function select(start: Node, startOffset: number, end: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

describe('clippableRange', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <p id="a">First paragraph of the talk.</p>
      <p id="b">   </p>
      <textarea id="t">typed text</textarea>
      <div contenteditable="true" id="e">editable text</div>
      <talk-notes-toolbar><span id="ui">Highlight</span></talk-notes-toolbar>`;
    (document.activeElement as HTMLElement | null)?.blur();
  });

  it('accepts a selection of page text', () => {
    const text = document.getElementById('a')!.firstChild!;
    select(text, 0, text, 5);
    expect(clippableRange(document)?.toString()).toBe('First');
  });

  it.each([
    [
      'a collapsed selection',
      () =>
        select(document.getElementById('a')!.firstChild!, 2, document.getElementById('a')!.firstChild!, 2),
    ],
    [
      'whitespace only',
      () =>
        select(document.getElementById('b')!.firstChild!, 0, document.getElementById('b')!.firstChild!, 3),
    ],
    [
      'inside an editor',
      () =>
        select(document.getElementById('e')!.firstChild!, 0, document.getElementById('e')!.firstChild!, 4),
    ],
    [
      'inside our own UI',
      () =>
        select(document.getElementById('ui')!.firstChild!, 0, document.getElementById('ui')!.firstChild!, 4),
    ],
  ])('refuses %s', (_label, makeSelection) => {
    makeSelection();
    expect(clippableRange(document)).toBeNull();
  });

  it('refuses while a text field has focus', () => {
    const area = document.getElementById('t') as HTMLTextAreaElement;
    area.focus();
    const text = document.getElementById('a')!.firstChild!;
    select(text, 0, text, 5);
    expect(clippableRange(document)).toBeNull();
  });
});

describe('trimRange', () => {
  it.each([
    ['<p>  padded words  </p>', 'padded words'],
    ['<p>one</p>\n<p>two </p>', 'one\ntwo'],
    ['<p>\n<em> emphasis</em> after\n</p>', 'emphasis after'],
    ['<p>clean</p>', 'clean'],
  ])('%j trims to %j', (html, expected) => {
    document.body.innerHTML = html;
    const range = document.createRange();
    range.selectNodeContents(document.body);
    expect(trimRange(range).toString()).toBe(expected);
  });
});

describe('trimRange and clippableRange on random pages', () => {
  const markup = fc
    .array(
      fc.oneof(
        fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<em>', '</em>', '<br>', '<!-- c -->', '<b></b>'),
        fc.constantFrom('<script>var s = "x";</script>', '<style>p { }</style>'),
        fc.constantFrom('word', ' ', '  \n   ', 'two words', '\t'),
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join(''));

  it('see and trim exactly the text Range.toString gives', () => {
    fc.assert(
      fc.property(markup, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (html, a, ao, b, bo) => {
        document.body.innerHTML = html;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
        const nodes: Node[] = [];
        for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
        const point = (i: number, offset: number) => {
          const node = nodes[i % nodes.length]!;
          const length = node.nodeType === Node.ELEMENT_NODE ? node.childNodes.length : (node as Text).length;
          return [node, offset % (length + 1)] as const;
        };
        const range = document.createRange();
        range.setStart(...point(a, ao));
        range.setEnd(...point(b, bo));
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        const text = range.toString();
        expect(clippableRange(document) !== null).toBe(text.trim() !== '');
        expect(trimRange(range).toString()).toBe(text.trim() ? text.trim() : text);
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});
