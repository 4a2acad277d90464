/**
 * Anchoring every highlight of a page without freezing it: one shared text index, the cheap matches
 * first, then the fuzzy ones in time slices with a total budget.
 */
import type { Selector } from '../types';
import {
  type AnchorResult,
  anchorAtExpected,
  anchorExactly,
  anchorFuzzily,
  type Finders,
  selectorsByType,
} from './anchor';
import { OccurrenceFinder } from './occurrences';
import { buildTextIndex, lowerBound, upperBound } from './text-index';

/** A highlight to place: its id and stored selectors. */
export interface AnchorItem {
  id: string;
  selectors: Selector[];
}

/** Knobs and test seams for `anchorAll`. */
export interface AnchorAllOptions {
  /** Work time after which control goes back to the event loop (default 50 ms). */
  sliceMs?: number;
  /** Work time after which no more fuzzy matching starts (default 2000 ms). */
  budgetMs?: number;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Gives the event loop a turn (default `scheduler.yield` when available, else a 0 ms timeout). */
  yieldToEventLoop?: () => Promise<void>;
}

/** Counts of one `anchorAll` run. */
export interface AnchorAllStats {
  /** Highlights placed, by any method (fuzzy included). */
  anchored: number;
  /** Highlights placed by fuzzy matching. */
  fuzzy: number;
  /** Highlights not placed, including those skipped when the budget ran out. */
  orphaned: number;
  /** Wall-clock time from start to end, yields included. */
  durationMs: number;
  /** True when the budget ran out before every fuzzy match was tried. */
  timedOut: boolean;
}

/** What `anchorAll` returns: a result (null for an orphan) per item id, and counts. */
export interface AnchorAllResult {
  results: Map<string, AnchorResult | null>;
  stats: AnchorAllStats;
}

function defaultYield(): Promise<void> {
  // scheduler.yield (Chromium) resumes ahead of other queued tasks; setTimeout is the portable fallback.
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Old start -> new start of the highlights already placed, ordered by old start. */
interface Shift {
  oldStarts: number[];
  newStarts: number[];
}

/**
 * Where a highlight that used to start at `oldStart` is expected now, interpolated between the nearest
 * placed highlights before and after it. Far better than the stale offset when content was inserted.
 */
function expectedStart(shift: Shift, oldStart: number): number {
  const { oldStarts, newStarts } = shift;
  if (oldStarts.length === 0) return oldStart;
  const after = lowerBound(oldStarts, oldStart);
  const before = upperBound(oldStarts, oldStart) - 1;
  if (before < 0) return oldStart + newStarts[after]! - oldStarts[after]!;
  if (after >= oldStarts.length) return oldStart + newStarts[before]! - oldStarts[before]!;
  const oldBefore = oldStarts[before]!;
  const oldAfter = oldStarts[after]!;
  const newBefore = newStarts[before]!;
  const newAfter = newStarts[after]!;
  if (oldAfter === oldBefore || newAfter < newBefore) return oldStart + newBefore - oldBefore;
  return newBefore + ((oldStart - oldBefore) * (newAfter - newBefore)) / (oldAfter - oldBefore);
}

/**
 * Anchors every item against `root`, building its text index once.
 *
 * Position and exact-quote matches run first for all items; fuzzy matching then runs for the rest, with
 * the expected position of each interpolated from its placed neighbours. After each item, if the current
 * slice has run `sliceMs`, it yields to the event loop so the page stays responsive. Once `budgetMs` of
 * work (time spent yielding excluded) is used, no further fuzzy match starts: the remaining items are
 * orphans and `timedOut` is true. An item whose anchoring throws (the DOM changed under a yield) is an orphan.
 */
export async function anchorAll(
  root: Node,
  items: readonly AnchorItem[],
  options: AnchorAllOptions = {},
): Promise<AnchorAllResult> {
  const sliceMs = options.sliceMs ?? 50;
  const budgetMs = options.budgetMs ?? 2000;
  const now = options.now ?? (() => performance.now());
  const yieldToEventLoop = options.yieldToEventLoop ?? defaultYield;

  const startedAt = now();
  let sliceStart = startedAt;
  let worked = 0; // Work time of the slices already finished.
  const workTime = () => worked + (now() - sliceStart);
  const maybeYield = async () => {
    const current = now();
    if (current - sliceStart < sliceMs) return;
    worked += current - sliceStart;
    await yieldToEventLoop();
    sliceStart = now();
  };

  const index = buildTextIndex(root);
  // Made on first use: a page where every stored position still holds its quote never folds its text
  // or indexes it.
  let rawFinder: OccurrenceFinder | undefined;
  let foldedFinder: OccurrenceFinder | undefined;
  const finders: Finders = {
    get raw() {
      rawFinder ??= new OccurrenceFinder(index.text);
      return rawFinder;
    },
    get folded() {
      foldedFinder ??= new OccurrenceFinder(index.folded.text);
      return foldedFinder;
    },
  };
  const results = new Map<string, AnchorResult | null>();
  const pending: AnchorItem[] = [];
  const placedShifts: { oldStart: number; newStart: number }[] = [];

  // In stored order, so the shift of the highlight placed last predicts where the next one is: after an
  // inserted or deleted paragraph, one search finds the new shift and the following highlights are
  // confirmed where expected without scanning the page again.
  const byOldStart = items
    .map((item) => ({ item, oldStart: selectorsByType(item.selectors).position?.start }))
    .sort((a, b) => (a.oldStart ?? Number.MAX_SAFE_INTEGER) - (b.oldStart ?? Number.MAX_SAFE_INTEGER));
  let lastShift = 0;
  for (const { item, oldStart } of byOldStart) {
    let result: AnchorResult | null = null;
    try {
      if (oldStart !== undefined && lastShift !== 0) {
        result = anchorAtExpected(index, item.selectors, oldStart + lastShift);
      }
      result ??= anchorExactly(index, item.selectors, undefined, finders);
    } catch {
      result = null;
    }
    if (result) {
      results.set(item.id, result);
      if (oldStart !== undefined) {
        placedShifts.push({ oldStart, newStart: result.start });
        lastShift = result.start - oldStart;
      }
    } else {
      pending.push(item);
    }
    await maybeYield();
  }

  placedShifts.sort((a, b) => a.oldStart - b.oldStart);
  const shift: Shift = {
    oldStarts: placedShifts.map((s) => s.oldStart),
    newStarts: placedShifts.map((s) => s.newStart),
  };

  let timedOut = false;
  for (const item of pending) {
    if (timedOut || workTime() >= budgetMs) {
      timedOut = true;
      results.set(item.id, null);
      continue;
    }
    const oldStart = selectorsByType(item.selectors).position?.start;
    let result: AnchorResult | null = null;
    try {
      // The folded text's q-gram index, built on the first fuzzy item if the exact lookups did not
      // build it: pages where everything is found verbatim never pay for it.
      const filter = finders.folded.filter();
      result = anchorFuzzily(
        index,
        item.selectors,
        oldStart === undefined ? undefined : Math.round(expectedStart(shift, oldStart)),
        filter,
      );
    } catch {
      result = null;
    }
    results.set(item.id, result);
    await maybeYield();
  }

  let anchored = 0;
  let fuzzy = 0;
  for (const item of items) {
    const result = results.get(item.id);
    if (!result) continue;
    anchored++;
    if (result.method === 'fuzzy') fuzzy++;
  }
  return {
    results,
    stats: {
      anchored,
      fuzzy,
      orphaned: items.length - anchored,
      durationMs: now() - startedAt,
      timedOut,
    },
  };
}
