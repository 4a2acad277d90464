/**
 * Copies of page content that cannot run or fetch anything. A node cloned inside the page's own
 * document is live: a cloned `<img src onerror>` starts loading and its handler runs in the page, a
 * cloned `<video>` or `srcset` image is requested again. Copies made here go into a document made by
 * `createHTMLDocument`, which has no browsing context: nothing in it loads, and no handler runs.
 * Extraction (Readability) and clip conversion (Markdown) work on such copies only.
 */

const DOCUMENT_TYPE_NODE = 10;

/** A new empty document without a browsing context, made by `like`'s implementation. */
export function inertDocument(like: Document): Document {
  return like.implementation.createHTMLDocument('');
}

/** A deep copy of `doc` in an inert document (for code that rewrites what it reads, as Readability does). */
export function inertCopyOfDocument(doc: Document): Document {
  const copy = inertDocument(doc);
  if (doc.documentElement) {
    copy.replaceChild(copy.importNode(doc.documentElement, true), copy.documentElement);
  }
  return copy;
}

interface Boundary {
  node: Node;
  offset: number;
}

/**
 * What `range` selects, as `Range.cloneContents` gives it (partly selected ancestors copied without
 * their unselected children, partly selected text sliced), but made in `target`: no node of it is
 * ever created in the range's own document. The range is not changed.
 */
export function copyRangeContents(range: AbstractRange, target: Document): DocumentFragment {
  const fragment = target.createDocumentFragment();
  if (range.collapsed) return fragment;
  const start = { node: range.startContainer, offset: range.startOffset };
  const end = { node: range.endContainer, offset: range.endOffset };
  const common = commonAncestor(start.node, end.node);
  if (isCharacterData(common)) appendSlice(fragment, target, common, start, end);
  else copyChildren(common, fragment, target, start, end);
  return fragment;
}

function commonAncestor(a: Node, b: Node): Node {
  const ancestors = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) ancestors.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (ancestors.has(n)) return n;
  throw new Error('copyRangeContents: the boundary points are in different trees');
}

function isCharacterData(node: Node): node is CharacterData {
  // Text, CDATA section, processing instruction, comment.
  return node.nodeType === 3 || node.nodeType === 4 || node.nodeType === 7 || node.nodeType === 8;
}

/** The child of `parent` that is `node` or contains it. */
function childContaining(parent: Node, node: Node): Node {
  let child = node;
  while (child.parentNode !== parent) child = child.parentNode!;
  return child;
}

/** Copies the children of `parent` between the boundaries (null: from its start, to its end). */
function copyChildren(
  parent: Node,
  out: Node,
  target: Document,
  start: Boundary | null,
  end: Boundary | null,
): void {
  const startChild = start && start.node !== parent ? childContaining(parent, start.node) : null;
  const endChild = end && end.node !== parent ? childContaining(parent, end.node) : null;
  let child: Node | null =
    startChild ?? (start ? (parent.childNodes[start.offset] ?? null) : parent.firstChild);
  const stopBefore = end && !endChild ? (parent.childNodes[end.offset] ?? null) : null;
  for (; child && child !== stopBefore; child = child.nextSibling) {
    if (child === startChild || child === endChild) {
      copyPartly(child, out, target, child === startChild ? start : null, child === endChild ? end : null);
    } else if (child.nodeType !== DOCUMENT_TYPE_NODE) {
      out.appendChild(target.importNode(child, true));
    }
    if (child === endChild) break;
  }
}

function copyPartly(
  node: Node,
  out: Node,
  target: Document,
  start: Boundary | null,
  end: Boundary | null,
): void {
  if (isCharacterData(node)) {
    appendSlice(out, target, node, start, end);
    return;
  }
  const shallow = target.importNode(node, false);
  out.appendChild(shallow);
  copyChildren(node, shallow, target, start, end);
}

function appendSlice(
  out: Node,
  target: Document,
  node: CharacterData,
  start: Boundary | null,
  end: Boundary | null,
): void {
  const from = start?.node === node ? start.offset : 0;
  const to = end?.node === node ? end.offset : node.data.length;
  const copy = target.importNode(node, false) as CharacterData;
  copy.data = node.data.slice(from, to);
  out.appendChild(copy);
}
