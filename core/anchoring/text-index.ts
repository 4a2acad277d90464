/**
 * The text of a DOM subtree as one string, and the mapping between offsets in that string and DOM boundary
 * points. Every selector (position, quote, context) is expressed in these coordinates, so describing and
 * anchoring must agree on them: both go through a `TextIndex`.
 *
 * An index is a snapshot. After the DOM under its root changes, build a new one.
 */

/** Elements whose text is never rendered as page text (raw text, fallback content or form widgets). */
const SKIPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'iframe',
  'canvas',
  'video',
  'audio',
  'head',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';
/** SVG elements that carry accessible text (tooltips, descriptions), not drawn text. */
const SKIPPED_SVG_ELEMENTS = new Set(['title', 'desc', 'metadata']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;
// Range.compareBoundaryPoints `how` values, spelled out so nothing reads the global `Range`.
// START_TO_END compares this range's end with the other's start; END_TO_START the reverse.
const START_TO_START = 0;
const START_TO_END = 1;
const END_TO_END = 2;
const END_TO_START = 3;

/** Start and end offsets into a `TextIndex`'s text; `end` is exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The text with every run of whitespace folded to one space, and the way back to raw offsets.
 * Matching on it makes quotes survive re-indented or minified markup.
 */
export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /** Raw offset of each folded character (for a folded space: the first character of its run). */
  readonly toRaw: Int32Array;
  /** Folded offset of a raw offset (a raw offset inside a whitespace run maps past the run). */
  fromRaw(rawOffset: number): number;
  /** Raw start offset for a folded start offset. */
  rawStart(foldedOffset: number): number;
  /** Raw end offset (exclusive) for a folded end offset. */
  rawEnd(foldedOffset: number): number;
}

/** The rendered-ish text of a root and the two-way mapping between its offsets and DOM positions. */
export interface TextIndex {
  /** The node the index was built for. */
  readonly root: Node;
  /** The concatenated data of the indexed Text nodes, in document order. */
  readonly text: string;
  /** The indexed (non-empty, not skipped) Text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s first character in `text`. */
  readonly starts: Int32Array;
  /** The whitespace-folded view of `text`, computed on first use. */
  readonly folded: FoldedText;
  /**
   * A Range selecting `text.slice(start, end)`. Endpoints are placed in Text nodes: a start at a node
   * boundary goes to the start of the next node, an end to the end of the previous one.
   * @throws RangeError when the offsets are not integers with 0 <= start <= end <= text.length.
   */
  rangeFor(start: number, end: number): Range;
  /**
   * The text offset of the DOM boundary point (node, offset). `node` may be a Text node (offset in
   * characters) or any other node (offset in child nodes, as in Range endpoints). A point inside
   * skipped content maps to the next indexed character.
   * @throws RangeError when node is not the root or inside it.
   */
  offsetOf(node: Node, offset: number): number;
  /**
   * The text offsets of a range. A range partly outside the root is clipped to it.
   * @throws RangeError when the range lies entirely outside the root.
   */
  rangeOffsets(range: AbstractRange): TextSpan;
}

