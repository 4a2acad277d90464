/** tests/unit/lazy-node-lists.ts (installed for every unit file by setup.ts): same lists, read lazily. */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyNodeLists } from './lazy-node-lists';

const require = createRequire(import.meta.url);
const { implForWrapper } = require('jsdom/lib/generated/idl/utils.js') as {
  implForWrapper: (wrapper: object) => { _query: () => unknown[] };
};

/** The children as the tree holds them (sibling links, which no list caches). */
function walk(node: Node, elementsOnly = false): Node[] {
  const out: Node[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!elementsOnly || c.nodeType === 1) out.push(c);
  return out;
}

/** How often a live list re-reads its node's children while `act` runs. */
function countReads(list: NodeList | HTMLCollection, act: () => void): number {
  const impl = implForWrapper(list);
  const query = impl._query;
  let reads = 0;
  impl._query = () => {
    reads++;
    return query();
  };
  try {
    act();
  } finally {
    impl._query = query;
  }
  return reads;
}

describe('lazy live child lists', () => {
  it.each(['by setup.ts', 'once more'])('is installed %s: inserting re-reads nothing', (when) => {
    if (when === 'once more') lazyNodeLists(); // idempotent: a second install wraps nothing twice
    const parent = document.createElement('div');
    for (let i = 0; i < 50; i++) parent.append(document.createElement('p'));
    const childNodes = parent.childNodes;
    const children = parent.children;
    // 500 inserts in front of a visited node (DOMPurify's unwrapping): no re-read until a list is read.
    const inserts = () => {
      for (let i = 0; i < 500; i++) parent.insertBefore(document.createElement('i'), parent.lastChild);
    };
    expect(countReads(childNodes, () => countReads(children, inserts))).toBe(0);
    expect(countReads(childNodes, () => expect(childNodes.length).toBe(550))).toBe(1);
    expect(countReads(children, () => expect(children[549]).toBe(parent.lastElementChild))).toBe(1);
  });

  it('answers as the tree is, after any changes, through every way of reading a list', () => {
    const ops = fc.oneof(
      fc.record({ op: fc.constant('append' as const), text: fc.boolean() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.boolean() }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('nested' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('html' as const), count: fc.nat(5) }),
      fc.record({ op: fc.constant('fragment' as const), count: fc.nat(5) }),
      fc.record({
        op: fc.constant('read' as const),
        how: fc.constantFrom('index', 'item', 'iterate', 'length'),
      }),
    );
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 40 }), (steps) => {
        const parent = document.createElement('div');
        parent.innerHTML = '<p>a</p>b<span>c</span>';
        const childNodes = parent.childNodes;
        const children = parent.children;
        const made = (text: boolean) => (text ? document.createTextNode('t') : document.createElement('em'));
        const nth = (at: number) => parent.childNodes[at % Math.max(1, parent.childNodes.length)] ?? null;
        for (const step of steps) {
          switch (step.op) {
            case 'append':
              parent.append(made(step.text));
              break;
            case 'insert':
              parent.insertBefore(made(step.text), nth(step.at));
              break;
            case 'remove':
              nth(step.at)?.remove();
              break;
            case 'replace':
              nth(step.at)?.replaceWith(made(true), made(false));
              break;
            case 'nested':
              // A change inside a child element: the parent's own lists stay as they were.
              if (nth(step.at)?.nodeType === 1) nth(step.at)!.appendChild(made(false));
              break;
            case 'html':
              parent.innerHTML = '<b></b>x'.repeat(step.count);
              break;
            case 'fragment': {
              const fragment = document.createDocumentFragment();
              for (let i = 0; i < step.count; i++) fragment.append(made(i % 2 === 0));
              parent.prepend(fragment);
              break;
            }
            case 'read': {
              const read = (list: NodeList | HTMLCollection): unknown[] =>
                step.how === 'index'
                  ? Array.from({ length: list.length }, (_, i) => list[i])
                  : step.how === 'item'
                    ? Array.from({ length: list.length }, (_, i) => list.item(i))
                    : step.how === 'iterate'
                      ? [...list]
                      : [list.length];
              const want = (nodes: Node[]) => (step.how === 'length' ? [nodes.length] : nodes);
              expect(read(childNodes)).toEqual(want(walk(parent)));
              expect(read(children)).toEqual(want(walk(parent, true)));
            }
          }
        }
        // Still the same live objects, answering for the tree as it is now.
        expect(parent.childNodes).toBe(childNodes);
        expect(parent.children).toBe(children);
        expect([...childNodes]).toEqual(walk(parent));
        expect([...children]).toEqual(walk(parent, true));
      }),
      { numRuns: 200 },
    );
  });
});
