import {
  defaultRangeExtractor,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  type Range,
  type Rect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useMemo, useReducer, useState } from 'preact/hooks';

export interface VirtualListOptions {
  count: number;
  getScrollElement: () => HTMLElement | null;
  /** Height to assume for a row before it is measured. */
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string | number;
  overscan?: number;
  /** Where the list starts in its scroll element (a list inside a page that scrolls). */
  scrollMargin?: number;
  /** Rows kept rendered even when scrolled away (the focused row, the row being edited). */
  keepMounted?: readonly number[];
  /**
   * Viewport size to use where layout is not computed (jsdom reports 0 × 0); real browsers
   * measure the scroll element and ignore it.
   */
  fallbackRect?: Rect;
}

/**
 * A Preact hook around @tanstack/virtual-core's Virtualizer: only the rows in (or near) the
 * viewport are rendered; rows are measured as they render (`ref={virtualizer.measureElement}` with
 * `data-index`), so rows of any height work.
 */
export function useVirtualizer(options: VirtualListOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const { keepMounted = [], fallbackRect, ...rest } = options;
  const keepKey = keepMounted.join(',');
  // Stable while the kept rows are the same: the virtualizer recomputes its range when it changes.
  const rangeExtractor = useMemo(
    () => (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const extra = keepMounted.filter((i) => i >= 0 && i < range.count && !indexes.includes(i));
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes;
    },
    [keepKey],
  );
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    overscan: 6,
    scrollToFn: elementScroll,
    observeElementOffset,
    observeElementRect: fallbackRect
      ? (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : fallbackRect))
      : observeElementRect,
    // An unmeasurable row (no layout) keeps its estimate instead of collapsing to 0.
    measureElement: (element, entry, instance) =>
      measureElement(element, entry, instance) ||
      instance.options.estimateSize(instance.indexFromElement(element)),
    rangeExtractor,
    ...rest,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}
