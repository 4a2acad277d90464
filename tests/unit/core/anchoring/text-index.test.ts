import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, foldText, foldWhitespace } from '@/core/anchoring/text-index';

function html(markup: string): HTMLElement {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html').body;
  return body;
}

/** A random DOM tree description: text leaves and elements (some of them skipped by the index). */
type Tree = { text: string } | { tag: string; children: Tree[] } | { comment: string };
const TAGS = ['p', 'em', 'a', 'div', 'li', 'span', 'b', 'script', 'style', 'noscript'];
const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '.'), maxLength: 8 });
const { tree: treeArb } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((text) => ({ text })),
    fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('tree'), { maxLength: 4 }) }),
    textArb.map((comment) => ({ comment })),
  ),
}));

function build(doc: Document, parent: Node, tree: Tree): void {
  if ('text' in tree) parent.appendChild(doc.createTextNode(tree.text));
  else if ('comment' in tree) parent.appendChild(doc.createComment(tree.comment));
  else {
    const element = doc.createElement(tree.tag);
    for (const child of tree.children) build(doc, element, child);
    parent.appendChild(element);
  }
}

function domFrom(trees: Tree[]): HTMLElement {
  const root = document.createElement('div');
  for (const tree of trees) build(document, root, tree);
  return root;
}

function allNodes(root: Node): Node[] {
  const nodes: Node[] = [root];
  for (let i = 0; i < nodes.length; i++) nodes.push(...Array.from(nodes[i]!.childNodes));
  return nodes;
}

function isSkippedText(node: Node, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root.parentNode; p = p.parentNode) {
    if (p.nodeType === 1 && ['script', 'style', 'noscript'].includes((p as Element).localName)) return true;
  }
  return false;
}

/** Characters of indexed text strictly before the boundary point, computed the slow, obvious way. */
function slowOffset(root: Node, container: Node, offset: number): number {
  const point = document.createRange();
  point.setStart(container, offset);
  let total = 0;
  for (const node of allNodes(root)) {
    if (node.nodeType !== 3 || isSkippedText(node, root)) continue;
    const text = node as Text;
    for (let i = 0; i < text.length; i++) {
      if (point.comparePoint(text, i + 1) <= 0) total++;
    }
  }
  return total;
}

describe('buildTextIndex text', () => {
  it.each([
    ['<p>Hello <em>big</em> world</p>', 'Hello big world'],
    ['<p>One</p><p>Two</p>', 'OneTwo'],
    ['<p>a</p>\n  <p>b</p>', 'a\n  b'],
    ['<p>x<script>var s = 1;</script>y</p>', 'xy'],
    ['<style>p{color:red}</style><p>styled</p>', 'styled'],
    ['<noscript>enable JS</noscript><p>ok</p>', 'ok'],
    ['<template><p>hidden</p></template><p>shown</p>', 'shown'],
    ['<textarea>draft</textarea><select><option>one</option></select><p>form</p>', 'form'],
    ['<svg><title>tip</title><desc>about</desc><text>drawn</text></svg><p>after</p>', 'drawnafter'],
    ['<ul><li>first</li><li>second <a href="#">link</a></li></ul>', 'firstsecond link'],
    ['<p>a<!-- comment -->b</p>', 'ab'],
    ['', ''],
  ])('%j -> %j', (markup, expected) => {
    expect(buildTextIndex(html(markup)).text).toBe(expected);
  });

  it('indexes only non-empty text nodes, with their start offsets', () => {
    const root = html('<p>ab</p><p></p><p>cde</p>');
    root.insertBefore(document.createTextNode(''), root.firstChild);
    const index = buildTextIndex(root);
    expect(index.nodes.map((n) => n.data)).toEqual(['ab', 'cde']);
    expect(Array.from(index.starts)).toEqual([0, 2]);
  });

  it('indexes a single text node used as the root', () => {
    const text = document.createTextNode('lonely');
    expect(buildTextIndex(text).text).toBe('lonely');
  });
});

describe('rangeFor', () => {
  const root = html('<p>Hello <em>big</em> world</p><p>Next</p>');
  const index = buildTextIndex(root);

  it.each([
    [0, 5, 'Hello'],
    [6, 9, 'big'],
    [4, 12, 'o big wo'],
    [10, 15, 'world'],
    [12, 17, 'rldNe'],
    [0, 19, 'Hello big worldNext'],
  ])('rangeFor(%i, %i) selects %j and rangeOffsets gives the offsets back', (start, end, expected) => {
    const range = index.rangeFor(start, end);
    expect(range.toString()).toBe(expected);
    expect(index.rangeOffsets(range)).toEqual({ start, end });
  });

  it('puts a start on a node boundary into the next node and an end into the previous one', () => {
    const range = index.rangeFor(6, 9); // exactly "big", the whole <em> text node
    expect(range.startContainer).toBe(root.querySelector('em')!.firstChild);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(root.querySelector('em')!.firstChild);
    expect(range.endOffset).toBe(3);
  });

  it('handles collapsed ranges at both ends and an empty root', () => {
    expect(index.rangeFor(0, 0).collapsed).toBe(true);
    expect(index.rangeFor(index.text.length, index.text.length).collapsed).toBe(true);
    const empty = html('<p></p>');
    expect(buildTextIndex(empty).rangeFor(0, 0).startContainer).toBe(empty);
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0, 999],
    [0.5, 2],
  ])('throws a RangeError for (%d, %d)', (start, end) => {
    expect(() => index.rangeFor(start, end)).toThrow(RangeError);
  });
});

