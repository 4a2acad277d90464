/**
 * Which selections may be clipped: real text in the page, not in form fields, editors, or our own UI.
 */

/** Custom element names of our injected UI; a selection inside them is never clipped. */
export const OWN_UI_TAGS = ['talk-notes-toolbar', 'talk-notes-menu'];

const EDITABLE =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function isExcluded(node: Node): boolean {
  const element = elementOf(node);
  if (!element) return true;
  if (element.closest(EDITABLE)) return true;
  return OWN_UI_TAGS.some((tag) => element.closest(tag));
}

/**
 * The selection's range when it can be clipped, else null: collapsed, whitespace-only, inside an
 * input/textarea/editor or our own UI, or outside the document body.
 */
export function clippableRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!hasText(range)) return null;
  // A selection in a text field reports the field's host as its container.
  const active = doc.activeElement;
  if (active && active !== doc.body && active.matches(EDITABLE)) return null;
  if (isExcluded(range.startContainer) || isExcluded(range.endContainer)) return null;
  if (!doc.body?.contains(range.commonAncestorContainer)) return null;
  return range;
}

/**
 * Shrinks a range so it starts and ends on non-whitespace text: double-click and drag selections
 * often carry a trailing space or newline the reader did not mean to keep. "Text" is what
 * `Range.toString` gives; a range with none is returned as it is.
 */
export function trimRange(range: Range): Range {
  const trimmed = range.cloneRange();
  let first: TextSlice | null = null;
  let last: TextSlice | null = null;
  for (const slice of textSlices(range)) {
    if (!/\S/.test(slice.node.data.slice(slice.from, slice.to))) continue;
    first ??= slice;
    last = slice;
  }
  if (!first || !last) return trimmed;
  const lead = first.node.data.slice(first.from, first.to).search(/\S/);
  const trail = /\s*$/.exec(last.node.data.slice(last.from, last.to))![0].length;
  trimmed.setStart(first.node, first.from + lead);
  trimmed.setEnd(last.node, last.to - trail);
  return trimmed;
}

/** Whether the range holds anything but whitespace (in `Range.toString` terms). */
function hasText(range: Range): boolean {
  for (const { node, from, to } of textSlices(range)) {
    if (/\S/.test(node.data.slice(from, to))) return true;
  }
  return false;
}

/** The part `[from, to)` of a Text node's data that lies inside a range. */
interface TextSlice {
  node: Text;
  from: number;
  to: number;
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

function isCharacterData(node: Node): boolean {
  return isText(node) || node.nodeType === 7 || node.nodeType === 8; // processing instruction, comment
}

/** The next node in document order after `node`'s subtree. */
function afterSubtree(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/**
 * The Text nodes a range covers, in document order, with the part of each inside it: what
 * `Range.toString` concatenates. A walk from one boundary to the other, so its cost is the size of
 * the selection, not of the page (and no boundary-point comparison per node).
 */
function* textSlices(range: AbstractRange): Generator<TextSlice> {
  const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  if (range.collapsed) return;
  if (sc === ec && isCharacterData(sc)) {
    if (isText(sc)) yield { node: sc, from: so, to: eo };
    return;
  }
  let node: Node | null;
  if (isCharacterData(sc)) {
    if (isText(sc)) yield { node: sc, from: so, to: sc.data.length };
    node = afterSubtree(sc);
  } else {
    node = sc.childNodes[so] ?? afterSubtree(sc);
  }
  // Where the walk stops: the end text node (inclusive), or the first node after the end point.
  const endsInData = isCharacterData(ec);
  const stop = endsInData ? null : (ec.childNodes[eo] ?? afterSubtree(ec));
  while (node && node !== stop) {
    if (endsInData && node === ec) {
      if (isText(node)) yield { node, from: 0, to: eo };
      return;
    }
    if (isText(node)) yield { node, from: 0, to: node.data.length };
    node = node.firstChild ?? afterSubtree(node);
  }
}
