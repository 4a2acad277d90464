/**
 * Where the selection toolbar goes (#17, item 6): it must cover neither the selected text nor the line
 * the reader reads next. Above the selection's first line when the viewport has room there, else
 * below the line that follows the selection's last line; always in the viewport, where it can be used.
 */

/** A box in viewport coordinates (what `getClientRects` gives). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
}

export interface Placement {
  /** Viewport coordinates of the toolbar's top-left corner. */
  top: number;
  left: number;
  side: 'above' | 'below';
}

/** Space between the toolbar and the text it is about. */
export const TOOLBAR_GAP = 6;

/**
 * The toolbar's place for a selection whose first and last line boxes are `first` and `last`.
 * `lineHeight` is the distance from one line to the next where the selection ends (the next line's
 * box ends that far below `last`); `size` is the toolbar's; `viewport` the window's inner size.
 */
export function placeToolbar(
  first: Box,
  last: Box,
  lineHeight: number,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const margin = 8;
  const left = Math.max(margin, Math.min(first.left, viewport.width - size.width - margin));
  const above = first.top - size.height - TOOLBAR_GAP;
  if (above >= 0) return { top: above, left, side: 'above' };
  // No room above (the selection starts at the top of the viewport): past the next line instead.
  const belowNextLine = last.bottom + Math.max(lineHeight, last.bottom - last.top) + TOOLBAR_GAP;
  const fits = (top: number) => top + size.height <= viewport.height;
  // A short viewport (a small frame) or a selection to its bottom: a toolbar out of view could take no
  // click (it arms only when seen), so it stays in view, over the next line or, last, over the text.
  const underLast = last.bottom + TOOLBAR_GAP;
  const top = fits(belowNextLine)
    ? belowNextLine
    : fits(underLast)
      ? underLast
      : Math.max(0, viewport.height - size.height);
  return {
    top,
    left: Math.max(margin, Math.min(last.left, viewport.width - size.width - margin)),
    side: 'below',
  };
}

/**
 * The distance between two lines of `element`'s text: its computed `line-height`, or 1.2 times its
 * font size where the line height is `normal`.
 */
export function lineHeightOf(element: Element | null): number {
  const view = element?.ownerDocument.defaultView;
  if (!element || !view) return 0;
  const style = view.getComputedStyle(element);
  const line = Number.parseFloat(style.lineHeight);
  if (Number.isFinite(line)) return line;
  const font = Number.parseFloat(style.fontSize);
  return Number.isFinite(font) ? font * 1.2 : 0;
}