describe('offsetOf', () => {
  const root = html('<p id="a">ab<em>cd</em></p><script>zz</script><p id="b">ef<img>gh</p><p id="c"></p>');
  const index = buildTextIndex(root);
  const $ = (selector: string) => root.querySelector(selector)!;

  it.each<[string, () => [Node, number], number]>([
    ['text node offset', () => [$('#a').firstChild!, 1], 1],
    ['element before first child', () => [$('#a'), 0], 0],
    ['element between children', () => [$('#a'), 1], 2],
    ['element after last child', () => [$('#a'), 2], 4],
    ['root before the script', () => [root, 1], 4],
    ['inside the script text', () => [$('script').firstChild!, 1], 4],
    ['inside the script element', () => [$('script'), 0], 4],
    ['before the image', () => [$('#b'), 1], 6],
    ['inside the image', () => [$('img'), 0], 6],
    ['empty paragraph at the end', () => [$('#c'), 0], 8],
    ['root end', () => [root, root.childNodes.length], 8],
    ['offset past a text node is clamped', () => [$('#a').firstChild!, 99], 2],
  ])('%s', (_name, point, expected) => {
    const [node, offset] = point();
    expect(index.offsetOf(node, offset)).toBe(expected);
  });

  it('throws for a node outside the root', () => {
    expect(() => index.offsetOf(document.createElement('p'), 0)).toThrow(RangeError);
  });

  it('agrees with a slow reference for every boundary point of random trees', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 5 }), (trees) => {
        const root = domFrom(trees);
        const index = buildTextIndex(root);
        for (const node of allNodes(root)) {
          const max = node.nodeType === 1 ? node.childNodes.length : (node as CharacterData).length;
          for (let offset = 0; offset <= max; offset++) {
            expect(index.offsetOf(node, offset)).toBe(slowOffset(root, node, offset));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('rangeOffsets', () => {
  it('round-trips rangeFor for all offsets of random trees', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 5 }), fc.nat(), fc.nat(), (trees, a, b) => {
        const root = domFrom(trees);
        const index = buildTextIndex(root);
        const n = index.text.length;
        const start = Math.min(a % (n + 1), b % (n + 1));
        const end = Math.max(a % (n + 1), b % (n + 1));
        const range = index.rangeFor(start, end);
        expect(index.rangeOffsets(range)).toEqual({ start, end });
      }),
      { numRuns: 300 },
    );
  });

  it('clips a range that starts or ends outside the root', () => {
    const outer = html('<p>before</p><div id="root"><p>inside</p></div><p>after</p>');
    const root = outer.querySelector('#root')!;
    const index = buildTextIndex(root);
    const range = document.createRange();
    range.setStart(outer.firstChild!.firstChild!, 2);
    range.setEnd(root.firstChild!.firstChild!, 3);
    expect(index.rangeOffsets(range)).toEqual({ start: 0, end: 3 });
    range.setStart(root.firstChild!.firstChild!, 1);
    range.setEnd(outer.lastChild!.firstChild!, 2);
    expect(index.rangeOffsets(range)).toEqual({ start: 1, end: 6 });
  });

  it('throws for a range entirely outside the root', () => {
    const outer = html('<p>before</p><div id="root"><p>inside</p></div>');
    const index = buildTextIndex(outer.querySelector('#root')!);
    const range = document.createRange();
    range.selectNodeContents(outer.firstChild!);
    expect(() => index.rangeOffsets(range)).toThrow(RangeError);
  });
});

describe('folded text', () => {
  it.each([
    ['a  b', 'a b', [0, 1, 3]],
    ['\n  a\tb \u00a0', ' a b ', [0, 3, 4, 5, 6]],
    ['', '', []],
  ])('folds %j to %j', (raw, folded, toRaw) => {
    const view = foldWhitespace(raw);
    expect(view.text).toBe(folded);
    expect(Array.from(view.toRaw)).toEqual(toRaw);
  });

  it('agrees with the regex fold and maps offsets both ways', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\u2003', 'x');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (raw) => {
        const view = foldWhitespace(raw);
        expect(view.text).toBe(foldText(raw));
        for (let f = 0; f < view.text.length; f++) {
          const r = view.toRaw[f]!;
          expect(view.text[f] === ' ' ? /\s/.test(raw[r]!) : raw[r] === view.text[f]).toBe(true);
          expect(view.fromRaw(r)).toBe(f);
          expect(view.rawStart(f)).toBe(r);
          expect(view.rawEnd(f + 1)).toBe(r + 1);
        }
      }),
    );
  });
});
