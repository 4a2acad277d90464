import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightPainter } from '@/page/highlight-painter';
import { PageHighlights } from '@/page/page-highlights';

describe('PageHighlights retries', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('schedule through the given timer (the content script passes WXT’s ctx.setTimeout), cancelled on stop', async () => {
    const scheduled: { ms: number; cancelled: boolean }[] = [];
    const highlights = new PageHighlights({
      doc: document,
      painter: {} as HighlightPainter,
      fetchHighlights: async () => [],
      reportStatuses: async () => {},
      now: () => 1000,
      schedule: (_run, ms) => {
        const entry = { ms, cancelled: false };
        scheduled.push(entry);
        return () => {
          entry.cancelled = true;
        };
      },
    });
    highlights.watchForChanges();
    document.body.append('late text');
    await vi.waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]!.ms).toBeGreaterThan(0);
    highlights.stop();
    expect(scheduled[0]!.cancelled).toBe(true);
  });
});
