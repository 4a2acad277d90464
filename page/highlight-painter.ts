/**
 * Draws highlights with the CSS Custom Highlight API: no change to the page's DOM, one
 * `Highlight` per colour registered as `talk-notes-<colour>`, one Range per stored highlight.
 */
import { COLOR_PAINT } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

/** Public names: `talk-notes-yellow`, ... Tools and tests look for them. */
export const highlightName = (color: HighlightColor) => `talk-notes-${color}`;

function stylesheetText(): string {
  return HIGHLIGHT_COLORS.map(
    (c) => `::highlight(${highlightName(c)}) { background-color: ${COLOR_PAINT[c]}; }`,
  ).join('\n');
}

interface Painted {
  range: Range;
  color: HighlightColor;
}

export class HighlightPainter {
  private readonly painted = new Map<string, Painted>();
  private readonly registry: Map<HighlightColor, Highlight> = new Map();
  private styled = false;

  constructor(private readonly doc: Document) {}

  draw(id: string, range: Range, color: HighlightColor): void {
    this.remove(id);
    this.ensureStyles();
    const highlight = this.highlightFor(color);
    highlight.add(range);
    this.painted.set(id, { range, color });
  }

  remove(id: string): void {
    const painted = this.painted.get(id);
    if (!painted) return;
    this.registry.get(painted.color)?.delete(painted.range);
    this.painted.delete(id);
  }

  clear(): void {
    for (const id of [...this.painted.keys()]) this.remove(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /** The highlight under a viewport point, if any (drawn highlights are not hit-testable elements). */
  hitTest(x: number, y: number): string | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    // Later highlights are drawn on top: test them first.
    for (const [id, { range }] of [...this.painted].reverse()) {
      try {
        if (range.isPointInRange(caret.node, caret.offset) && !isAtEdge(range, caret)) return id;
      } catch {
        // The range's nodes left the document: not under the pointer.
      }
    }
    return null;
  }

  private highlightFor(color: HighlightColor): Highlight {
    let highlight = this.registry.get(color);
    const win = this.doc.defaultView!;
    if (!highlight) {
      highlight = new win.Highlight();
      this.registry.set(color, highlight);
    }
    // Re-register every time: a page script may have cleared CSS.highlights.
    if (win.CSS.highlights.get(highlightName(color)) !== highlight) {
      win.CSS.highlights.set(highlightName(color), highlight);
    }
    return highlight;
  }

  /**
   * ::highlight() rules must live in the page's styles. A constructed stylesheet adds no element
   * to the page; browsers that refuse it from a content script get a <style> element instead.
   */
  private ensureStyles(): void {
    if (this.styled) return;
    this.styled = true;
    const win = this.doc.defaultView!;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(stylesheetText());
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    } catch {
      const style = this.doc.createElement('style');
      style.dataset.talkNotes = 'highlights';
      style.textContent = stylesheetText();
      (this.doc.head ?? this.doc.documentElement).append(style);
    }
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** A click just past the end of a highlight lands on its end point: not a hit. */
function isAtEdge(range: Range, caret: { node: Node; offset: number }): boolean {
  return caret.node === range.endContainer && caret.offset === range.endOffset;
}
