/**
 * jsdom answers `Range.intersectsNode` by walking the tree to compare boundary points, about 5 ms a call on
 * a large page; the libraries the corpus tests use as oracles call it once per text node they visit (the
 * text-fragments polyfill, Apache Annotator's TextNodeChunker), so one passage of a 1 MB page took minutes.
 * While a page does not change, the same answers come from a snapshot of its tree order.
 */

/**
 * Boundary points as numbers in tree order: each node gets its pre-order number and that of its last
 * descendant; a point between children sits half-way, a point in character data inside its node.
 */
export function treeOrder(root: Node) {
  const first = new Map<Node, number>();
  const last = new Map<Node, number>();
  let n = 0;
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      last.set(node, n - 1);
      continue;
    }
    first.set(node, n++);
    stack.push({ node, leaving: true });
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push({ node: c, leaving: false });
  }
  return {
    span: (node: Node) => {
      const a = first.get(node);
      return a === undefined ? null : { first: a, last: last.get(node)! };
    },
    point: (container: Node, offset: number): number | null => {
      const at = first.get(container);
      if (at === undefined) return null;
      if (
        container.nodeType === 3 ||
        container.nodeType === 4 ||
        container.nodeType === 7 ||
        container.nodeType === 8
      ) {
        // Within (at, at + 0.4): after the point before the node, before the point after it (+-0.5).
        return at + (0.4 * (offset + 1)) / ((container as CharacterData).length + 2);
      }
      const child = container.childNodes[offset];
      return child ? first.get(child)! - 0.5 : last.get(container)! + 0.5;
    },
  };
}

/**
 * Answers `Range.prototype.intersectsNode` for nodes of `doc` from a snapshot of its tree order (ranges
 * and nodes elsewhere, such as a clip's inert copy, keep jsdom's answer). The page must not change until
 * the returned function restores jsdom's method.
 */
export function snapshotIntersectsNode(doc: Document): () => void {
  const original = Range.prototype.intersectsNode;
  const order = treeOrder(doc);
  Range.prototype.intersectsNode = function intersectsNode(this: Range, node: Node): boolean {
    const start = order.point(this.startContainer, this.startOffset);
    const end = order.point(this.endContainer, this.endOffset);
    const span = order.span(node);
    if (start === null || end === null || !span || !node.parentNode) return original.call(this, node);
    // The spec's test: (parent, index) before the range's end and (parent, index + 1) after its start.
    return span.first - 0.5 < end && span.last + 0.5 > start;
  };
  return () => {
    Range.prototype.intersectsNode = original;
  };
}
