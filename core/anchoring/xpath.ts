/**
 * Simple XPaths relative to a root (`/div[2]/p[3]/text()[1]`), for RangeSelectors. Only child steps with
 * a name (or `text()`) and a 1-based position are produced and understood: enough to point at a node,
 * cheap to resolve without `document.evaluate`, and tag names compare case-insensitively (HTML vs XHTML).
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const STEP = /^(text\(\)|[A-Za-z_][\w.:-]*)(?:\[(\d+)\])?$/;

function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** The step naming `node` among its siblings: `p[3]` (same tag name) or `text()[2]` (text siblings). */
function stepFor(node: Node): string {
  if (isText(node)) {
    let position = 1;
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (isText(sibling)) position++;
    }
    return `text()[${position}]`;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    throw new Error(`xpathFromNode: cannot name a node of type ${node.nodeType}`);
  }
  const name = node.nodeName.toLowerCase();
  let position = 1;
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.nodeType === ELEMENT_NODE && sibling.nodeName.toLowerCase() === name) position++;
  }
  return `${name}[${position}]`;
}

/**
 * The XPath of `node` relative to `root`: `''` for root itself, else `/step/step...`.
 * @throws Error when node is not inside root, or is neither an element nor a text node.
 */
export function xpathFromNode(node: Node, root: Node): string {
  const steps: string[] = [];
  let current: Node | null = node;
  while (current !== root) {
    if (!current) throw new Error('xpathFromNode: the node is not inside the root');
    steps.push(stepFor(current));
    current = current.parentNode;
  }
  return steps.length === 0 ? '' : `/${steps.reverse().join('/')}`;
}

/**
 * Resolves an XPath made by `xpathFromNode` against `root`. Returns null when a step does not resolve
 * or the path uses syntax beyond `/name[n]` and `/text()[n]` steps (a missing `[n]` means `[1]`).
 */
export function nodeFromXPath(xpath: string, root: Node): Node | null {
  const trimmed = xpath.trim();
  if (trimmed === '' || trimmed === '/') return root;
  if (!trimmed.startsWith('/')) return null;
  let current: Node = root;
  for (const step of trimmed.slice(1).split('/')) {
    const match = STEP.exec(step);
    if (!match) return null;
    const name = match[1]!.toLowerCase();
    const position = match[2] === undefined ? 1 : Number(match[2]);
    if (position < 1) return null;
    const wantText = name === 'text()';
    let seen = 0;
    let found: Node | null = null;
    for (let child = current.firstChild; child; child = child.nextSibling) {
      const matches = wantText
        ? isText(child)
        : child.nodeType === ELEMENT_NODE && child.nodeName.toLowerCase() === name;
      if (matches && ++seen === position) {
        found = child;
        break;
      }
    }
    if (!found) return null;
    current = found;
  }
  return current;
}
