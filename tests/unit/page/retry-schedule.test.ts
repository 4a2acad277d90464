// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RetrySchedule } from '@/page/retry-schedule';

const options = { debounceMs: 250, maxWaitMs: 1000, maxGapMs: 4000, dutyCycle: 0.1 };

describe('RetrySchedule', () => {
  it('debounces a burst of changes', () => {
    const schedule = new RetrySchedule(options);
    expect(schedule.changed(0)).toBe(250);
    expect(schedule.changed(100)).toBe(350);
  });

  it('still retries on a page that never stops changing (a clock ticking every 100 ms)', () => {
    const schedule = new RetrySchedule(options);
    let at = 0;
    for (let t = 0; t <= 5000; t += 100) {
      at = schedule.changed(t);
      if (at <= t + 100) break;
    }
    // The first change was at 0: the retry runs by maxWait however many changes followed.
    expect(at).toBe(1000);
  });

  it('backs off while retries find nothing, up to the largest gap, and resets when one finds something', () => {
    const schedule = new RetrySchedule(options);
    const gaps: number[] = [];
    let end = 0;
    for (let i = 0; i < 7; i++) {
      const at = schedule.changed(end);
      gaps.push(at - end);
      end = at + 1;
      schedule.passDone(end, 1, false);
    }
    expect(gaps).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    schedule.passDone(end, 1, true);
    expect(schedule.changed(end) - end).toBe(250);
  });

  it('keeps anchoring under a tenth of the time however slow a pass is', () => {
    const schedule = new RetrySchedule(options);
    schedule.passDone(10_000, 800, true);
    // 800 ms of work: the next pass waits 7.2 s, so work is at most 10% of the time.
    expect(schedule.changed(10_000)).toBe(10_000 + 7200);
  });

  it('starts afresh after a retry that had nothing to do', () => {
    const schedule = new RetrySchedule(options);
    schedule.changed(0);
    schedule.nothingToDo();
    expect(schedule.changed(5000)).toBe(5250);
  });
});