/** True for the characters `/\s/` matches, so folding by hand and by regex agree. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A string with every whitespace run replaced by one space: what `FoldedText.text` holds for a whole text. */
export function foldText(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Builds the folded view of `raw`, with offset maps in both directions. */
export function foldWhitespace(raw: string): FoldedText {
  const toRawFull = new Int32Array(raw.length);
  const parts: string[] = [];
  let length = 0;
  let segmentStart = 0;
  let i = 0;
  while (i < raw.length) {
    if (!isWhitespaceCode(raw.charCodeAt(i))) {
      toRawFull[length++] = i++;
      continue;
    }
    // Copy the non-space segment in one slice, then one space for the whole run.
    parts.push(raw.slice(segmentStart, i), ' ');
    toRawFull[length++] = i;
    i++;
    while (i < raw.length && isWhitespaceCode(raw.charCodeAt(i))) i++;
    segmentStart = i;
  }
  parts.push(raw.slice(segmentStart));
  const text = parts.join('');
  const toRaw = toRawFull.subarray(0, length);
  return {
    text,
    toRaw,
    fromRaw: (rawOffset) => lowerBound(toRaw, rawOffset),
    rawStart: (f) => (f < toRaw.length ? toRaw[f]! : raw.length),
    rawEnd: (f) => (f <= 0 ? 0 : toRaw[f - 1]! + 1),
  };
}

/** First index i with values[i] >= value (values ascending), or values.length. */
export function lowerBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with values[i] > value (values ascending), or values.length. */
export function upperBound(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isSkipped(element: Element): boolean {
  const name = element.localName.toLowerCase();
  if (SKIPPED_ELEMENTS.has(name)) return true;
  return element.namespaceURI === SVG_NS && SKIPPED_SVG_ELEMENTS.has(name);
}

/**
 * The Text nodes under root in document order, without skipped subtrees or empty nodes.
 * A hand-rolled walk: faster than a TreeWalker with a JS filter, and it prunes whole subtrees.
 */
function collectTextNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  if (root.nodeType === TEXT_NODE || root.nodeType === CDATA_SECTION_NODE) {
    if ((root as Text).data.length > 0) nodes.push(root as Text);
    return nodes;
  }
  let node: Node | null = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if ((node as Text).data.length > 0) nodes.push(node as Text);
    } else if (type === ELEMENT_NODE && !isSkipped(node as Element) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Next node after this subtree, climbing up until a sibling exists; never past root.
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return nodes;
}

function ownerDocumentOf(root: Node): Document {
  return root.ownerDocument ?? (root as Document);
}

class DomTextIndex implements TextIndex {
  readonly text: string;
  readonly nodes: readonly Text[];
  readonly starts: Int32Array;
  private readonly positions = new Map<Node, number>();
  private foldedView: FoldedText | undefined;

  constructor(readonly root: Node) {
    const nodes = collectTextNodes(root);
    const starts = new Int32Array(nodes.length);
    const parts: string[] = new Array(nodes.length);
    let offset = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      starts[i] = offset;
      parts[i] = node.data;
      offset += node.data.length;
      this.positions.set(node, i);
    }
    this.nodes = nodes;
    this.starts = starts;
    this.text = parts.join('');
  }

  get folded(): FoldedText {
    this.foldedView ??= foldWhitespace(this.text);
    return this.foldedView;
  }

  rangeFor(start: number, end: number): Range {
    const length = this.text.length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new RangeError(`rangeFor: invalid offsets ${start}..${end} for a text of length ${length}`);
    }
    const range = ownerDocumentOf(this.root).createRange();
    if (this.nodes.length === 0) {
      range.setStart(this.root, 0);
      return range;
    }
    // Start: last node starting at or before `start`, so a boundary goes to the next node.
    const si = Math.max(0, upperBound(this.starts, start) - 1);
    // End: last node starting strictly before `end`, so a boundary stays in the previous node.
    const ei = Math.max(0, lowerBound(this.starts, end) - 1);
    const startNode = this.nodes[si]!;
    // Selecting the start node first makes each setter compare nearby points only: jsdom walks the
    // document between the two points on every setStart/setEnd, which is O(page) from (document, 0).
    range.selectNodeContents(startNode);
    range.setStart(startNode, start - this.starts[si]!);
    range.setEnd(this.nodes[ei]!, Math.max(0, end - this.starts[ei]!));
    return range;
  }

  offsetOf(node: Node, offset: number): number {
    const position = this.positions.get(node);
    if (position !== undefined) {
      const data = (node as Text).data;
      return this.starts[position]! + Math.max(0, Math.min(offset, data.length));
    }
    if (!this.root.contains(node)) {
      throw new RangeError('offsetOf: the node is not inside the index root');
    }
    if (!node.hasChildNodes()) {
      // An unindexed leaf (skipped or empty text, comment, empty element): the next indexed text follows it.
      return this.offsetAt(this.firstIndexedFrom(node, false));
    }
    const child = node.childNodes[offset];
    if (!child) return this.offsetAt(this.firstIndexedFrom(node, false));
    const childPosition = this.positions.get(child);
    if (childPosition !== undefined) return this.starts[childPosition]!;
    return this.offsetAt(this.firstIndexedFrom(child, true));
  }

  rangeOffsets(range: AbstractRange): TextSpan {
    const { startContainer, endContainer } = range;
    if (this.root.contains(startContainer) && this.root.contains(endContainer)) {
      const start = this.offsetOf(startContainer, range.startOffset);
      const end = this.offsetOf(endContainer, range.endOffset);
      return { start, end: Math.max(start, end) };
    }
    // Partly outside: clip to the root's contents, comparing boundary points with live Ranges.
    const doc = ownerDocumentOf(this.root);
    const rootRange = doc.createRange();
    rootRange.selectNodeContents(this.root);
    const live = doc.createRange();
    let startsBefore: boolean;
    let endsAfter: boolean;
    try {
      live.setStart(startContainer, range.startOffset);
      live.setEnd(endContainer, range.endOffset);
      if (
        live.compareBoundaryPoints(START_TO_END, rootRange) <= 0 ||
        live.compareBoundaryPoints(END_TO_START, rootRange) >= 0
      ) {
        throw new RangeError('outside');
      }
      startsBefore = live.compareBoundaryPoints(START_TO_START, rootRange) <= 0;
      endsAfter = live.compareBoundaryPoints(END_TO_END, rootRange) >= 0;
    } catch {
      // Also reached for a range in another document: nothing to compare with.
      throw new RangeError('rangeOffsets: the range lies outside the index root');
    }
    const start = startsBefore ? 0 : this.offsetOf(startContainer, range.startOffset);
    const end = endsAfter ? this.text.length : this.offsetOf(endContainer, range.endOffset);
    return { start, end: Math.max(start, end) };
  }

  private offsetAt(position: number): number {
    return position < this.nodes.length ? this.starts[position]! : this.text.length;
  }

  /**
   * Index of the first indexed node at or after `node` in document order: inside it too when
   * `includeSubtree`, strictly after its subtree otherwise. Binary search with compareDocumentPosition.
   */
  private firstIndexedFrom(node: Node, includeSubtree: boolean): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const candidate = this.nodes[mid]!;
      const relation = node.compareDocumentPosition(candidate);
      const after = includeSubtree
        ? candidate === node || (relation & DOCUMENT_POSITION_FOLLOWING) !== 0
        : (relation & DOCUMENT_POSITION_FOLLOWING) !== 0 && (relation & DOCUMENT_POSITION_CONTAINED_BY) === 0;
      if (after) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Indexes the text under `root`: the concatenation of its Text nodes in document order, skipping
 * text that is never shown as page text (script, style, noscript, template, textarea, select, iframe,
 * canvas/video/audio fallback, SVG title/desc). Hidden-by-CSS text is kept: it needs layout to know.
 */
export function buildTextIndex(root: Node): TextIndex {
  return new DomTextIndex(root);
}

/**
 * The index to work with for `root`: the one given, after checking it was built for `root`, or a new one.
 * @throws Error when `index` belongs to another root.
 */
export function indexFor(root: Node, index?: TextIndex): TextIndex {
  if (!index) return buildTextIndex(root);
  if (index.root !== root) throw new Error('The text index was built for another root');
  return index;
}
