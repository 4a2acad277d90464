/**
 * The page's text as a browser renders it, cut into blocks: what a text-fragment link (`#:~:text=`) is
 * matched against. It differs from the anchoring text (core/anchoring/text-index.ts) in two ways:
 * - text that is not rendered is left out: `display:none` subtrees (share buttons, `hidden`), MathML
 *   `<annotation>`, text under `visibility:hidden`;
 * - block boundaries are known even where the source has no whitespace between blocks (`</p><p>`,
 *   `<br>`, `display:block` on a `<span>`): a term of a link must lie within one block.
 *
 * A boundary is put wherever either reader of links puts one: Chromium splits at layout blocks (any
 * display but inline), the text-fragments polyfill at a fixed list of block tag names. Terms kept
 * within the finer blocks match in both.
 *
 * Layout is read through a {@link StyleReader} (the page passes `getComputedStyle`), so this module
 * stays pure and tests can give styles of their own.
 */
import type { TextIndex } from './anchoring/text-index';

/** What this module reads of an element's computed style; null when the element has none to give. */
export type StyleReader = (element: Element) => { display: string; visibility: string } | null;

/** One run of an indexed Text node's rendered text inside a block. */
interface Piece {
  /** Offset of the run in the TextIndex's text. */
  from: number;
  /** Offset of the run in its block's text. */
  at: number;
  length: number;
  block: number;
}

/** A place in the rendered text: a block and an offset in its (raw, unfolded) text. */
export interface RenderedPoint {
  block: number;
  offset: number;
}

export interface RenderedText {
  /** Each block's rendered text: its visible Text nodes' data joined, whitespace as in the source. */
  readonly blocks: readonly string[];
  /**
   * The rendered point of a TextIndex offset. A start (`'start'`) inside text that is not rendered goes to
   * the next rendered character, an end (`'end'`) to just after the previous one; null when there is none.
   */
  pointOf(offset: number, side: 'start' | 'end'): RenderedPoint | null;
  /** The TextIndex offset of a rendered point (the inverse of {@link pointOf} on rendered text). */
  offsetOf(point: RenderedPoint): number;
}

/**
 * Elements that start and end a block whatever their style: the polyfill's list (MDN's block-level
 * elements, and `br`), which it applies by name.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'details',
  'dialog',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'caption',
  'thead',
  'tbody',
  'tfoot',
]);
/** Displays that keep an element inside its parent's block (everything else is laid out as a box). */
const INLINE_DISPLAYS = new Set(['inline', 'contents', 'ruby', 'ruby-text', '']);
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/** MathML elements browsers never draw (the TeX source of a formula, alternative encodings). */
const HIDDEN_MATHML = new Set(['annotation', 'annotation-xml']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** The rendered text of `index`'s root, read with `styleOf`. */
export function renderedText(index: TextIndex, styleOf: StyleReader): RenderedText {
  const indexed = new Map<Node, number>();
  for (const [i, node] of index.nodes.entries()) indexed.set(node, index.starts[i]!);
  const blocks: string[] = [];
  const pieces: Piece[] = [];
  let parts: string[] = [];
  let length = 0;
  const closeBlock = () => {
    if (length === 0) return;
    blocks.push(parts.join(''));
    parts = [];
    length = 0;
  };

  const read = (element: Element) => {
    try {
      return styleOf(element);
    } catch {
      return null; // jsdom throws for some foreign elements: laid out as inline text.
    }
  };
  const walk = (parent: Node, visible: boolean) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const from = indexed.get(node);
        const data = (node as Text).data;
        if (from === undefined || !visible || data.length === 0) continue;
        pieces.push({ from, at: length, length: data.length, block: blocks.length });
        parts.push(data);
        length += data.length;
        continue;
      }
      if (type !== ELEMENT_NODE) continue;
      const element = node as Element;
      const name = element.localName.toLowerCase();
      if (element.namespaceURI === MATHML_NS && HIDDEN_MATHML.has(name)) continue;
      const style = read(element);
      if (style?.display === 'none') continue;
      const isBlock = BLOCK_TAGS.has(name) || (style !== null && !INLINE_DISPLAYS.has(style.display));
      const shown = style ? style.visibility !== 'hidden' && style.visibility !== 'collapse' : visible;
      if (isBlock) closeBlock();
      walk(element, shown);
      if (isBlock) closeBlock();
    }
  };
  walk(index.root, true);
  closeBlock();
  return new PiecewiseText(blocks, pieces, index.text.length);
}

class PiecewiseText implements RenderedText {
  constructor(
    readonly blocks: readonly string[],
    private readonly pieces: readonly Piece[],
    private readonly textLength: number,
  ) {}

  pointOf(offset: number, side: 'start' | 'end'): RenderedPoint | null {
    const { pieces } = this;
    if (side === 'start') {
      // First piece ending after the offset.
      let lo = 0;
      let hi = pieces.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pieces[mid]!.from + pieces[mid]!.length <= offset) lo = mid + 1;
        else hi = mid;
      }
      const piece = pieces[lo];
      if (!piece) return null;
      return { block: piece.block, offset: piece.at + Math.max(0, offset - piece.from) };
    }
    // Last piece starting before the offset.
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pieces[mid]!.from < offset) lo = mid + 1;
      else hi = mid;
    }
    const piece = pieces[lo - 1];
    if (!piece) return null;
    return { block: piece.block, offset: piece.at + Math.min(piece.length, offset - piece.from) };
  }

  offsetOf(point: RenderedPoint): number {
    let found: Piece | undefined;
    for (const piece of this.pieces) {
      if (piece.block > point.block) break;
      if (piece.block === point.block && piece.at <= point.offset) found = piece;
    }
    if (!found) return this.textLength;
    return found.from + Math.min(found.length, point.offset - found.at);
  }
}
