/**
 * Draws highlights with the CSS Custom Highlight API: no change to the page's DOM, one
 * `Highlight` per colour registered as `talk-notes-<colour>`, one Range per stored highlight.
 * Two more names mark what a colour cannot say (#17): `talk-notes-overlap` holds the text two
 * highlights share (drawn darker, so two overlapping clips do not read as one), `talk-notes-noted`
 * the highlights that carry a note (a dotted underline).
 */
import { COLOR_PAINT } from '@/core/colors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/core/types';

/** Public names: `talk-notes-yellow`, ... Tools and tests look for them. */
export const highlightName = (color: HighlightColor) => `talk-notes-${color}`;

/** The text two or more drawn highlights share. */
export const OVERLAP_HIGHLIGHT = 'talk-notes-overlap';
/** The highlights with a note. */
export const NOTED_HIGHLIGHT = 'talk-notes-noted';

function stylesheetText(): string {
  return [
    ...HIGHLIGHT_COLORS.map(
      (c) => `::highlight(${highlightName(c)}) { background-color: ${COLOR_PAINT[c]}; }`,
    ),
    // Over the colours (a higher priority): a grey veil, a darker shade of whatever lies under it.
    `::highlight(${OVERLAP_HIGHLIGHT}) { background-color: rgba(60, 40, 0, 0.28); }`,
    `::highlight(${NOTED_HIGHLIGHT}) { text-decoration: underline dotted 2px; text-decoration-color: rgba(120, 70, 0, 0.9); text-underline-offset: 3px; }`,
  ].join('\n');
}

interface Painted {
  range: Range;
  color: HighlightColor;
  noted: boolean;
}

export class HighlightPainter {
  private readonly painted = new Map<string, Painted>();
  private readonly registry: Map<string, Highlight> = new Map();
  private styled = false;
  /** The overlaps are worked out once after a batch of draws and removals (one anchoring pass). */
  private overlapsDue = false;

  constructor(private readonly doc: Document) {}

  /** Draws highlight `id` over `range` in `color`; `noted` underlines it (it has a note). */
  draw(id: string, range: Range, color: HighlightColor, noted = false): void {
    this.remove(id);
    this.ensureStyles();
    this.highlightNamed(highlightName(color)).add(range);
    if (noted) this.highlightNamed(NOTED_HIGHLIGHT).add(range);
    this.painted.set(id, { range, color, noted });
    this.overlapsChanged();
  }

  remove(id: string): void {
    const painted = this.painted.get(id);
    if (!painted) return;
    this.registry.get(highlightName(painted.color))?.delete(painted.range);
    this.registry.get(NOTED_HIGHLIGHT)?.delete(painted.range);
    this.painted.delete(id);
    this.overlapsChanged();
  }

  clear(): void {
    for (const id of [...this.painted.keys()]) this.remove(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /**
   * The stored highlights (not clips still being saved) that `range` would extend, first drawn first:
   * those it shares text with and reaches past. A selection inside one highlight (the same passage
   * selected again) extends nothing: it is an ordinary clip ("Already highlighted" when it is the same).
   */
  extendable(range: Range): string[] {
    const ids: string[] = [];
    for (const [id, painted] of this.painted) {
      if (!id.startsWith('pending:') && extendsRange(range, painted.range)) ids.push(id);
    }
    return ids;
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

  private overlapsChanged(): void {
    if (this.overlapsDue) return;
    this.overlapsDue = true;
    queueMicrotask(() => {
      this.overlapsDue = false;
      this.drawOverlaps();
    });
  }

  /** Puts the shared stretches of the drawn highlights under `talk-notes-overlap`: one sweep in document order. */
  private drawOverlaps(): void {
    const overlap = this.registry.get(OVERLAP_HIGHLIGHT);
    overlap?.clear();
    const ranges = [...this.painted.values()].map((p) => p.range).filter(inDocument);
    if (ranges.length < 2) return;
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    let open: Range[] = [];
    const shared: Range[] = [];
    for (const range of ranges) {
      // Those that end before this one starts are done.
      open = open.filter((o) => o.compareBoundaryPoints(Range.START_TO_END, range) > 0);
      for (const o of open) {
        const part = range.cloneRange();
        if (o.compareBoundaryPoints(Range.END_TO_END, range) < 0) part.setEnd(o.endContainer, o.endOffset);
        if (!part.collapsed) shared.push(part);
      }
      open.push(range);
    }
    if (!shared.length) return;
    const highlight = this.highlightNamed(OVERLAP_HIGHLIGHT);
    for (const part of shared) highlight.add(part);
  }

  private highlightNamed(name: string): Highlight {
    let highlight = this.registry.get(name);
    const win = this.doc.defaultView!;
    if (!highlight) {
      highlight = new win.Highlight();
      // Over the colour highlights, whatever order they were registered in.
      if (name === OVERLAP_HIGHLIGHT) highlight.priority = 1;
      this.registry.set(name, highlight);
    }
    // Re-register every time: a page script may have cleared CSS.highlights.
    if (win.CSS.highlights.get(name) !== highlight) win.CSS.highlights.set(name, highlight);
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

/**
 * Whether `selection` shares text with `highlight` and reaches past it at either end: the union of the
 * two is more than the highlight.
 */
export function extendsRange(selection: Range, highlight: Range): boolean {
  if (!shareText(selection, highlight)) return false;
  try {
    return (
      selection.compareBoundaryPoints(Range.START_TO_START, highlight) < 0 ||
      selection.compareBoundaryPoints(Range.END_TO_END, highlight) > 0
    );
  } catch {
    return false;
  }
}

/** Whether two ranges share at least one character (touching ends do not count). */
function shareText(a: Range, b: Range): boolean {
  try {
    return (
      // a's end after b's start, and a's start before b's end.
      a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0
    );
  } catch {
    return false; // in another document, or its nodes left this one
  }
}

function inDocument(range: Range): boolean {
  return range.startContainer.isConnected && range.endContainer.isConnected;
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
