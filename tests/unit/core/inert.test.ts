import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRangeContents, inertCopyOfDocument, inertDocument } from '@/core/inert';

const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');

/** Every node of a tree, the root first, in document order. */
function nodesOf(root: Node): Node[] {
  const nodes: Node[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
  return nodes;
}

function html(node: Node): string {
  const box = document.createElement('div');
  box.append(document.importNode(node, true));
  return box.innerHTML;
}

/** Small random pages: nested blocks and inline elements, text, whitespace runs, comments, an image. */
const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div>',
        '</div>',
        '<em>',
        '</em>',
        '<ul><li>',
        '</li><li>',
        '</li></ul>',
      ),
      fc.constantFrom('<br>', '<img src="x.png" onerror="alert(1)" alt="alt">', '<!-- note -->'),
      fc.constantFrom('word', ' ', '  \n   ', 'two words', 'é'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** A range between two random boundary points of the body (in either order). */
function rangeIn(doc: Document, a: number, aOffset: number, b: number, bOffset: number): Range {
  const nodes = nodesOf(doc.body);
  const point = (i: number, offset: number) => {
    const node = nodes[i % nodes.length]!;
    const length = node.nodeType === Node.ELEMENT_NODE ? node.childNodes.length : (node as Text).length;
    return { node, offset: offset % (length + 1) };
  };
  const p = point(a, aOffset);
  const q = point(b, bOffset);
  const range = doc.createRange();
  range.setStart(p.node, p.offset);
  range.setEnd(q.node, q.offset); // collapses to q when q is before p: then q..p
  if (range.collapsed) range.setEnd(p.node, p.offset);
  return range;
}

describe('copyRangeContents', () => {
  it('copies what Range.cloneContents clones, into the inert document only', () => {
    fc.assert(
      fc.property(markup, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (source, a, ao, b, bo) => {
        const doc = parse(source);
        const before = doc.body.innerHTML;
        const range = rangeIn(doc, a, ao, b, bo);
        const inert = inertDocument(doc);
        const copy = copyRangeContents(range, inert);
        expect(html(copy)).toBe(html(range.cloneContents()));
        expect(nodesOf(copy).every((n) => n.ownerDocument === inert)).toBe(true);
        expect(doc.body.innerHTML).toBe(before);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('gives an empty fragment for a collapsed range', () => {
    const doc = parse('<p>text</p>');
    const range = doc.createRange();
    range.setStart(doc.body.firstChild!.firstChild!, 2);
    expect(copyRangeContents(range, inertDocument(doc)).childNodes).toHaveLength(0);
  });
});

describe('inertDocument and inertCopyOfDocument', () => {
  it('make documents without a window, so nothing in them loads or runs', () => {
    const doc = parse('<p>text <img src="x.png" onerror="alert(1)"></p>');
    expect(inertDocument(doc).defaultView).toBeNull();
    const copy = inertCopyOfDocument(doc);
    expect(copy.defaultView).toBeNull();
    expect(copy).not.toBe(doc);
    expect(copy.documentElement.outerHTML).toBe(doc.documentElement.outerHTML);
    expect(copy.title).toBe(doc.title);
  });
});
