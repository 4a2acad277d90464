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
  if (!range.toString().trim()) return null;
  // A selection in a text field reports the field's host as its container.
  const active = doc.activeElement;
  if (active && active !== doc.body && active.matches(EDITABLE)) return null;
  if (isExcluded(range.startContainer) || isExcluded(range.endContainer)) return null;
  if (!doc.body?.contains(range.commonAncestorContainer)) return null;
  return range;
}

/**
 * Shrinks a range so it starts and ends on non-whitespace text: double-click and drag selections
 * often carry a trailing space or newline the reader did not mean to keep.
 */
export function trimRange(range: Range): Range {
  const trimmed = range.cloneRange();
  const text = trimmed.toString();
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  if (lead) moveBoundary(trimmed, 'start', lead);
  if (trail) moveBoundary(trimmed, 'end', trail);
  return trimmed;
}

/** Moves a boundary inward by `count` characters of text. */
function moveBoundary(range: Range, which: 'start' | 'end', count: number): void {
  const doc = range.startContainer.ownerDocument!;
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) texts.push(n as Text);
  }
  if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
  if (which === 'start') {
    let left = count;
    for (const node of texts) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const available = (node === range.endContainer ? range.endOffset : node.length) - from;
      if (left < available || (left === available && node === range.endContainer)) {
        range.setStart(node, from + left);
        return;
      }
      left -= Math.max(0, available);
    }
  } else {
    let left = count;
    for (const node of texts.reverse()) {
      const to = node === range.endContainer ? range.endOffset : node.length;
      const available = to - (node === range.startContainer ? range.startOffset : 0);
      if (left < available || (left === available && node === range.startContainer)) {
        range.setEnd(node, to - left);
        return;
      }
      left -= Math.max(0, available);
    }
  }
}
