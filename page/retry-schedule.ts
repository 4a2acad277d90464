/**
 * When to look again for highlights not found yet, on a page whose text keeps changing: late
 * rendering, infinite scroll, a live ticker. Pure (time comes in as numbers) so it can be tested.
 *
 * - Changes are debounced, but a page that never stops changing (a clock ticking every 100 ms)
 *   still gets a retry at most `maxWaitMs` after the first change.
 * - Retries that find nothing back off (doubling up to `maxGapMs`), so passages deleted for good
 *   cost little on a page that changes forever; a retry that finds something resets the gap.
 * - Anchoring never takes more than `dutyCycle` of the time: after a pass of d ms the next one
 *   waits at least d * (1 / dutyCycle - 1), whatever the page size.
 */
export interface RetryScheduleOptions {
  debounceMs: number;
  maxWaitMs: number;
  maxGapMs: number;
  dutyCycle: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetryScheduleOptions = {
  debounceMs: 250,
  maxWaitMs: 1000,
  maxGapMs: 4000,
  dutyCycle: 0.1,
};

export class RetrySchedule {
  private firstChangeAt: number | null = null;
  private lastPassEnd = Number.NEGATIVE_INFINITY;
  private lastPassMs = 0;
  private gapMs: number;

  constructor(private readonly options: RetryScheduleOptions = DEFAULT_RETRY_SCHEDULE) {
    this.gapMs = options.debounceMs;
  }

  /** The page's text changed at `now`: returns when (absolute time) the retry should run. */
  changed(now: number): number {
    this.firstChangeAt ??= now;
    const { debounceMs, maxWaitMs, dutyCycle } = this.options;
    const due = Math.min(now + debounceMs, this.firstChangeAt + maxWaitMs);
    const earliest = Math.max(
      this.lastPassEnd + this.gapMs,
      this.lastPassEnd + this.lastPassMs * (1 / dutyCycle - 1),
    );
    return Math.max(due, earliest);
  }

  /** A retry pass ended at `now` after `durationMs`; `found` if it placed a highlight it looked for. */
  passDone(now: number, durationMs: number, found: boolean): void {
    this.firstChangeAt = null;
    this.lastPassEnd = now;
    this.lastPassMs = durationMs;
    this.gapMs = found ? this.options.debounceMs : Math.min(this.gapMs * 2, this.options.maxGapMs);
  }

  /** A retry was due but every highlight is in place: wait for the next change afresh. */
  nothingToDo(): void {
    this.firstChangeAt = null;
  }
}
