import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeFromXPath, xpathFromNode } from '@/core/anchoring/xpath';

function html(markup: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html').body;
}

const markup =
  '<div><p>one</p>text<p>two <em>three</em> four</p><!--c--><p>five</p></div><ul><li>a</li><li>b</li></ul>';

describe('xpathFromNode', () => {
  const root = html(markup);
  const div = root.firstChild!;
  const p2 = div.childNodes[2]!;

  it.each<[string, () => Node, string]>([
    ['the root itself', () => root, ''],
    ['a first child element', () => div, '/div[1]'],
    ['the second p', () => p2, '/div[1]/p[2]'],
    ['a text node', () => p2.firstChild!, '/div[1]/p[2]/text()[1]'],
    ['a text node after an element', () => p2.lastChild!, '/div[1]/p[2]/text()[2]'],
    ['text between elements', () => div.childNodes[1]!, '/div[1]/text()[1]'],
    ['the third p, after a comment', () => div.childNodes[4]!, '/div[1]/p[3]'],
    ['a nested list item', () => root.querySelectorAll('li')[1]!.firstChild!, '/ul[1]/li[2]/text()[1]'],
  ])('%s -> %s', (_name, node, expected) => {
    expect(xpathFromNode(node(), root)).toBe(expected);
    expect(nodeFromXPath(expected, root)).toBe(node());
  });

  it('throws for a node outside the root and for a comment', () => {
    expect(() => xpathFromNode(document.createElement('p'), root)).toThrow(/not inside the root/);
    expect(() => xpathFromNode(div.childNodes[3]!, root)).toThrow(/cannot name/);
  });
});

describe('nodeFromXPath', () => {
  const root = html(markup);

  it.each([
    ['/DIV[1]/P[2]/EM[1]', 'EM'],
    ['/div/p', 'P'],
    ['/div[1]/p[2]/em[1]/text()[1]', '#text'],
    ['/', 'BODY'],
  ])('resolves %s case-insensitively', (xpath, nodeName) => {
    expect(nodeFromXPath(xpath, root)?.nodeName).toBe(nodeName);
  });

  it.each([
    ['/div[1]/p[9]'],
    ['/div[1]/p[0]'],
    ['div[1]'],
    ['/div[1]//p'],
    ['/div[@id="x"]'],
    ['/div[1]/text()[5]'],
  ])('returns null for %s', (xpath) => {
    expect(nodeFromXPath(xpath, root)).toBeNull();
  });

  it('round-trips every element and text node of random trees', () => {
    const tag = fc.constantFrom('p', 'div', 'em', 'span', 'li');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), tag, fc.boolean()), { maxLength: 25 }), (steps) => {
        // Each step adds an element or a text node under an earlier node: arbitrary shapes, same-name siblings.
        const root = document.createElement('section');
        const nodes: Node[] = [root];
        for (const [parentIndex, name, isText] of steps) {
          const parent = nodes[parentIndex % nodes.length]!;
          if (parent.nodeType !== 1) continue;
          const child = isText ? document.createTextNode('t') : document.createElement(name);
          parent.appendChild(child);
          nodes.push(child);
        }
        for (const node of nodes) expect(nodeFromXPath(xpathFromNode(node, root), root)).toBe(node);
      }),
    );
  });
});
